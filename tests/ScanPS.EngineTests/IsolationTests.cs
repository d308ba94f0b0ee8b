using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// ScanPS beside another module's copies of its dependencies (README "Dependencies"): Polly.Core 8.9.1 loaded into
    /// PowerShell's default load context with Add-Type -Path, and System.Text.Json 11 in another module's own load
    /// context, then Get-Scan against the fake. Assemblies stay loaded for the life of a process, so each case runs in
    /// a child pwsh (tools/ScanPS.Pwsh) and reports what it saw as JSON.
    /// </summary>
    public sealed class IsolationTests : IAsyncLifetime
    {
        private const string Script = @"
param($Manifest, $PollyPath, $JsonPath, $BaseUri, $Key, $Order)
$ErrorActionPreference = 'Stop'
function Import-OtherCopies {
    # Another module's Polly.Core in the default load context, and its System.Text.Json in a load context of its own
    # (the framework's System.Text.Json holds the default context, so no other copy can go there).
    $script:otherPolly = (Add-Type -Path $PollyPath -PassThru | Select-Object -First 1).Assembly
    $script:otherContext = [System.Runtime.Loader.AssemblyLoadContext]::new('OtherModule', $false)
    $script:otherJson = $otherContext.LoadFromAssemblyPath($JsonPath)
}
$secure = ConvertTo-SecureString $Key -AsPlainText -Force
if ($Order -eq 'OthersFirst') { Import-OtherCopies }
Import-Module -Name $Manifest
$first = @(Get-Scan -Provider HostedScan -ApiKey $secure -BaseUri $BaseUri -First 2 | ForEach-Object Id)
if ($Order -eq 'ScanPSFirst') { Import-OtherCopies }
$second = @(Get-Scan -Provider HostedScan -ApiKey $secure -BaseUri $BaseUri -First 2 | ForEach-Object Id)
$core = [ScanPS.Models.Scan].Assembly
# The assemblies ScanPS.Core's own references bind to (the binder resolves field and base types as the JIT does).
$pollyUsed = $core.GetType('ScanPS.Http.VendorHttpClient').GetField('_readPipeline', [Reflection.BindingFlags]'NonPublic,Instance').FieldType.Assembly
$jsonUsed = $core.GetType('ScanPS.Providers.HostedScan.HostedScanScanConverter').BaseType.Assembly
$context = { param($assembly) [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name }
[pscustomobject]@{
    First = $first
    Second = $second
    CoreContext = & $context $core
    PollyContext = & $context $pollyUsed
    PollyPath = $pollyUsed.Location
    OtherPollyContext = & $context $otherPolly
    OtherPollyPath = $otherPolly.Location
    PollyTypeLiteral = [Polly.ResiliencePipeline]::Empty.GetType().Assembly.Location
    JsonContext = & $context $jsonUsed
    JsonPath = $jsonUsed.Location
    OtherJsonContext = & $context $otherJson
    OtherJsonVersion = $otherJson.GetName().Version.ToString()
} | ConvertTo-Json -Compress
";

        private Sandbox _sandbox = null!;
        private string[] _seeded = Array.Empty<string>();

        public async Task InitializeAsync()
        {
            _sandbox = await Sandbox.StartAsync();
            _seeded = _sandbox.HostedScan.SeedScans(3).ToArray();
        }

        public async Task DisposeAsync() => await _sandbox.DisposeAsync();

        private static string Metadata(string key) =>
            typeof(IsolationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

        private static string OtherPolly => Path.Combine(Metadata("NuGetPackageRoot"), "polly.core", "8.9.1", "lib", "net8.0", "Polly.Core.dll");

        private static string OtherJson => Path.Combine(Metadata("NuGetPackageRoot"), "system.text.json", "11.0.0", "lib", "net10.0", "System.Text.Json.dll");

        private JsonElement RunChild(string order)
        {
            string pwsh = Path.Combine(StagedModule.RepoRoot, "tools", "ScanPS.Pwsh", "bin", Metadata("Configuration"), "net10.0", "pwsh.dll");
            Assert.True(File.Exists(pwsh), pwsh + " is not built");
            string script = Path.Combine(Path.GetTempPath(), "scanps-isolation-" + Guid.NewGuid().ToString("N") + ".ps1");
            File.WriteAllText(script, Script);
            try
            {
                var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var arg in new[] { pwsh, "-NoLogo", "-NoProfile", "-NonInteractive", "-File", script, StagedModule.Manifest, OtherPolly, OtherJson, _sandbox.BaseUri("HostedScan"), Sandbox.ApiKey, order })
                {
                    start.ArgumentList.Add(arg);
                }

                using var process = Process.Start(start)!;
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                Assert.True(process.WaitForExit(120_000), "the child pwsh did not finish in 2 minutes");
                string output = stdout.Result.Trim();
                Assert.True(process.ExitCode == 0 && output.StartsWith("{", StringComparison.Ordinal), "child pwsh failed (" + process.ExitCode + "):\n" + output + "\n" + stderr.Result);
                return JsonDocument.Parse(output.Split('\n').Last()).RootElement.Clone();
            }
            finally
            {
                File.Delete(script);
            }
        }

        private void AssertIsolated(JsonElement seen)
        {
            var first = seen.GetProperty("First").EnumerateArray().Select(e => e.GetString()).ToArray();
            Assert.Equal(2, first.Length);
            Assert.All(first, id => Assert.Contains(id, _seeded));
            Assert.Equal(first, seen.GetProperty("Second").EnumerateArray().Select(e => e.GetString()).ToArray());

            // ScanPS's own Polly.Core, from its dependencies folder in its own load context; the other copy stays the
            // one PowerShell (and [Polly.…] type literals) see.
            Assert.Equal("Default", seen.GetProperty("CoreContext").GetString());
            Assert.Equal("ScanPS", seen.GetProperty("PollyContext").GetString());
            Assert.Equal(Path.Combine(StagedModule.Folder, "bin", "net8.0", "dependencies", "Polly.Core.dll"), seen.GetProperty("PollyPath").GetString());
            Assert.Equal("Default", seen.GetProperty("OtherPollyContext").GetString());
            Assert.Equal(OtherPolly, seen.GetProperty("OtherPollyPath").GetString());
            Assert.Equal(OtherPolly, seen.GetProperty("PollyTypeLiteral").GetString());

            // On PowerShell 7 System.Text.Json is the framework's own (the net8.0 tree stages none; the net472 tree's copy
            // is for Windows PowerShell 5.1), never the other module's.
            Assert.Equal("Default", seen.GetProperty("JsonContext").GetString());
            Assert.Equal(typeof(JsonSerializer).Assembly.Location, seen.GetProperty("JsonPath").GetString());
            Assert.Equal("OtherModule", seen.GetProperty("OtherJsonContext").GetString());
            Assert.Equal("11.0.0.0", seen.GetProperty("OtherJsonVersion").GetString());
        }

        [Fact]
        public void Other_copies_loaded_after_ScanPS_live_beside_its_own()
        {
            AssertIsolated(RunChild("ScanPSFirst"));
        }

        [Fact(Skip = "Known limit, see the README's Dependencies section: a Polly.Core 8.x already in PowerShell's default load context before ScanPS first needs one is bound by the runtime before any resolver is asked, so ScanPS uses that copy. Loading ScanPS.Core into ScanPS's own load context would isolate it (tried), but PowerShell 7 resolves type literals such as [ScanPS.Models.Scan] only from the default context, so ScanPS.Core must stay there; isolating Polly needs ScanPS's Polly-using code split into an assembly of its own.")]
        public void Other_copies_loaded_before_ScanPS_do_not_replace_its_own()
        {
            AssertIsolated(RunChild("OthersFirst"));
        }

        [Fact]
        public void Get_Scan_works_when_another_Polly_and_System_Text_Json_were_loaded_first()
        {
            var seen = RunChild("OthersFirst");
            var first = seen.GetProperty("First").EnumerateArray().Select(e => e.GetString()).ToArray();
            Assert.Equal(2, first.Length);
            Assert.All(first, id => Assert.Contains(id, _seeded));
            Assert.Equal("OtherModule", seen.GetProperty("OtherJsonContext").GetString());
            Assert.Equal(typeof(JsonSerializer).Assembly.Location, seen.GetProperty("JsonPath").GetString());
            Assert.Equal(OtherPolly, seen.GetProperty("PollyTypeLiteral").GetString());
        }
    }
}
