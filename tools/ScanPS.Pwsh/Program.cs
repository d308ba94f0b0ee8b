using System;
using System.IO;

namespace ScanPS.Pwsh
{
    /// <summary>
    /// pwsh for a machine with only the .NET SDK: PowerShell's own console host from the Microsoft.PowerShell.SDK
    /// package. The Modules folder beside this program (Pester) goes first on PSModulePath; PowerShell's own modules
    /// are in $PSHOME/Modules, which the SDK lays out under runtimes/&lt;rid&gt;/lib/net10.0.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            string modules = Path.Combine(AppContext.BaseDirectory, "Modules");
            string? current = Environment.GetEnvironmentVariable("PSModulePath");
            Environment.SetEnvironmentVariable("PSModulePath", string.IsNullOrEmpty(current) ? modules : modules + Path.PathSeparator + current);
            return Microsoft.PowerShell.UnmanagedPSEntry.Start(args, args.Length);
        }
    }
}
