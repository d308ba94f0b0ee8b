using System;
using System.Linq;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers.HostedScan;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>Exact wire requests against the HostedScan docs: method, path, key header, JSON body, filters query.</summary>
    public sealed class HostedScanWireTests : HostedScanServerTest
    {
        [Fact]
        public void NewScan_sends_one_POST_with_the_documented_body_and_key_header()
        {
            var host = new RecordingHost();
            var request = new HostedScanNewScanRequest { Type = "nmap", Targets = { "example.com", "10.0.0.1" } };

            ScanOperations.NewScan(host, Open(), request);

            var sent = Assert.Single(ApiRequests);
            Assert.Equal("POST", sent.Method);
            Assert.Equal("/v1/scans", sent.Path);
            Assert.Equal("", sent.RawQuery);
            Assert.Equal(Key, sent.Header("X-HOSTEDSCAN-API-KEY"));
            Assert.Equal("application/json; charset=utf-8", sent.Header("Content-Type"));
            Assert.Equal("{\"type\":\"NMAP\",\"targets\":[\"example.com\",\"10.0.0.1\"]}", sent.Body);

            var scan = Assert.IsType<HostedScanScan>(Assert.Single(host.Output));
            Assert.Equal("HostedScan", scan.Provider);
            Assert.Equal("NMAP", scan.Type);
            Assert.Equal(ScanState.Queued, scan.State);
            Assert.Equal("QUEUED", scan.VendorState);
            Assert.Equal(0, scan.Progress);
            Assert.Equal(new[] { "example.com", "10.0.0.1" }, scan.Targets);
            Assert.Equal(new[] { "example.com", "10.0.0.1" }, scan.RequestedTargets.Select(t => t.Target));
            Assert.Equal(2, scan.ResolvedTargets.Length);
            Assert.Equal("10.0.0.1", scan.ResolvedTargets[1].ResolvedTarget);
            Assert.Empty(host.Errors);
            Assert.Equal(("HostedScan (" + Server.BaseUri + ")", "Create NMAP scan of 2 targets (example.com, 10.0.0.1)"), Assert.Single(host.ShouldProcessCalls));
        }

        [Fact]
        public void NewScan_sends_target_ids_tags_and_use_authentication_with_vendor_field_names()
        {
            Vendor.AddTarget("t-1", "app.example.com", "prod");
            var host = new RecordingHost();
            var request = new HostedScanNewScanRequest
            {
                Type = "OWASP_ZAP",
                TargetIds = { "t-1", " t-1 ", "" },
                Tags = { "prod" },
                UseAuthentication = true,
            };

            ScanOperations.NewScan(host, Open(), request);

            Assert.Equal("{\"type\":\"OWASP_ZAP\",\"target_ids\":[\"t-1\"],\"tags\":[\"prod\"],\"use_authentication\":true}", Assert.Single(ApiRequests).Body);
            Assert.Empty(host.Errors);
            Assert.Contains("app.example.com", Assert.IsType<HostedScanScan>(Assert.Single(host.Output)).Targets);
        }

        [Fact]
        public void NewScan_sends_use_authentication_false_only_when_asked()
        {
            ScanOperations.NewScan(new RecordingHost(), Open(), new HostedScanNewScanRequest { Type = "SSLYZE", Targets = { "a.example" }, UseAuthentication = false });
            Assert.Equal("{\"type\":\"SSLYZE\",\"targets\":[\"a.example\"],\"use_authentication\":false}", Assert.Single(ApiRequests).Body);
        }

        [Fact]
        public void GetScan_filters_become_the_url_encoded_json_filters_parameter()
        {
            Vendor.SeedScans(30);
            var host = new RecordingHost();
            var query = new ScanListQuery { States = new[] { "Running" }, Types = new[] { "openvas" } };

            ScanOperations.ListScans(host, Open(), query, 0, ulong.MaxValue);

            var sent = Assert.Single(ApiRequests);
            Assert.Equal("GET", sent.Method);
            Assert.Equal("/v1/scans", sent.Path);
            Assert.Equal("?filters=%7B%22state%22%3A%5B%22RUNNING%22%5D%2C%22type%22%3A%5B%22OPENVAS%22%5D%7D", sent.RawQuery);
            Assert.Equal("{\"state\":[\"RUNNING\"],\"type\":[\"OPENVAS\"]}", sent.QueryValue("filters"));
            Assert.Equal(Key, sent.Header("X-HOSTEDSCAN-API-KEY"));
            Assert.NotEmpty(host.Output);
            Assert.All(host.Output.Cast<HostedScanScan>(), s => { Assert.Equal("RUNNING", s.VendorState); Assert.Equal("OPENVAS", s.Type); });
        }

        [Fact]
        public void Normalised_states_map_to_every_vendor_value_and_scheduled_by_passes_through()
        {
            Assert.Equal("?filters=" + Uri.EscapeDataString("{\"state\":[\"SUCCEEDED\",\"FAILED\",\"OVER_LIMIT\"],\"scheduled_by\":[\"USER\"]}"),
                HostedScanClient.FiltersQuery(new ScanListQuery { States = new[] { "Completed", "failed", "OVER_LIMIT" }, ScheduledBy = new[] { "USER" } }));
            Assert.Equal("", HostedScanClient.FiltersQuery(new ScanListQuery()));
        }

        [Fact]
        public void An_unknown_state_is_an_error_before_any_request()
        {
            var host = new RecordingHost();
            var ex = Assert.Throws<ScanPSException>(() =>
                ScanOperations.ListScans(host, Open(), new ScanListQuery { States = new[] { "Sleeping" } }, 0, ulong.MaxValue));

            Assert.Equal("InvalidStateFilter", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, ex.Error.Category);
            Assert.Contains("Completed", ex.Message);
            Assert.Empty(ApiRequests);
        }

        [Fact]
        public void GetScan_by_id_escapes_the_id_in_the_path_and_refuses_one_that_is_not_one_segment()
        {
            var host = new RecordingHost();
            ScanOperations.GetScansById(host, Open(), new[] { "a b/c", "a b" });

            var sent = Assert.Single(ApiRequests);
            // ASP.NET decodes %20 in Request.Path; the id with a slash was refused before anything was sent.
            Assert.Equal("/v1/scans/a b", sent.Path);
            Assert.Equal(new[] { "InvalidScanId", "ScanNotFound" }, host.Errors.Select(e => e.ErrorId).ToArray());
        }
    }
}
