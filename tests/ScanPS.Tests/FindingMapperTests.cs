using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.FakeVendors;
using ScanPS.Models;
using ScanPS.Providers.HostedScan;
using ScanPS.Providers.Invicti;
using ScanPS.Providers.Probely;
using ScanPS.Providers.ProjectDiscovery;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// The finding mappers: the severity table of vendor-apis.md 5.5 per vendor (unknown → Info with the raw value kept,
    /// never Medium), every field of each vendor's finding, unknown and missing values, and the fakes' seeded findings
    /// read end to end through the wire models.
    /// </summary>
    public sealed class FindingMapperTests
    {
        // ---- the severity table -------------------------------------------------------------------------------

        [Theory]
        [InlineData("LOW", FindingSeverity.Low)]
        [InlineData("MEDIUM", FindingSeverity.Medium)]
        [InlineData("HIGH", FindingSeverity.High)]
        [InlineData("high", FindingSeverity.High)]
        [InlineData("CRITICAL", FindingSeverity.Critical)] // not documented for HostedScan, but its meaning is plain
        [InlineData("INFO", FindingSeverity.Info)]
        [InlineData("SEVERE", FindingSeverity.Info)]
        [InlineData("", FindingSeverity.Info)]
        [InlineData(null, FindingSeverity.Info)]
        public void HostedScan_threat_levels_follow_the_table(string? threat, FindingSeverity expected)
        {
            var finding = HostedScanFindingMapper.ToFinding(new HostedScanWireRisk { Id = "r", RiskDefinition = new HostedScanWireRiskDefinition { ThreatLevel = threat } }, "s", null);
            Assert.Equal(expected, finding.Severity);
            Assert.Equal(threat, finding.VendorSeverity);
        }

        [Theory]
        [InlineData("critical", FindingSeverity.Critical)]
        [InlineData("high", FindingSeverity.High)]
        [InlineData("medium", FindingSeverity.Medium)]
        [InlineData("low", FindingSeverity.Low)]
        [InlineData("info", FindingSeverity.Info)]
        [InlineData("unknown", FindingSeverity.Info)]
        [InlineData("Critical", FindingSeverity.Critical)]
        [InlineData("urgent", FindingSeverity.Info)]
        [InlineData(null, FindingSeverity.Info)]
        public void ProjectDiscovery_severities_follow_the_table(string? severity, FindingSeverity expected)
        {
            var json = "{\"vuln_id\":\"v\",\"scan_id\":\"s\",\"event\":[{\"info\":{\"name\":\"n\"" + (severity == null ? "" : ",\"severity\":\"" + severity + "\"") + "}}]}";
            var finding = ProjectDiscoveryFindingMapper.ToFinding(JsonSerializer.Deserialize(json, ProjectDiscoveryFindingJsonContext.Default.ProjectDiscoveryWireResult)!);
            Assert.Equal(expected, finding.Severity);
            Assert.Equal(severity, finding.VendorSeverity);
        }

        [Theory]
        [InlineData("Critical", FindingSeverity.Critical)]
        [InlineData("High", FindingSeverity.High)]
        [InlineData("Medium", FindingSeverity.Medium)]
        [InlineData("Low", FindingSeverity.Low)]
        [InlineData("Information", FindingSeverity.Info)]
        [InlineData("BestPractice", FindingSeverity.Info)]
        [InlineData("Info", FindingSeverity.Info)]
        [InlineData("Catastrophic", FindingSeverity.Info)]
        [InlineData(null, FindingSeverity.Info)]
        public void Invicti_severities_follow_the_table(string? severity, FindingSeverity expected)
        {
            var finding = InvictiFindingMapper.ToFinding(new InvictiWireReportVulnerability { LookupId = "l", Severity = severity }, "s", null);
            Assert.Equal(expected, finding.Severity);
            Assert.Equal(severity, finding.VendorSeverity);
        }

        [Theory]
        [InlineData("10", FindingSeverity.Low)]
        [InlineData("20", FindingSeverity.Medium)]
        [InlineData("30", FindingSeverity.High)]
        [InlineData("40", FindingSeverity.Critical)]
        [InlineData("\"30\"", FindingSeverity.High)]
        [InlineData("0", FindingSeverity.Info)]
        [InlineData("25", FindingSeverity.Info)]
        [InlineData("50", FindingSeverity.Info)]
        [InlineData("\"high\"", FindingSeverity.Info)]
        [InlineData("null", FindingSeverity.Info)]
        public void Probely_severities_follow_the_table_with_40_critical(string severity, FindingSeverity expected)
        {
            var finding = ProbelyFindingMapper.ToFinding(Probely("{\"id\":1,\"severity\":" + severity + "}"), "s");
            Assert.Equal(expected, finding.Severity);
            Assert.Equal(severity == "null" ? null : severity.Trim('"'), finding.VendorSeverity);
        }

        // ---- HostedScan ---------------------------------------------------------------------------------------

        private const string HostedScanRisk = @"{""data"":{
            ""id"":""r1"",""target_id"":""t1"",""target"":""app.example.com"",""target_label"":""App"",""tags"":[""prod"",""web""],
            ""status"":""OPEN"",""is_accepted"":true,""accepted_by"":[{""note"":""ok for now"",""created_at"":""2026-03-01T10:00:00Z"",""last_updated_at"":""2026-03-02T10:00:00.5Z""}],
            ""risk_definition"":{""scan_type"":""OPENVAS"",""title"":""OpenSSH regreSSHion (CVE-2024-6387)"",""threat_level"":""HIGH"",""description"":""d"",""solution"":""s"",
              ""references"":[""https://nvd.nist.gov/vuln/detail/CVE-2024-6387"",""https://example.com/cve-2023-0001""],""cvss"":""8.1"",""additional_info"":{""port"":22,""proto"":""tcp"",""list"":[1,""a""]}},
            ""first_detected_at"":""2026-02-01T09:30:00.000Z"",""last_detected_at"":""2026-02-08T09:30:00+01:00"",""unknown_field"":{""x"":1}}}";

        [Fact]
        public void HostedScan_every_field_of_a_risk_maps()
        {
            var wire = JsonSerializer.Deserialize(HostedScanRisk, HostedScanFindingJsonContext.Default.HostedScanRiskEnvelope)!.Data!;
            var f = HostedScanFindingMapper.ToFinding(wire, "scan-1", HostedScanFindingMapper.StillOpen);

            Assert.Equal(("HostedScan", "scan-1", "r1"), (f.Provider, f.ScanId, f.Id));
            Assert.Equal("OpenSSH regreSSHion (CVE-2024-6387)", f.Title);
            Assert.Equal((FindingSeverity.High, "HIGH"), (f.Severity, f.VendorSeverity));
            Assert.Equal("app.example.com", f.Target);
            Assert.Equal((FindingStatus.Accepted, "OPEN"), (f.Status, f.VendorStatus));
            Assert.Equal("OpenSSH regreSSHion (CVE-2024-6387)", f.RuleId);
            Assert.Null(f.Location);
            Assert.Equal(8.1, f.Cvss);
            Assert.Null(f.CvssVector);
            Assert.Empty(f.Cwe);
            Assert.Equal(new[] { "CVE-2024-6387", "CVE-2023-0001" }, f.Cve);
            Assert.Equal(new DateTimeOffset(2026, 2, 1, 9, 30, 0, TimeSpan.Zero), f.FirstSeen);
            Assert.Equal(new DateTimeOffset(2026, 2, 8, 8, 30, 0, TimeSpan.Zero), f.LastSeen!.Value.ToUniversalTime());
            Assert.Equal(FindingChange.None, f.Change);
            Assert.Equal("still_open", f.ScanStatus);
            Assert.False(f.IsNew);
            Assert.Equal(("t1", "App", "OPENVAS", "d", "s"), (f.TargetId, f.TargetLabel, f.ScanType, f.Description, f.Solution));
            Assert.Equal(2, f.References.Count);
            Assert.Equal("prod; web", f.Tags.ToString());
            Assert.True(f.IsAccepted);
            var acceptance = Assert.Single(f.AcceptedBy);
            Assert.Equal(("ok for now", new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero)), (acceptance.Note, acceptance.CreatedAt!.Value));
            Assert.Equal(22L, f.AdditionalInfo["port"]);
            Assert.Equal(new object[] { 1L, "a" }, (object?[])f.AdditionalInfo["list"]!);
            Assert.Equal("HostedScan High finding r1: OpenSSH regreSSHion (CVE-2024-6387)", f.ToString());
        }

        [Fact]
        public void HostedScan_the_scan_decides_which_risks_are_its_own_and_closed_ones_are_Closed()
        {
            var scan = new Models.HostedScanScan("s1") { NewOpenRiskIds = new[] { "a" }, StillOpenRiskIds = new[] { "b" }, ClosedRiskIds = new[] { "c" } };
            HostedScanWireRisk Risk(string id, string status) => new HostedScanWireRisk { Id = id, Status = status, RiskDefinition = new HostedScanWireRiskDefinition { ThreatLevel = "LOW" } };
            var findings = HostedScanFindingMapper.ToFindings(scan, new[] { Risk("x", "OPEN"), Risk("c", "OPEN"), Risk("a", "OPEN"), null, Risk("b", "CLOSED"), Risk("a", "OPEN") }).ToList();

            Assert.Equal(new[] { "c", "a", "b" }, findings.Select(f => f.Id));
            Assert.Equal(new[] { "closed", "new_open", "still_open" }, findings.Select(f => f.ScanStatus));
            Assert.Equal(new[] { FindingStatus.Closed, FindingStatus.Open, FindingStatus.Closed }, findings.Select(f => f.Status));
            Assert.True(findings[1].IsNew);
            Assert.Equal(FindingStatus.Unknown, HostedScanFindingMapper.Status("REOPENED", false, null));
            Assert.Equal("{}", HostedScanFindingMapper.FiltersFor(new Models.HostedScanScan("empty")));
        }

        [Fact]
        public void HostedScan_a_risk_with_nothing_but_an_id_maps_without_error()
        {
            var f = HostedScanFindingMapper.ToFinding(JsonSerializer.Deserialize("{\"data\":{\"id\":\"r\",\"risk_definition\":{\"cvss\":7.5,\"additional_info\":\"text\"},\"first_detected_at\":\"Date\"}}", HostedScanFindingJsonContext.Default.HostedScanRiskEnvelope)!.Data!, "s", null);
            Assert.Equal((FindingSeverity.Info, (string?)null, FindingStatus.Unknown, 7.5), (f.Severity, f.VendorSeverity, f.Status, f.Cvss!.Value));
            Assert.Null(f.FirstSeen);
            Assert.Empty(f.AdditionalInfo);
            Assert.Null(f.ScanStatus);
        }

        // ---- ProjectDiscovery ---------------------------------------------------------------------------------

        private const string PdcpResult = @"{""matcher_status"":true,""vuln_id"":""v1"",""target"":""https://app.example.com"",""template_url"":""https://t/u"",
            ""created_at"":""2026-02-09T03:01:00Z"",""updated_at"":""2026-02-09T04:01:00Z"",""scan_id"":""s1"",
            ""event"":[{""template-id"":""CVE-2021-44228"",""template-path"":""http/cves/CVE-2021-44228.yaml"",""host"":""app.example.com"",""matched-at"":""https://app.example.com/api/login"",
              ""ip"":""203.0.113.7"",""port"":""443"",""type"":""http"",""matcher-name"":""body"",""extracted-results"":[""x"",""y""],""curl-command"":""curl x"",""timestamp"":""2026-02-09T03:00:00Z"",
              ""info"":{""name"":""Log4Shell"",""severity"":""critical"",""description"":""ev d"",""tags"":[""cve"",""rce""],""reference"":[""r1""],
                ""classification"":{""cve-id"":[""cve-2021-44228""],""cwe-id"":[""CWE-502"",""cwe-400"",""20""],""cvss-metrics"":""CVSS:3.1/AV:N"",""cvss-score"":10,""epss-score"":0.97,""epss-percentile"":0.999,""cpe"":""cpe:2.3:a""}}}],
            ""template_id"":""CVE-2021-44228"",""template_path"":""http/cves/CVE-2021-44228.yaml"",""result_type"":""vulnerability"",""vuln_status"":""open"",""vuln_hash"":""h1"",
            ""is_regression"":true,""is_internal"":false,""labels"":[""p1""],""port"":443,""remediation"":""upgrade"",""description"":""d"",""impact"":""i"",""reference"":[""ref""]}";

        [Fact]
        public void ProjectDiscovery_every_field_of_a_result_maps()
        {
            var f = ProjectDiscoveryFindingMapper.ToFinding(JsonSerializer.Deserialize(PdcpResult, ProjectDiscoveryFindingJsonContext.Default.ProjectDiscoveryWireResult)!);

            Assert.Equal(("ProjectDiscovery", "s1", "v1"), (f.Provider, f.ScanId, f.Id));
            Assert.Equal(("Log4Shell", FindingSeverity.Critical, "critical"), (f.Title, f.Severity, f.VendorSeverity));
            Assert.Equal(("https://app.example.com", FindingStatus.Open, "open"), (f.Target, f.Status, f.VendorStatus));
            Assert.Equal(("CVE-2021-44228", "https://app.example.com/api/login"), (f.RuleId, f.Location));
            Assert.Equal((10.0, "CVSS:3.1/AV:N"), (f.Cvss!.Value, f.CvssVector));
            Assert.Equal(new[] { "CWE-502", "CWE-400", "CWE-20" }, f.Cwe);
            Assert.Equal(new[] { "CVE-2021-44228" }, f.Cve);
            Assert.Equal(new DateTimeOffset(2026, 2, 9, 3, 1, 0, TimeSpan.Zero), f.FirstSeen);
            Assert.Equal(new DateTimeOffset(2026, 2, 9, 4, 1, 0, TimeSpan.Zero), f.LastSeen);
            Assert.Equal(("h1", "open", true, false), (f.VulnHash, f.VulnStatus, f.IsRegression, f.IsInternal));
            Assert.Equal(("CVE-2021-44228", "http/cves/CVE-2021-44228.yaml", "https://t/u"), (f.TemplateId, f.TemplatePath, f.TemplateUrl));
            Assert.Equal(("https://app.example.com/api/login", "app.example.com", "203.0.113.7", 443), (f.MatchedAt, f.Host, f.Ip, f.Port!.Value));
            Assert.Equal(("http", "vulnerability", "body"), (f.MatchType, f.ResultType, f.MatcherName));
            Assert.Equal(new[] { "x", "y" }, f.ExtractedResults);
            Assert.Equal(("d", "i", "upgrade"), (f.Description, f.Impact, f.Remediation));
            Assert.Equal(new[] { "ref" }, f.References);
            Assert.Equal(new[] { "cve", "rce" }, f.Tags);
            Assert.Equal(new[] { "p1" }, f.Labels);
            Assert.Equal((0.97, 0.999, "cpe:2.3:a", "curl x"), (f.EpssScore!.Value, f.EpssPercentile!.Value, f.Cpe, f.CurlCommand));
        }

        [Theory]
        [InlineData("fixed", FindingStatus.Fixed)]
        [InlineData("OPEN", FindingStatus.Open)]
        [InlineData("false_positive", FindingStatus.Unknown)]
        [InlineData("triaged", FindingStatus.Unknown)]
        [InlineData(null, FindingStatus.Unknown)]
        public void ProjectDiscovery_vuln_status_keeps_undocumented_values_raw(string? status, FindingStatus expected) =>
            Assert.Equal(expected, ProjectDiscoveryFindingMapper.Status(status));

        [Fact]
        public void ProjectDiscovery_an_event_object_and_a_nuclei_line_without_event_are_read_too()
        {
            var asObject = ProjectDiscoveryFindingMapper.ToFinding(JsonSerializer.Deserialize("{\"vuln_id\":\"v\",\"scan_id\":\"s\",\"event\":{\"info\":{\"name\":\"n\",\"severity\":\"high\"},\"port\":\"8443\"}}", ProjectDiscoveryFindingJsonContext.Default.ProjectDiscoveryWireResult)!);
            Assert.Equal((FindingSeverity.High, 8443), (asObject.Severity, asObject.Port!.Value));

            var nuclei = ProjectDiscoveryFindingMapper.ToFinding(JsonSerializer.Deserialize("{\"template-id\":\"tech-detect\",\"host\":\"h.example.com\",\"matched-at\":\"https://h.example.com/\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"info\":{\"name\":\"Tech\",\"severity\":\"info\"}}", ProjectDiscoveryFindingJsonContext.Default.ProjectDiscoveryWireResult)!, "scan-9");
            Assert.Equal(("scan-9", "tech-detect|https://h.example.com/", "tech-detect", "h.example.com"), (nuclei.ScanId, nuclei.Id, nuclei.RuleId, nuclei.Target));
            Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), nuclei.FirstSeen);

            var bare = ProjectDiscoveryFindingMapper.ToFinding(JsonSerializer.Deserialize("{\"vuln_id\":\"v\",\"event\":null,\"created_at\":\"0001-01-01T00:00:00Z\",\"port\":\"x\"}", ProjectDiscoveryFindingJsonContext.Default.ProjectDiscoveryWireResult)!);
            Assert.Equal((FindingSeverity.Info, (string?)null, (DateTimeOffset?)null, (int?)null), (bare.Severity, bare.Title, bare.FirstSeen, bare.Port));
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"event\":5}", ProjectDiscoveryFindingJsonContext.Default.ProjectDiscoveryWireResult));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task ProjectDiscovery_the_fakes_export_reads_as_an_array_or_as_json_lines(bool jsonLines)
        {
            await using var server = await FakeVendorServer.StartAsync(new FakeProjectDiscovery());
            var fake = (FakeProjectDiscovery)server.Vendor;
            fake.SeedFindingScans();
            fake.ExportJsonLines = jsonLines;
            using var http = new HttpClient { BaseAddress = server.BaseUri };
            http.DefaultRequestHeaders.Add("X-API-Key", "test-key");
            using var stream = await http.GetStreamAsync("/v1/scans/" + FakeProjectDiscovery.FindingsScanId + "/export?type=json");
            var findings = new List<ProjectDiscoveryFinding>();
            await foreach (var row in ProjectDiscoveryFindingMapper.ReadExportAsync(stream, CancellationToken.None)) findings.Add(ProjectDiscoveryFindingMapper.ToFinding(row));

            Assert.Equal(8, findings.Count);
            Assert.All(findings, f => Assert.Equal(FakeProjectDiscovery.FindingsScanId, f.ScanId));
            Assert.Equal(new[] { FindingSeverity.Critical, FindingSeverity.High, FindingSeverity.Medium, FindingSeverity.Low, FindingSeverity.Info, FindingSeverity.Info, FindingSeverity.High, FindingSeverity.Medium },
                findings.Select(f => f.Severity));
            Assert.Equal(new[] { "critical", "high", "medium", "low", "info", "unknown", "high", "medium" }, findings.Select(f => f.VendorSeverity));
            Assert.Equal(FindingStatus.Fixed, findings[6].Status);
            Assert.True(findings[7].IsRegression);
        }

        [Fact]
        public async Task ProjectDiscovery_an_empty_export_gives_no_rows()
        {
            var none = new List<ProjectDiscoveryWireResult>();
            await foreach (var row in ProjectDiscoveryFindingMapper.ReadExportAsync(new MemoryStream(Encoding.UTF8.GetBytes(" \n ")), CancellationToken.None)) none.Add(row);
            await foreach (var row in ProjectDiscoveryFindingMapper.ReadExportAsync(new MemoryStream(Encoding.UTF8.GetBytes("[]")), CancellationToken.None)) none.Add(row);
            Assert.Empty(none);
        }

        // ---- Invicti ------------------------------------------------------------------------------------------

        /// <summary>DefectDojo's invicti_one_finding.json, trimmed: the vendor-format sample (dates dd/MM/yyyy hh:mm tt, CVSS Value as text, Severity an int).</summary>
        private const string InvictiReport = @"{""Generated"":""25/06/2021 09:59 AM"",""Target"":{""Duration"":""00:00:41.3968969"",""Initiated"":""25/06/2021 09:53 AM"",""ScanId"":""663eb6e88d9e4f4d9e00ad52017aa66d"",""Url"":""http://php.testsparker.com/""},
            ""Vulnerabilities"":[{""Certainty"":100,""Classification"":{""Iso27001"":""A.14.2.5"",""Capec"":""107"",""Cvss"":{""BaseScore"":{""Severity"":2,""Type"":""Base"",""Value"":""5.7""},""Vector"":""CVSS:3.0/AV:N/AC:L/PR:L/UI:R/S:U/C:H/I:N/A:N/E:H/RL:O/RC:C""},
              ""Cvss31"":null,""Cwe"":""16"",""Hipaa"":"""",""Owasp"":""A5"",""OwaspProactiveControls"":"""",""Pci32"":"""",""Wasc"":""15""},""Confirmed"":true,""Description"":""<p>d</p>"",""ExtraInformation"":[{""Name"":""Identified Cookie(s)"",""Value"":""PHPSESSID""}],
              ""FirstSeenDate"":""16/06/2021 12:30 PM"",""HttpRequest"":{""Content"":""GET /auth/login.php HTTP/1.1"",""Method"":""GET"",""Parameters"":[]},""HttpResponse"":{""Content"":""HTTP/1.1 200 OK"",""Duration"":41.4849,""StatusCode"":200},
              ""LookupId"":""735f4503-e9eb-4b4c-4306-ad49020a4c4b"",""Impact"":""<div>i</div>"",""KnownVulnerabilities"":[],""LastSeenDate"":""25/06/2021 01:52 AM"",""Name"":""Cookie Not Marked as HttpOnly"",
              ""RemedialProcedure"":""<div>r</div>"",""Severity"":""Medium"",""State"":""Present"",""Type"":""CookieNotMarkedAsHttpOnly"",""Url"":""http://php.testsparker.com/auth/login.php""}]}";

        [Fact]
        public void Invicti_every_field_of_a_report_vulnerability_maps_from_the_vendor_sample()
        {
            var report = JsonSerializer.Deserialize(InvictiReport, InvictiFindingJsonContext.Default.InvictiWireReport)!;
            var f = Assert.Single(InvictiFindingMapper.ToFindings(report, "663eb6e8-8d9e-4f4d-9e00-ad52017aa66d"));

            Assert.Equal(("Invicti", "663eb6e8-8d9e-4f4d-9e00-ad52017aa66d", "735f4503-e9eb-4b4c-4306-ad49020a4c4b"), (f.Provider, f.ScanId, f.Id));
            Assert.Equal(("Cookie Not Marked as HttpOnly", FindingSeverity.Medium, "Medium"), (f.Title, f.Severity, f.VendorSeverity));
            Assert.Equal(("http://php.testsparker.com/", FindingStatus.Open, "Present"), (f.Target, f.Status, f.VendorStatus));
            Assert.Equal(("CookieNotMarkedAsHttpOnly", "http://php.testsparker.com/auth/login.php"), (f.RuleId, f.Location));
            Assert.Equal((5.7, "CVSS:3.0/AV:N/AC:L/PR:L/UI:R/S:U/C:H/I:N/A:N/E:H/RL:O/RC:C"), (f.Cvss!.Value, f.CvssVector));
            Assert.Null(f.Cvss30Vector);
            Assert.Equal(new[] { "CWE-16" }, f.Cwe);
            Assert.Empty(f.Cve);
            Assert.Equal(new DateTimeOffset(2021, 6, 16, 12, 30, 0, TimeSpan.Zero), f.FirstSeen);
            Assert.Equal(new DateTimeOffset(2021, 6, 25, 1, 52, 0, TimeSpan.Zero), f.LastSeen);
            Assert.Equal(("16/06/2021 12:30 PM", "25/06/2021 01:52 AM"), (f.FirstSeenDate, f.LastSeenDate));
            Assert.Equal(("735f4503-e9eb-4b4c-4306-ad49020a4c4b", "CookieNotMarkedAsHttpOnly", "http://php.testsparker.com/auth/login.php"), (f.LookupId, f.Type, f.Url));
            Assert.Equal((true, 100, (bool?)null), (f.Confirmed, f.Certainty, f.IsPresent));
            Assert.Equal(("107", "A5", "15", (string?)null, (string?)null, "A.14.2.5"), (f.Capec, f.Owasp, f.Wasc, f.Pci32, f.Hipaa, f.Iso27001));
            Assert.Equal(("GET", "<p>d</p>", "<div>i</div>", "<div>r</div>", "Report"), (f.HttpMethod, f.Description, f.Impact, f.RemedialProcedure, f.Source));
            Assert.Null(f.IssueUrl);
        }

        [Theory]
        [InlineData("Present", FindingStatus.Open)]
        [InlineData("Revived", FindingStatus.Open)]
        [InlineData("FalsePositive", FindingStatus.FalsePositive)]
        [InlineData("AcceptedRisk", FindingStatus.Accepted)]
        [InlineData("FixedConfirmed", FindingStatus.Fixed)]
        [InlineData("Ignored", FindingStatus.Unknown)]
        [InlineData(null, FindingStatus.Unknown)]
        public void Invicti_states_map_and_unknown_ones_stay_raw(string? state, FindingStatus expected) => Assert.Equal(expected, InvictiFindingMapper.Status(state));

        [Theory]
        [InlineData("25/06/2021 09:59 AM", true, 2021, 6, 25, 9, 59)]
        [InlineData("25/06/2021 12:05 AM", true, 2021, 6, 25, 0, 5)]
        [InlineData("25/06/2021 12:05 PM", true, 2021, 6, 25, 12, 5)]
        [InlineData("16/06/2021 13:30", true, 2021, 6, 16, 13, 30)]
        [InlineData("06/25/2021 01:52 PM", false, 2021, 6, 25, 13, 52)]
        [InlineData("06/25/2021 01:52 PM", true, 2021, 6, 25, 13, 52)] // a month above 12 cannot be: read the other way
        [InlineData("25.06.2021 09:59:30", true, 2021, 6, 25, 9, 59)]
        [InlineData("25/06/2021 10:00 UTC", true, 2021, 6, 25, 10, 0)]
        [InlineData("25/06/2021", true, 2021, 6, 25, 0, 0)]
        [InlineData("2021-06-25T09:59:00Z", true, 2021, 6, 25, 9, 59)]
        public void Invicti_locale_dates_are_read_leniently(string text, bool dayFirst, int year, int month, int day, int hour, int minute)
        {
            var parsed = InvictiDates.Parse(text, dayFirst);
            Assert.NotNull(parsed);
            Assert.Equal(new DateTime(year, month, day, hour, minute, 0), new DateTime(parsed!.Value.Year, parsed.Value.Month, parsed.Value.Day, parsed.Value.Hour, parsed.Value.Minute, 0));
            Assert.Equal(TimeSpan.Zero, parsed.Value.Offset);
        }

        [Theory]
        [InlineData("31/02/2021 09:59 AM")]
        [InlineData("25/06/2021 13:05 PM")]
        [InlineData("yesterday")]
        [InlineData("")]
        [InlineData(null)]
        public void Invicti_unreadable_dates_are_null_and_the_raw_text_stays(string? text)
        {
            Assert.Null(InvictiDates.Parse(text));
            var f = InvictiFindingMapper.ToFinding(new InvictiWireReportVulnerability { LookupId = "l", FirstSeenDate = text }, "s", null);
            Assert.Null(f.FirstSeen);
            Assert.Equal(text, f.FirstSeenDate);
        }

        [Fact]
        public void Invicti_one_report_decides_day_or_month_first_from_its_unambiguous_dates()
        {
            Assert.True(InvictiDates.DayFirst(new[] { "05/06/2021 09:59 AM", "25/06/2021 09:59 AM" }));
            Assert.False(InvictiDates.DayFirst(new[] { null, "05/06/2021 09:59 AM", "06/25/2021 09:59 AM" }));
            Assert.True(InvictiDates.DayFirst(new[] { "05/06/2021 09:59 AM" }));
            var report = new InvictiWireReport
            {
                Generated = "12/31/2021 10:00 AM",
                Vulnerabilities = new List<InvictiWireReportVulnerability?> { new InvictiWireReportVulnerability { LookupId = "l", FirstSeenDate = "05/06/2021 09:59 AM" } },
            };
            Assert.Equal(new DateTimeOffset(2021, 5, 6, 9, 59, 0, TimeSpan.Zero), InvictiFindingMapper.ToFindings(report, "s").Single().FirstSeen);
        }

        [Fact]
        public void Invicti_cvss31_wins_over_cvss30_and_a_numeric_value_or_missing_parts_are_fine()
        {
            var json = @"{""Vulnerabilities"":[{""LookupId"":""l"",""Certainty"":""90"",""Classification"":{""Cwe"":""89,564"",""Cvss"":{""BaseScore"":{""Value"":9.1,""Severity"":""Critical""},""Vector"":""CVSS:3.0/A""},""Cvss31"":{""BaseScore"":{""Value"":""9.8""},""Vector"":""CVSS:3.1/B""}}},null,{""Severity"":""Low"",""Type"":""T"",""Url"":""u""}]}";
            var findings = InvictiFindingMapper.ToFindings(JsonSerializer.Deserialize(json, InvictiFindingJsonContext.Default.InvictiWireReport)!, "s").ToList();
            Assert.Equal(2, findings.Count);
            Assert.Equal((9.8, "CVSS:3.1/B", "CVSS:3.0/A", 90), (findings[0].Cvss!.Value, findings[0].CvssVector, findings[0].Cvss30Vector, findings[0].Certainty!.Value));
            Assert.Equal(new[] { "CWE-89", "CWE-564" }, findings[0].Cwe);
            Assert.Equal(("T|u", (string?)null, "u"), (findings[1].Id, findings[1].LookupId, findings[1].Target));
        }

        [Fact]
        public void Invicti_the_scan_result_fallback_takes_severity_from_the_template_and_Info_without_one()
        {
            var rows = new List<InvictiWireVulnerabilityModel?>
            {
                new InvictiWireVulnerabilityModel { IssueUrl = "https://i/issues/detail/15500000-0000-4000-8000-000000000009", Title = "HSTS", Type = "HstsNotEnabled", Url = "https://www.example.com/" },
                new InvictiWireVulnerabilityModel { IssueUrl = "https://i/issues/detail/not-a-guid", Title = "New", Type = "BrandNewCheck", Url = "https://www.example.com/x" },
                null,
            };
            var templates = JsonSerializer.Deserialize(@"[{""Type"":""HstsNotEnabled"",""Severity"":""Medium"",""Classification"":{""Cwe"":""523"",""OwaspTopTen2021"":""A05""},""Cvss31VectorString"":""CVSS:3.1/X"",""Cvss31Vector"":{""Base"":{""Severity"":""Medium"",""Value"":5.3}},""Remedy"":""r""},null]",
                InvictiFindingJsonContext.Default.ListInvictiWireVulnerabilityTemplate)!;
            var findings = InvictiFindingMapper.FromScanResult("scan", rows, templates).ToList();

            Assert.Equal(2, findings.Count);
            var hsts = findings[0];
            Assert.Equal(("15500000-0000-4000-8000-000000000009", FindingSeverity.Medium, "Medium", FindingStatus.Unknown), (hsts.Id, hsts.Severity, hsts.VendorSeverity, hsts.Status));
            Assert.Equal((5.3, "CVSS:3.1/X", "A05", "r", "ScanResult"), (hsts.Cvss!.Value, hsts.CvssVector, hsts.Owasp, hsts.RemedialProcedure, hsts.Source));
            Assert.Equal(new[] { "CWE-523" }, hsts.Cwe);
            Assert.Null(hsts.FirstSeen);
            Assert.Equal(("BrandNewCheck|https://www.example.com/x", FindingSeverity.Info, (string?)null), (findings[1].Id, findings[1].Severity, findings[1].VendorSeverity));
        }

        [Fact]
        public async Task Invicti_the_fakes_report_and_fallback_give_every_severity()
        {
            await using var server = await FakeVendorServer.StartAsync(new FakeInvicti());
            ((FakeInvicti)server.Vendor).SeedFindingScans();
            using var http = new HttpClient { BaseAddress = server.BaseUri };
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", InvictiServerTest.BasicHeader);
            var report = JsonSerializer.Deserialize(await http.GetStringAsync("/api/1.0/scans/report/?id=" + FakeInvicti.FindingsScanId + "&type=Vulnerabilities&format=Json"), InvictiFindingJsonContext.Default.InvictiWireReport)!;
            var fromReport = InvictiFindingMapper.ToFindings(report, FakeInvicti.FindingsScanId).ToList();
            Assert.Equal(new[] { FindingSeverity.Critical, FindingSeverity.High, FindingSeverity.High, FindingSeverity.Medium, FindingSeverity.Medium, FindingSeverity.Low, FindingSeverity.Info, FindingSeverity.Info, FindingSeverity.Low },
                fromReport.Select(f => f.Severity));
            Assert.All(fromReport, f => Assert.NotNull(f.FirstSeen));
            Assert.Equal(new[] { FindingStatus.Open, FindingStatus.FalsePositive, FindingStatus.Accepted }, fromReport.Select(f => f.Status).Distinct());

            var rows = JsonSerializer.Deserialize(await http.GetStringAsync("/api/1.0/scans/result/" + FakeInvicti.FindingsScanId), InvictiFindingJsonContext.Default.ListInvictiWireVulnerabilityModel)!;
            var templates = JsonSerializer.Deserialize(await http.GetStringAsync("/api/1.0/vulnerability/list"), InvictiFindingJsonContext.Default.ListInvictiWireVulnerabilityTemplate)!;
            var fallback = InvictiFindingMapper.FromScanResult(FakeInvicti.FindingsScanId, rows, templates).ToList();
            Assert.Equal(fromReport.Select(f => f.Type), fallback.Select(f => f.Type));
            // Only HstsNotEnabled differs: the template says Medium, the issue was reported Low.
            Assert.Equal(new[] { "HstsNotEnabled" }, fromReport.Zip(fallback).Where(p => p.First.Severity != p.Second.Severity).Select(p => p.First.Type));
        }

        // ---- Probely ------------------------------------------------------------------------------------------

        private static ProbelyWireFinding Probely(string json) =>
            JsonSerializer.Deserialize("{\"count\":1,\"results\":[" + json + "]}", ProbelyFindingJsonContext.Default.ProbelyWireFindingPage)!.Results![0]!;

        private const string ProbelyJson = @"{""id"":79,""target"":{""id"":""AxtkqTE0v3E-"",""site"":{""id"":""AxtkqTE0v3E-"",""name"":""test-site"",""url"":""https://test-site.example.com""}},
            ""scans"":[""S6dOMPn0SnoH"",""S7aaaaaaaaaa""],""labels"":[{""id"":""l1"",""name"":""pci""},""bare""],""fix"":""Use prepared statements."",
            ""requests"":[{""request"":""..."",""response"":""...""}],""evidence"":null,""extra"":"""",""definition"":{""id"":""xnV8PJVmSoLS"",""name"":""SQL Injection"",""desc"":""SQLi desc"",""cwe_id"":89},
            ""url"":""http://test-site.example.com/login.php"",""path"":""login.php"",""method"":""post"",""insertion_point"":""body"",""parameter"":""username"",""value"":"""",""params"":{""username"":[""probely'""]},
            ""assignee"":null,""state"":""notfixed"",""severity"":30,""cvss_score"":7.5,""cvss_vector"":""CVSS:3.1/AV:N"",""last_found"":""2017-08-01T14:03:56.207794Z"",
            ""retesting"":false,""new"":true,""changed"":""2017-08-02T14:03:56.207794Z"",""changed_by"":{},""comment"":""""}";

        [Fact]
        public void Probely_every_field_of_a_finding_maps_and_there_is_no_first_seen_or_cve()
        {
            var f = ProbelyFindingMapper.ToFinding(Probely(ProbelyJson), "S6dOMPn0SnoH");

            Assert.Equal(("Probely", "S6dOMPn0SnoH", "79"), (f.Provider, f.ScanId, f.Id));
            Assert.Equal(("SQL Injection", FindingSeverity.High, "30"), (f.Title, f.Severity, f.VendorSeverity));
            Assert.Equal(("https://test-site.example.com", FindingStatus.Open, "notfixed"), (f.Target, f.Status, f.VendorStatus));
            Assert.Equal(("xnV8PJVmSoLS", "http://test-site.example.com/login.php"), (f.RuleId, f.Location));
            Assert.Equal((7.5, "CVSS:3.1/AV:N"), (f.Cvss!.Value, f.CvssVector));
            Assert.Equal(new[] { "CWE-89" }, f.Cwe);
            Assert.Empty(f.Cve);
            Assert.Null(f.FirstSeen);
            Assert.Equal(new DateTimeOffset(2017, 8, 1, 14, 3, 56, TimeSpan.Zero).AddTicks(2077940), f.LastSeen);
            Assert.True(f.New);
            Assert.Equal(new[] { "S6dOMPn0SnoH", "S7aaaaaaaaaa" }, f.Scans);
            Assert.Equal(("AxtkqTE0v3E-", "test-site"), (f.TargetId, f.TargetName));
            Assert.Equal(("xnV8PJVmSoLS", "SQL Injection", "SQLi desc"), (f.DefinitionId, f.DefinitionName, f.DefinitionDescription));
            Assert.Equal(("http://test-site.example.com/login.php", "login.php", "post", "username", "body"), (f.Url, f.Path, f.Method, f.Parameter, f.InsertionPoint));
            Assert.Equal((false, "Use prepared statements."), (f.Retesting!.Value, f.Fix));
            Assert.Equal(new[] { "pci", "bare" }, f.Labels);
            Assert.Equal(new DateTimeOffset(2017, 8, 2, 14, 3, 56, TimeSpan.Zero).AddTicks(2077940), f.Changed);
        }

        [Theory]
        [InlineData("notfixed", FindingStatus.Open)]
        [InlineData("retesting", FindingStatus.Open)]
        [InlineData("fixed", FindingStatus.Fixed)]
        [InlineData("accepted", FindingStatus.Accepted)]
        [InlineData("invalid", FindingStatus.FalsePositive)]
        [InlineData("wontfix", FindingStatus.Unknown)]
        [InlineData(null, FindingStatus.Unknown)]
        public void Probely_states_map_and_unknown_ones_stay_raw(string? state, FindingStatus expected) => Assert.Equal(expected, ProbelyFindingMapper.Status(state));

        [Fact]
        public void Probely_a_finding_with_odd_or_missing_values_maps_without_error()
        {
            var f = ProbelyFindingMapper.ToFinding(Probely("{\"id\":\"abc\",\"severity\":\"x\",\"state\":\"snoozed\",\"definition\":{\"cwe_id\":\"\"},\"method\":\"\",\"last_found\":null,\"cvss_score\":null}"), "s");
            Assert.Equal(("abc", FindingSeverity.Info, "x", FindingStatus.Unknown, "snoozed"), (f.Id, f.Severity, f.VendorSeverity, f.Status, f.VendorStatus));
            Assert.Empty(f.Cwe);
            Assert.Null(f.Method);
            Assert.Null(f.LastSeen);
            Assert.Null(f.Cvss);
            Assert.Empty(f.Scans);
        }

        [Fact]
        public async Task Probely_and_HostedScan_the_fakes_seeded_findings_map_to_every_severity()
        {
            await using (var server = await FakeVendorServer.StartAsync(new FakeProbely()))
            {
                ((FakeProbely)server.Vendor).SeedFindingScans();
                using var http = new HttpClient { BaseAddress = server.BaseUri };
                http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "JWT test-key");
                var page = JsonSerializer.Deserialize(await http.GetStringAsync("/findings/?scan=" + FakeProbely.FindingsScanId), ProbelyFindingJsonContext.Default.ProbelyWireFindingPage)!;
                var findings = page.Results!.Select(r => ProbelyFindingMapper.ToFinding(r!, FakeProbely.FindingsScanId)).ToList();
                Assert.Equal(new[] { FindingSeverity.High, FindingSeverity.Low, FindingSeverity.Critical, FindingSeverity.Low, FindingSeverity.Medium, FindingSeverity.High }, findings.Select(f => f.Severity));
                Assert.Equal(new[] { FindingStatus.Open, FindingStatus.Accepted, FindingStatus.Open, FindingStatus.FalsePositive, FindingStatus.Open, FindingStatus.Open }, findings.Select(f => f.Status));
                Assert.All(findings, f => Assert.Null(f.FirstSeen));
            }

            await using (var server = await FakeVendorServer.StartAsync(new FakeHostedScan()))
            {
                ((FakeHostedScan)server.Vendor).SeedFindingScans();
                using var http = new HttpClient { BaseAddress = server.BaseUri };
                http.DefaultRequestHeaders.Add(FakeHostedScan.ApiKeyHeaderName, "test-key");
                var scan = JsonSerializer.Deserialize(await http.GetStringAsync("/v1/scans/" + FakeHostedScan.FindingsScanId), HostedScanJsonContext.Default.HostedScanScanEnvelope)!.Data!;
                string json = HostedScanFindingMapper.FiltersFor(scan);
                Assert.Equal("{\"target_id\":[\"f1a000000000000000000001\",\"f1a000000000000000000002\"],\"risk_definition.scan_type\":[\"OPENVAS\"]}", json);
                string filters = Uri.EscapeDataString(json);
                var risks = JsonSerializer.Deserialize(await http.GetStringAsync("/v1/risks?filters=" + filters), HostedScanFindingJsonContext.Default.HostedScanRiskListEnvelope)!.Data!;
                var findings = HostedScanFindingMapper.ToFindings(scan, risks).ToList();
                Assert.Equal(7, findings.Count); // f1e...08 is not the scan's
                Assert.Equal(new[] { "CRITICAL", "HIGH", "HIGH", "INFO", "LOW", "MEDIUM", "MEDIUM" }, findings.Select(f => f.VendorSeverity).OrderBy(s => s, StringComparer.Ordinal));
                Assert.Equal(new[] { FindingSeverity.Info, FindingSeverity.Low, FindingSeverity.Medium, FindingSeverity.Medium, FindingSeverity.High, FindingSeverity.High, FindingSeverity.Critical }, findings.Select(f => f.Severity).OrderBy(s => s));
                Assert.Equal(FindingStatus.Closed, findings.Single(f => f.Id == "f1e000000000000000000006").Status);
                Assert.Equal(FindingStatus.Accepted, findings.Single(f => f.Id == "f1e000000000000000000007").Status);
                Assert.Equal(new[] { "CVE-2024-6387" }, findings.Single(f => f.Id == "f1e000000000000000000001").Cve);
            }
        }
    }
}
