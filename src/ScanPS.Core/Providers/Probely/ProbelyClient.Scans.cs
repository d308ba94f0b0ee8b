using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Models;

namespace ScanPS.Providers.Probely
{
    /// <summary>
    /// Probely scans: list the account's scans (GET /scans/, page/length paging, status filter) and read one by its id
    /// alone (GET /scans/{id}/).
    /// </summary>
    public sealed partial class ProbelyClient : IScanReader, IScanCreator, IScanRelauncher
    {
        /// <summary>Newest first, as the other providers list (UNCONFIRMED: the vendor's default order is not documented).</summary>
        public const string ScanOrdering = "-created";

        private IProbelyScanApi? _scanApi;

        private IProbelyScanApi ScanApi => _scanApi ??= _http.Api<IProbelyScanApi>(ProbelyScanJsonContext.Default.Options);

        /// <summary>
        /// GET /scans/{id}/: the account-level read that needs no target id (vendor-apis.md §4 lists it beside
        /// GET /targets/{target_id}/scans/{id}/; UNCONFIRMED on the live API).
        /// </summary>
        public async Task<Scan> GetScanAsync(string id, CancellationToken cancellationToken)
        {
            var request = new VendorRequest(RequestKind.Read) { NotFoundErrorId = ErrorIds.ScanNotFound, Target = id };
            var wire = await _http.ReadJsonAsync(ScanApi.GetScan(id, request, cancellationToken), request, ProbelyScanJsonContext.Default.ProbelyWireScan, cancellationToken).ConfigureAwait(false);
            return ToScan(wire, request);
        }

        /// <summary>
        /// GET /scans/?page=N&amp;length=100&amp;ordering=-created[&amp;status=…] page by page while page &lt; page_total (else
        /// while the pages add up to less than count, else while a page is full); count is the total, set on
        /// query.TotalCount before the first scan. Each page is asked for only when the caller wants more.
        /// </summary>
        public async IAsyncEnumerable<Scan> ListScansAsync(ScanListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            // Mapped before the first request, so a bad -State is an error before anything is sent.
            string[] states = ProbelyScanVocabulary.Filter.ToVendorStates(query.States);
            string[]? status = states.Length == 0 ? null : states;
            long read = 0;
            for (int page = 1; ; page++)
            {
                var request = new VendorRequest(RequestKind.Read);
                var wire = await _http.ReadJsonAsync(ScanApi.ListScans(page, PageLength, ScanOrdering, status, request, cancellationToken), request, ProbelyScanJsonContext.Default.ProbelyWireScanPage, cancellationToken).ConfigureAwait(false);
                if (wire.Results == null) throw Invalid(request, "the listing has no \"results\" array.");
                if (page == 1 && wire.Count.HasValue) query.TotalCount = wire.Count;
                foreach (var item in wire.Results)
                {
                    yield return ToScan(item, request);
                }

                read += wire.Results.Count;
                bool more = wire.PageTotal.HasValue ? page < wire.PageTotal.Value
                    : wire.Count.HasValue ? read < wire.Count.Value
                    : wire.Results.Count >= PageLength;
                if (!more) yield break;
                // An empty page that claims more would make us page forever.
                if (wire.Results.Count == 0) throw Invalid(request, "page " + page + " is empty but the listing says more follow.");
            }
        }

        /// <summary>New-Scan: POST /targets/{target_id}/scan_now/ with {} or {"scan_profile": "…"}; 200 + the new scan.</summary>
        public async Task<Scan?> CreateScanAsync(NewScanRequest request, CancellationToken cancellationToken)
        {
            if (!(request is ProbelyNewScanRequest probely) || probely.TargetIds.Count != 1)
            {
                throw new ArgumentException("Probely takes a ProbelyNewScanRequest of one target (one of its Parts()).", nameof(request));
            }

            return await ScanNowAsync(probely.TargetIds[0], probely.ScanProfile, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Start-ScanFromScan: Probely has no re-run endpoint, so the scan is read (GET /scans/{id}/) for its target and
        /// profile, and a scan_now of that target with that profile starts the new scan. Only the read may be retried.
        /// </summary>
        public async Task<Scan> RelaunchScanAsync(string scanId, CancellationToken cancellationToken)
        {
            var earlier = (ProbelyScan)await GetScanAsync(scanId, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(earlier.TargetId))
            {
                var read = new VendorRequest(RequestKind.Read) { Target = scanId, RelativeUri = "scans/" + scanId + "/" };
                throw Invalid(read, "the scan has no target id, so it cannot be run again.");
            }

            return await ScanNowAsync(earlier.TargetId!, earlier.ScanProfile, cancellationToken).ConfigureAwait(false);
        }

        private async Task<ProbelyScan> ScanNowAsync(string targetId, string? scanProfile, CancellationToken cancellationToken)
        {
            var targets = new[] { targetId };
            var request = new VendorRequest(RequestKind.Create)
            {
                NotFoundErrorId = ErrorIds.TargetNotFound,
                Target = targetId,
                DescribeError = body => ProbelyFieldErrors.Describe(body, targets),
            };
            var body = new ProbelyScanNowBody { ScanProfile = scanProfile };
            var wire = await _http.ReadJsonAsync(ScanApi.ScanNow(targetId, body, request, cancellationToken), request, ProbelyScanJsonContext.Default.ProbelyWireScan, cancellationToken).ConfigureAwait(false);
            return ToScan(wire, request);
        }

        private ProbelyScan ToScan(ProbelyWireScan? wire, VendorRequest request)
        {
            if (wire == null || string.IsNullOrEmpty(wire.Id)) throw Invalid(request, "a scan has no \"id\".");
            return ProbelyScanMapper.ToScan(wire);
        }
    }
}
