using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using ScanPS.Loading;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// The module's dependency resolver over the real staged dependencies/ folder. ScanPS's copies beside another
    /// module's in a real PowerShell are proven in ScanPS.EngineTests/IsolationTests.
    /// </summary>
    public sealed class DependencyResolverTests
    {
        /// <summary>The net8.0 tree's dependencies/ (the build these tests run beside).</summary>
        private static string Dependencies => TreeDependencies("net8.0");

        /// <summary>The net472 tree's, which stages System.Text.Json (on .NET 8 it is the framework's).</summary>
        private static string Net472Dependencies => TreeDependencies("net472");

        private static string TreeDependencies(string framework)
        {
            string version = XDocument.Load(Path.Combine(RepoRoot.Path, "Directory.Build.props")).Descendants("ScanPSVersion").Single().Value;
            return Path.Combine(RepoRoot.Path, "out", "ScanPS", version, "bin", framework, "dependencies");
        }

        private static readonly Assembly ScanPSCore = typeof(ScanPS.Providers.ProviderSession).Assembly;

        private static (DependencyResolver Resolver, List<string> Loaded) Recording(string? dependencies = null)
        {
            var loaded = new List<string>();
            var resolver = new DependencyResolver(dependencies ?? Dependencies, path =>
            {
                loaded.Add(path);
                return typeof(DependencyResolverTests).Assembly; // any assembly: only the requested path matters here
            });
            return (resolver, loaded);
        }

        [Fact]
        public void A_request_from_ScanPS_is_answered_from_dependencies()
        {
            var (resolver, loaded) = Recording();
            var polly = ScanPSCore.GetReferencedAssemblies().Single(a => a.Name == "Polly.Core");

            Assert.NotNull(resolver.Resolve(polly, ScanPSCore));
            Assert.Equal(new[] { Path.Combine(resolver.DependencyDirectory, "Polly.Core.dll") }, loaded);

            // The second request is served from the cache, not loaded again.
            Assert.NotNull(resolver.Resolve(polly, ScanPSCore));
            Assert.Single(loaded);
        }

        [Fact]
        public void A_request_from_another_assembly_is_ignored()
        {
            var (resolver, loaded) = Recording();
            var polly = ScanPSCore.GetReferencedAssemblies().Single(a => a.Name == "Polly.Core");

            Assert.Null(resolver.Resolve(polly, typeof(Xunit.FactAttribute).Assembly));
            Assert.Null(resolver.Resolve(polly, typeof(DependencyResolverTests).Assembly));
            Assert.Empty(loaded);
        }

        [Fact]
        public void Names_that_are_not_staged_and_newer_versions_than_staged_are_not_answered()
        {
            var (resolver, loaded) = Recording();
            Assert.Null(resolver.Resolve(new AssemblyName("Newtonsoft.Json, Version=13.0.0.0"), ScanPSCore));
            Assert.Null(resolver.Resolve(new AssemblyName("System.Text.Json, Version=99.0.0.0"), ScanPSCore));
            Assert.Empty(loaded);
        }

        [Fact]
        public void Without_a_requesting_assembly_only_an_exact_full_name_is_answered()
        {
            var (resolver, loaded) = Recording(Net472Dependencies);
            var staged = AssemblyName.GetAssemblyName(Path.Combine(Net472Dependencies, "System.Text.Json.dll"));

            Assert.Null(resolver.Resolve(new AssemblyName("System.Text.Json, Version=6.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"), null));
            Assert.NotNull(resolver.Resolve(staged, null));
            Assert.Equal(new[] { Path.Combine(resolver.DependencyDirectory, "System.Text.Json.dll") }, loaded);
        }

        [Fact]
        public void A_dependency_asking_for_another_dependency_counts_as_ScanPS()
        {
            var resolver = new DependencyResolver(Dependencies, _ => typeof(object).Assembly);
            var context = LoadContextProxy.TryCreate("ScanPS.Tests.Requester")!;
            var polly = context.LoadFromAssemblyPath(Path.Combine(Dependencies, "Polly.Core.dll"));
            Assert.True(resolver.IsOwn(polly));
            Assert.True(resolver.IsOwn(ScanPSCore));
            Assert.False(resolver.IsOwn(typeof(Xunit.FactAttribute).Assembly));
        }
    }
}
