using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.Invicti
{
    /// <summary>The scan report of the Invicti Swagger document (operationId Scans_Report), as Refit declares it.</summary>
    internal interface IInvictiReportApi
    {
        /// <summary>GET /api/1.0/scans/report/?id=&amp;type=&amp;format= (all three required); 200 the file, 400, 404.</summary>
        [Get("/api/1.0/scans/report/")]
        Task<HttpResponseMessage> Report(string id, string type, string format, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
