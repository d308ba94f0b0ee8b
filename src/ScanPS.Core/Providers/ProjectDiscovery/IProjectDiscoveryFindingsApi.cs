using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>
    /// ProjectDiscovery scan results (OpenAPI get-v1-scans-scan_id-export, get-v1-results), as Refit declares them, over
    /// the same transport as <see cref="IProjectDiscoveryApi"/>.
    /// </summary>
    internal interface IProjectDiscoveryFindingsApi
    {
        /// <summary>200 application/octet-stream (the file), or 201 {export_id} when it is not ready. async is never sent.</summary>
        [Get("/v1/scans/{id}/export")]
        Task<HttpResponseMessage> ExportScan(string id, string type, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        /// <summary>One offset/limit page of the account's results (there is no scan_id parameter); null filters are left out.</summary>
        [Get("/v1/scans/results")]
        Task<HttpResponseMessage> ListResults(long offset, int limit, string? severity, [AliasAs("vuln_status")] string? vulnStatus, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
