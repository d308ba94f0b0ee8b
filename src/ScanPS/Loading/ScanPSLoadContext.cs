#if NET
using System.Reflection;
using System.Runtime.Loader;

namespace ScanPS.Loading
{
    /// <summary>
    /// ScanPS's own load context on PowerShell 7. ScanPS.Core lives in dependencies/ (not beside ScanPS.dll), so the
    /// default context cannot find it and the module's AssemblyResolve handler loads it here; everything ScanPS.Core asks
    /// for is then answered by <see cref="Load"/> first, from dependencies/, before the default context is consulted. So a
    /// Polly.Core that another module loaded into the default context earlier never replaces ScanPS's own copy.
    /// Names not staged (the framework: System.Runtime, System.Text.Json on .NET 8) fall through to the default context.
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
