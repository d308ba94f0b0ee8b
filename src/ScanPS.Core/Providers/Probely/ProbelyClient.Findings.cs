using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Models;

namespace ScanPS.Providers.Probely
{
    /// <summary>
    /// Get-ScanFinding for Probely: GET /targets/{target}/findings/?scan={id} when the scan's target is known (the
    /// vendor's quickstart call), else the account-level GET /findings/?scan={id}; page by page (length 100) until
    /// page_total. -Severity goes out as severity (10 low, 20 medium, 30 high, 40 critical; Probely has no info level, so
    /// a -Severity with Info is applied by ScanPS) and -Status as state (Open: notfixed and retesting; Fixed: fixed;
    /// Accepted: accepted; FalsePositive: invalid; Closed or Unknown: applied by ScanPS). A finding belongs to the
    /// target and lists every scan that found it, so it may be older than the scan. An unknown scan id has no findings:
    /// the listing is empty, not a 404 (UNCONFIRMED for the real API).
    /// </summary>
    public sealed partial class ProbelyClient : IFindingReader
    {
        private IProbelyFindingsApi? _findingsApi;

        private IProbelyFindingsApi FindingsApi => _findingsApi ??= _http.Api<IProbelyFindingsApi>(Bodies);

        /// <summary>state values for -Status (the vendor's states: notfixed, invalid, accepted, fixed, retesting).</summary>
        internal static readonly KeyValuePair<string, FindingStatus>[] StatusTable =
        {
            new KeyValuePair<string, FindingStatus>("notfixed", FindingStatus.Open),
            new KeyValuePair<string, FindingStatus>("retesting", FindingStatus.Open),
            new KeyValuePair<string, FindingStatus>("fixed", FindingStatus.Fixed),
            new KeyValuePair<string, FindingStatus>("accepted", FindingStatus.Accepted),
            new KeyValuePair<string, FindingStatus>("invalid", FindingStatus.FalsePositive),
        };

        public async IAsyncEnumerable<ScanFinding> ReadFindingsAsync(FindingQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            string? targetId = query.TargetId == null ? null : ResourceIds.CheckTargetId(query.TargetId, _http.Provider);
            var severity = FindingQuery.VendorValues(query.Severities, ProbelyFindingMapper.SeverityTable);
            var state = FindingQuery.VendorValues(query.Statuses, StatusTable);
            long read = 0;
            for (int page = 1; ; page++)
            {
                var request = new VendorRequest(RequestKind.Read) { NotFoundErrorId = ErrorIds.TargetNotFound, Target = targetId ?? query.ScanId };
                var call = targetId == null
                    ? FindingsApi.ListFindings(query.ScanId, page, PageLength, severity, state, request, cancellationToken)
                    : FindingsApi.ListTargetFindings(targetId, query.ScanId, page, PageLength, severity, state, request, cancellationToken);
                var wire = await _http.ReadJsonAsync(call, request, ProbelyFindingJsonContext.Default.ProbelyWireFindingPage, cancellationToken).ConfigureAwait(false);
                if (wire.Results == null) throw Invalid(request, "the findings page has no \"results\" array.");
                foreach (var item in wire.Results)
                {
                    if (item != null) yield return ProbelyFindingMapper.ToFinding(item, query.ScanId);
                }

                read += wire.Results.Count;
                bool more = wire.PageTotal.HasValue ? page < wire.PageTotal.Value
                    : wire.Count.HasValue ? read < wire.Count.Value
                    : wire.Results.Count >= PageLength;
                if (!more || wire.Results.Count == 0) yield break;
            }
        }
    }
}
