using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.Probely
{
    /// <summary>Wait-Scan's and Stop-Scan's Probely calls under the scan's target (vendor-apis.md §4), over the same transport as <see cref="IProbelyApi"/>; paths end with '/'.</summary>
    internal interface IProbelyScanControlApi
    {
        /// <summary>200 the Scan.</summary>
        [Get("/targets/{targetId}/scans/{id}/")]
        Task<HttpResponseMessage> GetTargetScan(string targetId, string id, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        /// <summary>No body; 200 the Scan (in canceling).</summary>
        [Post("/targets/{targetId}/scans/{id}/cancel/")]
        Task<HttpResponseMessage> Cancel(string targetId, string id, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
