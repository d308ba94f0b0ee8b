using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>The scan export of the PDCP OpenAPI (operationId get-v1-scans-scan_id-export), as Refit declares it.</summary>
    internal interface IProjectDiscoveryReportApi
    {
        /// <summary>
        /// 200 application/octet-stream: the file; 201 {export_id}: not ready. <c>async</c> is never sent (the spec offers
        /// no way to fetch an asynchronous export by its id).
        /// </summary>
        [Get("/v1/scans/{scanId}/export")]
        Task<HttpResponseMessage> Export(string scanId, string type, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
