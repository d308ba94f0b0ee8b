using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace ScanPS
{
    /// <summary>
    /// Third-party assemblies (Polly, System.Text.Json and their shims) are staged in dependencies/ and are
    /// not listed in the manifest; this resolver loads them when ScanPS asks for them, so Windows PowerShell 5.1
    /// needs no binding redirects. It answers only for files that exist in the module's own folders.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty;
        private static readonly string DependencyDirectory = Path.Combine(ModuleDirectory, "dependencies");

        public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += ResolveFromModule;

        public void OnRemove(PSModuleInfo module) => AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromModule;

        private static Assembly? ResolveFromModule(object? sender, ResolveEventArgs args)
        {
            string? name = new AssemblyName(args.Name).Name;
            if (string.IsNullOrEmpty(name)) return null;
            foreach (var directory in new[] { ModuleDirectory, DependencyDirectory })
            {
                string path = Path.Combine(directory, name + ".dll");
                if (File.Exists(path)) return Assembly.LoadFrom(path);
            }

            return null;
        }
    }
}
