#if NET
using System.Reflection;
using System.Runtime.Loader;

namespace ScanPS.Loading
{
    /// <summary>
    /// ScanPS's own load context on PowerShell 7, for the third-party assemblies in dependencies/ (the module's
    /// AssemblyResolve handler loads ScanPS.Core's requests here). What those assemblies ask for in turn (Refit for
    /// ReactiveUI.Primitives and System.Net.ServerSentEvents) is answered by <see cref="Load"/> first, from
    /// dependencies/, before the default context is consulted, so another module's copies in the default context never
    /// replace them. Names not staged (the framework: System.Runtime, System.Text.Json on .NET 8) fall through to the
    /// default context. ScanPS.Core itself stays in the default context: PowerShell 7 resolves type literals such as
    /// [ScanPS.Models.Scan] only there.
    /// </summary>
    internal sealed class ScanPSLoadContext : AssemblyLoadContext
    {
        private DependencyResolver? _resolver;

        public ScanPSLoadContext()
            : base("ScanPS", isCollectible: false)
        {
        }

        /// <summary>Set once, right after construction (the resolver loads through this context).</summary>
        public void Attach(DependencyResolver resolver) => _resolver = resolver;

        protected override Assembly? Load(AssemblyName assemblyName) => _resolver?.ResolveOwn(assemblyName);
    }
}
#endif
