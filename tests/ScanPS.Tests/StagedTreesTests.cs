using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// The two builds in the staged module (bin/net8.0 for PowerShell 7.4+, bin/net472 for Windows PowerShell 5.1): each
    /// tree's assemblies target its framework, and every assembly any of them references is either in the tree (at
    /// least the version asked for) or the framework's own. CI cannot run Windows PowerShell 5.1, so this is what proves
    /// the net472 tree is complete; the net8.0 tree is also imported and used by every engine test.
    /// </summary>
    public sealed class StagedTrees
    {
        /// <summary>Refit 16.4.0 and Polly.Core on .NET 8: the rest is in the framework.</summary>
        public static readonly string[] Net8Dependencies =
        {
            "Polly.Core", "ReactiveUI.Disposables", "ReactiveUI.Primitives", "ReactiveUI.Primitives.Core", "Refit", "System.Net.ServerSentEvents",
        };

        /// <summary>On .NET Framework 4.7.2 also System.Text.Json 10 and what it and Polly need there.</summary>
        public static readonly string[] Net472Dependencies =
        {
            "Microsoft.Bcl.AsyncInterfaces", "Microsoft.Bcl.TimeProvider", "Polly.Core", "ReactiveUI.Disposables", "ReactiveUI.Primitives",
            "ReactiveUI.Primitives.Core", "Refit", "System.Buffers", "System.Collections.Immutable", "System.ComponentModel.Annotations",
            "System.IO.Pipelines", "System.Memory", "System.Net.Http.Json", "System.Net.ServerSentEvents", "System.Numerics.Vectors",
            "System.Runtime.CompilerServices.Unsafe", "System.Text.Encodings.Web", "System.Text.Json", "System.Threading.Channels",
            "System.Threading.Tasks.Extensions",
        };

        private static string Tree(string framework)
        {
            string version = XDocument.Load(Path.Combine(RepoRoot.Path, "Directory.Build.props")).Descendants("ScanPSVersion").Single().Value;
            return Path.Combine(RepoRoot.Path, "out", "ScanPS", version, "bin", framework);
        }

        [Theory]
        [InlineData("net8.0", ".NETCoreApp,Version=v8.0")]
        [InlineData("net472", ".NETFramework,Version=v4.7.2")]
        public void Each_tree_holds_its_own_build(string framework, string targetFramework)
        {
            foreach (var name in new[] { "ScanPS.dll", "ScanPS.Core.dll" })
            {
                Assert.Equal(targetFramework, TargetFramework(Path.Combine(Tree(framework), name)));
            }
        }

        [Fact]
        public void Every_reference_in_the_net8_tree_is_staged_or_in_the_framework()
        {
            // Names only for the framework: this runtime is newer than .NET 8, but the shared framework's names do not change.
            var framework = new HashSet<string>(Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll").Select(Path.GetFileNameWithoutExtension)!, StringComparer.OrdinalIgnoreCase);
            AssertClosed(Tree("net8.0"), framework);
        }

        [Fact]
        public void Every_reference_in_the_net472_tree_is_staged_or_in_the_framework()
        {
            // .NET Framework 4.7.2's own assemblies and facades, from the reference-assembly package the build used.
            string root = Path.Combine(NuGetRoot(), "microsoft.netframework.referenceassemblies.net472");
            string v472 = Directory.GetDirectories(root).Select(d => Path.Combine(d, "build", ".NETFramework", "v4.7.2")).First(Directory.Exists);
            var framework = new HashSet<string>(
                Directory.GetFiles(v472, "*.dll").Concat(Directory.GetFiles(Path.Combine(v472, "Facades"), "*.dll")).Select(Path.GetFileNameWithoutExtension)!,
                StringComparer.OrdinalIgnoreCase);
            AssertClosed(Tree("net472"), framework);
        }

        private static void AssertClosed(string tree, HashSet<string> framework)
        {
            var staged = Directory.GetFiles(tree, "*.dll").Concat(Directory.GetFiles(Path.Combine(tree, "dependencies"), "*.dll"))
                .ToDictionary(p => AssemblyName.GetAssemblyName(p).Name!, p => AssemblyName.GetAssemblyName(p).Version!, StringComparer.OrdinalIgnoreCase);
            var missing = new List<string>();
            foreach (var path in Directory.GetFiles(tree, "*.dll").Concat(Directory.GetFiles(Path.Combine(tree, "dependencies"), "*.dll")))
            {
                foreach (var reference in References(path))
                {
                    if (reference.Name == "System.Management.Automation") continue; // the PowerShell that imports the module
                    if (staged.TryGetValue(reference.Name!, out var version))
                    {
                        if (reference.Version != null && version < reference.Version) missing.Add(Path.GetFileName(path) + " -> " + reference.FullName + " (staged " + version + ")");
                    }
                    else if (!framework.Contains(reference.Name!))
                    {
                        missing.Add(Path.GetFileName(path) + " -> " + reference.FullName);
                    }
                }
            }

            Assert.Empty(missing);
        }

        private static IEnumerable<AssemblyName> References(string path)
        {
            using var pe = new PEReader(File.OpenRead(path));
            var metadata = pe.GetMetadataReader();
            return metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h).GetAssemblyName()).ToList();
        }

        private static string? TargetFramework(string path)
        {
            using var pe = new PEReader(File.OpenRead(path));
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
                var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                var type = metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent);
                if (metadata.GetString(type.Name) != "TargetFrameworkAttribute") continue;
                var blob = metadata.GetBlobReader(attribute.Value);
                blob.ReadUInt16(); // prolog
                return blob.ReadSerializedString();
            }

            return null;
        }

        private static string NuGetRoot()
        {
            string? configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            return !string.IsNullOrEmpty(configured) ? configured : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }
    }
}
