using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.HostedScan
{
    /// <summary>
    /// HostedScan risks (hostedscan-docs-gitbook api/risks: list-risks.md, get-risk.md), as Refit declares them, over the
    /// same transport as <see cref="IHostedScanApi"/>.
    /// </summary>
    internal interface IHostedScanFindingsApi
    {
        /// <summary>One page (500): <paramref name="filters"/> is the JSON filter object, <paramref name="pageToken"/> the cursor (null on the first page).</summary>
        [Get("/v1/risks")]
        Task<HttpResponseMessage> ListRisks([Query] string? filters, [AliasAs("page_token")] string? pageToken, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        [Get("/v1/risks/{id}")]
        Task<HttpResponseMessage> GetRisk(string id, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
