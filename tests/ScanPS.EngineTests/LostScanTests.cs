using System.Linq;
using System.Threading.Tasks;
using ScanPS.FakeVendors;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Issue 17 item 2: a ProjectDiscovery scan whose create succeeded must reach the user even when the follow-up
    /// read (GET /v1/scans/{id}) is lost on the network, or a retry creates a duplicate.
    /// </summary>
    public sealed class LostScanTests : IClassFixture<FakesFixture>
    {
        private readonly Sandbox _sandbox;

        public LostScanTests(FakesFixture fixture) => _sandbox = fixture.Sandbox;

        [Theory]
        [InlineData(FaultKind.DropConnection, "ConnectionFailed")]
        [InlineData(FaultKind.TruncatedBody, "InvalidVendorResponse")]
        public void A_read_lost_after_the_create_still_writes_the_scan_with_a_warning(FaultKind kind, string readError)
        {
            var server = _sandbox.ProjectDiscoveryServer;
            using var engine = new Engine();
            // No retries, so the one read is the one that is lost (the retry budget is the connection's).
            engine.Set("ScanPSKeyText", Sandbox.ApiKey);
            engine.Run(@"
$key = ConvertTo-SecureString $ScanPSKeyText -AsPlainText -Force
Connect-ScanProvider -Provider ProjectDiscovery -ApiKey $key -BaseUri $args[0] -SkipValidation -MaximumRetryCount 0", _sandbox.BaseUri("ProjectDiscovery")).ThrowIfFailed();
            int before = server.Requests.Count;
            server.Faults.Clear();
            server.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/v1/scans/", Kind = kind, Times = 5 });

            var result = engine.Run("New-Scan -Provider ProjectDiscovery -Target example.com -Template http/cves/ -Name lost-read");
            server.Faults.Clear();

            Assert.Null(result.Terminating);
            Assert.Empty(result.Errors);
            var scan = Assert.Single(result.Output);
            Assert.Equal("ScanPS.Models.ProjectDiscoveryScan", scan.BaseObject.GetType().FullName);
            string id = (string)scan.Properties["Id"].Value;
            Assert.Matches("^[0-9a-z]{20}$", id);
            Assert.Equal("ProjectDiscovery", scan.Properties["Provider"].Value);
            Assert.Equal("lost-read", scan.Properties["Name"].Value);
            Assert.Equal("Unknown", scan.Properties["State"].Value.ToString());
            var warning = Assert.Single(result.Warnings);
            Assert.StartsWith("Scan " + id + " was created, but reading its state failed (" + readError + ": ", warning);
            Assert.EndsWith("Run Get-Scan -Provider ProjectDiscovery -Id " + id + " later.", warning);

            var requests = server.Requests.Skip(before).ToList();
            Assert.Equal(new[] { "POST /v1/scans", "GET /v1/scans/" + id }, requests.Select(r => r.Method + " " + r.Path));
            Assert.Contains("\"name\":\"lost-read\"", requests[0].Body);
        }
    }
}
