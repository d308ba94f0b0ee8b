using System.Linq;
using ScanPS.Models;
using ScanPS.Operations;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>Import-Csv hosts.csv | New-Scan -Provider HostedScan -Type SSLYZE, through the seam New-Scan uses.</summary>
    public sealed class NewScanPipelineTests : HostedScanServerTest
    {
        [Fact]
        public void Rows_bound_by_property_name_become_one_scan()
        {
            var collected = new NewScanCollector();
            // What PowerShell binds for each CSV row with a Target column (and one row with a Tag column).
            collected.Add("HostedScan", new[] { "web1.example.com" }, null, null);
            collected.Add("hostedscan", new[] { "web2.example.com" }, null, null);
            collected.Add("HostedScan", new[] { "10.0.0.7" }, null, new[] { "prod" });
            var host = new RecordingHost();

            ScanOperations.NewScan(host, Open(), collected.ToHostedScanRequest("SSLYZE", null));

            Assert.Equal(3, collected.RecordCount);
            var sent = Assert.Single(ApiRequests);
            Assert.Equal("{\"type\":\"SSLYZE\",\"targets\":[\"web1.example.com\",\"web2.example.com\",\"10.0.0.7\"],\"tags\":[\"prod\"]}", sent.Body);
            Assert.Single(host.Output.OfType<HostedScanScan>());
            Assert.Equal("Create SSLYZE scan of 3 targets (web1.example.com, web2.example.com, 10.0.0.7) and targets tagged prod", host.ShouldProcessCalls.Single().Action);
        }

        [Fact]
        public void A_command_line_tag_bound_for_every_row_and_empty_cells_count_once_or_not_at_all()
        {
            var collected = new NewScanCollector();
            // Import-Csv rows "Target,TargetId" with empty cells, and -Tag prod on the command line (bound for each row).
            collected.Add("HostedScan", new[] { "web1.example.com" }, new[] { "" }, new[] { "prod" });
            collected.Add("HostedScan", new[] { "" }, new[] { "5f1e0a7b0000000000000001" }, new[] { "prod" });
            collected.Add("HostedScan", new[] { " web1.example.com " }, new[] { "5f1e0a7b0000000000000001" }, new[] { "prod" });
            var request = collected.ToHostedScanRequest("NMAP", null);

            Assert.Equal(3, collected.RecordCount);
            Assert.Equal(new[] { "web1.example.com" }, request.Targets);
            Assert.Equal(new[] { "5f1e0a7b0000000000000001" }, request.TargetIds);
            Assert.Equal(new[] { "prod" }, request.Tags);
            Assert.Equal("Create NMAP scan of 1 target (web1.example.com) and 1 target id (5f1e0a7b0000000000000001) and targets tagged prod", request.Describe());
        }

        [Fact]
        public void WhatIf_sends_nothing_at_all()
        {
            var collected = new NewScanCollector();
            collected.Add("HostedScan", new[] { "a.example", "b.example" }, null, null);
            var host = new RecordingHost { WhatIf = true };

            ScanOperations.NewScan(host, Open(), collected.ToHostedScanRequest("NMAP", null));

            Assert.Empty(Server.Requests);
            Assert.Empty(host.Output);
            Assert.Equal("Create NMAP scan of 2 targets (a.example, b.example)", host.ShouldProcessCalls.Single().Action);
        }

        [Fact]
        public void No_targets_is_NoScanTargets_before_any_request_and_before_ShouldProcess()
        {
            var collected = new NewScanCollector();
            collected.Add("HostedScan", new[] { " ", "" }, null, null);
            var host = new RecordingHost();

            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.NewScan(host, Open(), collected.ToHostedScanRequest("NMAP", null)));

            Assert.Equal("NoScanTargets", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, ex.Error.Category);
            Assert.Empty(host.ShouldProcessCalls);
            Assert.Empty(Server.Requests);
        }

        [Fact]
        public void An_unknown_type_is_an_error_before_any_request()
        {
            var collected = new NewScanCollector();
            collected.Add("HostedScan", new[] { "a.example" }, null, null);

            var ex = Assert.Throws<ScanPSException>(() => collected.ToHostedScanRequest("NESSUS", null).Validate());

            Assert.Equal("InvalidScanType", ex.ErrorId);
            Assert.Contains("NMAP, NMAP_UDP, SSLYZE, OPENVAS, OWASP_ZAP", ex.Message);
            Assert.Empty(Server.Requests);
        }

        [Fact]
        public void Rows_for_two_providers_cannot_make_one_scan()
        {
            var collected = new NewScanCollector();
            collected.Add("HostedScan", new[] { "a.example" }, null, null);

            var ex = Assert.Throws<ScanPSException>(() => collected.Add("ProjectDiscovery", new[] { "b.example" }, null, null));

            Assert.Equal("ProviderMismatch", ex.ErrorId);
        }

        [Fact]
        public void Long_target_lists_are_shortened_in_the_WhatIf_text()
        {
            var collected = new NewScanCollector();
            collected.Add("HostedScan", Enumerable.Range(1, 8).Select(i => "h" + i + ".example"), null, null);

            Assert.Equal("Create NMAP scan of 8 targets (h1.example, h2.example, h3.example, h4.example, h5.example, … 3 more)",
                collected.ToHostedScanRequest("nmap", null).Describe());
        }
    }
}
