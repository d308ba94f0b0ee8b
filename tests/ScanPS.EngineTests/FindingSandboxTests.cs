using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using ScanPS.FakeVendors;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// The four finding commands on what Get-ScanFinding reads from the fakes' seeded finding scans
    /// (tests/ScanPS.FakeVendors/FINDINGS.md): Compare-ScanFinding on the two seeded scans of ProjectDiscovery, Invicti
    /// and Probely and on HostedScan's one scan by its own new_open/still_open/closed lists, a SARIF and a JUnit file of
    /// every provider's findings validated against their schemas, and Assert-ScanFinding per provider.
    /// </summary>
    public sealed class FindingSandboxTests : PipelineTest
    {
        private bool _seeded;

        private EngineResult Run(string script)
        {
            if (!_seeded) Seed();
            return Engine.Run(script);
        }

        private void Seed()
        {
            _seeded = true;
            Sandbox.HostedScan.SeedFindingScans();
            Sandbox.ProjectDiscovery.SeedFindingScans();
            Sandbox.Invicti.SeedFindingScans();
            Sandbox.Probely.SeedFindingScans();
            ForgetRequests();
        }

        private static string[] Changes(EngineResult result, int keep) =>
            result.Output.Select(o => Text(o, "Id")![^keep..] + "=" + Text(o, "Change")).ToArray();

        private static string Pd(int n) => "f1v" + n.ToString("D17");

        private static string Lookup(int n) => "1d0c" + n.ToString("x4") + "-e9eb-4b4c-4306-ad49020a4c4b";

        [Fact]
        public void Compare_two_ProjectDiscovery_scans_by_VulnHash()
        {
            var result = Run("Get-ScanFinding ProjectDiscovery " + FakeProjectDiscovery.SecondFindingsScanId + " | Compare-ScanFinding -Reference (Get-ScanFinding ProjectDiscovery " + FakeProjectDiscovery.FindingsScanId + ")").ThrowIfFailed();
            // No result of the second scan has a vuln_hash of the first: its three are New, the first scan's open ones
            // Fixed; f1v…07 was already fixed (vuln_status fixed) in the first scan and is not written again.
            Assert.Equal(new[] { Pd(9) + "=New", Pd(10) + "=New", Pd(11) + "=New", Pd(1) + "=Fixed", Pd(2) + "=Fixed", Pd(3) + "=Fixed", Pd(4) + "=Fixed", Pd(5) + "=Fixed", Pd(6) + "=Fixed", Pd(8) + "=Fixed" },
                result.Output.Select(o => Text(o, "Id") + "=" + Text(o, "Change")).ToArray());
            Assert.All(result.Output, o => Assert.Equal("ScanPS.Models.ProjectDiscoveryFinding", o.BaseObject.GetType().FullName));
        }

        [Fact]
        public void Compare_two_Invicti_scans_by_LookupId()
        {
            var result = Run("Get-ScanFinding Invicti " + FakeInvicti.FindingsScanId + ", " + FakeInvicti.SecondFindingsScanId + " | Compare-ScanFinding").ThrowIfFailed();
            // Issues 1, 4 and 6 are in both reports, 10 only in the second; the rest of the first are Fixed (3 and 5,
            // FalsePositive and AcceptedRisk, were there in the first and are not in the second).
            Assert.Equal(new[] { Lookup(1) + "=StillOpen", Lookup(4) + "=StillOpen", Lookup(6) + "=StillOpen", Lookup(10) + "=New", Lookup(2) + "=Fixed", Lookup(3) + "=Fixed", Lookup(5) + "=Fixed", Lookup(7) + "=Fixed", Lookup(8) + "=Fixed", Lookup(9) + "=Fixed" },
                result.Output.Select(o => Text(o, "Id") + "=" + Text(o, "Change")).ToArray());
            Assert.Equal(new[] { FakeInvicti.SecondFindingsScanId }, result.Output.Take(4).Select(o => Text(o, "ScanId")).Distinct());
        }

        [Fact]
        public void Compare_two_Probely_scans_by_finding_id_with_the_fixed_finding_of_the_first_scan()
        {
            var result = Run("Get-ScanFinding Probely " + FakeProbely.FindingsScanId + " | Compare-ScanFinding -Reference (Get-ScanFinding Probely " + FakeProbely.FirstFindingsScanId + ")").ThrowIfFailed();
            // 7002 was found by the first scan only and reads fixed today: Fixed, not dropped.
            Assert.Equal(new[] { "7001=StillOpen", "7003=StillOpen", "7004=New", "7005=New", "7006=New", "7007=New", "7002=Fixed" },
                result.Output.Select(o => Text(o, "Id") + "=" + Text(o, "Change")).ToArray());
            Assert.Equal(FakeProbely.FirstFindingsScanId, Text(result.Output[6], "ScanId"));

            // One scan alone: the vendor's new flag (7005 is invalid, a false positive, but the flag still says New).
            var single = Run("Get-ScanFinding Probely " + FakeProbely.FindingsScanId + " | Compare-ScanFinding").ThrowIfFailed();
            Assert.Equal(new[] { "7001=StillOpen", "7003=StillOpen", "7004=New", "7005=New", "7006=New", "7007=New" },
                single.Output.Select(o => Text(o, "Id") + "=" + Text(o, "Change")).ToArray());
        }

        [Fact]
        public void Compare_one_HostedScan_scan_by_its_own_risk_lists()
        {
            var result = Run("Get-ScanFinding HostedScan " + FakeHostedScan.FindingsScanId + " | Compare-ScanFinding | Sort-Object Id").ThrowIfFailed();
            Assert.Equal(new[] { "01=New", "02=New", "03=StillOpen", "04=StillOpen", "05=StillOpen", "06=Fixed", "07=StillOpen" }, Changes(result, 2));
            Assert.Empty(result.Errors);
        }

        [Fact]
        public void Sarif_and_JUnit_files_of_every_providers_sandbox_findings_validate_against_their_schemas()
        {
            var sarif = PathOf("findings.sarif");
            var junit = PathOf("findings.xml");
            Engine.Set("sarif", sarif).Set("junit", junit);
            var result = Run(@"$findings = @(
    Get-ScanFinding HostedScan " + FakeHostedScan.FindingsScanId + @"
    Get-ScanFinding ProjectDiscovery " + FakeProjectDiscovery.FindingsScanId + @"
    Get-ScanFinding Invicti " + FakeInvicti.FindingsScanId + @"
    Get-ScanFinding Probely " + FakeProbely.FindingsScanId + @"
)
$findings | ConvertTo-ScanSarif -Path $sarif
$findings | ConvertTo-ScanJUnit -Path $junit
$findings | Group-Object Provider -NoElement | ForEach-Object { $_.Name + '=' + $_.Count }").ThrowIfFailed();
            Assert.Equal(new object[] { "HostedScan=7", "Invicti=9", "Probely=6", "ProjectDiscovery=8" }, result.BaseObjects); // Group-Object sorts

            var text = File.ReadAllText(sarif);
            FindingCommandTests.AssertValidSarif(text);
            using var log = JsonDocument.Parse(text);
            var runs = log.RootElement.GetProperty("runs").EnumerateArray().ToList();
            Assert.Equal(new[] { "HostedScan=7", "ProjectDiscovery=8", "Invicti=9", "Probely=6" },
                runs.Select(r => r.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString()!.Replace("ScanPS ", string.Empty) + "=" + r.GetProperty("results").GetArrayLength()));

            var xml = File.ReadAllText(junit);
            FindingCommandTests.AssertValidJUnit(xml);
            Assert.Equal(30, XDocument.Parse(xml).Descendants("testcase").Count());
        }

        [Fact]
        public void Assert_ScanFinding_on_each_providers_sandbox_findings_names_the_open_counts()
        {
            string Gate(string provider, string scanId, string failOn) =>
                Run("try { Get-ScanFinding " + provider + " " + scanId + " | Assert-ScanFinding -FailOn " + failOn + "; 'passed' } catch { $_.FullyQualifiedErrorId + ': ' + $_.Exception.Message }").ThrowIfFailed().Output.Single().BaseObject.ToString()!;
            const string Id = "FindingSeverityThreshold,ScanPS.Commands.AssertScanFindingCommand: ";
            // HostedScan: 06 was closed by the scan and 07 is accepted; they do not count.
            Assert.Equal(Id + "2 findings at or above High: Critical 1, High 1. Below High: Medium 1, Low 1, Info 1.", Gate("HostedScan", FakeHostedScan.FindingsScanId, "High"));
            // ProjectDiscovery: f1v…07 is fixed.
            Assert.Equal(Id + "2 findings at or above High: Critical 1, High 1. Below High: Medium 2, Low 1, Info 2.", Gate("ProjectDiscovery", FakeProjectDiscovery.FindingsScanId, "High"));
            // Invicti: issue 3 is a false positive, 5 an accepted risk.
            Assert.Equal(Id + "2 findings at or above High: Critical 1, High 1. Below High: Medium 1, Low 2, Info 2.", Gate("Invicti", FakeInvicti.FindingsScanId, "High"));
            // Probely: 7003 accepted, 7005 invalid.
            Assert.Equal(Id + "1 finding at or above Critical: Critical 1. Below Critical: High 2, Medium 1.", Gate("Probely", FakeProbely.FindingsScanId, "Critical"));
            Assert.Equal("passed", Gate("Probely", FakeProbely.FirstFindingsScanId, "Critical"));
        }
    }
}
