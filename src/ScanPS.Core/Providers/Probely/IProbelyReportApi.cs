using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.Probely
{
    /// <summary>The scan report of the Probely OpenAPI 1.2.0 (components/responses/Report), as Refit declares it.</summary>
    internal interface IProbelyReportApi
    {
        /// <summary>"Scan report PDF, using the report type specified for the target" (application/pdf; DOCX when the target says so, UNCONFIRMED).</summary>
        [Get("/targets/{targetId}/scans/{scanId}/report/")]
        Task<HttpResponseMessage> ScanReport(string targetId, string scanId, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
