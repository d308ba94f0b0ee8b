using System;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Http;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>Save-ScanReport: the scan export, asked for again with backoff while it answers 201 (not ready), up to -Timeout.</summary>
    public sealed partial class ProjectDiscoveryClient : IReportDownloader
    {
        private IProjectDiscoveryReportApi? _reportApi;

        private IProjectDiscoveryReportApi ReportApi => _reportApi ??= _http.Api<IProjectDiscoveryReportApi>(ProjectDiscoveryJsonContext.Default.Options);

        public async Task<ReportResponse> OpenReportAsync(ReportRequest request, CancellationToken cancellationToken)
        {
            string type = ProjectDiscoveryReports.TypeOf(request.Format);
            string line = "GET /v1/scans/" + request.ScanId + "/export?type=" + type;
            var waited = Stopwatch.StartNew();
            var delay = ProjectDiscoveryReports.FirstDelay;
            int asked = 0;
            while (true)
            {
                var vendorRequest = new VendorRequest(RequestKind.Read) { NotFoundErrorId = ErrorIds.ReportNotFound, Target = request.ScanId };
                var response = await VendorHttpClient.ResponseAsync(ReportApi.Export(request.ScanId, type, vendorRequest, cancellationToken)).ConfigureAwait(false);
                asked++;
                if (response.StatusCode != HttpStatusCode.Created) return new ReportResponse(response, line);

                string? exportId;
                using (response)
                {
                    exportId = await ExportIdAsync(response).ConfigureAwait(false);
                }

                var left = request.Timeout - waited.Elapsed;
                if (left <= TimeSpan.Zero || delay > left)
                {
                    throw new ScanPSError(
                        ErrorIds.ReportNotReady,
                        ScanPSErrorCategory.OperationTimeout,
                        "The ProjectDiscovery " + type + " export of scan " + request.ScanId + " (export id " + (exportId ?? "not given") + ") was not ready after " +
                        asked + " request" + (asked == 1 ? string.Empty : "s") + " in " + Math.Round(waited.Elapsed.TotalSeconds) + " s (-Timeout " + request.Timeout.TotalSeconds + " s). Nothing was downloaded.",
                        exportId ?? request.ScanId)
                    { RecommendedAction = "Run the command again later, or with a longer -Timeout. (That asking again delivers the export is UNCONFIRMED: the spec has no call that fetches an export by its id.)" }.ToException();
                }

                _http.Log.Verbose("ProjectDiscovery export " + (exportId ?? "(no id)") + " of scan " + request.ScanId + " is not ready (201); asking again in " + delay.TotalSeconds + " s.");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, ProjectDiscoveryReports.MaxDelay.Ticks));
            }
        }
    }
}
