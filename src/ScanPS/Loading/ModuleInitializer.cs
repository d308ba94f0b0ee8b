using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace ScanPS.Loading
{
    /// <summary>
    /// Runs on Import-Module: registers the <see cref="DependencyResolver"/> for dependencies/ (never listed in
    /// RequiredAssemblies), adds TLS 1.2 on Windows PowerShell 5.1 (see TlsDefaults), and removes the resolver on Remove-Module.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly Lazy<DependencyResolver> Resolver = new Lazy<DependencyResolver>(Create);

        public void OnImport()
        {
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            EnsureTls12();
        }

        // Separate method: ScanPS.Core (and its dependencies) load only after the resolver is registered.
        private static void EnsureTls12() => Http.TlsDefaults.EnsureTls12();

        public void OnRemove(PSModuleInfo module) => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

        private static DependencyResolver Create()
        {
            string moduleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty;
            var context = LoadContextProxy.TryCreate("ScanPS");
            Func<string, Assembly> load = context != null ? context.LoadFromAssemblyPath : (Func<string, Assembly>)Assembly.LoadFrom;
            return new DependencyResolver(Path.Combine(moduleDirectory, "dependencies"), load);
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args) =>
            Resolver.Value.Resolve(new AssemblyName(args.Name), args.RequestingAssembly);
    }
}
