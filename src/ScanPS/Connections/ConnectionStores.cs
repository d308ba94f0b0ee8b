using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using ScanPS.Connections;

namespace ScanPS.Commands
{
    /// <summary>
    /// One <see cref="ConnectionStore"/> per runspace: connections belong to the PowerShell session that made them,
    /// so ForEach-Object -Parallel and thread jobs (each its own runspace) never see or change another's.
    /// Pass a connection object with $using: to share it deliberately.
    /// </summary>
    internal static class ConnectionStores
    {
        private static readonly ConditionalWeakTable<object, ConnectionStore> ByRunspace = new ConditionalWeakTable<object, ConnectionStore>();
        private static readonly object NoRunspace = new object();

        /// <summary>The store of the runspace running the calling command.</summary>
        public static ConnectionStore Current => ByRunspace.GetValue(Runspace.DefaultRunspace ?? NoRunspace, _ => new ConnectionStore());
    }
}
