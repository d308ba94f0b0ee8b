using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.Invicti
{
    /// <summary>Wait-Scan's and Stop-Scan's Invicti calls (Swagger Scans_Status, Scans_Cancel), over the same transport as <see cref="IInvictiApi"/>.</summary>
    internal interface IInvictiScanControlApi
    {
        /// <summary>200 ApiScanStatusModel {CompletedSteps, EstimatedLaunchTime, EstimatedSteps, State}.</summary>
        [Get("/api/1.0/scans/status/{id}")]
        Task<HttpResponseMessage> GetStatus(string id, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        /// <summary>The body is the scan id as a bare JSON string (body parameter {type: string, format: uuid}); 200 a CancelResult string.</summary>
        [Post("/api/1.0/scans/cancel")]
        Task<HttpResponseMessage> Cancel([Body(BodySerializationMethod.Serialized, true)] string scanId, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
