using System;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Http;

namespace ScanPS.Providers.Probely
{
    /// <summary>Save-ScanReport: GET /targets/{target}/scans/{scan}/report/; the extension follows the Content-Type.</summary>
    public sealed partial class ProbelyClient : IReportDownloader
    {
        private IProbelyReportApi? _reportApi;

        private IProbelyReportApi ReportApi => _reportApi ??= _http.Api<IProbelyReportApi>(Bodies);

        public async Task<ReportResponse> OpenReportAsync(ReportRequest request, CancellationToken cancellationToken)
        {
            string targetId = request.TargetId ?? throw new ArgumentException("Probely's report needs the target id.", nameof(request));
            var vendorRequest = new VendorRequest(RequestKind.Read) { NotFoundErrorId = ErrorIds.ReportNotFound, Target = request.ScanId };
            var response = await VendorHttpClient.ResponseAsync(ReportApi.ScanReport(targetId, request.ScanId, vendorRequest, cancellationToken)).ConfigureAwait(false);
            return new ReportResponse(response, "GET /targets/" + targetId + "/scans/" + request.ScanId + "/report/")
            {
                Extension = ReportFacts.ExtensionOfContentType(response.Content.Headers.ContentType?.MediaType),
            };
        }
    }
}
