using System.Linq;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>The staged module imports in a real PowerShell 7.6 and exports exactly what its manifest says.</summary>
    public sealed class ImportTests
    {
        [Fact]
        public void ImportsAndExportsEveryCommand()
        {
            using var engine = new Engine();
            var result = engine.Run("(Get-Command -Module ScanPS).Name | Sort-Object").ThrowIfFailed();
            Assert.Equal(
                new[] { "Assert-ScanFinding", "Compare-ScanFinding", "Connect-ScanProvider", "ConvertTo-ScanJUnit", "ConvertTo-ScanSarif", "Disconnect-ScanProvider", "Get-Scan", "Get-ScanFinding", "Get-ScanProviderConnection", "New-Scan", "New-ScheduledScanBulk", "Start-ScanFromScan" },
                result.Output.Select(o => (string)o.BaseObject).ToArray());
        }

        [Fact]
        public void ModuleVersionIsTheStagedOne()
        {
            using var engine = new Engine();
            var result = engine.Run("(Get-Module ScanPS).Version.ToString(); (Get-Module ScanPS).ModuleBase").ThrowIfFailed();
            Assert.Equal(StagedModule.Version, result.Output[0].BaseObject);
            Assert.Equal(System.IO.Path.TrimEndingDirectorySeparator(StagedModule.Folder), System.IO.Path.TrimEndingDirectorySeparator((string)result.Output[1].BaseObject));
        }

        [Fact]
        public void PowerShellsOwnModulesAreThere()
        {
            // The SDK lays $PSHOME out under runtimes/<rid>/lib/net10.0; a host without its Modules folder has no Select-Object.
            using var engine = new Engine(importModule: false);
            var result = engine.Run("1..5 | Select-Object -First 2 | Measure-Object | Select-Object -ExpandProperty Count").ThrowIfFailed();
            Assert.Equal(2, result.Output.Single().BaseObject);
        }
    }
}
