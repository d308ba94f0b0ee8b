using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Models;

namespace ScanPS.Providers.HostedScan
{
    /// <summary>Save-ScanReport: GET /v1/scans/{id} for its results[], then GET /v1/results/{result id} of the requested format.</summary>
    public sealed partial class HostedScanClient : IReportDownloader
    {
        private IHostedScanReportApi? _reportApi;

        private IHostedScanReportApi ReportApi => _reportApi ??= _http.Api<IHostedScanReportApi>(HostedScanJsonContext.Default.Options);

        public async Task<ReportResponse> OpenReportAsync(ReportRequest request, CancellationToken cancellationToken)
        {
            var scan = (HostedScanScan)await GetScanAsync(request.ScanId, cancellationToken).ConfigureAwait(false);
            var wanted = HostedScanReports.ContentTypes(request.Format);
            var result = scan.Results.FirstOrDefault(r => r.ResultId != null && wanted.Contains(HostedScanReports.MediaType(r.ContentType), StringComparer.OrdinalIgnoreCase));
            if (result == null)
            {
                string has = scan.Results.Count == 0 ? "no results yet (state " + scan.VendorState + ")" : "only " + string.Join(", ", scan.Results.Select(r => HostedScanReports.FormatOf(r.ContentType)).Distinct());
                throw new ScanPSError(
                    ErrorIds.ReportNotFound,
                    ScanPSErrorCategory.ObjectNotFound,
                    "HostedScan scan " + request.ScanId + " has no " + request.Format + " result: it has " + has + ". Nothing was downloaded.",
                    request.ScanId)
                { RecommendedAction = scan.Results.Count == 0 ? "Wait until the scan has finished, then run the command again." : "Pass -Format " + HostedScanReports.FormatOf(scan.Results[0].ContentType) + "." }.ToException();
            }

            var vendorRequest = new VendorRequest(RequestKind.Read) { NotFoundErrorId = ErrorIds.ReportNotFound, Target = request.ScanId };
            var response = await VendorHttpClient.ResponseAsync(ReportApi.GetResult(result.ResultId!, vendorRequest, cancellationToken)).ConfigureAwait(false);
            return new ReportResponse(response, "GET /v1/results/" + result.ResultId);
        }
    }
}
