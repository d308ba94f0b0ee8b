using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace ScanPS.Loading
{
    /// <summary>
    /// Answers assembly requests for the third-party assemblies staged in the module's dependencies/ folder,
    /// and only when ScanPS itself (or one of those dependencies) asks, so ScanPS never hands its Polly or
    /// System.Text.Json to another module, and another module's copies never replace ScanPS's.
    /// On PowerShell 7 the assemblies load into ScanPS's own AssemblyLoadContext; on Windows PowerShell 5.1
    /// (no load contexts) with Assembly.LoadFrom, where side-by-side strong-named versions can coexist.
    /// The same approach as PSResourceGet's ModuleInitAndCleanup.cs, plus a version check.
    /// </summary>
    public sealed class DependencyResolver
    {
        private static readonly HashSet<string> OwnAssemblyNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "ScanPS", "ScanPS.Core" };

        private readonly Dictionary<string, Dependency> _dependencies = new Dictionary<string, Dependency>(StringComparer.OrdinalIgnoreCase);
        private readonly Func<string, Assembly> _load;
        private readonly object _gate = new object();

        /// <param name="dependencyDirectory">The module's dependencies/ folder.</param>
        /// <param name="load">Loads an assembly from a path (into the module's load context, or LoadFrom).</param>
        public DependencyResolver(string dependencyDirectory, Func<string, Assembly> load)
        {
            DependencyDirectory = Path.GetFullPath(dependencyDirectory);
            _load = load ?? throw new ArgumentNullException(nameof(load));
            if (!Directory.Exists(DependencyDirectory)) return;
            foreach (string path in Directory.GetFiles(DependencyDirectory, "*.dll"))
            {
                AssemblyName name;
                try
                {
                    name = AssemblyName.GetAssemblyName(path);
                }
                catch (BadImageFormatException)
                {
                    continue; // not a managed assembly
                }

                if (name.Name != null) _dependencies[name.Name] = new Dependency(path, name);
            }
        }

        public string DependencyDirectory { get; }

        /// <summary>The simple names this resolver can answer for.</summary>
        public IEnumerable<string> Names => _dependencies.Keys;

        /// <summary>
        /// The dependency for <paramref name="requested"/>, or null when the request is not ScanPS's to answer:
        /// another module asked, the name is not staged, or the staged version is older than the one asked for.
        /// A null <paramref name="requesting"/> (possible on .NET Framework) is answered only for an exact full-name match.
        /// </summary>
        public Assembly? Resolve(AssemblyName requested, Assembly? requesting)
        {
            if (requested.Name == null || !_dependencies.TryGetValue(requested.Name, out var dependency)) return null;
            if (requesting != null)
            {
                if (!IsOwn(requesting)) return null;
                if (requested.Version != null && dependency.Name.Version != null && dependency.Name.Version < requested.Version) return null;
            }
            else if (!string.Equals(requested.FullName, dependency.Name.FullName, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            lock (_gate)
            {
                return dependency.Loaded ??= _load(dependency.Path);
            }
        }

        /// <summary>
        /// The dependency for a request made from inside ScanPS's own load context (PowerShell 7), where every requester
        /// is ScanPS's: the staged copy when it is at least the version asked for, else null (the default context answers).
        /// </summary>
        public Assembly? ResolveOwn(AssemblyName requested)
        {
            if (requested.Name == null || !_dependencies.TryGetValue(requested.Name, out var dependency)) return null;
            if (requested.Version != null && dependency.Name.Version != null && dependency.Name.Version < requested.Version) return null;
            lock (_gate)
            {
                return dependency.Loaded ??= _load(dependency.Path);
            }
        }

        /// <summary>True for ScanPS.dll, ScanPS.Core.dll and the assemblies loaded from dependencies/.</summary>
        public bool IsOwn(Assembly assembly)
        {
            if (OwnAssemblyNames.Contains(assembly.GetName().Name ?? string.Empty)) return true;
            string location;
            try
            {
                location = assembly.Location;
            }
            catch (NotSupportedException)
            {
                return false; // dynamic assemblies have no location
            }

            return !string.IsNullOrEmpty(location) &&
                   string.Equals(Path.GetDirectoryName(Path.GetFullPath(location)), DependencyDirectory, StringComparison.OrdinalIgnoreCase);
        }

        private sealed class Dependency
        {
            public Dependency(string path, AssemblyName name)
            {
                Path = path;
                Name = name;
            }

            public string Path { get; }

            public AssemblyName Name { get; }

            public Assembly? Loaded { get; set; }
        }
    }
}
