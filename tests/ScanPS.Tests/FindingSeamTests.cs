using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using NJsonSchema;
using ScanPS.Findings;
using ScanPS.Providers;
using ScanPS.Providers.HostedScan;
using ScanPS.Providers.Invicti;
using ScanPS.Providers.Probely;
using ScanPS.Providers.ProjectDiscovery;
using ScanPS.Models;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>A provider subtype stand-in: the base finding plus the vendor fields the finding commands read by name.</summary>
    internal sealed class TestFinding : ScanFinding
    {
        public TestFinding(string provider, string scanId, string id) : base(provider, scanId, id)
        {
        }

        public string? ScanStatus { get; set; }

        public string? VulnHash { get; set; }

        public string? VulnStatus { get; set; }

        public bool? IsRegression { get; set; }

        public string? LookupId { get; set; }

        public bool? IsPresent { get; set; }

        public bool? New { get; set; }

        /// <summary>Not a ProbelyFinding property (its state is VendorStatus): a test proves the signals do not read it.</summary>
        public string? State { get; set; }

        public static TestFinding Of(string provider, string scanId, string id, string title, FindingSeverity severity, string? target, string? rule = null, string? location = null) =>
            new TestFinding(provider, scanId, id) { Title = title, Severity = severity, Target = target, RuleId = rule, Location = location };
    }

    /// <summary>The finding logic through the C# seam: fingerprint, matching, vendor signals, SARIF and JUnit against their schemas, the gate.</summary>
    public sealed class FindingSeamTests
    {
        private static FindingRecord Read(object finding)
        {
            var record = FindingRecord.TryRead(new ObjectFindingProperties(finding), out var problem);
            Assert.True(record != null, problem);
            return record!;
        }

        private static List<FindingRecord> ReadAll(params object[] findings) => findings.Select(Read).ToList();

        private static string Sha(string text) => string.Concat(SHA256.HashData(Encoding.UTF8.GetBytes(text)).Select(b => b.ToString("x2")));

        [Fact]
        public void Fingerprint_is_the_documented_hash_and_ignores_case_and_trailing_slash_of_the_target()
        {
            var expected = Sha("scanps-finding/v1\nProjectDiscovery\nhttps://app.example.com\nhttp-missing-security-headers\n/login");
            Assert.Equal(expected, FindingFingerprint.Compute("ProjectDiscovery", " https://App.Example.com/ ", "http-missing-security-headers", "/login"));
            Assert.NotEqual(expected, FindingFingerprint.Compute("ProjectDiscovery", "https://app.example.com", "http-missing-security-headers", "/Login"));
            Assert.NotEqual(expected, FindingFingerprint.Compute("HostedScan", "https://app.example.com", "http-missing-security-headers", "/login"));
            // No RuleId: the title stands in for it.
            var noRule = Read(TestFinding.Of("Invicti", "s", "1", "SQL Injection", FindingSeverity.High, "https://a.example/", null, "/q"));
            Assert.Equal(Sha("scanps-finding/v1\nInvicti\nhttps://a.example\nSQL Injection\n/q"), noRule.Fingerprint);
        }

        [Fact]
        public void Records_read_strings_as_Export_Csv_writes_them_and_refuse_what_is_not_a_finding()
        {
            var csv = new Dictionary<string, object?> { ["Provider"] = "probely", ["Severity"] = "3", ["Status"] = "Fixed", ["Cwe"] = "CWE-79; CWE-80", ["Cvss"] = "7.5", ["FirstSeen"] = "2026-11-01T10:00:00.0000000+00:00", ["New"] = "False" };
            var record = FindingRecord.TryRead(new DictionaryProperties(csv), out var problem);
            Assert.Null(problem);
            Assert.Equal("Probely", record!.Provider);
            Assert.Equal(FindingSeverity.High, record.Severity);
            Assert.Equal(FindingStatus.Fixed, record.Status);
            Assert.True(record.IsGone);
            Assert.Equal(new[] { "CWE-79", "CWE-80" }, record.Cwe);
            Assert.Equal(7.5, record.Cvss);
            Assert.Equal(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), record.FirstSeen);

            Assert.Null(FindingRecord.TryRead(new DictionaryProperties(new Dictionary<string, object?> { ["Severity"] = "High" }), out problem));
            Assert.Equal("The object has no Provider property; it is not a ScanPS finding.", problem);
            Assert.Null(FindingRecord.TryRead(new DictionaryProperties(new Dictionary<string, object?> { ["Provider"] = "Nessus", ["Severity"] = "High" }), out problem));
            Assert.Equal("The Provider 'Nessus' is not one of HostedScan, ProjectDiscovery, Invicti, Probely.", problem);
            Assert.Null(FindingRecord.TryRead(new DictionaryProperties(new Dictionary<string, object?> { ["Provider"] = "Invicti", ["Severity"] = "Severe" }), out problem));
            Assert.Equal("The Severity 'Severe' is not one of Info, Low, Medium, High, Critical.", problem);
            Assert.Null(FindingRecord.TryRead(new DictionaryProperties(new Dictionary<string, object?> { ["Provider"] = "Invicti" }), out problem));
            Assert.Equal("The finding has no Severity property.", problem);
        }

        [Fact]
        public void Two_scans_match_by_the_vendor_identity_New_Fixed_StillOpen()
        {
            // HostedScan risk ids are stable across scans; the title changed wording but the risk is the same.
            var before = ReadAll(
                TestFinding.Of("HostedScan", "s1", "r1", "TLS 1.0 enabled", FindingSeverity.High, "example.com:443", "tls"),
                TestFinding.Of("HostedScan", "s1", "r2", "Missing HSTS", FindingSeverity.Low, "https://example.com", "hsts"));
            var after = ReadAll(
                TestFinding.Of("HostedScan", "s2", "r2", "HSTS header missing", FindingSeverity.Low, "https://example.com", "hsts-v2"),
                TestFinding.Of("HostedScan", "s2", "r3", "Open port 23", FindingSeverity.Medium, "example.com", "telnet"));
            var result = FindingComparer.Compare(before, after).Select(c => (c.Finding.Id!, c.Finding.ScanId!, c.Change)).ToList();
            Assert.Equal(new[] { ("r2", "s2", FindingChange.StillOpen), ("r3", "s2", FindingChange.New), ("r1", "s1", FindingChange.Fixed) }, result);
        }

        [Fact]
        public void Without_the_vendor_identity_on_every_finding_the_fingerprint_matches()
        {
            // One ProjectDiscovery row lacks VulnHash (say, a CSV without that column): all match by fingerprint.
            var before = ReadAll(
                new TestFinding("ProjectDiscovery", "s1", "v1") { Title = "Exposed .git", Severity = FindingSeverity.Medium, Target = "https://a.example", RuleId = "git-config", Location = "/.git/config", VulnHash = "h1" },
                new TestFinding("ProjectDiscovery", "s1", "v2") { Title = "Old nginx", Severity = FindingSeverity.Low, Target = "https://a.example", RuleId = "nginx-version" });
            var after = ReadAll(
                new TestFinding("ProjectDiscovery", "s2", "v9") { Title = "Exposed .git", Severity = FindingSeverity.High, Target = "https://A.example/", RuleId = "git-config", Location = "/.git/config" });
            var result = FindingComparer.Compare(before, after).Select(c => (c.Finding.Id!, c.Change)).ToList();
            Assert.Equal(new[] { ("v9", FindingChange.StillOpen), ("v2", FindingChange.Fixed) }, result);

            // With VulnHash everywhere it wins over the fingerprint (a moved location is the same result).
            before = ReadAll(new TestFinding("ProjectDiscovery", "s1", "v1") { Severity = FindingSeverity.Low, Target = "a.example", RuleId = "t", Location = "/x", VulnHash = "h1" });
            after = ReadAll(new TestFinding("ProjectDiscovery", "s2", "v2") { Severity = FindingSeverity.Low, Target = "a.example", RuleId = "t", Location = "/y", VulnHash = "h1" });
            Assert.Equal(FindingChange.StillOpen, Assert.Single(FindingComparer.Compare(before, after)).Change);
        }

        [Fact]
        public void Gone_findings_are_Fixed_once_and_duplicates_pair_in_order()
        {
            var before = ReadAll(
                new TestFinding("Probely", "s1", "f1") { Title = "XSS", Severity = FindingSeverity.High, Target = "https://p.example" },
                new TestFinding("Probely", "s1", "f2") { Title = "CSRF", Severity = FindingSeverity.Medium, Target = "https://p.example", VendorStatus = "fixed" });
            var after = ReadAll(
                new TestFinding("Probely", "s2", "f1") { Title = "XSS", Severity = FindingSeverity.High, Target = "https://p.example", VendorStatus = "fixed" },
                new TestFinding("Probely", "s2", "f2") { Title = "CSRF", Severity = FindingSeverity.Medium, Target = "https://p.example", VendorStatus = "fixed" },
                new TestFinding("Probely", "s2", "f3") { Title = "SQLi", Severity = FindingSeverity.Critical, Target = "https://p.example", VendorStatus = "fixed" });
            // f1 fixed in this scan; f2 was already fixed (not written); f3 closed in this scan by the vendor's word.
            Assert.Equal(new[] { ("f1", FindingChange.Fixed), ("f3", FindingChange.Fixed) }, FindingComparer.Compare(before, after).Select(c => (c.Finding.Id!, c.Change)).ToList());

            // Two identical HostedScan-less fingerprints (no ids in a CSV): one pairs, the second is New.
            var a = new DictionaryProperties(new Dictionary<string, object?> { ["Provider"] = "Invicti", ["Severity"] = "Low", ["Target"] = "https://i.example", ["Title"] = "Cookie not HttpOnly" });
            var b = new DictionaryProperties(new Dictionary<string, object?> { ["Provider"] = "Invicti", ["Severity"] = "Low", ["Target"] = "https://i.example", ["Title"] = "Cookie not HttpOnly" });
            var c = new DictionaryProperties(new Dictionary<string, object?> { ["Provider"] = "Invicti", ["Severity"] = "Low", ["Target"] = "https://i.example", ["Title"] = "Cookie not HttpOnly" });
            var pairs = FindingComparer.Compare(new[] { FindingRecord.TryRead(a, out _)! }, new[] { FindingRecord.TryRead(b, out _)!, FindingRecord.TryRead(c, out _)! });
            Assert.Equal(new[] { FindingChange.StillOpen, FindingChange.New }, pairs.Select(p => p.Change));
            Assert.Same(b, pairs[0].Finding.Properties);
        }

        [Fact]
        public void One_scan_uses_each_vendors_scan_relative_signal()
        {
            var findings = ReadAll(
                new TestFinding("HostedScan", "s", "h1") { Severity = FindingSeverity.Low, ScanStatus = "new_open" },
                new TestFinding("HostedScan", "s", "h2") { Severity = FindingSeverity.Low, ScanStatus = "still_open" },
                new TestFinding("HostedScan", "s", "h3") { Severity = FindingSeverity.Low, ScanStatus = "closed" },
                new TestFinding("Probely", "s", "p1") { Severity = FindingSeverity.Low, New = true },
                new TestFinding("Probely", "s", "p2") { Severity = FindingSeverity.Low, New = false },
                new TestFinding("Probely", "s", "p3") { Severity = FindingSeverity.Low, New = false, VendorStatus = "fixed" },
                new TestFinding("ProjectDiscovery", "s", "d1") { Severity = FindingSeverity.Low, IsRegression = true, VulnStatus = "open" },
                new TestFinding("ProjectDiscovery", "s", "d2") { Severity = FindingSeverity.Low, VulnStatus = "fixed" },
                new TestFinding("ProjectDiscovery", "s", "d3") { Severity = FindingSeverity.Low, VulnStatus = "open", IsRegression = false },
                new TestFinding("Invicti", "s", "i1") { Severity = FindingSeverity.Low, FirstSeen = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), LastSeen = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero) },
                new TestFinding("Invicti", "s", "i2") { Severity = FindingSeverity.Low, FirstSeen = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), LastSeen = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero) },
                new TestFinding("Invicti", "s", "i3") { Severity = FindingSeverity.Low, IsPresent = false },
                new TestFinding("Invicti", "s", "i4") { Severity = FindingSeverity.Low });
            var result = FindingComparer.CompareWithPreviousScan(findings, out var unknown).Select(c => c.Finding.Id + "=" + c.Change);
            Assert.Equal(new[] { "h1=New", "h2=StillOpen", "h3=Fixed", "p1=New", "p2=StillOpen", "p3=Fixed", "d1=New", "d2=Fixed", "i1=New", "i2=StillOpen", "i3=Fixed" }, result);
            Assert.Equal(new[] { "d3", "i4" }, unknown.Select(u => u.Id));
        }

        [Fact]
        public void Vendor_status_stands_in_for_ProjectDiscovery_VulnStatus_and_is_Probely_state()
        {
            var gone = ReadAll(
                new TestFinding("Probely", "s", "1") { Severity = FindingSeverity.Low, VendorStatus = "fixed" },
                new TestFinding("ProjectDiscovery", "s", "2") { Severity = FindingSeverity.Low, VendorStatus = "fixed" },
                new TestFinding("Probely", "s", "3") { Severity = FindingSeverity.Low, VendorStatus = "notfixed" },
                new TestFinding("Probely", "s", "4") { Severity = FindingSeverity.Low, State = "fixed" });
            Assert.Equal(new[] { true, true, false, false }, gone.Select(g => g.IsGone)); // no State property on ProbelyFinding
        }

        private static HostedScanFinding HostedScanRisk(string scanId, string id, string scanStatus, string vendorStatus = "OPEN") =>
            new HostedScanFinding(scanId, id)
            {
                Title = "Risk " + id, Severity = FindingSeverity.High, VendorSeverity = "HIGH", Target = "app.example.com", RuleId = "Risk " + id,
                VendorStatus = vendorStatus, ScanStatus = scanStatus,
                Status = HostedScanFindingMapper.Status(vendorStatus, false, scanStatus),
            };

        private static ProjectDiscoveryFinding PdcpResult(string scanId, string id, string hash, string vulnStatus = "open", bool regression = false) =>
            new ProjectDiscoveryFinding(scanId, id)
            {
                Title = "Git config", Severity = FindingSeverity.Medium, VendorSeverity = "medium", Target = "https://app.example.com", RuleId = "git-config-" + hash,
                Location = "https://app.example.com/.git/config", VendorStatus = vulnStatus, VulnStatus = vulnStatus, VulnHash = hash, IsRegression = regression,
                Status = ProjectDiscoveryFindingMapper.Status(vulnStatus),
            };

        private static InvictiFinding InvictiIssue(string scanId, string lookupId, bool? present, string firstSeen, string lastSeen, string state = "Present") =>
            new InvictiFinding(scanId, lookupId)
            {
                Title = "Xss", Severity = FindingSeverity.High, VendorSeverity = "High", Target = "https://www.example.com/", RuleId = "Xss", Location = "https://www.example.com/" + lookupId,
                LookupId = lookupId, IsPresent = present, VendorStatus = state, Status = InvictiFindingMapper.Status(state),
                FirstSeenDate = firstSeen, LastSeenDate = lastSeen, FirstSeen = InvictiDates.Parse(firstSeen), LastSeen = InvictiDates.Parse(lastSeen),
            };

        private static ProbelyFinding ProbelyOf(string scanId, string id, string state, bool isNew, params string[] scans) =>
            new ProbelyFinding(scanId, id)
            {
                Title = "Finding " + id, Severity = FindingSeverity.High, VendorSeverity = "30", Target = "https://findings.example.com/", RuleId = "def-" + id,
                Location = "https://findings.example.com/" + id, VendorStatus = state, Status = ProbelyFindingMapper.Status(state), New = isNew, Scans = scans,
            };

        [Fact]
        public void Each_providers_real_finding_type_carries_the_properties_its_signals_read()
        {
            var hs = Read(HostedScanRisk("s1", "r1", "closed", "CLOSED"));
            Assert.Equal(("hostedScanRiskId/v1", "r1", true, true), (hs.VendorKeyName, hs.VendorKey, hs.IsGone, hs.AbsentFromScan));
            var hsClosedSince = Read(HostedScanRisk("s1", "r2", "still_open", "CLOSED"));
            Assert.Equal((true, false), (hsClosedSince.IsGone, hsClosedSince.AbsentFromScan)); // closed today, open in s1

            var pd = Read(PdcpResult("p1", "v1", "hash-1", "fixed", regression: false));
            Assert.Equal(("vulnHash/v1", "hash-1", true, true), (pd.VendorKeyName, pd.VendorKey, pd.IsGone, pd.AbsentFromScan));

            var iv = Read(InvictiIssue("i1", "1d0c0001-e9eb-4b4c-4306-ad49020a4c4b", false, "13/01/2026 09:59 AM", "13/01/2026 09:59 AM", "FixedUnconfirmed"));
            Assert.Equal(("invictiLookupId/v1", "1d0c0001-e9eb-4b4c-4306-ad49020a4c4b", true), (iv.VendorKeyName, iv.VendorKey, iv.IsGone));

            var pb = Read(ProbelyOf("A1", "7002", "fixed", false, "A1"));
            Assert.Equal(("probelyFindingId/v1", "7002", true, false), (pb.VendorKeyName, pb.VendorKey, pb.IsGone, pb.AbsentFromScan)); // fixed today, found by A1
            Assert.True(Read(ProbelyOf("A2", "7002", "fixed", false, "A1")).AbsentFromScan);
            Assert.False(Read(ProbelyOf("A2", "7003", "notfixed", false)).AbsentFromScan); // exclude=scans: the state decides

            var single = FindingComparer.CompareWithPreviousScan(ReadAll(
                HostedScanRisk("s", "h1", "new_open"), HostedScanRisk("s", "h2", "still_open"), HostedScanRisk("s", "h3", "closed", "CLOSED"),
                PdcpResult("s", "d1", "x1", "open", regression: true), PdcpResult("s", "d2", "x2", "fixed"), PdcpResult("s", "d3", "x3"),
                InvictiIssue("s", "i1", true, "13/01/2026 09:59 AM", "13/01/2026 09:59 AM"), InvictiIssue("s", "i2", true, "12/01/2026 09:59 AM", "13/01/2026 09:59 AM"), InvictiIssue("s", "i3", false, "12/01/2026 09:59 AM", "13/01/2026 09:59 AM", "FixedUnconfirmed"),
                ProbelyOf("s", "p1", "notfixed", true, "s"), ProbelyOf("s", "p2", "notfixed", false, "s"), ProbelyOf("s", "p3", "fixed", false, "s")), out var unknown);
            Assert.Equal(new[] { "h1=New", "h2=StillOpen", "h3=Fixed", "d1=New", "d2=Fixed", "i1=New", "i2=StillOpen", "i3=Fixed", "p1=New", "p2=StillOpen", "p3=Fixed" }, single.Select(c => c.Finding.Id + "=" + c.Change));
            Assert.Equal(new[] { "d3" }, unknown.Select(u => u.Id));
        }

        private static string[] CompareIds(IEnumerable<object> reference, IEnumerable<object> difference) =>
            FindingComparer.Compare(reference.Select(Read).ToList(), difference.Select(Read).ToList()).Select(c => c.Finding.ScanId + ":" + c.Finding.Id + "=" + c.Change).ToArray();

        /// <summary>The same objects as Export-Csv writes them: every public property as text (lists joined by "; ").</summary>
        private static FindingRecord ReadAsCsv(object finding)
        {
            var row = finding.GetType().GetProperties().ToDictionary(p => p.Name, p => (object?)(p.GetValue(finding) is { } v ? (v is DateTimeOffset d ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : v.ToString()) : null));
            var record = FindingRecord.TryRead(new DictionaryProperties(row), out var problem);
            Assert.True(record != null, problem);
            return record!;
        }

        public static IEnumerable<object[]> TwoScansPerProvider()
        {
            // HostedScan: r2 was open in s1 and closed by s2 (CLOSED today, so s1's copy reads Closed too).
            yield return new object[]
            {
                new object[] { HostedScanRisk("s1", "r1", "new_open"), HostedScanRisk("s1", "r2", "still_open", "CLOSED") },
                new object[] { HostedScanRisk("s2", "r1", "still_open"), HostedScanRisk("s2", "r2", "closed", "CLOSED"), HostedScanRisk("s2", "r3", "new_open") },
                new[] { "s2:r1=StillOpen", "s2:r3=New", "s2:r2=Fixed" },
            };

            // ProjectDiscovery: a new vuln id per scan, the same vuln_hash.
            yield return new object[]
            {
                new object[] { PdcpResult("p1", "v1", "h1"), PdcpResult("p1", "v2", "h2") },
                new object[] { PdcpResult("p2", "v3", "h1"), PdcpResult("p2", "v4", "h3", regression: true) },
                new[] { "p2:v3=StillOpen", "p2:v4=New", "p1:v2=Fixed" },
            };

            // Invicti: LookupId across scans; IsPresent false in the later report.
            yield return new object[]
            {
                new object[] { InvictiIssue("i1", "L1", true, "12/01/2026 09:59 AM", "12/01/2026 09:59 AM"), InvictiIssue("i1", "L2", true, "12/01/2026 09:59 AM", "12/01/2026 09:59 AM") },
                new object[] { InvictiIssue("i2", "L1", true, "12/01/2026 09:59 AM", "13/01/2026 09:59 AM"), InvictiIssue("i2", "L2", false, "12/01/2026 09:59 AM", "13/01/2026 09:59 AM", "FixedUnconfirmed"), InvictiIssue("i2", "L3", true, "13/01/2026 09:59 AM", "13/01/2026 09:59 AM") },
                new[] { "i2:L1=StillOpen", "i2:L3=New", "i2:L2=Fixed" },
            };

            // Probely, as the sandbox seeds it: 7002 was found by A1 only and is fixed today; 7004 is new in A2.
            yield return new object[]
            {
                new object[] { ProbelyOf("A1", "7001", "notfixed", false, "A1", "A2"), ProbelyOf("A1", "7002", "fixed", false, "A1") },
                new object[] { ProbelyOf("A2", "7001", "notfixed", false, "A1", "A2"), ProbelyOf("A2", "7004", "notfixed", true, "A2") },
                new[] { "A2:7001=StillOpen", "A2:7004=New", "A1:7002=Fixed" },
            };
        }

        [Theory]
        [MemberData(nameof(TwoScansPerProvider))]
        public void Compare_two_scans_of_each_providers_real_type_and_of_its_Export_Csv_text(object[] reference, object[] difference, string[] expected)
        {
            Assert.Equal(expected, CompareIds(reference, difference));
            var asText = FindingComparer.Compare(reference.Select(ReadAsCsv).ToList(), difference.Select(ReadAsCsv).ToList()).Select(c => c.Finding.ScanId + ":" + c.Finding.Id + "=" + c.Change);
            Assert.Equal(expected, asText);
        }

        private static List<FindingRecord> AllProviders()
        {
            var findings = ReadAll(
                new TestFinding("HostedScan", "hs-1", "risk-1") { Title = "TLS 1.0 enabled", Severity = FindingSeverity.High, VendorSeverity = "HIGH", Target = "example.com:443", RuleId = "ssl-tls-versions", Status = FindingStatus.Open, ScanStatus = "new_open" },
                new TestFinding("HostedScan", "hs-1", "risk-2") { Title = "Missing HSTS", Severity = FindingSeverity.Low, VendorSeverity = "LOW", Target = "https://example.com", RuleId = "hsts", Location = "/", ScanStatus = "still_open" },
                new TestFinding("ProjectDiscovery", "pd-1", "vuln-1") { Title = "Exposed .git config", Severity = FindingSeverity.Critical, VendorSeverity = "critical", Target = "https://app.example.com", RuleId = "git-config", Location = "https://app.example.com/.git/config", VulnHash = "abc123", Cvss = 9.1, Cwe = new[] { "CWE-200" }, Cve = new[] { "CVE-2026-0001" }, Change = FindingChange.New },
                new TestFinding("Invicti", "iv-1", "i-1") { Title = "SQL Injection", Severity = FindingSeverity.Medium, VendorSeverity = "Medium", Target = "https://shop.example.com/", Location = "/search?q=1", LookupId = "7d6f3e2a-0000-4000-8000-000000000001", FirstSeen = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero) },
                new TestFinding("Probely", "pb-1", "42") { Title = "Cookie without Secure", Severity = FindingSeverity.Info, VendorSeverity = "10", Target = "[2001:db8::1]:8443", Location = "/account", Status = FindingStatus.Fixed, Change = FindingChange.Fixed });
            return findings;
        }

        private static readonly Lazy<JsonSchema> SarifSchema = new Lazy<JsonSchema>(() =>
            JsonSchema.FromFileAsync(Path.Combine(RepoRoot.Path, "tests", "ScanPS.Tests", "Schemas", "sarif-schema-2.1.0-rtm.5.json")).GetAwaiter().GetResult());

        private static void AssertValidSarif(string json)
        {
            var errors = SarifSchema.Value.Validate(json);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Path + ": " + e.Kind)));
        }

        [Fact]
        public void Sarif_of_every_provider_validates_against_the_SARIF_2_1_0_schema_and_maps_each_field()
        {
            var json = SarifLog.Write(AllProviders(), "0.1.0");
            AssertValidSarif(json);

            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            Assert.Equal("2.1.0", root.GetProperty("version").GetString());
            Assert.Equal(SarifLog.SchemaUri, root.GetProperty("$schema").GetString());
            var runs = root.GetProperty("runs").EnumerateArray().ToList();
            Assert.Equal(new[] { "HostedScan", "ProjectDiscovery", "Invicti", "Probely" }, runs.Select(r => r.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString()));

            var hosted = runs[0];
            Assert.Equal(new[] { "ssl-tls-versions", "hsts" }, hosted.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
            var tls = hosted.GetProperty("results")[0];
            Assert.Equal("error", tls.GetProperty("level").GetString());
            Assert.Equal(0, tls.GetProperty("ruleIndex").GetInt32());
            Assert.Equal("TLS 1.0 enabled (High) on example.com:443", tls.GetProperty("message").GetProperty("text").GetString());
            Assert.Equal("//example.com:443", tls.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("risk-1", tls.GetProperty("partialFingerprints").GetProperty("hostedScanRiskId/v1").GetString());
            Assert.Equal(FindingFingerprint.Compute("HostedScan", "example.com:443", "ssl-tls-versions", null), tls.GetProperty("partialFingerprints").GetProperty("scanpsFinding/v1").GetString());
            Assert.False(tls.TryGetProperty("baselineState", out _));
            Assert.Equal("8.0", hosted.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("properties").GetProperty("security-severity").GetString());
            Assert.Equal("note", hosted.GetProperty("results")[1].GetProperty("level").GetString());
            Assert.Equal("https://example.com/", hosted.GetProperty("results")[1].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());

            var pd = runs[1].GetProperty("results")[0];
            Assert.Equal("error", pd.GetProperty("level").GetString());
            Assert.Equal("new", pd.GetProperty("baselineState").GetString());
            Assert.Equal("abc123", pd.GetProperty("partialFingerprints").GetProperty("vulnHash/v1").GetString());
            Assert.Equal("https://app.example.com/.git/config", pd.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(new[] { "CVE-2026-0001" }, pd.GetProperty("properties").GetProperty("cve").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("9.1", runs[1].GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("properties").GetProperty("security-severity").GetString());

            var iv = runs[2].GetProperty("results")[0];
            Assert.Equal("warning", iv.GetProperty("level").GetString());
            Assert.Equal("SQL Injection", iv.GetProperty("ruleId").GetString());
            Assert.Equal("https://shop.example.com/search?q=1", iv.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("7d6f3e2a-0000-4000-8000-000000000001", iv.GetProperty("partialFingerprints").GetProperty("invictiLookupId/v1").GetString());

            var pb = runs[3].GetProperty("results")[0];
            Assert.Equal("note", pb.GetProperty("level").GetString());
            Assert.Equal("absent", pb.GetProperty("baselineState").GetString());
            Assert.Equal("//[2001:db8::1]:8443/account", pb.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("42", pb.GetProperty("partialFingerprints").GetProperty("probelyFindingId/v1").GetString());
        }

        [Fact]
        public void The_SARIF_schema_check_can_fail()
        {
            var json = SarifLog.Write(AllProviders(), "0.1.0").Replace("\"level\": \"warning\"", "\"level\": \"medium\"");
            Assert.NotEmpty(SarifSchema.Value.Validate(json));
            Assert.NotEmpty(SarifSchema.Value.Validate("{\"version\":\"2.1.0\"}"));
            AssertValidSarif(SarifLog.Write(new FindingRecord[0], "0.1.0"));
        }

        private static void AssertValidJUnit(string xml)
        {
            var schemas = new XmlSchemaSet();
            schemas.Add(null, Path.Combine(RepoRoot.Path, "tests", "ScanPS.Tests", "Schemas", "junit-10.xsd"));
            var problems = new List<string>();
            XDocument.Parse(xml).Validate(schemas, (_, e) => problems.Add(e.Severity + ": " + e.Message));
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void JUnit_per_finding_validates_against_the_Jenkins_schema_with_failures_skips_and_passes()
        {
            var xml = JUnitReport.Write(AllProviders(), JUnitTestCaseMode.Finding, FindingSeverity.Low, new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
            AssertValidJUnit(xml);
            var doc = XDocument.Parse(xml);
            Assert.Equal("5", doc.Root!.Attribute("tests")!.Value);
            Assert.Equal("4", doc.Root.Attribute("failures")!.Value);
            var suites = doc.Root.Elements("testsuite").ToList();
            Assert.Equal(new[] { "HostedScan", "ProjectDiscovery", "Invicti", "Probely" }, suites.Select(s => s.Attribute("name")!.Value));
            Assert.Equal("2026-12-03T12:00:00", suites[0].Attribute("timestamp")!.Value);
            var tls = suites[0].Elements("testcase").First();
            Assert.Equal("[High] TLS 1.0 enabled on example.com:443", tls.Attribute("name")!.Value);
            Assert.Equal("HostedScan.example.com:443", tls.Attribute("classname")!.Value);
            Assert.Equal("High", tls.Element("failure")!.Attribute("type")!.Value);
            Assert.Contains("Severity: High (vendor: HIGH)", tls.Element("failure")!.Value);
            // Probely's finding is Fixed: it passes.
            var fixedCase = suites[3].Elements("testcase").Single();
            Assert.Null(fixedCase.Element("failure"));
            Assert.Equal("0", suites[3].Attribute("failures")!.Value);

            var skipped = JUnitReport.Write(AllProviders(), JUnitTestCaseMode.Finding, FindingSeverity.High, DateTimeOffset.UnixEpoch);
            AssertValidJUnit(skipped);
            var hosted = XDocument.Parse(skipped).Root!.Elements("testsuite").First();
            Assert.Equal("1", hosted.Attribute("skipped")!.Value);
            Assert.Equal("Severity Low is below High.", hosted.Elements("testcase").ElementAt(1).Element("skipped")!.Attribute("message")!.Value);
        }

        [Fact]
        public void JUnit_per_target_has_one_case_per_target_naming_the_counts()
        {
            var findings = ReadAll(
                TestFinding.Of("HostedScan", "s", "1", "A", FindingSeverity.High, "example.com"),
                TestFinding.Of("HostedScan", "s", "2", "B", FindingSeverity.Medium, "example.com"),
                TestFinding.Of("HostedScan", "s", "3", "C", FindingSeverity.High, "EXAMPLE.com"),
                TestFinding.Of("HostedScan", "s", "4", "D", FindingSeverity.Low, "other.example"));
            var xml = JUnitReport.Write(findings, JUnitTestCaseMode.Target, FindingSeverity.Medium, DateTimeOffset.UnixEpoch);
            AssertValidJUnit(xml);
            var cases = XDocument.Parse(xml).Root!.Element("testsuite")!.Elements("testcase").ToList();
            Assert.Equal(new[] { "example.com", "other.example" }, cases.Select(c => c.Attribute("name")!.Value));
            Assert.Equal("3 findings: High 2, Medium 1", cases[0].Element("failure")!.Attribute("message")!.Value);
            Assert.Equal("Every open finding is below Medium.", cases[1].Element("skipped")!.Attribute("message")!.Value);
        }

        [Fact]
        public void The_JUnit_schema_check_can_fail()
        {
            var xml = JUnitReport.Write(AllProviders(), JUnitTestCaseMode.Finding, FindingSeverity.Info, DateTimeOffset.UnixEpoch).Replace("<testcase name=", "<testcase title=");
            Assert.ThrowsAny<Exception>(() => AssertValidJUnit(xml));
        }

        [Fact]
        public void Gate_names_the_count_per_severity_and_ignores_what_is_over()
        {
            var findings = AllProviders();
            Assert.Equal("2 findings at or above High: Critical 1, High 1. Below High: Medium 1, Low 1.", SeverityGate.Check(findings, FindingSeverity.High));
            Assert.Equal("1 finding at or above Critical: Critical 1. Below Critical: High 1, Medium 1, Low 1.", SeverityGate.Check(findings, FindingSeverity.Critical));
            // The Probely Info finding is Fixed, so Info adds nothing.
            Assert.Equal("4 findings at or above Info: Critical 1, High 1, Medium 1, Low 1.", SeverityGate.Check(findings, FindingSeverity.Info));
            Assert.Null(SeverityGate.Check(findings.Where(f => f.Severity < FindingSeverity.High).ToList(), FindingSeverity.High));
            var accepted = ReadAll(new TestFinding("Invicti", "s", "1") { Severity = FindingSeverity.Critical, Status = FindingStatus.Accepted }, new TestFinding("Invicti", "s", "2") { Severity = FindingSeverity.Critical, IsPresent = false });
            Assert.Null(SeverityGate.Check(accepted, FindingSeverity.Low));
        }

        [Fact]
        public void Stamping_a_typed_finding_copies_it()
        {
            var original = TestFinding.Of("HostedScan", "s", "r", "T", FindingSeverity.Low, "t");
            var copy = FindingStamp.WithChange(original, FindingChange.New);
            Assert.Equal(FindingChange.None, original.Change);
            Assert.Equal(FindingChange.New, copy.Change);
            Assert.IsType<TestFinding>(copy);
            Assert.Equal("r", copy.Id);
        }

        private sealed class DictionaryProperties : IFindingProperties
        {
            private readonly Dictionary<string, object?> _values;

            public DictionaryProperties(Dictionary<string, object?> values) => _values = new Dictionary<string, object?>(values, StringComparer.OrdinalIgnoreCase);

            public object Source => this;

            public object? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;
        }
    }
}
