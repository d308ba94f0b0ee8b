using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.Invicti
{
    /// <summary>
    /// Invicti's scan creation (New-Scan): Swagger operations Scans_New, Scans_NewWithProfile and ScanPolicies_Find, as
    /// Refit declares them. The transport adds the Basic authorization header.
    /// </summary>
    internal interface IInvictiScanCreationApi
    {
        /// <summary>NewScanTaskApiModel → 201 an array of ScanTaskModel (one per website scanned).</summary>
        [Post("/api/1.0/scans/new")]
        Task<HttpResponseMessage> NewScan([Body(BodySerializationMethod.Serialized, true)] InvictiNewScanBody body, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        /// <summary>NewScanTaskWithProfileApiModel {ProfileName!, TargetUri!} → 201 one ScanTaskModel.</summary>
        [Post("/api/1.0/scans/newwithprofile")]
        Task<HttpResponseMessage> NewScanWithProfile([Body(BodySerializationMethod.Serialized, true)] InvictiNewScanWithProfileBody body, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        /// <summary>ScanPolicies_Find: the policy of that name (ScanPolicySettingApiModel).</summary>
        [Get("/api/1.0/scanpolicies/get")]
        Task<HttpResponseMessage> FindScanPolicy(string name, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
