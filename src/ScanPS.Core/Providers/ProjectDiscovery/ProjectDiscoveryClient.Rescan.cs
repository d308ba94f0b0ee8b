using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Models;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>
    /// Start-ScanFromScan: POST /v1/scans/{scan_id}/rescan, then GET /v1/scans/{id} of the scan it names (the answer
    /// has the create shape: an id and a message). Whether the platform re-runs under a new id or the same one is
    /// UNCONFIRMED; the scan the answer names is the one written.
    /// </summary>
    public sealed partial class ProjectDiscoveryClient : IScanRelauncher
    {
        private IProjectDiscoveryRescanApi? _rescanApi;

        private IProjectDiscoveryRescanApi RescanApi => _rescanApi ??= _http.Api<IProjectDiscoveryRescanApi>(ProjectDiscoveryJsonContext.Default.Options);

        public async Task<Scan> RelaunchScanAsync(string scanId, CancellationToken cancellationToken)
        {
            var request = new VendorRequest(RequestKind.Create) { NotFoundErrorId = ErrorIds.ScanNotFound, Target = scanId };
            var answer = await _http.ReadJsonAsync(RescanApi.Rescan(scanId, request, cancellationToken), request, ProjectDiscoveryJsonContext.Default.ProjectDiscoveryCreateResponse, cancellationToken).ConfigureAwait(false);
            // The spec's TriggerUserScanResponse requires only "message"; without an id, the earlier scan is what was re-run.
            string id = string.IsNullOrWhiteSpace(answer.Id) ? scanId : answer.Id!.Trim();
            try
            {
                return await GetScanAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (ScanPSException ex)
            {
                // The rescan started: failing here would read as "not started" and invite a second one.
                _http.Log.Warning("The rescan of " + scanId + " started (scan " + id + "), but reading its state failed (" + ex.Error.ErrorId + ": " + ex.Message + "). Run Get-Scan -Provider ProjectDiscovery -Id " + id + " later.");
                return new ProjectDiscoveryScan(id) { TeamId = _teamId, IsRescan = true };
            }
        }
    }
}
