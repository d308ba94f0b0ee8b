using System;
using System.Reflection;

namespace ScanPS.Loading
{
    /// <summary>
    /// ScanPS's own AssemblyLoadContext on .NET (PowerShell 7), reached by reflection so that the same code serves the
    /// net472 build, where the type does not exist (tests use it to load assemblies apart). Null on .NET Framework (Windows PowerShell 5.1).
    /// </summary>
    public sealed class LoadContextProxy
    {
        private readonly object _context;
        private readonly MethodInfo _loadFromAssemblyPath;

        private LoadContextProxy(object context, MethodInfo loadFromAssemblyPath)
        {
            _context = context;
            _loadFromAssemblyPath = loadFromAssemblyPath;
        }

        /// <summary>The context object (a System.Runtime.Loader.AssemblyLoadContext).</summary>
        public object Context => _context;

        public static LoadContextProxy? TryCreate(string name)
        {
            Type? type = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext");
            if (type == null) return null;
            var constructor = type.GetConstructor(new[] { typeof(string), typeof(bool) });
            var load = type.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });
            if (constructor == null || load == null) return null;
            return new LoadContextProxy(constructor.Invoke(new object[] { name, false }), load);
        }

        public Assembly LoadFromAssemblyPath(string path)
        {
            try
            {
                return (Assembly)_loadFromAssemblyPath.Invoke(_context, new object[] { path })!;
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                throw ex.InnerException;
            }
        }
    }
}
