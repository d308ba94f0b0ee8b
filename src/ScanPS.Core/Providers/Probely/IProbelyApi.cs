using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.Probely
{
    /// <summary>
    /// Probely REST API, as Refit declares it (implementation generated at build time); every documented path ends with
    /// '/', which is kept. The transport adds "Authorization: JWT &lt;key&gt;".
    /// </summary>
    internal interface IProbelyApi
    {
        [Get("/targets/")]
        Task<HttpResponseMessage> ListTargets(int page, int length, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        [Post("/" + ProbelyClient.BulkScheduledScansPath)]
        Task<HttpResponseMessage> CreateScheduledScans([Body(BodySerializationMethod.Serialized, true)] ProbelyBulkCreateBody body, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        [Get("/" + ProbelyClient.ScheduledScansPath)]
        Task<HttpResponseMessage> ListScheduledScans(int page, int length, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
