using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.Probely
{
    /// <summary>
    /// Probely findings (1.2.0 spec "List target findings" and its quickstart; the account-level /findings/ the vendor
    /// CLI uses), as Refit declares them, over the same transport as <see cref="IProbelyApi"/>. Repeated filters go out
    /// form style, exploded (severity=30&amp;severity=40); null ones are left out.
    /// </summary>
    internal interface IProbelyFindingsApi
    {
        [Get("/findings/")]
        Task<HttpResponseMessage> ListFindings(string scan, int page, int length, [Query(CollectionFormat.Multi)] string[]? severity, [Query(CollectionFormat.Multi)] string[]? state, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        [Get("/targets/{targetId}/findings/")]
        Task<HttpResponseMessage> ListTargetFindings(string targetId, string scan, int page, int length, [Query(CollectionFormat.Multi)] string[]? severity, [Query(CollectionFormat.Multi)] string[]? state, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
