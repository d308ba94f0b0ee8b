using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>Stop-Scan's ProjectDiscovery call (OpenAPI post-v1-scans-scan_id-stop), over the same transport as <see cref="IProjectDiscoveryApi"/>.</summary>
    internal interface IProjectDiscoveryScanControlApi
    {
        /// <summary>No body; 200 DeleteScansResponse {message, ok}, 400 ErrorResponse when the scan is not running.</summary>
        [Post("/v1/scans/{id}/stop")]
        Task<HttpResponseMessage> StopScan(string id, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
