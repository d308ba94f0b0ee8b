using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Models;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>
    /// Wait-Scan and Stop-Scan for ProjectDiscovery: GET /v1/scans/{id} is the status read (status and progress);
    /// POST /v1/scans/{id}/stop stops a queued, starting or running scan (it then reads "stopped").
    /// </summary>
    public sealed partial class ProjectDiscoveryClient : IScanStatusReader, IScanStopper
    {
        private IProjectDiscoveryScanControlApi? _control;

        private IProjectDiscoveryScanControlApi Control => _control ??= _http.Api<IProjectDiscoveryScanControlApi>(ProjectDiscoveryScanControlJsonContext.Default.Options);

        public async Task<ScanPoll> PollScanAsync(ScanReference scan, CancellationToken cancellationToken)
        {
            var vendorRequest = new VendorRequest(RequestKind.Read) { NotFoundErrorId = ErrorIds.ScanNotFound, Target = scan.Id };
            var wire = await _http.ReadJsonAsync(_api.GetScan(scan.Id, vendorRequest, cancellationToken), vendorRequest, ProjectDiscoveryJsonContext.Default.ProjectDiscoveryWireScan, cancellationToken).ConfigureAwait(false);
            var read = ToScan(wire, vendorRequest);
            return new ScanPoll(read, read.Progress) { RetryAfter = vendorRequest.RetryAfter };
        }

        /// <summary>The poll read the whole scan: nothing more to ask.</summary>
        public Task<Scan> FinishedScanAsync(ScanReference scan, ScanPoll lastPoll, CancellationToken cancellationToken) =>
            Task.FromResult(lastPoll.Scan);

        /// <summary>
        /// POST /v1/scans/{id}/stop. A 400 ErrorResponse ("scan is not running") surfaces the vendor's message; a 200 with
        /// ok: false (the spec's DeleteScansResponse has the flag) is a refusal too (ScanNotStopped).
        /// </summary>
        public async Task<Scan?> StopScanAsync(ScanReference scan, CancellationToken cancellationToken)
        {
            var vendorRequest = new VendorRequest(RequestKind.Create) { NotFoundErrorId = ErrorIds.ScanNotFound, Target = scan.Id };
            var answer = await _http.ReadJsonAsync(Control.StopScan(scan.Id, vendorRequest, cancellationToken), vendorRequest, ProjectDiscoveryScanControlJsonContext.Default.ProjectDiscoveryStopResponse, cancellationToken).ConfigureAwait(false);
            if (answer.Ok == false)
            {
                string reason = string.IsNullOrWhiteSpace(answer.Message) ? "ok: false" : answer.Message!.Trim();
                throw new ScanPSError(ErrorIds.ScanNotStopped, ScanPSErrorCategory.InvalidOperation,
                    "ProjectDiscovery did not stop scan " + scan.Id + ": " + reason + ".", scan.Id)
                {
                    StatusCode = 200,
                    Details = reason,
                    RecommendedAction = "Get-Scan -Provider ProjectDiscovery -Id " + scan.Id + " shows the scan's state; only a queued, starting or running scan can be stopped.",
                }.ToException();
            }

            return null;
        }
    }

    /// <summary>DeleteScansResponse (the answer of POST /v1/scans/{id}/stop): message required, ok optional.</summary>
    internal sealed class ProjectDiscoveryStopResponse
    {
        [JsonPropertyName("message")]
        public string? Message { get; set; }

        [JsonPropertyName("ok")]
        public bool? Ok { get; set; }
    }

    [JsonSerializable(typeof(ProjectDiscoveryStopResponse))]
    internal sealed partial class ProjectDiscoveryScanControlJsonContext : JsonSerializerContext
    {
    }
}
