using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ScanPS.FakeVendors;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Get-ScanFinding in a real engine against the four fakes' seeded finding scans (tests/ScanPS.FakeVendors/FINDINGS.md):
    /// the exact requests per vendor, paging, the severity table as users see it, server-side and client-side filters,
    /// pipelines from Get-Scan objects and Import-Csv rows, -First/-Skip, Export-Csv columns, and errors with their ids.
    /// </summary>
    public sealed class GetScanFindingTests : PipelineTest
    {
        private const string Hs = "HostedScan";
        private const string Pd = "ProjectDiscovery";
        private const string Iv = "Invicti";
        private const string Pb = "Probely";

        private void Seed()
        {
            Sandbox.HostedScan.SeedFindingScans();
            Sandbox.ProjectDiscovery.SeedFindingScans();
            Sandbox.Invicti.SeedFindingScans();
            Sandbox.Probely.SeedFindingScans();
            ForgetRequests();
        }

        private EngineResult Run(string script, params object?[] args)
        {
            Seed();
            return Engine.Run(script, args);
        }

        private static string Enc(string json) => Uri.EscapeDataString(json);

        // ---- HostedScan ----

        [Fact]
        public void HostedScan_by_id_reads_the_scan_then_one_filtered_risk_page_and_keeps_the_scans_risks()
        {
            var result = Run("Get-ScanFinding -Provider HostedScan -ScanId " + FakeHostedScan.FindingsScanId).ThrowIfFailed();
            Assert.Equal(new[]
            {
                "GET /v1/scans/" + FakeHostedScan.FindingsScanId,
                "GET /v1/risks?filters=" + Enc("{\"target_id\":[\"f1a000000000000000000001\",\"f1a000000000000000000002\"],\"risk_definition.scan_type\":[\"OPENVAS\"]}"),
            }, Wire(Hs));
            Assert.Equal(new[] { "f1e000000000000000000001", "f1e000000000000000000002", "f1e000000000000000000003", "f1e000000000000000000004", "f1e000000000000000000005", "f1e000000000000000000006", "f1e000000000000000000007" },
                Column(result, "Id").OrderBy(i => i).ToArray());
            var rows = result.Output.ToDictionary(o => Text(o, "Id")!);
            // The severity table as users see it: HIGH, MEDIUM, LOW, and the undocumented CRITICAL and INFO.
            Assert.Equal(new[] { "High/HIGH", "Medium/MEDIUM", "Low/LOW", "Critical/CRITICAL", "Info/INFO", "High/HIGH", "Medium/MEDIUM" },
                Enumerable.Range(1, 7).Select(i => rows["f1e00000000000000000000" + i]).Select(o => Text(o, "Severity") + "/" + Text(o, "VendorSeverity")).ToArray());
            Assert.Equal(new[] { "new_open/Open", "new_open/Open", "still_open/Open", "still_open/Open", "still_open/Open", "closed/Closed", "still_open/Accepted" },
                Enumerable.Range(1, 7).Select(i => rows["f1e00000000000000000000" + i]).Select(o => Text(o, "ScanStatus") + "/" + Text(o, "Status")).ToArray());
            Assert.All(result.Output, o => Assert.Equal(FakeHostedScan.FindingsScanId, Text(o, "ScanId")));
            Assert.Equal("ScanPS.Models.HostedScanFinding", result.Output[0].TypeNames[0]);
        }
    }
}
