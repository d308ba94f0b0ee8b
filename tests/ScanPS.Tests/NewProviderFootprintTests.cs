using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using ScanPS.Commands;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// What adding a provider touches, and nothing more. A vendor's facts live in files that are its own:
    /// <list type="number">
    /// <item>its folder, src/ScanPS.Core/Providers/&lt;Vendor&gt;/ (definition, client, wire models, vocabulary, requests);</item>
    /// <item>the provider list, src/ScanPS.Core/ProviderNames.cs (its name, in list order);</item>
    /// <item>its output types, src/ScanPS.Core/Models/&lt;Vendor&gt;*.cs;</item>
    /// <item>its parameter sets in the commands it supports, src/ScanPS/Commands/*Command.cs (set names, [OutputType],
    ///   parameter help), and commands and completers that are the vendor's alone (every parameter set its own, or a
    ///   file named after it, such as Completers/ProbelyScanProfileCompleter.cs);</item>
    /// <item>its format view, src/ScanPS/ScanPS.Format.ps1xml;</item>
    /// <item>its docs, docs/&lt;Cmdlet&gt;.md and the about_ topics.</item>
    /// </list>
    /// Every other C# file under src/ is generic: it asks the provider's definition (ProviderDefinition) and must
    /// not name a vendor in code. Comments may use a vendor as an example; in a command file, vendor names may only
    /// declare its parameter sets and output types.
    /// </summary>
    public sealed class NewProviderFootprintTests
    {
        /// <summary>Other spellings that name a vendor (environment variables, abbreviations, hosts).</summary>
        private static readonly Dictionary<string, string[]> Aliases = new Dictionary<string, string[]>
        {
            [ProviderNames.ProjectDiscovery] = new[] { "PDCP" },
        };

        private static string Src => Path.Combine(RepoRoot.Path, "src");

        [Fact]
        public void No_generic_file_names_a_vendor()
        {
            var wrong = new List<string>();
            foreach (var file in Directory.GetFiles(Src, "*.cs", SearchOption.AllDirectories))
            {
                string relative = NamespaceDependencyTests.Relative(file);
                if (relative.Contains("/obj/") || relative.Contains("/bin/") || OwnerOf(relative) != null) continue;
                bool command = relative.StartsWith("src/ScanPS/Commands/", StringComparison.Ordinal) && relative.EndsWith("Command.cs", StringComparison.Ordinal);
                var (_, code) = NamespaceDependencyTests.Read(file);
                foreach (var line in code.Split('\n'))
                {
                    string? vendor = VendorIn(line);
                    if (vendor == null) continue;
                    if (command && (DeclaresParameterSetsOrOutput(line) || VendorIn(WithoutSetNames(line)) == null)) continue;
                    wrong.Add(relative + " names " + vendor + ": " + line.Trim());
                }
            }

            Assert.True(wrong.Count == 0, "Vendor facts outside the vendor's own files (ask its ProviderDefinition instead):\n" + string.Join("\n", wrong));
        }

        [Fact]
        public void The_check_finds_a_vendor_named_in_generic_code()
        {
            Assert.Equal(ProviderNames.Invicti, VendorIn("if (provider == ProviderNames.Invicti) return;"));
            Assert.Equal(ProviderNames.HostedScan, VendorIn("var key = env(\"SCANPS_HOSTEDSCAN_API_KEY\");"));
            Assert.Equal(ProviderNames.ProjectDiscovery, VendorIn("string v = \"PDCP_TEAM_ID\";"));
            Assert.Null(VendorIn("var definition = ProviderDefinition.Get(provider);"));
            Assert.Null(OwnerOf("src/ScanPS.Core/Operations/ScanOperations.cs"));
            Assert.Equal(ProviderNames.Probely, OwnerOf("src/ScanPS.Core/Providers/Probely/ProbelyClient.cs"));
            Assert.Equal(ProviderNames.Invicti, OwnerOf("src/ScanPS.Core/Models/InvictiScan.cs"));
            Assert.False(DeclaresParameterSetsOrOutput("Run(_ => request = _collected.Provider == ProviderNames.ProjectDiscovery ? a : b);"));
            Assert.True(DeclaresParameterSetsOrOutput("public const string HostedScanSet = ProviderNames.HostedScan;"));
            Assert.Null(VendorIn(WithoutSetNames("if (set == ByIdSet || set == ProjectDiscoveryByIdSet)")));
            Assert.NotNull(VendorIn(WithoutSetNames("var session = Session(ProviderNames.Probely);")));
        }

        [Theory]
        [MemberData(nameof(Vendors))]
        public void Each_provider_has_its_folder_definition_format_view_and_docs(string vendor)
        {
            // Its folder, holding its definition (found through the provider list).
            string folder = Path.Combine(Src, "ScanPS.Core", "Providers", vendor);
            Assert.True(Directory.Exists(folder), "missing " + folder);
            var definition = ProviderDefinition.Get(vendor);
            Assert.Equal("ScanPS.Providers." + vendor, definition.GetType().Namespace);
            Assert.True(File.Exists(Path.Combine(folder, definition.GetType().Name + ".cs")), definition.GetType().Name + ".cs is not in " + folder);

            // Its format view: every output type of a command that accepts it that is named after it has a view.
            string format = File.ReadAllText(Path.Combine(Src, "ScanPS", "ScanPS.Format.ps1xml"));
            var outputs = Commands().Select(c => CmdletReflection.Attribute(c, "OutputTypeAttribute")).Where(a => a != null)
                .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a!.ConstructorArguments[0].Value!).Select(v => (Type)v.Value!)
                .Where(t => t.Name.StartsWith(vendor, StringComparison.Ordinal)).Distinct().ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, t => Assert.Contains("<TypeName>" + t.FullName + "</TypeName>", format));

            // Its docs: each command that accepts it as -Provider documents it.
            foreach (var command in Commands().Where(c => Accepts(c, vendor)))
            {
                var cmdlet = CmdletReflection.Attribute(command, "CmdletAttribute")!;
                string page = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", cmdlet.ConstructorArguments[0].Value + "-" + cmdlet.ConstructorArguments[1].Value + ".md"));
                Assert.Contains(vendor, page);
            }
        }

        public static IEnumerable<object[]> Vendors() => ProviderNames.All.Select(v => new object[] { v });

        /// <summary>The vendor whose own file this is (see the class summary), or null for a generic file.</summary>
        private static string? OwnerOf(string relative)
        {
            foreach (var vendor in ProviderNames.All)
            {
                if (relative.StartsWith("src/ScanPS.Core/Providers/" + vendor + "/", StringComparison.Ordinal)) return vendor;
                if (relative.StartsWith("src/ScanPS.Core/Models/" + vendor, StringComparison.Ordinal)) return vendor;
                if (relative.StartsWith("src/ScanPS/Completers/" + vendor, StringComparison.Ordinal)) return vendor;
                if (relative.StartsWith("src/ScanPS/Commands/", StringComparison.Ordinal) && CommandOwnedBy(relative) == vendor) return vendor;
            }

            return relative == "src/ScanPS.Core/ProviderNames.cs" ? "the provider list" : null;
        }

        /// <summary>A command whose every parameter set belongs to one vendor is that vendor's (New-ScheduledScanBulk: Probely's).</summary>
        private static string? CommandOwnedBy(string relative)
        {
            string name = Path.GetFileNameWithoutExtension(relative);
            var type = Commands().FirstOrDefault(t => t.Name == name);
            if (type == null) return null;
            var owners = CmdletReflection.SetNames(type).Select(Operations.ProviderParameterRules.OwnerOf).Distinct().ToList();
            return owners.Count == 1 ? owners[0] : null;
        }

        private static string? VendorIn(string line)
        {
            foreach (var vendor in ProviderNames.All)
            {
                var spellings = new[] { vendor }.Concat(Aliases.TryGetValue(vendor, out var more) ? more : Array.Empty<string>());
                if (spellings.Any(s => line.IndexOf(s, StringComparison.OrdinalIgnoreCase) >= 0)) return vendor;
            }

            return null;
        }

        /// <summary>The line without parameter-set names (HostedScanSet, ProjectDiscoveryByIdSet): choosing among sets is the command's job.</summary>
        private static string WithoutSetNames(string line) => Regex.Replace(line, @"\b\w+Set\b", string.Empty);

        /// <summary>A parameter-set name constant, or an [OutputType] naming the vendor's output types.</summary>
        private static bool DeclaresParameterSetsOrOutput(string line) =>
            Regex.IsMatch(line, @"^\s*(public|private|internal)\s+const\s+string\s+\w+Set\s*=") || Regex.IsMatch(line, @"^\s*\[OutputType\(");

        private static IEnumerable<Type> Commands() =>
            typeof(GetScanCommand).Assembly.GetTypes().Where(t => CmdletReflection.Attribute(t, "CmdletAttribute") != null);

        private static bool Accepts(Type command, string vendor) =>
            command.GetProperty("Provider")?.GetCustomAttribute<ValidateProviderAttribute>()?.ValidValues.Contains(vendor) == true;
    }
}
