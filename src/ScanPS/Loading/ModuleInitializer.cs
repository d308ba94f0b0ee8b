using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace ScanPS.Loading
{
    /// <summary>
    /// Runs on Import-Module: registers the <see cref="DependencyResolver"/> for dependencies/ (never listed in
    /// RequiredAssemblies), and removes it on Remove-Module.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly Lazy<DependencyResolver> Resolver = new Lazy<DependencyResolver>(Create);

        public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += Resolve;

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
