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

        [Fact]
        public void Recent_scan_ids_evict_the_least_recently_seen_and_a_repeat_evicts_nothing()
        {
            string u = System.Guid.NewGuid().ToString("N").Substring(0, 8);
            for (int i = 0; i < RecentScanIds.Capacity; i++) RecentScanIds.Remember("HostedScan", u + "-" + i, null); // only ours now; u-0 oldest

            RecentScanIds.Remember("HostedScan", u + "-0", "again"); // a repeat when full: to the front, with its new label
            var entries = RecentScanIds.Snapshot(null);
            Assert.Equal(RecentScanIds.Capacity, entries.Count);
            Assert.Equal((u + "-0", "again"), (entries[0].Id, entries[0].Label));
            Assert.Equal(new[] { u + "-499", u + "-498" }, entries.Skip(1).Take(2).Select(e => e.Id));
            Assert.Equal(u + "-1", entries[entries.Count - 1].Id);

            RecentScanIds.Remember("Invicti", u + "-1", null); // same id, another provider: a new entry; u-1 (HostedScan) goes
            RecentScanIds.Remember("HostedScan", u + "-1", null); // the evicted one comes back as the newest; u-2 goes
            entries = RecentScanIds.Snapshot(null);
            Assert.Equal(RecentScanIds.Capacity, entries.Count);
            Assert.Equal(new[] { "HostedScan " + u + "-1", "Invicti " + u + "-1", "HostedScan " + u + "-0" }, entries.Take(3).Select(e => e.Provider + " " + e.Id));
            Assert.Equal(u + "-3", entries[entries.Count - 1].Id);
            Assert.Equal(entries.Count, entries.Select(e => e.Provider + " " + e.Id).Distinct().Count());
            Assert.Equal(new[] { u + "-1", u + "-0" }, RecentScanIds.Snapshot("HostedScan").Take(2).Select(e => e.Id));
        }
    }
}
