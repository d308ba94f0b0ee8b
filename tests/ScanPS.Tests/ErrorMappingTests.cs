using System;
using System.Linq;
using System.Threading;
using ScanPS.FakeVendors;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers;
using ScanPS.Providers.HostedScan;
using Xunit;

namespace ScanPS.Tests
{
    public sealed class ErrorMappingTests : HostedScanServerTest
    {
        [Fact]
        public void A_missing_id_is_a_non_terminating_ScanNotFound_and_the_other_ids_still_come_out()
        {
            var ids = Vendor.SeedScans(2);
            var host = new RecordingHost();

            ScanOperations.GetScansById(host, Open(), new[] { ids[0], "000000000000000000000bad", ids[1] });

            Assert.Equal(new[] { ids[0], ids[1] }, host.Output.Cast<HostedScanScan>().Select(s => s.Id));
            var error = Assert.Single(host.Errors);
            Assert.Equal("ScanNotFound", error.ErrorId);
            Assert.Equal(ScanPSErrorCategory.ObjectNotFound, error.Category);
            Assert.Equal("000000000000000000000bad", error.TargetObject);
            Assert.Equal("Scan not found", error.Details);
            Assert.Equal(404, error.StatusCode);
            Assert.Contains("HostedScan answered 404", error.Message);
            Assert.Contains("Scan not found", error.Message);
        }

        [Fact]
        public void Get_by_id_refreshes_a_created_scan_as_the_vendor_advances_it()
        {
            var host = new RecordingHost();
            var session = Open();
            ScanOperations.NewScan(host, session, new HostedScanNewScanRequest { Type = "NMAP", Targets = { "example.com" } });
            string id = ((HostedScanScan)host.Output[0]).Id;

            ScanOperations.GetScansById(host, session, new[] { id });
            ScanOperations.GetScansById(host, session, new[] { id });

            Assert.Equal(new[] { ScanState.Queued, ScanState.Running, ScanState.Completed }, host.Output.Cast<HostedScanScan>().Select(s => s.State));
            Assert.Equal(100, ((HostedScanScan)host.Output[2]).Progress);
            Assert.NotEmpty(((HostedScanScan)host.Output[2]).Results);
        }

        [Fact]
        public void A_wrong_key_is_a_terminating_AuthenticationFailed_with_the_vendor_message()
        {
            var ids = Vendor.SeedScans(2);
            var host = new RecordingHost();

            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.GetScansById(host, Open(key: "wrong-key"), ids));

            Assert.Equal("AuthenticationFailed", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.AuthenticationError, ex.Error.Category);
            Assert.Equal("Invalid or missing API key", ex.Error.Details);
            Assert.Contains("SCANPS_HOSTEDSCAN_API_KEY", ex.Error.RecommendedAction);
            Assert.Single(ApiRequests); // the second id was not tried with a key known to be bad
        }

        [Theory]
        [InlineData(400, "InvalidRequest", ScanPSErrorCategory.InvalidArgument)]
        [InlineData(401, "AuthenticationFailed", ScanPSErrorCategory.AuthenticationError)]
        [InlineData(403, "PermissionDenied", ScanPSErrorCategory.PermissionDenied)]
        [InlineData(404, "ResourceNotFound", ScanPSErrorCategory.ObjectNotFound)]
        [InlineData(409, "VendorError", ScanPSErrorCategory.ProtocolError)]
        [InlineData(429, "RateLimitExceeded", ScanPSErrorCategory.LimitsExceeded)]
        [InlineData(500, "VendorUnavailable", ScanPSErrorCategory.ResourceUnavailable)]
        [InlineData(302, "UnexpectedRedirect", ScanPSErrorCategory.ProtocolError)]
        public void Vendor_statuses_map_to_ids_and_categories(int status, string id, ScanPSErrorCategory category)
        {
            var settings = FastSettings;
            settings.MaxRetries = 0;
            Server.Faults.Enqueue(new Fault { Kind = FaultKind.Status, StatusCode = status, Body = "{\"error\":\"vendor says no\"}" });

            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.ListScans(new RecordingHost(), Open(settings: settings), new ScanListQuery(), 0, ulong.MaxValue));

