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

        [Fact]
        public void HostedScan_piped_scan_is_not_read_again_and_the_1234_risks_come_in_three_pages()
        {
            var result = Run("Get-Scan -Provider HostedScan -Id " + FakeHostedScan.ManyRisksScanId + " | Get-ScanFinding").ThrowIfFailed();
            Assert.Equal(FakeHostedScan.ManyRisksCount, result.Output.Count);
            var wire = Wire(Hs);
            string filters = "filters=" + Enc("{\"target_id\":[\"f1a000000000000000000003\"],\"risk_definition.scan_type\":[\"OWASP_ZAP\"]}");
            Assert.Equal(4, wire.Count);
            Assert.Equal("GET /v1/scans/" + FakeHostedScan.ManyRisksScanId, wire[0]);
            Assert.Equal("GET /v1/risks?" + filters, wire[1]);
            Assert.StartsWith("GET /v1/risks?" + filters + "&page_token=", wire[2]);
            Assert.StartsWith("GET /v1/risks?" + filters + "&page_token=", wire[3]);
            Assert.Equal(FakeHostedScan.ManyRisksCount, Column(result, "Id").Distinct().Count());
            Assert.All(result.Output, o => Assert.Equal("new_open", Text(o, "ScanStatus")));
        }

        [Fact]
        public void HostedScan_filters_are_applied_by_ScanPS_and_the_closed_risk_is_Closed()
        {
            var result = Run("Get-ScanFinding -Provider HostedScan -ScanId " + FakeHostedScan.FindingsScanId + " -Status Closed, Accepted -Verbose").ThrowIfFailed();
            Assert.Equal(new[] { "f1e000000000000000000006/Closed", "f1e000000000000000000007/Accepted" },
                result.Output.Select(o => Text(o, "Id") + "/" + Text(o, "Status")).OrderBy(t => t).ToArray());
            // No status or threat_level went to the vendor: the scan's verdict is not a vendor filter.
            Assert.DoesNotContain(Wire(Hs), l => l.Contains("status", StringComparison.Ordinal) || l.Contains("threat_level", StringComparison.Ordinal));
            Assert.Contains(result.Verbose, v => v.StartsWith("HostedScan filters none of the findings itself; ScanPS filters -Status", StringComparison.Ordinal));
        }

        [Fact]
        public void HostedScan_unknown_scan_is_ScanNotFound_and_the_next_piped_scan_is_still_read()
        {
            var result = Run("'ffffffffffffffffffffffff', '" + FakeHostedScan.FindingsScanId + "' | ForEach-Object { [pscustomobject]@{ Provider = 'HostedScan'; Id = $_ } } | Get-ScanFinding -Severity Critical");
            var error = result.SingleError();
            ErrorAssert.Is(error, "ScanNotFound", "GetScanFindingCommand", ErrorCategory.ObjectNotFound);
            Assert.Equal("ffffffffffffffffffffffff", error.TargetObject?.ToString());
            Assert.Equal(new[] { "f1e000000000000000000004" }, Column(result, "Id"));
        }

        // ---- ProjectDiscovery ----

        [Fact]
        public void ProjectDiscovery_reads_the_json_export_with_the_severity_table_and_classification()
        {
            var result = Run("Get-ScanFinding -Provider ProjectDiscovery -ScanId " + FakeProjectDiscovery.FindingsScanId).ThrowIfFailed();
            Assert.Equal(new[] { "GET /v1/scans/" + FakeProjectDiscovery.FindingsScanId + "/export?type=json" }, Wire(Pd));
            Assert.Equal(new[] { "Critical/critical", "High/high", "Medium/medium", "Low/low", "Info/info", "Info/unknown", "High/high", "Medium/medium" },
                result.Output.Select(o => Text(o, "Severity") + "/" + Text(o, "VendorSeverity")).ToArray());
            var log4j = result.Output[0];
            Assert.Equal("CVE-2021-44228", Text(log4j, "Cve"));
            Assert.Equal("CWE-502; CWE-400", Text(log4j, "Cwe"));
            Assert.Equal(10.0, Property(log4j, "Cvss"));
            Assert.Equal("Fixed", Text(result.Output[6], "Status"));
            Assert.Equal("True", Text(result.Output[7], "IsRegression"));
            Assert.All(result.Output, o => Assert.Equal(FakeProjectDiscovery.FindingsScanId, Text(o, "ScanId")));
        }

        [Fact]
        public void ProjectDiscovery_filters_of_the_export_are_applied_by_ScanPS()
        {
            var result = Run("Get-ScanFinding -Provider ProjectDiscovery -ScanId " + FakeProjectDiscovery.FindingsScanId + " -Severity High, Critical -Status Open").ThrowIfFailed();
            Assert.Equal(new[] { "GET /v1/scans/" + FakeProjectDiscovery.FindingsScanId + "/export?type=json" }, Wire(Pd));
            Assert.Equal(new[] { "Apache Log4j2 Remote Code Injection", "F5 BIG-IP iControl REST Auth Bypass" }, Column(result, "Title"));
        }

        [Fact]
        public void ProjectDiscovery_export_not_ready_once_is_asked_again()
        {
            Seed();
            Sandbox.ProjectDiscovery.ExportNotReadyTimes = 1;
            var result = Engine.Run("Get-ScanFinding -Provider ProjectDiscovery -ScanId " + FakeProjectDiscovery.SecondFindingsScanId + " -Verbose").ThrowIfFailed();
            string export = "GET /v1/scans/" + FakeProjectDiscovery.SecondFindingsScanId + "/export?type=json";
            Assert.Equal(new[] { export, export }, Wire(Pd));
            Assert.Equal(3, result.Output.Count);
            Assert.Contains(result.Verbose, v => v.Contains("is not ready (201, export_id ", StringComparison.Ordinal));
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void ProjectDiscovery_export_never_ready_falls_back_to_the_results_pages_with_server_side_severity()
        {
            Seed();
            Sandbox.ProjectDiscovery.ExportNotReadyTimes = 1000;
            var result = Engine.Run("Get-ScanFinding -Provider ProjectDiscovery -ScanId " + FakeProjectDiscovery.ManyResultsScanId + " -Severity Low").ThrowIfFailed();
            string export = "GET /v1/scans/" + FakeProjectDiscovery.ManyResultsScanId + "/export?type=json";
            var wire = Wire(Pd);
            Assert.Equal(new[] { export, export, export, export }, wire.Take(4));
            // The account's low results (the scan's 75 and those of other scans) over offset/limit pages; the scan's kept.
            Assert.Equal("GET /v1/scans/results?offset=0&limit=100&severity=low", wire[4]);
            Assert.Equal(FakeProjectDiscovery.ManyResultsCount / 2, result.Output.Count);
            Assert.All(result.Output, o => Assert.Equal("Low", Text(o, "Severity")));
            Assert.All(result.Output, o => Assert.Equal(FakeProjectDiscovery.ManyResultsScanId, Text(o, "ScanId")));
            Assert.Contains(result.Warnings, w => w.Contains("was still not ready after 4 requests (export_id ", StringComparison.Ordinal));
        }

        [Fact]
        public void ProjectDiscovery_results_fallback_without_severity_asks_for_every_severity_and_pages_the_150_results()
        {
            Seed();
            Sandbox.ProjectDiscovery.ExportNotReadyTimes = 1000;
            var result = Engine.Run("Get-ScanFinding -Provider ProjectDiscovery -ScanId " + FakeProjectDiscovery.ManyResultsScanId + " -Status Open").ThrowIfFailed();
            var results = Wire(Pd).Skip(4).ToList();
            Assert.Equal(new[]
            {
                "GET /v1/scans/results?offset=0&limit=100&severity=" + Enc("info,unknown,low,medium,high,critical") + "&vuln_status=open",
                "GET /v1/scans/results?offset=100&limit=100&severity=" + Enc("info,unknown,low,medium,high,critical") + "&vuln_status=open",
            }, results);
            Assert.Equal(FakeProjectDiscovery.ManyResultsCount, result.Output.Count);
        }

        [Fact]
        public void ProjectDiscovery_unknown_scan_is_ScanNotFound()
        {
            var result = Run("Get-ScanFinding -Provider ProjectDiscovery -ScanId f1999999999999999999");
            var error = result.SingleError();
            ErrorAssert.Is(error, "ScanNotFound", "GetScanFindingCommand", ErrorCategory.ObjectNotFound);
            Assert.Equal("f1999999999999999999", error.TargetObject?.ToString());
            Assert.Empty(result.Output);
        }

        // ---- Invicti ----

        [Fact]
        public void Invicti_reads_the_vulnerabilities_json_report_with_the_severity_table()
        {
            var result = Run("Get-ScanFinding -Provider Invicti -ScanId " + FakeInvicti.FindingsScanId).ThrowIfFailed();
            Assert.Equal(new[] { "GET /api/1.0/scans/report/?id=" + FakeInvicti.FindingsScanId + "&type=Vulnerabilities&format=Json" }, Wire(Iv));
            Assert.Equal(new[] { "Critical/Critical", "High/High", "High/High", "Medium/Medium", "Medium/Medium", "Low/Low", "Info/Information", "Info/BestPractice", "Low/Low" },
                result.Output.Select(o => Text(o, "Severity") + "/" + Text(o, "VendorSeverity")).ToArray());
            Assert.Equal(new[] { "Open", "Open", "FalsePositive", "Open", "Accepted", "Open", "Open", "Open", "Open" }, Column(result, "Status"));
            Assert.Equal("13/01/2026 09:59 AM", Text(result.Output[0], "FirstSeenDate"));
            Assert.Equal(new DateTimeOffset(2026, 1, 13, 9, 59, 0, TimeSpan.Zero), Property(result.Output[0], "FirstSeen"));
            Assert.All(result.Output, o => Assert.Equal("Report", Text(o, "Source")));
        }

        [Fact]
        public void Invicti_refused_report_falls_back_to_scan_result_and_template_severities()
        {
            Seed();
            Sandbox.InvictiServer.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/api/1.0/scans/report/", Kind = FaultKind.Status, StatusCode = 400, Body = "{\"Message\":\"Report type not available.\"}" });
            var result = Engine.Run("Get-ScanFinding -Provider Invicti -ScanId " + FakeInvicti.FindingsScanId).ThrowIfFailed();
            var wire = Wire(Iv);
            Assert.Equal("GET /api/1.0/scans/report/?id=" + FakeInvicti.FindingsScanId + "&type=Vulnerabilities&format=Json", wire[0]);
            Assert.Equal("GET /api/1.0/scans/result/" + FakeInvicti.FindingsScanId, wire[1]);
            Assert.Equal("GET /api/1.0/scans/detail/" + FakeInvicti.FindingsScanId, wire[2]);
            Assert.StartsWith("GET /api/1.0/vulnerability/list", wire[3]);
            Assert.Equal(4, wire.Count);
            Assert.Equal(9, result.Output.Count);
            Assert.All(result.Output, o => Assert.Equal("ScanResult", Text(o, "Source")));
            Assert.All(result.Output, o => Assert.Equal("Unknown", Text(o, "Status")));
            // HstsNotEnabled is Low on the issue but Medium in its template: the fallback can only tell the template's.
            Assert.Equal("Medium", Text(result.Output.Single(o => Text(o, "Type") == "HstsNotEnabled"), "Severity"));
        }

        [Fact]
        public void Invicti_unknown_scan_is_ScanNotFound_and_a_bad_id_is_refused_before_any_request()
        {
            var result = Run("Get-ScanFinding -Provider Invicti -ScanId f1d00000-0000-4000-8000-0000000000ff, not-a-guid");
            var ids = ErrorIds(result);
            Assert.Equal(new[] { "ScanNotFound,ScanPS.Commands.GetScanFindingCommand", "InvalidScanId,ScanPS.Commands.GetScanFindingCommand" }, ids);
            Assert.Equal(new[]
            {
                "GET /api/1.0/scans/report/?id=f1d00000-0000-4000-8000-0000000000ff&type=Vulnerabilities&format=Json",
                "GET /api/1.0/scans/result/f1d00000-0000-4000-8000-0000000000ff",
            }, Wire(Iv));
        }

        // ---- Probely ----

        [Fact]
        public void Probely_reads_the_scans_findings_and_40_is_Critical()
        {
            var result = Run("Get-ScanFinding -Provider Probely -ScanId " + FakeProbely.FindingsScanId).ThrowIfFailed();
            Assert.Equal(new[] { "GET /findings/?scan=" + FakeProbely.FindingsScanId + "&page=1&length=100" }, Wire(Pb));
            Assert.Equal(new[] { "7001 High/30", "7003 Low/10", "7004 Critical/40", "7005 Low/10", "7006 Medium/20", "7007 High/30" },
                result.Output.Select(o => Text(o, "Id") + " " + Text(o, "Severity") + "/" + Text(o, "VendorSeverity")).ToArray());
            Assert.Equal(new[] { "Open", "Accepted", "Open", "FalsePositive", "Open", "Open" }, Column(result, "Status"));
            Assert.Null(Property(result.Output[0], "FirstSeen"));
            Assert.Equal("CWE-89", Text(result.Output[0], "Cwe"));
        }

        [Fact]
        public void Probely_severity_and_status_go_to_the_vendor()
        {
            var result = Run("Get-ScanFinding -Provider Probely -ScanId " + FakeProbely.FindingsScanId + " -Severity High, Critical -Status Open").ThrowIfFailed();
            Assert.Equal(new[] { "GET /findings/?scan=" + FakeProbely.FindingsScanId + "&page=1&length=100&severity=30&severity=40&state=notfixed&state=retesting" }, Wire(Pb));
            Assert.Equal(new[] { "7001", "7004", "7007" }, Column(result, "Id"));
        }

        [Fact]
        public void Probely_Info_has_no_vendor_value_so_severity_is_filtered_by_ScanPS()
        {
            var result = Run("Get-ScanFinding -Provider Probely -ScanId " + FakeProbely.FindingsScanId + " -Severity Info, Critical -Status Accepted, Open").ThrowIfFailed();
            Assert.Equal(new[] { "GET /findings/?scan=" + FakeProbely.FindingsScanId + "&page=1&length=100&state=accepted&state=notfixed&state=retesting" }, Wire(Pb));
            Assert.Equal(new[] { "7004" }, Column(result, "Id"));
        }

        [Fact]
        public void Probely_45_findings_over_five_pages_and_First_Skip_stop_reading()
        {
            Seed();
            Sandbox.Probely.MaxPageLength = 10;
            var all = Engine.Run("Get-ScanFinding -Provider Probely -ScanId " + FakeProbely.ManyFindingsScanId).ThrowIfFailed();
            Assert.Equal(FakeProbely.ManyFindingsCount, all.Output.Count);
            Assert.Equal(Enumerable.Range(1, 5).Select(p => "GET /findings/?scan=" + FakeProbely.ManyFindingsScanId + "&page=" + p + "&length=100"), Wire(Pb));

            ForgetRequests();
            var some = Engine.Run("Get-ScanFinding -Provider Probely -ScanId " + FakeProbely.ManyFindingsScanId + " -Skip 8 -First 4").ThrowIfFailed();
            Assert.Equal(new[] { "8009", "8010", "8011", "8012" }, Column(some, "Id"));
            Assert.Equal(2, Wire(Pb).Count);
        }

        [Fact]
        public void Probely_rows_from_Import_Csv_with_a_TargetId_use_the_target_call()
        {
            string csv = Csv("scans.csv", "Provider,Id,TargetId", "Probely," + FakeProbely.FirstFindingsScanId + ",F1ndTargetAb", "Probely," + FakeProbely.FindingsScanId + ",NoSuchTarget");
            var result = Run("Import-Csv $args[0] | Get-ScanFinding", csv);
            Assert.Equal(new[]
            {
                "GET /targets/F1ndTargetAb/findings/?scan=" + FakeProbely.FirstFindingsScanId + "&page=1&length=100",
                "GET /targets/NoSuchTarget/findings/?scan=" + FakeProbely.FindingsScanId + "&page=1&length=100",
            }, Wire(Pb));
            Assert.Equal(new[] { "7001", "7002", "7003" }, Column(result, "Id"));
            var error = result.SingleError();
            ErrorAssert.Is(error, "TargetNotFound", "GetScanFindingCommand", ErrorCategory.ObjectNotFound);
            Assert.Equal("NoSuchTarget", error.TargetObject?.ToString());
        }

        [Fact]
        public void Probely_vendor_refusal_carries_the_vendors_message()
        {
            Seed();
            Sandbox.ProbelyServer.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/findings/", Kind = FaultKind.Status, StatusCode = 403, Body = "{\"detail\": \"You do not have permission to perform this action.\"}" });
            var result = Engine.Run("$caught = $null; try { Get-ScanFinding -Provider Probely -ScanId " + FakeProbely.FindingsScanId + " } catch { $caught = $_ }; $caught");
            var record = (ErrorRecord)result.Output.Single().BaseObject;
            ErrorAssert.Is(record, "PermissionDenied", "GetScanFindingCommand", ErrorCategory.PermissionDenied);
            Assert.Contains("You do not have permission to perform this action.", record.ErrorDetails?.Message ?? record.Exception.Message);
            Assert.Single(Wire(Pb)); // a 403 is not retried
        }

        // ---- every provider ----

        [Fact]
        public void Mixed_pipeline_from_Get_Scan_objects_and_Import_Csv_then_Export_Csv_columns()
        {
            string csv = Csv("scans.csv", "Provider,Id", "ProjectDiscovery," + FakeProjectDiscovery.SecondFindingsScanId, "Invicti," + FakeInvicti.SecondFindingsScanId, "Probely," + FakeProbely.FirstFindingsScanId);
            string output = PathOf("findings.csv");
            var result = Run(@"
@(Get-Scan -Provider HostedScan -Id $args[2]) + @(Import-Csv $args[0]) | Get-ScanFinding -Severity High, Critical | Export-Csv $args[1]
Import-Csv $args[1]", csv, output, FakeHostedScan.FindingsScanId).ThrowIfFailed();
            Assert.Equal(new[] { "HostedScan", "HostedScan", "HostedScan", "ProjectDiscovery", "Invicti", "Probely" }, Column(result, "Provider"));
            Assert.Equal(new[] { "High", "Critical", "High", "High", "Critical", "High" }, Column(result, "Severity"));
            string header = File.ReadLines(output).First();
            Assert.StartsWith("\"Provider\",\"ScanId\",\"Id\",\"Title\",\"Severity\",\"VendorSeverity\",\"Target\",\"Status\",\"VendorStatus\"", header);
            Assert.Empty(Wire(Hs).Where(l => l == "GET /v1/scans/" + FakeHostedScan.FindingsScanId).Skip(1)); // the piped scan is not read twice
        }

        [Fact]
        public void First_counts_findings_across_piped_scans_and_later_scans_are_not_read()
        {
            var result = Run("Get-ScanFinding -Provider Probely -ScanId " + FakeProbely.FirstFindingsScanId + ", " + FakeProbely.FindingsScanId + " -First 2").ThrowIfFailed();
            Assert.Equal(new[] { "7001", "7002" }, Column(result, "Id"));
            Assert.Single(Wire(Pb));
        }

        [Fact]
        public void TeamId_is_refused_for_a_provider_without_teams_before_any_request()
        {
            var result = Run("Get-ScanFinding -Provider Probely -ScanId " + FakeProbely.FindingsScanId + " -TeamId team-blue");
            Assert.Equal(new[] { "ParameterNotValidForProvider,ScanPS.Commands.GetScanFindingCommand" }, ErrorIds(result));
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void Severity_and_Status_complete_their_values()
        {
            var severity = Engine.Run("(TabExpansion2 -inputScript 'Get-ScanFinding -Severity ' -cursorColumn 26).CompletionMatches.CompletionText").ThrowIfFailed();
            Assert.Equal(new[] { "Critical", "High", "Info", "Low", "Medium" }, severity.BaseObjects.Select(o => o.ToString()).OrderBy(v => v));
            var status = Engine.Run("(TabExpansion2 -inputScript 'Get-ScanFinding -Status F' -cursorColumn 25).CompletionMatches.CompletionText").ThrowIfFailed();
            Assert.Equal(new[] { "FalsePositive", "Fixed" }, status.BaseObjects.Select(o => o.ToString()).OrderBy(v => v));
        }

        [Fact]
        public void The_table_view_shows_severity_status_and_title()
        {
            var result = Run("Get-ScanFinding -Provider Probely -ScanId " + FakeProbely.FindingsScanId + " -Severity Critical | Out-String -Width 140").ThrowIfFailed();
            string text = string.Join("\n", result.BaseObjects);
            Assert.Matches(@"Provider\s+Severity\s+Status\s+Title\s+Target\s+Change", text);
            Assert.Matches(@"Probely\s+Critical\s+Open\s+OS Command Injection\s+https://findings.example.com/", text);
        }

        [Fact]
        public void HostedScan_risks_missing_from_the_listing_are_read_one_by_one_in_the_scans_order()
        {
            Seed();
            // The filtered listing comes back empty (as it would if the vendor ORed nothing in): every id is read by itself.
            Sandbox.HostedScanServer.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/v1/risks", Kind = FaultKind.Status, StatusCode = 200, Body = "{\"data\": [], \"next_page_token\": null}" });
            var result = Engine.Run("Get-ScanFinding -Provider HostedScan -ScanId " + FakeHostedScan.FindingsScanId + " -Verbose").ThrowIfFailed();
            var wire = Wire(Hs);
            Assert.Equal("GET /v1/scans/" + FakeHostedScan.FindingsScanId, wire[0]);
            Assert.StartsWith("GET /v1/risks?filters=", wire[1]);
            var ids = new[] { "1", "2", "3", "4", "5", "7", "6" }.Select(n => "f1e00000000000000000000" + n).ToArray();
            Assert.Equal(ids.Select(id => "GET /v1/risks/" + id).OrderBy(l => l), wire.Skip(2).OrderBy(l => l));
            // new_open, still_open, then closed: the scan's own order, whatever order the answers came in.
            Assert.Equal(ids, Column(result, "Id"));
            Assert.Equal(new[] { "new_open", "new_open", "still_open", "still_open", "still_open", "still_open", "closed" }, Column(result, "ScanStatus"));
            Assert.Contains(result.Verbose, v => v.Contains("7 risk(s) of scan " + FakeHostedScan.FindingsScanId + " were not in the filtered /v1/risks listing", StringComparison.Ordinal));
        }

        [Fact]
        public void ProjectDiscovery_team_scan_piped_from_Get_Scan_is_read_from_its_team()
        {
            var result = Run("Get-Scan -Provider ProjectDiscovery -Id " + FakeProjectDiscovery.TeamFindingsScanId + " -TeamId team-blue | Get-ScanFinding").ThrowIfFailed();
            var export = Sandbox.ProjectDiscoveryServer.Requests.Last();
            Assert.Equal("GET /v1/scans/" + FakeProjectDiscovery.TeamFindingsScanId + "/export?type=json", Line(export));
            Assert.Equal("team-blue", export.Header("X-Team-Id"));
            Assert.Equal(new[] { "Critical", "Low" }, Column(result, "Severity"));
        }

        [Fact]
        public void ProjectDiscovery_export_cut_off_part_way_is_InvalidVendorResponse()
        {
            Seed();
            Sandbox.ProjectDiscoveryServer.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/v1/scans/" + FakeProjectDiscovery.ManyResultsScanId + "/export", Kind = FaultKind.CutOffAfterBytes, AfterBytes = 5000 });
            var result = Engine.Run("Get-ScanFinding -Provider ProjectDiscovery -ScanId " + FakeProjectDiscovery.ManyResultsScanId);
            var error = result.SingleError();
            ErrorAssert.Is(error, "InvalidVendorResponse", "GetScanFindingCommand", ErrorCategory.InvalidResult);
            Assert.Contains("the export ended early", error.Exception.Message);
            Assert.InRange(result.Output.Count, 1, FakeProjectDiscovery.ManyResultsCount - 1);
            Assert.Single(Wire(Pd));
        }
    }
}
