using System;
using System.IO;
using System.Xml.Linq;

namespace ScanPS.EngineTests
{
    /// <summary>Where the build staged the module (out/ScanPS/&lt;ScanPSVersion&gt;/), and the repository around it.</summary>
    public static class StagedModule
    {
        public static string RepoRoot { get; } = FindRepoRoot();

        public static string Version { get; } = ReadVersion();

        public static string Folder => Path.Combine(RepoRoot, "out", "ScanPS", Version);

        public static string Manifest
        {
            get
            {
                string path = Path.Combine(Folder, "ScanPS.psd1");
                if (!File.Exists(path)) throw new InvalidOperationException("The module is not staged at " + path + ": build src/ScanPS first (dotnet test ScanPS.sln builds it).");
                return path;
            }
        }

        /// <summary>Pester 5.9.1, copied beside the tests from its NuGet package by PwshModules.targets.</summary>
        public static string PesterManifest => Path.Combine(AppContext.BaseDirectory, "Modules", "Pester", "5.9.1", "Pester.psd1");

        private static string FindRepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ScanPS.sln"))) return dir.FullName;
            }

            throw new InvalidOperationException("ScanPS.sln not found above " + AppContext.BaseDirectory);
        }

        private static string ReadVersion()
        {
            var props = XDocument.Load(Path.Combine(RepoRoot, "Directory.Build.props"));
            foreach (var element in props.Descendants())
            {
                if (element.Name.LocalName == "ScanPSVersion") return element.Value.Trim();
            }

            throw new InvalidOperationException("No ScanPSVersion in Directory.Build.props.");
        }
    }
}
