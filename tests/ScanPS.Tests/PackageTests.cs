using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>The staged folder is what Install-Module installs, and `build.ps1 Package` packs exactly it.</summary>
    public sealed class PackageTests
    {
        private static string Version =>
            XDocument.Load(Path.Combine(RepoRoot.Path, "Directory.Build.props")).Descendants("ScanPSVersion").Single().Value;

        private static string Staged => Path.Combine(RepoRoot.Path, "out", "ScanPS", Version);

        private static string[] StagedFiles() =>
            Directory.GetFiles(Staged, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Staged, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();

        [Fact]
        public void The_staged_folder_has_exactly_the_module_files()
        {
            var files = StagedFiles();
            var root = files.Where(f => !f.Contains('/')).ToArray();
            Assert.Equal(new[] { "LICENSE", "ScanPS.Format.ps1xml", "ScanPS.psd1", "ScanPS.psm1" }, root);

            var help = files.Where(f => f.StartsWith("en-US/", StringComparison.Ordinal)).ToArray();
            var aboutPages = Directory.GetFiles(Path.Combine(RepoRoot.Path, "docs"), "about_*.md").Select(p => "en-US/" + Path.GetFileNameWithoutExtension(p) + ".help.txt");
            Assert.Equal(aboutPages.Append("en-US/ScanPS.dll-Help.xml").OrderBy(f => f, StringComparer.Ordinal), help);

            // Each build's tree: ScanPS's two assemblies and exactly the third-party set that build needs.
            var net8 = files.Where(f => f.StartsWith("bin/net8.0/", StringComparison.Ordinal)).ToArray();
            Assert.Equal(Tree("net8.0", StagedTrees.Net8Dependencies), net8);
            var net472 = files.Where(f => f.StartsWith("bin/net472/", StringComparison.Ordinal)).ToArray();
            Assert.Equal(Tree("net472", StagedTrees.Net472Dependencies), net472);
            Assert.Equal(files.Length, root.Length + help.Length + net8.Length + net472.Length);
        }

        private static string[] Tree(string framework, string[] dependencies) =>
            new[] { "ScanPS.Core.dll", "ScanPS.dll" }.Concat(dependencies.Select(d => "dependencies/" + d + ".dll"))
                .Select(f => "bin/" + framework + "/" + f)
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();

        [Fact]
        public void Package_packs_the_staged_folder_at_the_package_root()
        {
            string output = Path.Combine(Path.GetTempPath(), "scanps-pack-" + Guid.NewGuid().ToString("N"));
            try
            {
                var start = new ProcessStartInfo("dotnet")
                {
                    WorkingDirectory = RepoRoot.Path,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (var arg in new[] { "pack", Path.Combine("packaging", "ScanPS.Package.csproj"), "-c", "Release", "-p:PackageOutputPath=" + output, "--nologo" }) start.ArgumentList.Add(arg);
                using var process = Process.Start(start)!;
                string log = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
                Assert.True(process.WaitForExit(120_000), "dotnet pack did not finish");
                Assert.True(process.ExitCode == 0, log);

                string package = Path.Combine(output, "ScanPS." + Version + ".nupkg");
                using var zip = ZipFile.OpenRead(package);
                var entries = zip.Entries.Select(e => e.FullName)
                    .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml" && n != "ScanPS.nuspec")
                    .OrderBy(n => n, StringComparer.Ordinal);
                Assert.Equal(StagedFiles(), entries);

                using var nuspec = zip.GetEntry("ScanPS.nuspec")!.Open();
                var metadata = XDocument.Load(nuspec).Root!.Elements().First(e => e.Name.LocalName == "metadata");
                Assert.Equal(Version, metadata.Elements().First(e => e.Name.LocalName == "version").Value);
                Assert.Contains("PSModule", metadata.Elements().First(e => e.Name.LocalName == "tags").Value);
            }
            finally
            {
                if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
            }
        }
    }
}
