using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Compare-ScanFinding on each provider's real finding type (HostedScanFinding, ProjectDiscoveryFinding,
    /// InvictiFinding, ProbelyFinding, built in the session with their internal setters by reflection) and on the same
    /// findings after an Export-Csv/Import-Csv and an Export-Clixml/Import-Clixml round trip; and what Assert-ScanFinding
    /// does to a pwsh -File script under each error preference (the gate's exit-code contract in its help).
    /// </summary>
    [Collection(PwshFileCollection)]
    public sealed class FindingRealTypeTests : IDisposable
    {
        /// <summary>The classes that start pwsh -File processes run one after the other (two at once once crashed pwsh at start-up).</summary>
        public const string PwshFileCollection = "Finding commands in pwsh -File";

        private const string Builders = @"
function New-Real([string] $TypeName, [string] $ScanId, [string] $Id, [hashtable] $Values) {
    $type = [type] ""ScanPS.Models.$TypeName""
    $finding = $type::new($ScanId, $Id)
    foreach ($name in $Values.Keys) {
        $property = $type.GetProperty($name)
        $value = $Values[$name]
        if ($value -is [array]) { $value = [ScanPS.Models.ValueList[string]]::new([string[]] $value) }
        elseif ($property.PropertyType.IsEnum) { $value = [Enum]::Parse($property.PropertyType, $value) }
        $property.SetValue($finding, $value)
    }
    $finding
}
function HS($scan, $id, $list, $status = 'OPEN') {
    New-Real HostedScanFinding $scan $id @{ Title = ""Risk $id""; RuleId = ""Risk $id""; Severity = 'High'; VendorSeverity = 'HIGH'; Target = 'app.example.com'; ScanStatus = $list; VendorStatus = $status; Status = $(if ($list -eq 'closed' -or $status -eq 'CLOSED') { 'Closed' } else { 'Open' }) }
}
function PD($scan, $id, $hash, $vulnStatus = 'open') {
    New-Real ProjectDiscoveryFinding $scan $id @{ Title = 'Git config'; RuleId = ""git-config-$hash""; Severity = 'Medium'; VendorSeverity = 'medium'; Target = 'https://app.example.com'; Location = 'https://app.example.com/.git/config'; VulnHash = $hash; VulnStatus = $vulnStatus; VendorStatus = $vulnStatus; Status = $(if ($vulnStatus -eq 'fixed') { 'Fixed' } else { 'Open' }); IsRegression = $false }
}
function IV($scan, $lookup, $present, $state = 'Present') {
    New-Real InvictiFinding $scan $lookup @{ Title = 'Xss'; RuleId = 'Xss'; Severity = 'High'; VendorSeverity = 'High'; Target = 'https://www.example.com/'; Location = ""https://www.example.com/$lookup""; LookupId = $lookup; IsPresent = [bool] $present; VendorStatus = $state; Status = $(if ($state -eq 'Present') { 'Open' } else { 'Fixed' }) }
}
function PB($scan, $id, $state, $new, [string[]] $scans) {
    New-Real ProbelyFinding $scan $id @{ Title = ""Finding $id""; RuleId = ""def-$id""; Severity = 'High'; VendorSeverity = '30'; Target = 'https://findings.example.com/'; Location = ""https://findings.example.com/$id""; VendorStatus = $state; Status = $(if ($state -eq 'fixed') { 'Fixed' } else { 'Open' }); New = [bool] $new; Scans = $scans }
}
$sets = [ordered]@{
    HostedScan = @{ Before = @((HS s1 r1 new_open), (HS s1 r2 still_open CLOSED)); After = @((HS s2 r1 still_open), (HS s2 r2 closed CLOSED), (HS s2 r3 new_open)) }
    ProjectDiscovery = @{ Before = @((PD p1 v1 h1), (PD p1 v2 h2)); After = @((PD p2 v3 h1), (PD p2 v4 h3)) }
    Invicti = @{ Before = @((IV i1 L1 $true), (IV i1 L2 $true)); After = @((IV i2 L1 $true), (IV i2 L2 $false FixedUnconfirmed), (IV i2 L3 $true)) }
    Probely = @{ Before = @((PB A1 7001 notfixed $false A1, A2), (PB A1 7002 fixed $false A1)); After = @((PB A2 7001 notfixed $false A1, A2), (PB A2 7004 notfixed $true A2)) }
}
";

        private static readonly (string Provider, string[] Expected, string Type)[] Expectations =
        {
            ("HostedScan", new[] { "s2:r1=StillOpen", "s2:r3=New", "s2:r2=Fixed" }, "ScanPS.Models.HostedScanFinding"),
            ("ProjectDiscovery", new[] { "p2:v3=StillOpen", "p2:v4=New", "p1:v2=Fixed" }, "ScanPS.Models.ProjectDiscoveryFinding"),
            ("Invicti", new[] { "i2:L1=StillOpen", "i2:L3=New", "i2:L2=Fixed" }, "ScanPS.Models.InvictiFinding"),
            ("Probely", new[] { "A2:7001=StillOpen", "A2:7004=New", "A1:7002=Fixed" }, "ScanPS.Models.ProbelyFinding"),
        };

        private readonly Engine _engine = new Engine();
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "scanps-realfindings-" + Guid.NewGuid().ToString("N"));

        public FindingRealTypeTests()
        {
            Directory.CreateDirectory(_folder);
            _engine.Set("folder", _folder);
            _engine.Run(Builders).ThrowIfFailed();
        }

        public void Dispose()
        {
            _engine.Dispose();
            try
            {
                Directory.Delete(_folder, true);
            }
            catch (IOException)
            {
            }
        }

        private static string[] Changes(EngineResult result) =>
            result.Output.Select(o => o.Properties["ScanId"].Value + ":" + o.Properties["Id"].Value + "=" + o.Properties["Change"].Value).ToArray();

        [Fact]
        public void Compare_on_each_providers_real_type_writes_copies_of_that_type()
        {
            foreach (var (provider, expected, type) in Expectations)
            {
                var result = _engine.Run("$s = $sets['" + provider + "']; $s.After | Compare-ScanFinding -Reference $s.Before").ThrowIfFailed();
                Assert.Equal(expected, Changes(result));
                Assert.All(result.Output, o => Assert.Equal(type, o.BaseObject.GetType().FullName));

                // Two scans piped, the earlier first, give the same answer.
                Assert.Equal(expected, Changes(_engine.Run("$s = $sets['" + provider + "']; @($s.Before) + @($s.After) | Compare-ScanFinding").ThrowIfFailed()));
            }
        }

        [Fact]
        public void Compare_on_each_providers_real_type_read_back_from_Export_Csv_and_Export_Clixml()
        {
            foreach (var (provider, expected, type) in Expectations)
            {
                var csv = _engine.Run(@"$s = $sets['" + provider + @"']
$s.Before | Export-Csv (Join-Path $folder 'before.csv')
$s.After | Export-Csv (Join-Path $folder 'after.csv')
Import-Csv (Join-Path $folder 'after.csv') | Compare-ScanFinding -Reference (Import-Csv (Join-Path $folder 'before.csv'))").ThrowIfFailed();
                Assert.Equal(expected, Changes(csv));

                var xml = _engine.Run(@"$s = $sets['" + provider + @"']
$s.Before | Export-Clixml (Join-Path $folder 'before.xml')
$s.After | Export-Clixml (Join-Path $folder 'after.xml')
Import-Clixml (Join-Path $folder 'after.xml') | Compare-ScanFinding -Reference (Import-Clixml (Join-Path $folder 'before.xml'))").ThrowIfFailed();
                Assert.Equal(expected, Changes(xml));
                Assert.Contains("Deserialized." + type, xml.Output[0].TypeNames);
            }
        }

        [Fact]
        public void Assert_ScanFinding_on_real_types_counts_what_is_open_now()
        {
            // HostedScan r2 (closed) and Invicti L2 (not present) are over; the Probely finding 7002, found by A1 and fixed
            // today, is not counted either (Compare calls it Fixed between A1 and A2).
            var gate = _engine.Run("try { $sets.Values.ForEach({ $_.After }) | Assert-ScanFinding -FailOn High } catch { $_.Exception.Message }").ThrowIfFailed();
            Assert.Equal(new object[] { "6 findings at or above High: High 6. Below High: Medium 2." }, gate.BaseObjects);
            Assert.Empty(_engine.Run("$sets['Probely'].Before[1] | Assert-ScanFinding -FailOn Info").Errors);
        }

        private string Script(string name, string body)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, "param($manifest, $findings)\n" + body.Replace("\r\n", "\n"));
            return path;
        }

        /// <summary>
        /// Assert-ScanFinding's error is statement-terminating, as every cmdlet's ThrowTerminatingError: under the default
        /// $ErrorActionPreference a pwsh -File script goes on and exits 0, and -ErrorAction Stop does not change that. The
        /// help therefore tells a CI script to set $ErrorActionPreference = 'Stop' (GitHub Actions' pwsh shell and Azure
        /// Pipelines' PowerShell task do) or to catch and exit 1; both give exit 1.
        /// </summary>
        [Fact]
        public void Assert_ScanFinding_in_pwsh_File_exits_1_with_ErrorActionPreference_Stop_or_a_catch_and_0_otherwise()
        {
            var findings = Path.Combine(_folder, "gate.csv");
            _engine.Set("findings", findings);
            _engine.Run("$sets['HostedScan'].After | Export-Csv $findings").ThrowIfFailed();

            var plain = FindingCommandTests.RunPwshFile(Script("plain.ps1", "Import-Module $manifest\nImport-Csv $findings | Assert-ScanFinding -FailOn High\n'after the gate'\n"), StagedModule.Manifest, findings);
            Assert.True(plain.ExitCode == 0, "exit code " + plain.ExitCode + ":\n" + plain.Output);
            Assert.Contains("2 findings at or above High: High 2.", plain.Output);
            Assert.Contains("after the gate", plain.Output);

            var errorAction = FindingCommandTests.RunPwshFile(Script("erroraction.ps1", "Import-Module $manifest\nImport-Csv $findings | Assert-ScanFinding -FailOn High -ErrorAction Stop\n'after the gate'\n"), StagedModule.Manifest, findings);
            Assert.True(errorAction.ExitCode == 0, "exit code " + errorAction.ExitCode + ":\n" + errorAction.Output);
            Assert.Contains("after the gate", errorAction.Output);

            var stop = FindingCommandTests.RunPwshFile(Script("stop.ps1", "$ErrorActionPreference = 'Stop'\nImport-Module $manifest\nImport-Csv $findings | Assert-ScanFinding -FailOn High\n'after the gate'\n"), StagedModule.Manifest, findings);
            Assert.True(stop.ExitCode == 1, "exit code " + stop.ExitCode + ":\n" + stop.Output);
            Assert.DoesNotContain("after the gate", stop.Output);

            var caught = FindingCommandTests.RunPwshFile(Script("catch.ps1", "Import-Module $manifest\ntry { Import-Csv $findings | Assert-ScanFinding -FailOn High } catch { Write-Host $_.FullyQualifiedErrorId; exit 1 }\n'after the gate'\n"), StagedModule.Manifest, findings);
            Assert.True(caught.ExitCode == 1, "exit code " + caught.ExitCode + ":\n" + caught.Output);
            Assert.Contains("FindingSeverityThreshold,ScanPS.Commands.AssertScanFindingCommand", caught.Output);
            Assert.DoesNotContain("after the gate", caught.Output);
        }
    }
}
