using System;
using System.IO;
using System.Xml.Linq;

namespace ScanPS.Benchmarks.Engine
{
    /// <summary>The staged module (out/ScanPS/&lt;ScanPSVersion&gt;/ScanPS.psd1) that building src/ScanPS leaves, and the tiny baseline module.</summary>
    public static class ModuleLocator
    {
        public static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ScanPS.sln"))) return dir.FullName;
            }

            throw new InvalidOperationException("ScanPS.sln not found above " + AppContext.BaseDirectory);
        }

        public static string StagedManifest()
        {
            string root = RepoRoot();
            string version = string.Empty;
            foreach (var element in XDocument.Load(Path.Combine(root, "Directory.Build.props")).Descendants())
            {
                if (element.Name.LocalName == "ScanPSVersion") version = element.Value.Trim();
            }

            string manifest = Path.Combine(root, "out", "ScanPS", version, "ScanPS.psd1");
            if (!File.Exists(manifest)) throw new InvalidOperationException("The module is not staged at " + manifest + ": build src/ScanPS (building this benchmark does).");
            return manifest;
        }

        /// <summary>
        /// A module folder for the baseline: tiny/ScanPS.Benchmarks.TinyModule.dll (copied there by the build) with a
        /// manifest shaped like ScanPS's (RootModule, one exported cmdlet), written on first use.
        /// </summary>
        public static string TinyManifest()
        {
            string folder = Path.Combine(AppContext.BaseDirectory, "tiny");
            string dll = Path.Combine(folder, "ScanPS.Benchmarks.TinyModule.dll");
            if (!File.Exists(dll)) throw new InvalidOperationException("The tiny module is not built at " + dll + ".");
            string manifest = Path.Combine(folder, "Tiny.psd1");
            if (!File.Exists(manifest))
            {
                File.WriteAllText(manifest,
                    "@{\n    RootModule = 'ScanPS.Benchmarks.TinyModule.dll'\n    ModuleVersion = '1.0.0'\n    GUID = '8d0b1f62-3c4a-4f0e-9a51-2b7c6d9e0f11'\n" +
                    "    PowerShellVersion = '5.1'\n    CmdletsToExport = @('Get-Tiny')\n    FunctionsToExport = @()\n    AliasesToExport = @()\n    VariablesToExport = @()\n}\n");
            }

            return manifest;
        }
    }
}
