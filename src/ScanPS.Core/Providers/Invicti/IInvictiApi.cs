using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.Invicti
{
    /// <summary>
    /// Invicti Enterprise API 1.0 (the Swagger document's /api/1.0 paths), as Refit declares it (implementation generated
    /// at build time). The transport adds the Basic authorization header.
    /// </summary>
    internal interface IInvictiApi
    {
        /// <summary>The body is the scan id as a bare JSON string ("…", the Swagger body parameter is {type: string, format: uuid}).</summary>
        [Post("/api/1.0/scans/newfromscan")]
        Task<HttpResponseMessage> NewFromScan([Body(BodySerializationMethod.Serialized, true)] string scanId, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        [Get("/api/1.0/scans/detail/{id}")]
        Task<HttpResponseMessage> GetScan(string id, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        [Get("/api/1.0/scans/list")]
        Task<HttpResponseMessage> ListScans(int page, int pageSize, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        [Get("/api/1.0/scans/listbystate")]
        Task<HttpResponseMessage> ListScansByState(string scanTaskState, int page, int pageSize, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
