using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Models;

namespace ScanPS.Providers.HostedScan
{
    /// <summary>
    /// Wait-Scan for HostedScan: GET /v1/scans/{id} is the cheapest status read (the full scan, with progress).
    /// HostedScan documents no call that stops a scan, so the client is no IScanStopper (Stop-Scan says so first).
    /// </summary>
    public sealed partial class HostedScanClient : IScanStatusReader
    {
        public async Task<ScanPoll> PollScanAsync(ScanReference scan, CancellationToken cancellationToken)
        {
            var vendorRequest = new VendorRequest(RequestKind.Read) { NotFoundErrorId = ErrorIds.ScanNotFound, Target = scan.Id };
            var envelope = await _http.ReadJsonAsync(_api.GetScan(scan.Id, vendorRequest, cancellationToken), vendorRequest, HostedScanJsonContext.Default.HostedScanScanEnvelope, cancellationToken).ConfigureAwait(false);
            var read = ToScan(envelope.Data, vendorRequest);
            return new ScanPoll(read, read.Progress) { RetryAfter = vendorRequest.RetryAfter };
        }

        /// <summary>The poll read the whole scan: nothing more to ask.</summary>
        public Task<Scan> FinishedScanAsync(ScanReference scan, ScanPoll lastPoll, CancellationToken cancellationToken) =>
            Task.FromResult(lastPoll.Scan);
    }
}
