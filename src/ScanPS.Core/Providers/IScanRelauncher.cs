using System.Threading;
using System.Threading.Tasks;
using ScanPS.Models;

namespace ScanPS.Providers
{
    /// <summary>A provider that can launch a new scan with the configuration of an earlier one (Start-ScanFromScan).</summary>
    public interface IScanRelauncher
    {
        /// <summary>Launches the new scan from <paramref name="scanId"/> (already normalised by ProviderDefinition.NormaliseScanId) and returns it. Never retried once the vendor may have acted on it.</summary>
        Task<Scan> RelaunchScanAsync(string scanId, CancellationToken cancellationToken);
    }
}
