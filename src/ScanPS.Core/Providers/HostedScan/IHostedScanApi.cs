using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.HostedScan
{
    /// <summary>
    /// HostedScan REST API v1, as Refit declares it (implementation generated at build time). Every call passes its
    /// <see cref="VendorRequest"/> (kind, 404 id, target) to the transport, which adds the X-HOSTEDSCAN-API-KEY header.
    /// </summary>
    internal interface IHostedScanApi
    {
        [Post("/v1/scans")]
        Task<HttpResponseMessage> CreateScan([Body(BodySerializationMethod.Serialized, true)] HostedScanCreateBody body, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        [Get("/v1/scans/{id}")]
        Task<HttpResponseMessage> GetScan(string id, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        /// <summary>One page: <paramref name="filters"/> is the JSON filter object (null: none), <paramref name="pageToken"/> the cursor.</summary>
        [Get("/v1/scans")]
        Task<HttpResponseMessage> ListScans([Query] string? filters, [AliasAs("page_token")] string? pageToken, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
