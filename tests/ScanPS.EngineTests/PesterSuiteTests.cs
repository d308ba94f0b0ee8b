using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Runs tests/Pester with Pester 5.9.1 in a real runspace, so the README's one test command runs the Pester suite
    /// too; a failure names every failing Pester test and its message.
    /// </summary>
    public sealed class PesterSuiteTests
    {
        private readonly ITestOutputHelper _output;

        public PesterSuiteTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void EveryPesterTestPasses()
        {
            using var engine = new Engine(importModule: false);
            var result = engine.Run(@"
param($pester, $tests)
Import-Module -Name $pester -Force -ErrorAction Stop
$configuration = New-PesterConfiguration
$configuration.Run.Path = $tests
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'None'
$run = Invoke-Pester -Configuration $configuration
[pscustomobject]@{
    Passed = $run.PassedCount
    Failed = $run.FailedCount
    Total = $run.TotalCount
    NotRun = $run.NotRunCount + $run.SkippedCount
    Failures = @($run.Failed | ForEach-Object { '{0}: {1}' -f $_.ExpandedPath, ($_.ErrorRecord | Select-Object -First 1 | ForEach-Object { $_.ToString() }) })
    ContainerFailures = @($run.Containers | Where-Object { $_.Result -eq 'Failed' -and $_.ErrorRecord.Count -gt 0 } | ForEach-Object { '{0}: {1}' -f $_.Item, ($_.ErrorRecord | Select-Object -First 1 | ForEach-Object { $_.ToString() }) })
}", StagedModule.PesterManifest, System.IO.Path.Combine(StagedModule.RepoRoot, "tests", "Pester"));
            Assert.True(result.Terminating == null, result.Describe());
            var summary = result.Output.Single();
            int passed = (int)summary.Properties["Passed"].Value;
            int failed = (int)summary.Properties["Failed"].Value;
            int total = (int)summary.Properties["Total"].Value;
            var failures = ((object[])summary.Properties["Failures"].Value).Select(f => f.ToString() ?? string.Empty).Concat(((object[])summary.Properties["ContainerFailures"].Value).Select(f => f.ToString() ?? string.Empty)).ToList();
            _output.WriteLine($"Pester: {passed} passed, {failed} failed of {total}");
            foreach (var failure in failures) _output.WriteLine("FAILED " + failure);
            WriteSummary(passed, failed, total, failures);
            Assert.True(failures.Count == 0 && failed == 0, "Pester failures:\n" + string.Join("\n", failures));
            Assert.True(total > 0 && passed == total, $"Pester ran {passed} of {total} tests");
        }

        /// <summary>.ci/run prints this file after dotnet test, so CI's summary has the Pester counts too.</summary>
        private static void WriteSummary(int passed, int failed, int total, System.Collections.Generic.IEnumerable<string> failures)
        {
            string folder = System.IO.Path.Combine(StagedModule.RepoRoot, "out", "test-results");
            System.IO.Directory.CreateDirectory(folder);
            var lines = new System.Collections.Generic.List<string> { $"Pester (tests/Pester, PowerShell {System.Management.Automation.PSVersionInfo.PSVersion}): {passed} passed, {failed} failed of {total}" };
            lines.AddRange(failures.Select(f => "  FAILED " + f));
            System.IO.File.WriteAllLines(System.IO.Path.Combine(folder, "pester-summary.txt"), lines);
        }
    }
}
