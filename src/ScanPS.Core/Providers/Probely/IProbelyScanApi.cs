using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.Probely
{
    /// <summary>
    /// Probely's scans (Get-Scan, New-Scan, Start-ScanFromScan), as Refit declares them; every documented path ends
    /// with '/', which is kept. The transport adds "Authorization: JWT &lt;key&gt;".
    /// </summary>
    internal interface IProbelyScanApi
    {
        /// <summary>One page of the account's scans; <paramref name="status"/> is repeated (status=a&amp;status=b), left out when null.</summary>
        [Get("/scans/")]
        Task<HttpResponseMessage> ListScans(int page, int length, string ordering, [Query(CollectionFormat.Multi)] string[]? status, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        /// <summary>One scan by its id alone (account-level; UNCONFIRMED on the live API beyond vendor-apis.md §4).</summary>
        [Get("/scans/{id}/")]
        Task<HttpResponseMessage> GetScan(string id, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        [Post("/targets/{targetId}/scan_now/")]
        Task<HttpResponseMessage> ScanNow(string targetId, [Body(BodySerializationMethod.Serialized, true)] ProbelyScanNowBody body, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
