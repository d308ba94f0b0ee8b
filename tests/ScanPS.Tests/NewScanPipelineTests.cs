using System.Linq;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Operations;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// New-Scan's request logic through the seam it uses. What binds from Import-Csv rows (and a command-line -Tag
    /// bound for every row) is proven in a real engine: tests/ScanPS.EngineTests/PipelineBindingTests.
    /// </summary>
    public sealed class NewScanPipelineTests : HostedScanServerTest
    {
        [Fact]
        public void WhatIf_sends_nothing_at_all()
        {
            var collected = new NewScanCollector();
            collected.Add("HostedScan", new[] { "a.example", "b.example" }, null, null);
            var host = new RecordingHost { WhatIf = true };

            ScanOperations.NewScan(host, Open(), NewScanRequests.HostedScan(collected, "NMAP", null));

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

            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.NewScan(host, Open(), NewScanRequests.HostedScan(collected, "NMAP", null)));

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

            var ex = Assert.Throws<ScanPSException>(() => NewScanRequests.HostedScan(collected, "NESSUS", null).Validate());

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
                NewScanRequests.HostedScan(collected, "nmap", null).Describe());
        }
    }
}
