using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace ScanPS.Loading
{
    /// <summary>
    /// Runs on Import-Module: registers the <see cref="DependencyResolver"/> for this build's dependencies/ (never listed in
    /// RequiredAssemblies; on PowerShell 7 they load into ScanPS's own <see cref="ScanPSLoadContext"/>), adds TLS 1.2 on Windows PowerShell 5.1 (see TlsDefaults), and removes the resolver on Remove-Module.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly Lazy<DependencyResolver> Resolver = new Lazy<DependencyResolver>(Create);
        private static readonly object Gate = new object();
        private static bool _registered;

        public void OnImport()
        {
            Register();
            EnsureTls12();
        }

        /// <summary>
        /// Registers the resolver (once; OnImport and a caller that loads ScanPS.dll first may both ask).
        /// </summary>
        public static void Register()
        {
            lock (Gate)
            {
                if (_registered) return;
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                _registered = true;
            }
        }

        // Separate method: ScanPS.Core (and its dependencies) load only after the resolver is registered.
        private static void EnsureTls12() => Http.TlsDefaults.EnsureTls12();

        public void OnRemove(PSModuleInfo module)
        {
            lock (Gate)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
                _registered = false;
            }
        }

        private static DependencyResolver Create()
        {
            string moduleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty;
            string dependencies = Path.Combine(moduleDirectory, "dependencies");
#if NET
            var context = new ScanPSLoadContext();
            var resolver = new DependencyResolver(dependencies, context.LoadFromAssemblyPath);
            context.Attach(resolver);
            return resolver;
#else
            // .NET Framework has no load contexts: LoadFrom, where strong-named versions can sit side by side.
            return new DependencyResolver(dependencies, Assembly.LoadFrom);
#endif
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args) =>
            Resolver.Value.Resolve(new AssemblyName(args.Name), args.RequestingAssembly);
    }
}
