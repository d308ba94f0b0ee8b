using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using System.Xml.Schema;
using NJsonSchema;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Compare-ScanFinding, ConvertTo-ScanSarif, ConvertTo-ScanJUnit and Assert-ScanFinding in a real engine, fed with
    /// findings of every provider as PSCustomObjects, Import-Csv and Import-Clixml rows, and a ScanFinding subtype
    /// compiled in the session (Get-ScanFinding does not exist yet): binding, pipeline, -Path files validated against
    /// the SARIF 2.1.0 and JUnit schemas, errors with their ids and categories, and the exit code of pwsh -File.
    /// </summary>
    [Collection(FindingRealTypeTests.PwshFileCollection)]
    public sealed class FindingCommandTests : IDisposable
    {
        /// <summary>Findings of every provider, with the vendor fields the commands read by name.</summary>
        private const string Findings = @"
$hs1 = [pscustomobject]@{ Provider = 'HostedScan'; ScanId = 'hs-1'; Id = 'risk-1'; Title = 'TLS 1.0 enabled'; Severity = 'High'; VendorSeverity = 'HIGH'; Target = 'example.com:443'; RuleId = 'ssl-tls-versions'; Location = $null; Status = 'Open'; ScanStatus = 'still_open' }
$hs2 = [pscustomobject]@{ Provider = 'HostedScan'; ScanId = 'hs-1'; Id = 'risk-2'; Title = 'Missing HSTS'; Severity = 'Low'; VendorSeverity = 'LOW'; Target = 'https://example.com'; RuleId = 'hsts'; Location = '/'; Status = 'Open'; ScanStatus = 'new_open' }
$hs2b = [pscustomobject]@{ Provider = 'HostedScan'; ScanId = 'hs-2'; Id = 'risk-2'; Title = 'Missing HSTS'; Severity = 'Low'; VendorSeverity = 'LOW'; Target = 'https://example.com'; RuleId = 'hsts'; Location = '/'; Status = 'Open'; ScanStatus = 'still_open' }
$hs3 = [pscustomobject]@{ Provider = 'HostedScan'; ScanId = 'hs-2'; Id = 'risk-3'; Title = 'Telnet open'; Severity = 'Medium'; VendorSeverity = 'MEDIUM'; Target = 'example.com'; RuleId = 'telnet'; Location = $null; Status = 'Open'; ScanStatus = 'new_open' }
$pd1 = [pscustomobject]@{ Provider = 'ProjectDiscovery'; ScanId = 'pd-1'; Id = 'vuln-1'; Title = 'Exposed .git config'; Severity = 'Critical'; VendorSeverity = 'critical'; Target = 'https://app.example.com'; RuleId = 'git-config'; Location = 'https://app.example.com/.git/config'; Status = 'Open'; VulnHash = 'abc123'; VulnStatus = 'open'; IsRegression = 'True'; Cwe = 'CWE-200'; Cve = 'CVE-2026-0001'; Cvss = '9.1' }
$iv1 = [pscustomobject]@{ Provider = 'Invicti'; ScanId = 'iv-1'; Id = 'i-1'; Title = 'SQL Injection'; Severity = 'Medium'; VendorSeverity = 'Medium'; Target = 'https://shop.example.com/'; RuleId = $null; Location = '/search?q=1'; Status = 'Open'; LookupId = '7d6f3e2a-0000-4000-8000-000000000001'; IsPresent = 'True' }
$pb1 = [pscustomobject]@{ Provider = 'Probely'; ScanId = 'pb-1'; Id = '42'; Title = 'Cookie without Secure'; Severity = 'Info'; VendorSeverity = '10'; Target = '[2001:db8::1]:8443'; RuleId = 'cookie-secure'; Location = '/account'; Status = 'Open'; New = 'False'; State = 'notfixed' }
$all = @($hs1, $hs2, $pd1, $iv1, $pb1)
";

        private readonly Engine _engine = new Engine();
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "scanps-findings-" + Guid.NewGuid().ToString("N"));

        public FindingCommandTests()
        {
            Directory.CreateDirectory(_folder);
            _engine.Run(Findings).ThrowIfFailed();
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

        private static string Schema(string file) => Path.Combine(StagedModule.RepoRoot, "tests", "ScanPS.Tests", "Schemas", file);

        internal static void AssertValidSarif(string json)
        {
            var schema = JsonSchema.FromFileAsync(Schema("sarif-schema-2.1.0-rtm.5.json")).GetAwaiter().GetResult();
            var errors = schema.Validate(json);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Path + ": " + e.Kind)));
        }

        internal static void AssertValidJUnit(string xml)
        {
            var schemas = new XmlSchemaSet();
            schemas.Add(null, Schema("junit-10.xsd"));
            var problems = new List<string>();
            XDocument.Parse(xml).Validate(schemas, (_, e) => problems.Add(e.Message));
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        /// <summary>The terminating error the command ended with, as a script's try/catch sees it; nothing else may come out.</summary>
        private ErrorRecord Caught(string command)
        {
            var result = _engine.Run("$caught = $null; try { $out = @(" + command + ") } catch { $caught = $_ }; $caught");
            var record = result.Output.SingleOrDefault()?.BaseObject as ErrorRecord;
            Assert.True(record != null, "no terminating error; " + result.Describe());
            Assert.Empty(result.Errors);
            return record!;
        }

        private static string[] Changes(EngineResult result) =>
            result.Output.Select(o => o.Properties["Id"].Value + "=" + o.Properties["Change"].Value).ToArray();

        [Fact]
        public void Compare_takes_Reference_by_position_and_Difference_from_the_pipeline_and_leaves_the_inputs_alone()
        {
            var result = _engine.Run("@($hs2b, $hs3) | Compare-ScanFinding @($hs1, $hs2)").ThrowIfFailed();
            Assert.Equal(new[] { "risk-2=StillOpen", "risk-3=New", "risk-1=Fixed" }, Changes(result));
            Assert.All(result.Output, o => Assert.Equal("ScanPS.Models.FindingChange", o.Properties["Change"].Value.GetType().FullName));
            Assert.Equal("hs-2", result.Output[0].Properties["ScanId"].Value);
            Assert.Equal("hs-1", result.Output[2].Properties["ScanId"].Value);
            Assert.Null(_engine.Run("$hs1.psobject.Properties['Change']").Output.SingleOrDefault());

            // By name, and Where-Object on the enum by its name.
            var named = _engine.Run("Compare-ScanFinding -Reference $hs1 -Difference $hs2b, $hs3 | Where-Object Change -eq 'New' | ForEach-Object Id").ThrowIfFailed();
            Assert.Equal(new object[] { "risk-2", "risk-3" }, named.BaseObjects);

            // An empty reference: everything open is New.
            Assert.Equal(new[] { "risk-1=New" }, Changes(_engine.Run("Compare-ScanFinding -Reference @() -Difference $hs1").ThrowIfFailed()));
        }

        [Fact]
        public void Compare_works_on_findings_read_back_from_Export_Csv_and_Export_Clixml()
        {
            _engine.Set("folder", _folder);
            var result = _engine.Run(@"
@($hs1, $hs2) | Export-Csv (Join-Path $folder 'before.csv')
# Typed values, as a finding type exports them: Clixml writes the enum as its number (3) with its name.
@($hs2b, $hs3) | Select-Object *, @{ n = 'Severity'; e = { [ScanPS.Models.FindingSeverity]$_.Severity } } -ExcludeProperty Severity | Export-Clixml (Join-Path $folder 'after.xml')
$before = Import-Csv (Join-Path $folder 'before.csv')
$after = Import-Clixml (Join-Path $folder 'after.xml')
Compare-ScanFinding -Reference $before -Difference $after").ThrowIfFailed();
            Assert.Equal(new[] { "risk-2=StillOpen", "risk-3=New", "risk-1=Fixed" }, Changes(result));
            Assert.Contains("Deserialized.System.Management.Automation.PSCustomObject", result.Output[0].TypeNames);
            Assert.Contains("System.Management.Automation.PSCustomObject", result.Output[2].TypeNames);

            // Without ids (a CSV cut down to the fingerprint columns) the ScanPS fingerprint matches them.
            var fingerprinted = _engine.Run(@"
$before = $hs1, $hs2 | Select-Object Provider, Severity, Target, RuleId, Location, Title
$after = $hs2b, $hs3 | Select-Object Provider, Severity, Target, RuleId, Location, Title
Compare-ScanFinding $before $after | ForEach-Object { $_.Title + '=' + $_.Change }").ThrowIfFailed();
            Assert.Equal(new object[] { "Missing HSTS=StillOpen", "Telnet open=New", "TLS 1.0 enabled=Fixed" }, fingerprinted.BaseObjects);
        }

        [Fact]
        public void Compare_splits_piped_findings_by_scan_and_uses_the_vendor_signal_for_one_scan()
        {
            Assert.Equal(new[] { "risk-2=StillOpen", "risk-3=New", "risk-1=Fixed" }, Changes(_engine.Run("$hs1, $hs2, $hs2b, $hs3 | Compare-ScanFinding").ThrowIfFailed()));

            // One scan: HostedScan's own lists, Probely's New flag, ProjectDiscovery's regression flag.
            var one = _engine.Run("$hs1, $hs2 | Compare-ScanFinding").ThrowIfFailed();
            Assert.Equal(new[] { "risk-1=StillOpen", "risk-2=New" }, Changes(one));
            Assert.Equal(new[] { "42=StillOpen" }, Changes(_engine.Run("$pb1 | Compare-ScanFinding").ThrowIfFailed()));
            Assert.Equal(new[] { "vuln-1=New" }, Changes(_engine.Run("$pd1 | Compare-ScanFinding").ThrowIfFailed()));

            // An open ProjectDiscovery result that is not a regression says nothing of the previous scan.
            var silent = _engine.Run("$pd1 | Select-Object * -ExcludeProperty IsRegression | Compare-ScanFinding");
            Assert.Null(silent.Terminating);
            Assert.Empty(silent.Output);
            var error = Assert.Single(silent.Errors);
            ErrorAssert.Is(error, "NoChangeSignal", "CompareScanFindingCommand", ErrorCategory.InvalidOperation);
            Assert.Equal("ProjectDiscovery does not say whether its previous scan had the finding 'Exposed .git config' on https://app.example.com.", error.ErrorDetails.Message);

            var three = Caught("$hs1, $hs3, $pd1 | Compare-ScanFinding");
            ErrorAssert.Is(three, "AmbiguousScans", "CompareScanFindingCommand", ErrorCategory.InvalidArgument);
            Assert.Equal("The piped findings are of 3 scans (HostedScan hs-1, HostedScan hs-2, ProjectDiscovery pd-1); without -Reference, pipe the findings of one scan, or of two scans of one provider.", three.ErrorDetails.Message);
            ErrorAssert.Is(Caught("$hs1, $pd1 | Compare-ScanFinding"), "AmbiguousScans", "CompareScanFindingCommand", ErrorCategory.InvalidArgument);

            var bad = _engine.Run("[pscustomobject]@{ Name = 'x' }, $hs1 | Compare-ScanFinding -Reference @()");
            ErrorAssert.Is(Assert.Single(bad.Errors), "NotAScanFinding", "CompareScanFindingCommand", ErrorCategory.InvalidArgument);
            Assert.Equal("The object has no Provider property; it is not a ScanPS finding.", bad.Errors[0].ErrorDetails.Message);
            Assert.Equal(new[] { "risk-1=New" }, Changes(bad));
        }

        [Fact]
        public void Compare_writes_a_copy_of_a_typed_ScanFinding_with_Change_set()
        {
            var result = _engine.Run(@"
Add-Type -IgnoreWarnings -ReferencedAssemblies ([ScanPS.Models.ScanFinding].Assembly.Location), netstandard -TypeDefinition @'
public sealed class TestProbelyFinding : ScanPS.Models.ScanFinding
{
    private readonly string _title; private readonly ScanPS.Models.FindingSeverity _severity; private readonly bool _new;
    public TestProbelyFinding(string scanId, string id, string title, ScanPS.Models.FindingSeverity severity, bool isNew) : base(""Probely"", scanId, id) { _title = title; _severity = severity; _new = isNew; }
    public override string Title => _title;
    public override ScanPS.Models.FindingSeverity Severity => _severity;
    public override string Target => ""https://p.example"";
    public bool New => _new;
}
'@
$before = [TestProbelyFinding]::new('s1', '7', 'XSS', 'High', $true)
$after = [TestProbelyFinding]::new('s2', '7', 'XSS', 'High', $false), [TestProbelyFinding]::new('s2', '8', 'CSRF', 'Medium', $true)
$script:before = $before
Compare-ScanFinding $before $after").ThrowIfFailed();
            Assert.Equal(new[] { "7=StillOpen", "8=New" }, Changes(result));
            Assert.All(result.Output, o => Assert.Equal("TestProbelyFinding", o.BaseObject.GetType().Name));
            Assert.Equal("None", _engine.Run("$before.Change.ToString()").Output.Single().BaseObject);
            // The table view of findings shows Change.
            var table = _engine.Run("$before, $after | Compare-ScanFinding | Out-String -Width 120").ThrowIfFailed().Output.Single().BaseObject.ToString()!;
            Assert.Matches(@"Provider +Severity +Status +Title +Target +Change", table); // the finding view (Status added with Get-ScanFinding)
            Assert.Contains("Change", table);
            Assert.Contains("StillOpen", table);
        }

        [Fact]
        public void ConvertTo_ScanSarif_writes_a_schema_valid_log_of_every_provider_as_text_or_to_a_relative_Path()
        {
            var text = _engine.Run("$all | ConvertTo-ScanSarif").ThrowIfFailed();
            var json = Assert.IsType<string>(Assert.Single(text.Output).BaseObject);
            AssertValidSarif(json);
            using (var doc = JsonDocument.Parse(json))
            {
                Assert.Equal(new[] { "HostedScan", "ProjectDiscovery", "Invicti", "Probely" }, doc.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString()));
                var pd = doc.RootElement.GetProperty("runs")[1].GetProperty("results")[0];
                Assert.Equal("error", pd.GetProperty("level").GetString());
                Assert.Equal("abc123", pd.GetProperty("partialFingerprints").GetProperty("vulnHash/v1").GetString());
                Assert.Equal("0.1.0", doc.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("scanpsVersion").GetString());
            }

            _engine.Set("folder", _folder);
            var file = _engine.Run("Set-Location $folder; $all | ConvertTo-ScanSarif -Path scan.sarif -PassThru").ThrowIfFailed();
            var info = Assert.IsType<FileInfo>(Assert.Single(file.Output).BaseObject);
            Assert.Equal(Path.Combine(_folder, "scan.sarif"), info.FullName);
            var bytes = File.ReadAllBytes(info.FullName);
            Assert.NotEqual(0xEF, bytes[0]); // no byte order mark
            Assert.Equal(json, File.ReadAllText(info.FullName));
            AssertValidSarif(File.ReadAllText(info.FullName));

            // Without -PassThru, -Path writes nothing to the pipeline; the compared findings carry baselineState.
            var compared = _engine.Run("$hs2b, $hs3 | Compare-ScanFinding $hs1, $hs2 | ConvertTo-ScanSarif -Path compared.sarif").ThrowIfFailed();
            Assert.Empty(compared.Output);
            var comparedJson = File.ReadAllText(Path.Combine(_folder, "compared.sarif"));
            AssertValidSarif(comparedJson);
            using var comparedDoc = JsonDocument.Parse(comparedJson);
            Assert.Equal(new[] { "unchanged", "new", "absent" }, comparedDoc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("baselineState").GetString()));
        }

        [Fact]
        public void ConvertTo_ScanJUnit_writes_schema_valid_reports_per_finding_and_per_target()
        {
            _engine.Set("folder", _folder);
            var perFinding = _engine.Run("$all | ConvertTo-ScanJUnit -Path (Join-Path $folder 'findings.xml') -MinimumSeverity Low").ThrowIfFailed();
            Assert.Empty(perFinding.Output);
            var xml = File.ReadAllText(Path.Combine(_folder, "findings.xml"));
            AssertValidJUnit(xml);
            var root = XDocument.Parse(xml).Root!;
            Assert.Equal("5", root.Attribute("tests")!.Value);
            Assert.Equal("4", root.Attribute("failures")!.Value);
            Assert.Equal("Severity Info is below Low.", root.Elements("testsuite").Last().Element("testcase")!.Element("skipped")!.Attribute("message")!.Value);

            var perTarget = _engine.Run("$hs1, $hs2, $hs3 | ConvertTo-ScanJUnit -TestCase Target").ThrowIfFailed();
            var targetXml = Assert.IsType<string>(Assert.Single(perTarget.Output).BaseObject);
            AssertValidJUnit(targetXml);
            var cases = XDocument.Parse(targetXml).Root!.Element("testsuite")!.Elements("testcase").ToList();
            Assert.Equal(new[] { "example.com:443", "https://example.com", "example.com" }, cases.Select(c => c.Attribute("name")!.Value));
            Assert.Equal("1 finding: High 1", cases[0].Element("failure")!.Attribute("message")!.Value);

            // A bad input is a non-terminating error; the others are still converted.
            var mixed = _engine.Run("[pscustomobject]@{ Provider = 'HostedScan'; Severity = 'Severe' }, $hs1 | ConvertTo-ScanJUnit");
            var error = Assert.Single(mixed.Errors);
            ErrorAssert.Is(error, "NotAScanFinding", "ConvertToScanJUnitCommand", ErrorCategory.InvalidArgument);
            Assert.Equal("The Severity 'Severe' is not one of Info, Low, Medium, High, Critical.", error.ErrorDetails.Message);
            Assert.Equal("1", XDocument.Parse((string)mixed.Output.Single().BaseObject).Root!.Attribute("tests")!.Value);

            var badMode = Caught("$hs1 | ConvertTo-ScanJUnit -TestCase Scan");
            Assert.IsType<ParameterBindingException>(badMode.Exception);
            Assert.Equal("CannotConvertArgumentNoMessage,ScanPS.Commands.ConvertToScanJUnitCommand", badMode.FullyQualifiedErrorId);
        }

        [Fact]
        public void Assert_ScanFinding_ends_with_the_count_per_severity_and_is_quiet_below_the_threshold()
        {
            var record = Caught("$all | Assert-ScanFinding -FailOn High");
            ErrorAssert.Is(record, "FindingSeverityThreshold", "AssertScanFindingCommand", ErrorCategory.InvalidResult);
            Assert.Equal("2 findings at or above High: Critical 1, High 1. Below High: Medium 1, Low 1, Info 1.", record.ErrorDetails.Message);
            Assert.Equal("High", record.TargetObject?.ToString());

            // Positional -FailOn; a script's try/catch sees it.
            var caught = _engine.Run("try { $all | Assert-ScanFinding Critical; 'not reached' } catch { $_.FullyQualifiedErrorId }").ThrowIfFailed();
            Assert.Equal(new object[] { "FindingSeverityThreshold,ScanPS.Commands.AssertScanFindingCommand" }, caught.BaseObjects);

            // Default High; findings that are over do not count.
            var quiet = _engine.Run("$hs2, $iv1, $pb1 | Assert-ScanFinding -Verbose; $hs1 | Select-Object * -ExcludeProperty Status | Select-Object *, @{ n = 'Status'; e = { 'Fixed' } } | Assert-ScanFinding");
            Assert.Empty(quiet.Errors);
            Assert.Equal(new[] { "No open finding at or above High among 3 finding(s)." }, quiet.Verbose);
            var newOnly = _engine.Run("$hs2b, $hs3 | Compare-ScanFinding $hs1, $hs2 | Assert-ScanFinding -FailOn High");
            Assert.Empty(newOnly.Errors); // risk-1 (High) is Fixed

            // A gate fails closed on input it cannot read.
            ErrorAssert.Is(Caught("'not a finding' | Assert-ScanFinding"), "NotAScanFinding", "AssertScanFindingCommand", ErrorCategory.InvalidArgument);
        }

        internal static (int ExitCode, string Output) RunPwshFile(string script, params string[] args)
        {
            var configuration = typeof(FindingCommandTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
            string pwsh = Path.Combine(StagedModule.RepoRoot, "tools", "ScanPS.Pwsh", "bin", configuration, "net10.0", "pwsh.dll");
            Assert.True(File.Exists(pwsh), pwsh + " is not built");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { pwsh, "-NoLogo", "-NoProfile", "-NonInteractive", "-File", script }.Concat(args)) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(120_000), "pwsh did not finish in 2 minutes");
            return (process.ExitCode, stdout + stderr.Result);
        }

        [Fact]
        public void Assert_ScanFinding_makes_pwsh_File_exit_1_under_ErrorActionPreference_Stop_and_0_when_clean()
        {
            var findings = Path.Combine(_folder, "findings.csv");
            _engine.Set("findings", findings);
            _engine.Run("$all | Export-Csv $findings").ThrowIfFailed();
            var gate = Path.Combine(_folder, "gate.ps1");
            File.WriteAllText(gate, @"param($manifest, $findings, $failOn)
$ErrorActionPreference = 'Stop'
Import-Module $manifest
Import-Csv $findings | Assert-ScanFinding -FailOn $failOn
'gate passed'
");
            var failed = RunPwshFile(gate, StagedModule.Manifest, findings, "Medium");
            Assert.True(failed.ExitCode == 1, "exit code " + failed.ExitCode + ":\n" + failed.Output);
            Assert.Contains("3 findings at or above Medium: Critical 1, High 1, Medium 1.", failed.Output);
            Assert.DoesNotContain("gate passed", failed.Output);

            _engine.Run("$hs2, $pb1 | Export-Csv $findings").ThrowIfFailed();
            var clean = RunPwshFile(gate, StagedModule.Manifest, findings, "High");
            Assert.True(clean.ExitCode == 0, "exit code " + clean.ExitCode + ":\n" + clean.Output);
            Assert.Contains("gate passed", clean.Output);
        }
    }
}
