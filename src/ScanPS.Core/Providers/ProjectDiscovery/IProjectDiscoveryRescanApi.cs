using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>Start-ScanFromScan for ProjectDiscovery (OpenAPI: POST /v1/scans/{scan_id}/rescan), as Refit declares it.</summary>
    internal interface IProjectDiscoveryRescanApi
    {
        /// <summary>No body; 200 the create answer {id, message, truncated-scan-targets}.</summary>
        [Post("/v1/scans/{id}/rescan")]
        Task<HttpResponseMessage> Rescan(string id, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