            Assert.Equal(id, ex.ErrorId);
            Assert.Equal(category, ex.Error.Category);
            Assert.Equal(status, ex.Error.StatusCode);
            Assert.False(string.IsNullOrEmpty(ex.Error.RecommendedAction));
            if (status < 300 || status >= 400) Assert.Equal("vendor says no", ex.Error.Details);
        }

        [Fact]
        public void A_400_on_create_is_a_non_terminating_InvalidRequest_with_the_vendor_message()
        {
            var host = new RecordingHost();
            Server.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Status, StatusCode = 400, Body = "{\"error\":\"targets: example..com is not a valid host\"}" });

            ScanOperations.NewScan(host, Open(), new HostedScanNewScanRequest { Type = "NMAP", Targets = { "example..com" } });

            var error = Assert.Single(host.Errors);
            Assert.Equal("InvalidRequest", error.ErrorId);
            Assert.Equal("targets: example..com is not a valid host", error.Details);
            Assert.Contains("targets: example..com is not a valid host", error.Message);
        }

        [Fact]
        public void An_HTML_page_is_InvalidVendorResponse_not_a_crash()
        {
            Server.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.Html, StatusCode = 200 });

            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.ListScans(new RecordingHost(), Open(), new ScanListQuery(), 0, ulong.MaxValue));

            Assert.Equal("InvalidVendorResponse", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidResult, ex.Error.Category);
            Assert.Contains("text/html", ex.Message);
        }

        [Fact]
        public void An_HTML_gateway_error_keeps_its_status_and_names_the_page()
        {
            var settings = FastSettings;
            settings.MaxRetries = 0;
            Server.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.Html, StatusCode = 502 });

            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.ListScans(new RecordingHost(), Open(settings: settings), new ScanListQuery(), 0, ulong.MaxValue));

            Assert.Equal("VendorUnavailable", ex.ErrorId);
            Assert.StartsWith("an HTML page", ex.Error.Details);
        }

        [Fact]
        public void Malformed_JSON_is_InvalidVendorResponse()
        {
            Server.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.MalformedJson });

            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.ListScans(new RecordingHost(), Open(), new ScanListQuery(), 0, ulong.MaxValue));

            Assert.Equal("InvalidVendorResponse", ex.ErrorId);
            Assert.Single(ApiRequests);
        }

        [Fact]
        public void A_truncated_body_is_InvalidVendorResponse()
        {
            var ids = Vendor.SeedScans(1);
            Server.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.TruncatedBody });
            var host = new RecordingHost();

            ScanOperations.GetScansById(host, Open(), ids);

            Assert.True(host.Errors.Count == 1, string.Join("\n", host.Verbose) + " output=" + host.Output.Count);
            Assert.Equal("InvalidVendorResponse", Assert.Single(host.Errors).ErrorId);
        }

        [Fact]
        public void Ctrl_C_aborts_an_in_flight_request()
        {
            Server.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(20) });
            using var cancellation = new CancellationTokenSource();
            var host = new RecordingHost { CancellationToken = cancellation.Token };
            // StopProcessing arrives while the request is in flight: cancel once the server holds it.
            var stopper = System.Threading.Tasks.Task.Run(async () =>
            {
                for (int i = 0; i < 500 && ApiRequests.Count == 0; i++) await System.Threading.Tasks.Task.Delay(20);
                cancellation.Cancel();
            });
            var watch = System.Diagnostics.Stopwatch.StartNew();

            Assert.ThrowsAny<OperationCanceledException>(() => ScanOperations.ListScans(host, Open(), new ScanListQuery(), 0, ulong.MaxValue));

            stopper.GetAwaiter().GetResult();
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(12), "cancellation took " + watch.Elapsed);
            Assert.Single(ApiRequests);
            Assert.Empty(host.Output);
        }
    }
}
