using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>
    /// ProjectDiscovery Cloud Platform scans (OpenAPI "PDCP API" 1.0), as Refit declares them (implementation generated
    /// at build time). The transport adds X-API-Key and the optional X-Team-Id.
    /// </summary>
    internal interface IProjectDiscoveryApi
    {
        [Post("/v1/scans")]
        Task<HttpResponseMessage> CreateScan([Body(BodySerializationMethod.Serialized, true)] ProjectDiscoveryCreateBody body, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        [Get("/v1/scans/{id}")]
        Task<HttpResponseMessage> GetScan(string id, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        /// <summary>One page (offset/limit); <paramref name="status"/> and <paramref name="search"/> are left out when null.</summary>
        [Get("/v1/scans")]
        Task<HttpResponseMessage> ListScans(long offset, int limit, string? status, string? search, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
