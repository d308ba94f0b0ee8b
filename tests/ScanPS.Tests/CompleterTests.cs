using System.Linq;
using ScanPS.Completers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>The recent-id store behind -Id completion; completion itself is proven in ScanPS.EngineTests/CompletionTests.</summary>
    public sealed class CompleterTests
    {
        [Fact]
        public void Recent_scan_ids_are_newest_first_per_provider_without_duplicates_and_bounded()
        {
            string unique = System.Guid.NewGuid().ToString("N").Substring(0, 8);
            RecentScanIds.Remember("HostedScan", unique + "-a", null);
            RecentScanIds.Remember("Invicti", unique + "-b", "nightly");
            RecentScanIds.Remember("HostedScan", unique + "-c", null);
            RecentScanIds.Remember("HostedScan", unique + "-a", null); // seen again: moves to the front

            var hosted = RecentScanIds.Snapshot("hostedscan").Where(e => e.Id.StartsWith(unique)).Select(e => e.Id).ToArray();
            Assert.Equal(new[] { unique + "-a", unique + "-c" }, hosted);
            var all = RecentScanIds.Snapshot(null).Where(e => e.Id.StartsWith(unique)).ToArray();
            Assert.Equal(3, all.Length);
            Assert.Equal("nightly", all.Single(e => e.Provider == "Invicti").Label);

            for (int i = 0; i < RecentScanIds.Capacity + 10; i++) RecentScanIds.Remember("Probely", unique + "-" + i, null);
            Assert.Equal(RecentScanIds.Capacity, RecentScanIds.Snapshot(null).Count);
        }
    }
}
