using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using ScanPS.Http;

namespace ScanPS.Providers.Invicti
{
    /// <summary>
    /// Invicti's per-scan findings (Swagger: scans/report, scans/result/{id}, vulnerability/list, scans/detail/{id}), as
    /// Refit declares them, over the same transport as <see cref="IInvictiApi"/>.
    /// </summary>
    internal interface IInvictiFindingsApi
    {
        /// <summary>The scan's report: id, type and format are required (Vulnerabilities + Json for the findings).</summary>
        [Get("/api/1.0/scans/report/")]
        Task<HttpResponseMessage> ScanReport(string id, string type, string format, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        /// <summary>VulnerabilityModel[] (IssueUrl, Title, Type, Url) of the scan, unpaged.</summary>
        [Get("/api/1.0/scans/result/{id}")]
        Task<HttpResponseMessage> ScanResult(string id, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        /// <summary>The scan task, read here only for its ReportPolicyId.</summary>
        [Get("/api/1.0/scans/detail/{id}")]
        Task<HttpResponseMessage> ScanDetail(string id, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);

        /// <summary>VulnerabilityTemplate[] of the report policy (null: the account's default, the parameter is left out).</summary>
        [Get("/api/1.0/vulnerability/list")]
        Task<HttpResponseMessage> VulnerabilityTemplates(string? reportPolicyId, [Property(VendorHttpClient.RequestProperty)] VendorRequest request, CancellationToken cancellationToken);
    }
}
