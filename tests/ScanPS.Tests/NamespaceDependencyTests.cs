using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// ScanPS.Core's namespaces depend on each other one way only, top to bottom:
    /// Operations → Providers (a vendor's own namespace → the shared Providers one) → Connections → Auth → Http →
    /// Scheduling → Models → Errors; the root namespace ScanPS (the provider names) depends on none of them. The cmdlet
    /// assembly (Commands, Completers, Loading) sits above Operations, and the compiler already keeps Core from using it.
    /// A source scan: each file's using directives and namespace-qualified names (ScanPS.Http.X, Providers.X) are its
    /// dependencies; comments are not.
    /// </summary>
    public sealed class NamespaceDependencyTests
    {
        /// <summary>Top first: a namespace may use only the ones after it.</summary>
        public static readonly string[] Layers = { "Operations", "Findings", "Providers", "Connections", "Auth", "Http", "Scheduling", "Models", "Errors" };

        private static readonly Regex Reference = new Regex(
            @"(?<![\w.])(?:ScanPS\.)?(?<layer>" + string.Join("|", Layers) + @")(?:\.(?<sub>\w+))?(?=[.;])", RegexOptions.Compiled);

        [Fact]
        public void Core_namespaces_depend_only_downwards()
        {
            var wrong = new List<string>();
            foreach (var file in CoreFiles())
            {
                var (ns, code) = Read(file);
                string? from = Layer(ns);
                foreach (var (layer, vendor) in References(code))
                {
                    string target = "ScanPS." + layer + (vendor != null ? "." + vendor : string.Empty);
                    if (target == ns) continue;
                    if (from == null)
                    {
                        wrong.Add(Relative(file) + " (root namespace " + ns + ") uses " + target);
                        continue;
                    }

                    int a = Array.IndexOf(Layers, from), b = Array.IndexOf(Layers, layer);
                    bool downwards = b > a;
                    // Within Providers: a vendor's namespace may use the shared one, never another vendor's, and the
                    // shared one uses no vendor's (it finds the definitions through the provider list).
                    bool vendorToShared = a == b && layer == "Providers" && vendor == null && ns.StartsWith("ScanPS.Providers.", StringComparison.Ordinal);
                    if (!downwards && !vendorToShared) wrong.Add(Relative(file) + " (" + ns + ") uses " + target);
                }
            }

            Assert.True(wrong.Count == 0, "Upward or sideways namespace dependencies:\n" + string.Join("\n", wrong.Distinct()));
        }

        [Fact]
        public void The_scan_sees_the_dependencies_it_must_refuse()
        {
            // The checker itself: an upward using, a qualified name and a vendor-to-vendor reference are found.
            Assert.Contains(("Operations", (string?)null), References("using ScanPS.Operations;\nclass X {}"));
            Assert.Contains(("Auth", (string?)null), References("var spec = Auth.CredentialSpec.Empty;"));
            Assert.Contains(("Providers", (string?)"ProjectDiscovery"), References("Providers.ProjectDiscovery.ProjectDiscoveryProvider.CheckTeamId(x);"));
            Assert.DoesNotContain(References(WithoutComments("options.Providers.Count; // using ScanPS.Operations;")), r => r.Layer == "Operations");
        }

        [Fact]
        public void No_production_comment_points_at_a_test_class()
        {
            var wrong = new List<string>();
            foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot.Path, "src"), "*.cs", SearchOption.AllDirectories))
            {
                string relative = Relative(file);
                if (relative.Contains("/obj/") || relative.Contains("/bin/")) continue;
                foreach (Match comment in Regex.Matches(File.ReadAllText(file), @"//.*"))
                {
                    if (Regex.IsMatch(comment.Value, @"\b\w+Tests\b")) wrong.Add(relative + ": " + comment.Value.Trim());
                }
            }

            Assert.True(wrong.Count == 0, "Production comments that name a test class (say why in the code instead):\n" + string.Join("\n", wrong));
        }

        [Fact]
        public void Error_ids_are_the_named_constants_of_ErrorIds()
        {
            // new ScanPSError("SomeId", …), possibly with the id on the next line, or a NotFoundErrorId = "SomeId".
            var literal = new Regex(@"(new\s+ScanPSError\(\s*|NotFoundErrorId\s*=\s*)""[A-Za-z]+""");
            var wrong = Directory.GetFiles(Path.Combine(RepoRoot.Path, "src"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !Relative(f).Contains("/obj/") && !Relative(f).Contains("/bin/"))
                .Where(f => literal.IsMatch(WithoutComments(File.ReadAllText(f))))
                .Select(Relative).ToList();
            Assert.True(wrong.Count == 0, "Error ids written as literals (add them to ScanPS.Errors.ErrorIds):\n" + string.Join("\n", wrong));
            Assert.All(typeof(ScanPS.Errors.ErrorIds).GetFields(), f => Assert.Equal(f.Name, f.GetValue(null)));
        }

        [Fact]
        public void Every_core_folder_is_a_known_layer()
        {
            var folders = Directory.GetDirectories(CoreDirectory).Select(Path.GetFileName).Where(n => n != "bin" && n != "obj");
            Assert.All(folders, folder => Assert.Contains(folder, Layers));
        }

        internal static string CoreDirectory => Path.Combine(RepoRoot.Path, "src", "ScanPS.Core");

        internal static IEnumerable<string> CoreFiles() =>
            Directory.GetFiles(CoreDirectory, "*.cs", SearchOption.AllDirectories)
                .Where(f => !Relative(f).Contains("/obj/") && !Relative(f).Contains("/bin/"));

        internal static string Relative(string file) => Path.GetRelativePath(RepoRoot.Path, file).Replace('\\', '/');

        /// <summary>The file's namespace and its code without comments.</summary>
        internal static (string Namespace, string Code) Read(string file)
        {
            string text = File.ReadAllText(file);
            string ns = Regex.Match(text, @"^namespace\s+([\w.]+)", RegexOptions.Multiline).Groups[1].Value;
            return (ns, WithoutComments(text));
        }

        internal static string WithoutComments(string text) =>
            Regex.Replace(Regex.Replace(text, @"/\*.*?\*/", string.Empty, RegexOptions.Singleline), @"//.*", string.Empty);

        private static string? Layer(string ns)
        {
            var parts = ns.Split('.');
            return parts.Length > 1 && Layers.Contains(parts[1]) ? parts[1] : null;
        }

        private static List<(string Layer, string? Vendor)> References(string code)
        {
            var vendors = new HashSet<string>(ProviderNames.All);
            return Reference.Matches(code)
                .Select(m => (m.Groups["layer"].Value, m.Groups["layer"].Value == "Providers" && vendors.Contains(m.Groups["sub"].Value) ? m.Groups["sub"].Value : (string?)null))
                .ToList();
        }
    }
}
