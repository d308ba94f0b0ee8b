using System.Net;
using System.Runtime.InteropServices;

namespace ScanPS.Http
{
    /// <summary>
    /// Windows PowerShell 5.1 runs on .NET Framework, whose HttpClient follows ServicePointManager. Older
    /// configurations there allow only TLS 1.0/1.1, which the vendors refuse. ScanPS adds TLS 1.2 once, at import,
    /// without removing anything the process already allows; a process left to the OS default (SystemDefault) is left
    /// alone, because the OS then already negotiates TLS 1.2 and later. PowerShell 7 (.NET) needs nothing.
    /// </summary>
    public static class TlsDefaults
    {
        public static bool IsNetFramework => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", System.StringComparison.OrdinalIgnoreCase);

        /// <summary>The protocols to use given the current ones: TLS 1.2 added, nothing removed, SystemDefault kept.</summary>
        public static SecurityProtocolType WithTls12(SecurityProtocolType current) =>
            current == 0 ? current : current | SecurityProtocolType.Tls12;

        /// <summary>Called once from the module initializer.</summary>
        public static void EnsureTls12()
        {
            if (!IsNetFramework) return;
            var current = ServicePointManager.SecurityProtocol;
            var wanted = WithTls12(current);
            if (wanted != current) ServicePointManager.SecurityProtocol = wanted;
        }
    }
}
