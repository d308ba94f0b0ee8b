using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Models;

namespace ScanPS.Providers.HostedScan
{
    /// <summary>
    /// Start-ScanFromScan for HostedScan, which documents no re-run endpoint: the earlier scan is read
    /// (GET /v1/scans/{id}) and a new scan of the same type and requested targets is created (POST /v1/scans), the
    /// targets by their saved ids (target_ids) where the scan names them, else by their text (targets).
    /// </summary>
    public sealed partial class HostedScanClient : IScanRelauncher
    {
        public async Task<Scan> RelaunchScanAsync(string scanId, CancellationToken cancellationToken)
        {
            var earlier = (HostedScanScan)await GetScanAsync(scanId, cancellationToken).ConfigureAwait(false);
            var ids = earlier.RequestedTargets.Where(t => !string.IsNullOrWhiteSpace(t.TargetId)).Select(t => t.TargetId!.Trim()).Distinct().ToArray();
            var texts = earlier.RequestedTargets.Where(t => string.IsNullOrWhiteSpace(t.TargetId) && !string.IsNullOrWhiteSpace(t.Target)).Select(t => t.Target!.Trim()).Distinct().ToArray();
            if (string.IsNullOrWhiteSpace(earlier.Type) || (ids.Length == 0 && texts.Length == 0))
            {
                throw new ScanPSError(ErrorIds.ScanNotRelaunched, ScanPSErrorCategory.InvalidOperation,
                    "HostedScan scan " + scanId + " names no " + (string.IsNullOrWhiteSpace(earlier.Type) ? "scan type" : "requested targets") + ", so no scan like it can be created. Nothing was sent.", scanId)
                { RecommendedAction = "Start the scan with New-Scan -Provider HostedScan -Type <type> -Target <targets>." }.ToException();
            }

            var body = new HostedScanCreateBody
            {
                Type = earlier.Type!.Trim().ToUpperInvariant(),
                TargetIds = ids.Length == 0 ? null : ids,
                Targets = texts.Length == 0 ? null : texts,
            };
            var request = new VendorRequest(RequestKind.Create) { Target = scanId };
            var envelope = await _http.ReadJsonAsync(_api.CreateScan(body, request, cancellationToken), request, HostedScanJsonContext.Default.HostedScanScanEnvelope, cancellationToken).ConfigureAwait(false);
            return ToScan(envelope.Data, request);
        }
    }
}
