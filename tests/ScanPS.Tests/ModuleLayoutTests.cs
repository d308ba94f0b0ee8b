using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ScanPS.Models;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>The staged module folder (built by src/ScanPS/StageModule.targets during this build).</summary>
    public sealed class ModuleLayoutTests
    {
        private static string Version =>
            XDocument.Load(Path.Combine(RepoRoot.Path, "Directory.Build.props")).Descendants("ScanPSVersion").Single().Value;

        private static string Staged => Path.Combine(RepoRoot.Path, "out", "ScanPS", Version);

        [Fact]
        public void The_version_lives_in_one_place_and_is_stamped_into_the_staged_manifest()
        {
            Assert.Matches(@"^\d+\.\d+\.\d+$", Version);
            string source = File.ReadAllText(Path.Combine(RepoRoot.Path, "ScanPS.psd1"));
            Assert.Matches(@"ModuleVersion\s*=\s*'0\.0\.0'", source);
            string staged = File.ReadAllText(Path.Combine(Staged, "ScanPS.psd1"));
            Assert.Matches(@"ModuleVersion\s*=\s*'" + Regex.Escape(Version) + "'", staged);
            Assert.Equal(Version, typeof(HostedScanScan).Assembly.GetName().Version!.ToString(3));
        }

        [Fact]
        public void The_staged_folder_has_the_module_its_format_file_and_isolated_dependencies()
        {
            var root = Directory.GetFiles(Staged).Select(Path.GetFileName).ToList();
            Assert.Contains("ScanPS.psm1", root);
            Assert.Contains("ScanPS.psd1", root);
            Assert.Contains("ScanPS.Format.ps1xml", root);
            Assert.Contains("LICENSE", root);
            // No assembly at the root: one tree per edition, each with ScanPS's own assemblies beside its dependencies/.
            Assert.DoesNotContain(root, f => f!.EndsWith(".dll", StringComparison.Ordinal));
            foreach (var framework in new[] { "net8.0", "net472" })
            {
                string tree = Path.Combine(Staged, "bin", framework);
                Assert.Equal(new[] { "ScanPS.Core.dll", "ScanPS.dll" }, Directory.GetFiles(tree).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal));
                var dependencies = Directory.GetFiles(Path.Combine(tree, "dependencies")).Select(Path.GetFileName).ToList();
                Assert.Contains("Polly.Core.dll", dependencies);
                Assert.Contains("Refit.dll", dependencies);
            }

            Assert.Empty(Directory.GetFiles(Staged, "System.Management.Automation.dll", SearchOption.AllDirectories));
            Assert.True(File.Exists(Path.Combine(Staged, "en-US", "about_ScanPS.help.txt")));
        }
    }
}
