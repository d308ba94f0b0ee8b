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
            Assert.Contains("ScanPS.dll", root);
            Assert.Contains("ScanPS.Core.dll", root);
            Assert.Contains("ScanPS.psd1", root);
            Assert.Contains("ScanPS.Format.ps1xml", root);
            Assert.Contains("LICENSE", root);
            // Only ScanPS's own assemblies at the root; third-party ones are resolved from dependencies/.
            Assert.Equal(new[] { "ScanPS.Core.dll", "ScanPS.dll" }, root.Where(f => f!.EndsWith(".dll", StringComparison.Ordinal)).OrderBy(f => f));
            var dependencies = Directory.GetFiles(Path.Combine(Staged, "dependencies")).Select(Path.GetFileName).ToList();
            Assert.Contains("Polly.Core.dll", dependencies);
            Assert.Contains("System.Text.Json.dll", dependencies);
            Assert.Contains("Microsoft.Bcl.AsyncInterfaces.dll", dependencies);
            Assert.Empty(Directory.GetFiles(Staged, "System.Management.Automation.dll", SearchOption.AllDirectories));
            Assert.True(File.Exists(Path.Combine(Staged, "en-US", "about_ScanPS.help.txt")));
        }

        [Fact]
        public void The_format_file_has_a_table_view_per_output_type_over_real_properties()
        {
            var doc = XDocument.Load(Path.Combine(Staged, "ScanPS.Format.ps1xml"));
            foreach (var type in new[] { typeof(HostedScanScan), typeof(InvictiScan) })
            {
                var view = doc.Descendants("View").Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == type.FullName);
                var table = view.Element("TableControl")!;
                int headers = table.Descendants("TableColumnHeader").Count();
                var items = table.Descendants("TableColumnItem").ToList();
                Assert.InRange(headers, 4, 6);
                Assert.Equal(headers, items.Count);
                foreach (var property in items.Select(i => i.Element("PropertyName")?.Value).Where(p => p != null))
                {
                    Assert.NotNull(type.GetProperty(property!, BindingFlags.Public | BindingFlags.Instance));
                }
            }
        }
    }
}
