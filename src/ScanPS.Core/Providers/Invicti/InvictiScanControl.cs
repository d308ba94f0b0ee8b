using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Models;

namespace ScanPS.Providers.Invicti
{
    /// <summary>
    /// Wait-Scan and Stop-Scan for Invicti: GET scans/status/{id} per poll (state and steps, the cheapest call), one
    /// GET scans/detail/{id} once the scan is finished; POST scans/cancel, where only a 200 "Ok" means cancelled.
    /// </summary>
    public sealed partial class InvictiClient : IScanStatusReader, IScanStopper
    {
        private IInvictiScanControlApi? _control;

        private IInvictiScanControlApi Control => _control ??= _http.Api<IInvictiScanControlApi>(InvictiScanControlJsonContext.Default.Options);

        /// <summary>
        /// GET scans/status/{id}. The percentage is CompletedSteps of EstimatedSteps (the status model has no
        /// Percentage; UNCONFIRMED that the vendor's detail Percentage is computed the same way).
        /// </summary>
        public async Task<ScanPoll> PollScanAsync(ScanReference scan, CancellationToken cancellationToken)
        {
            var request = new VendorRequest(RequestKind.Read) { NotFoundErrorId = ErrorIds.ScanNotFound, Target = scan.Id };
            var status = await _http.ReadJsonAsync(Control.GetStatus(scan.Id, request, cancellationToken), request, InvictiScanControlJsonContext.Default.InvictiWireScanStatus, cancellationToken).ConfigureAwait(false);
            if (status == null || string.IsNullOrEmpty(status.State))
            {
                throw Invalid(request, "the status has no \"State\".");
            }

            var seen = new InvictiScan(scan.Id)
            {
                State = InvictiVocabulary.Normalise(status.State),
                VendorState = status.State,
                CompletedSteps = status.CompletedSteps,
                EstimatedSteps = status.EstimatedSteps,
                EstimatedLaunchTime = status.EstimatedLaunchTime,
            };
            int? percent = status.EstimatedSteps > 0 && status.CompletedSteps.HasValue
                ? (int)Math.Round(100.0 * status.CompletedSteps.Value / status.EstimatedSteps.Value)
                : (int?)null;
            return new ScanPoll(seen, percent) { RetryAfter = request.RetryAfter };
        }

        /// <summary>The one detail call at the end: the full ScanTaskModel of the finished scan.</summary>
        public Task<Scan> FinishedScanAsync(ScanReference scan, ScanPoll lastPoll, CancellationToken cancellationToken) =>
            GetScanAsync(scan.Id, cancellationToken);

        /// <summary>
        /// POST scans/cancel with the bare JSON string id. The answer is always a CancelResult string: "Ok" is the only
        /// success; ScanNotFound is ScanNotFound, every other value (ScanCompleted, ScanNotRunning, ScanCancelled,
        /// ScanFailed, ScanQueued, ScanNotPaused) is ScanNotStopped with that reason.
        /// </summary>
        public async Task<Scan?> StopScanAsync(ScanReference scan, CancellationToken cancellationToken)
        {
            var request = new VendorRequest(RequestKind.Create) { NotFoundErrorId = ErrorIds.ScanNotFound, Target = scan.Id };
            using var response = await VendorHttpClient.ResponseAsync(Control.Cancel(scan.Id, request, cancellationToken)).ConfigureAwait(false);
            string body = (await response.Content.ReadAsStringAsync().ConfigureAwait(false)).Trim();
            string? result = CancelResult(body);
            if (result == null)
            {
                throw Invalid(request, "the answer is not a CancelResult string.");
            }

            if (string.Equals(result, "Ok", StringComparison.OrdinalIgnoreCase)) return null;
            bool notFound = string.Equals(result, "ScanNotFound", StringComparison.OrdinalIgnoreCase);
            throw new ScanPSError(
                notFound ? ErrorIds.ScanNotFound : ErrorIds.ScanNotStopped,
                notFound ? ScanPSErrorCategory.ObjectNotFound : ScanPSErrorCategory.InvalidOperation,
                "Invicti did not cancel scan " + scan.Id + ": it answered " + result + ".",
                scan.Id)
            {
                StatusCode = (int)response.StatusCode,
                Details = result,
                RecommendedAction = notFound
                    ? "Check the id; Get-Scan -Provider Invicti lists what exists."
                    : "Get-Scan -Provider Invicti -Id " + scan.Id + " shows the scan's state; only a scan in progress can be cancelled.",
            }.ToException();
        }

        /// <summary>The CancelResult of a JSON string body ("Ok"), or a bare word; null when it is neither.</summary>
        internal static string? CancelResult(string body)
        {
            if (body.StartsWith("\"", StringComparison.Ordinal))
            {
                try
                {
                    return JsonSerializer.Deserialize(body, InvictiScanControlJsonContext.Default.String)?.Trim();
                }
                catch (JsonException)
                {
                    return null;
                }
            }

            foreach (char c in body)
            {
                if (!char.IsLetter(c)) return null;
            }

            return body.Length == 0 ? null : body;
        }
    }

    /// <summary>ApiScanStatusModel of GET scans/status/{id}.</summary>
    internal sealed class InvictiWireScanStatus
    {
        public int? CompletedSteps { get; set; }

        public int? EstimatedLaunchTime { get; set; }

        public int? EstimatedSteps { get; set; }

        public string? State { get; set; }
    }

    [JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
    [JsonSerializable(typeof(InvictiWireScanStatus))]
    [JsonSerializable(typeof(string))]
    internal sealed partial class InvictiScanControlJsonContext : JsonSerializerContext
    {
    }
}
