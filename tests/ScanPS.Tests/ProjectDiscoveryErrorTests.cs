using System.Linq;
using ScanPS.Errors;
using ScanPS.FakeVendors;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>PDCP ErrorResponse bodies surface message, param and error_id; refusals map to the documented ids and categories.</summary>
    public sealed class ProjectDiscoveryErrorTests : ProjectDiscoveryServerTest
    {
        private const string TemplateRefused =
            "{\"message\":\"template not found: http/nope/\",\"kind\":\"bad_request\",\"code\":\"template_not_found\",\"error\":\"Bad Request\"," +
            "\"error_id\":\"01hx2k9zq3\",\"param\":\"templates\",\"status\":400}";

        [Fact]
        public void A_refused_create_carries_the_vendor_message_param_and_error_id_and_nothing_follows()
        {
            Server.Faults.Enqueue(new Fault { Method = "POST", PathPrefix = "/v1/scans", Kind = FaultKind.Status, StatusCode = 400, Body = TemplateRefused });
            var host = new RecordingHost();

            ScanOperations.NewScan(host, Open(), ProjectDiscoveryRequests.Nightly());

            var error = Assert.Single(host.Errors);
            Assert.Equal("InvalidRequest", error.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, error.Category);
            Assert.Equal("ProjectDiscovery answered 400 Bad Request to POST /v1/scans: template not found: http/nope/ (parameter 'templates', error id 01hx2k9zq3)", error.Message);
            Assert.Equal("template not found: http/nope/ (parameter 'templates', error id 01hx2k9zq3)", error.Details);
            Assert.Equal("01hx2k9zq3", error.VendorRequestId);
            Assert.Equal(400, error.StatusCode);
            Assert.Equal("Correct the parameters named in the vendor's message and run the command again.", error.RecommendedAction);
            Assert.Single(ApiRequests); // a 400 is not retried and no GET follows
            Assert.Empty(host.Output);
        }

        [Fact]
        public void A_wrong_key_is_AuthenticationFailed_and_stops_the_command()
        {
            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.NewScan(new RecordingHost(), Open(key: "wrong-key"), ProjectDiscoveryRequests.Nightly()));

            Assert.Equal("AuthenticationFailed", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.AuthenticationError, ex.Error.Category);
            Assert.StartsWith("ProjectDiscovery answered 401 Unauthorized to POST /v1/scans: invalid or missing api key (error id err", ex.Message);
            Assert.Matches("^err[0-9a-f]{17}$", ex.Error.VendorRequestId);
            Assert.Equal("wrong-key", Assert.Single(ApiRequests).Header("X-API-Key"));
        }

        [Fact]
        public void A_team_the_key_does_not_belong_to_is_PermissionDenied_naming_the_header()
        {
            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.ListScans(new RecordingHost(), Open(teamId: "team-red"), new ScanListQuery(), 0, ulong.MaxValue));

            Assert.Equal("PermissionDenied", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.PermissionDenied, ex.Error.Category);
            Assert.Contains("you are not a member of this team (parameter 'X-Team-Id', error id err", ex.Message);
        }

        [Fact]
        public void A_body_that_is_not_the_PDCP_shape_keeps_the_generic_error()
        {
            Server.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/v1/scans", Kind = FaultKind.Status, StatusCode = 404, Body = "{\"error\":\"gone\"}" });
            var host = new RecordingHost();

            ScanOperations.GetScansById(host, Open(), new[] { "d1000000000000000001" });

            var error = Assert.Single(host.Errors);
            Assert.Equal("ScanNotFound", error.ErrorId);
            Assert.Equal("ProjectDiscovery answered 404 Not Found to GET /v1/scans/d1000000000000000001: gone", error.Message);
            Assert.Null(error.VendorRequestId);
        }

        [Fact]
        public void A_failed_read_after_a_successful_create_still_emits_the_scan_with_a_warning()
        {
            Server.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/v1/scans/", Kind = FaultKind.Status, StatusCode = 503, Times = 4 });
            var host = new RecordingHost();

            ScanOperations.NewScan(host, Open(), ProjectDiscoveryRequests.Nightly());

            var scan = Assert.IsType<ProjectDiscoveryScan>(Assert.Single(host.Output));
            Assert.Equal("nightly", scan.Name);
            Assert.Equal(ScanState.Unknown, scan.State);
            Assert.Empty(host.Errors);
            Assert.Equal(new[] { "POST", "GET", "GET", "GET", "GET" }, ApiRequests.Select(r => r.Method));
            var warning = Assert.Single(host.Warnings);
            Assert.StartsWith("Scan " + scan.Id + " was created, but reading its state failed (VendorUnavailable: ", warning);
            Assert.EndsWith("Run Get-Scan -Provider ProjectDiscovery -Id " + scan.Id + " later.", warning);
        }
    }
}
