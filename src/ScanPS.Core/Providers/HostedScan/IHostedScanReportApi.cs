using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.HostedScan
{
    /// <summary>HostedScan's result files (hostedscan-docs-gitbook api/scans "Download result"), as Refit declares them.</summary>
    internal interface IHostedScanReportApi
    {
        /// <summary>The file of one of a scan's results[], in that result's content type; the body is streamed by the caller.</summary>
        [Get("/v1/results/{resultId}")]
        Task<HttpResponseMessage> GetResult(string resultId, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
