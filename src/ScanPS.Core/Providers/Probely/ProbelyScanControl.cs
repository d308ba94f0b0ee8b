using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Models;

namespace ScanPS.Providers.Probely
{
    /// <summary>
    /// Wait-Scan and Stop-Scan for Probely: a poll is GET /targets/{target}/scans/{id}/ when the scan's target is
    /// known (piped ProbelyScan, -TargetId), else the account-level GET /scans/{id}/; a stop is
    /// POST /targets/{target}/scans/{id}/cancel/, which answers the Scan (canceling, then canceled).
    /// Probely reports no percentage, so progress shows the state.
    /// </summary>
    public sealed partial class ProbelyClient : IScanStatusReader, IScanStopper
    {
        private IProbelyScanControlApi? _control;

        private IProbelyScanControlApi Control => _control ??= _http.Api<IProbelyScanControlApi>(ProbelyScanJsonContext.Default.Options);

        public async Task<ScanPoll> PollScanAsync(ScanReference scan, CancellationToken cancellationToken)
        {
            var request = new VendorRequest(RequestKind.Read) { NotFoundErrorId = ErrorIds.ScanNotFound, Target = scan.Id };
            var call = string.IsNullOrEmpty(scan.TargetId)
                ? ScanApi.GetScan(scan.Id, request, cancellationToken)
                : Control.GetTargetScan(scan.TargetId!, scan.Id, request, cancellationToken);
            var wire = await _http.ReadJsonAsync(call, request, ProbelyScanJsonContext.Default.ProbelyWireScan, cancellationToken).ConfigureAwait(false);
            return new ScanPoll(ToScan(wire, request), null) { RetryAfter = request.RetryAfter };
        }

        /// <summary>The poll read the whole scan: nothing more to ask.</summary>
        public Task<Scan> FinishedScanAsync(ScanReference scan, ScanPoll lastPoll, CancellationToken cancellationToken) =>
            Task.FromResult(lastPoll.Scan);

        /// <summary>POST cancel/ (never retried once it may have arrived); a refusal (400 {"error"}) surfaces Probely's message.</summary>
        public async Task<Scan?> StopScanAsync(ScanReference scan, CancellationToken cancellationToken)
        {
            var request = new VendorRequest(RequestKind.Create) { NotFoundErrorId = ErrorIds.ScanNotFound, Target = scan.Id };
            var wire = await _http.ReadJsonAsync(Control.Cancel(scan.TargetId ?? string.Empty, scan.Id, request, cancellationToken), request, ProbelyScanJsonContext.Default.ProbelyWireScan, cancellationToken).ConfigureAwait(false);
            return ToScan(wire, request);
        }
    }
}
