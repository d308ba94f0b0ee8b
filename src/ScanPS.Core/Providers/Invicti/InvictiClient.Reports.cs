using System;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Http;

namespace ScanPS.Providers.Invicti
{
    /// <summary>Save-ScanReport: GET scans/report/?id=&amp;type=&amp;format=.</summary>
    public sealed partial class InvictiClient : IReportDownloader
    {
        private IInvictiReportApi? _reportApi;

        private IInvictiReportApi ReportApi => _reportApi ??= _http.Api<IInvictiReportApi>(InvictiJsonContext.Default.Options);

        public async Task<ReportResponse> OpenReportAsync(ReportRequest request, CancellationToken cancellationToken)
        {
            string type = request.ReportType ?? InvictiReports.DefaultType(request.Format);
            var vendorRequest = new VendorRequest(RequestKind.Read) { NotFoundErrorId = ErrorIds.ReportNotFound, Target = request.ScanId };
            var response = await VendorHttpClient.ResponseAsync(ReportApi.Report(request.ScanId, type, request.Format, vendorRequest, cancellationToken)).ConfigureAwait(false);
            return new ReportResponse(response, "GET " + ApiRoot + "/scans/report/?id=" + request.ScanId + "&type=" + type + "&format=" + request.Format);
        }
    }
}
