using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Models;

namespace ScanPS.Providers.HostedScan
{
    /// <summary>
    /// Get-ScanFinding for HostedScan: the risk ids the scan lists (risks.new_open, still_open, closed), resolved with as
    /// few requests as the API allows. GET /v1/risks has no scan filter, so it is asked for the scan's requested targets
    /// and scan type (ceil(n/500) pages instead of n requests) and only the scan's own ids are kept; paging stops once
    /// every id was seen. Ids the listing did not return (whether its filters are ANDed is UNCONFIRMED) are read one by
    /// one with GET /v1/risks/{id}, <see cref="RiskLookupConcurrency"/> at a time. Every finding carries the scan's own
    /// verdict (ScanStatus; Status Closed for risks.closed). -Severity and -Status are applied by ScanPS: the scan's
    /// status is not a vendor filter.
    /// </summary>
    public sealed partial class HostedScanClient : IFindingReader
    {
        /// <summary>How many GET /v1/risks/{id} requests may be in flight at once (the vendor documents no rate limit; kept small).</summary>
        public const int RiskLookupConcurrency = 4;

        private IHostedScanFindingsApi? _findingsApi;

        private IHostedScanFindingsApi FindingsApi => _findingsApi ??= _http.Api<IHostedScanFindingsApi>(HostedScanFindingJsonContext.Default.Options);

        public async IAsyncEnumerable<ScanFinding> ReadFindingsAsync(FindingQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            // A piped scan carries its risk lists; an id alone (or an Import-Csv row) is read first.
            var scan = query.Scan as HostedScanScan ?? (HostedScanScan)await GetScanAsync(query.ScanId, cancellationToken).ConfigureAwait(false);
            var ids = scan.NewOpenRiskIds.Concat(scan.StillOpenRiskIds).Concat(scan.ClosedRiskIds)
                .Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToList();
            if (ids.Count == 0) yield break;

            var found = new HashSet<string>(StringComparer.Ordinal);
            string filters = HostedScanFindingMapper.FiltersFor(scan);
            string? pageToken = null;
            var seenTokens = new HashSet<string>(StringComparer.Ordinal);
            while (found.Count < ids.Count)
            {
                var request = new VendorRequest(RequestKind.Read);
                var page = await _http.ReadJsonAsync(FindingsApi.ListRisks(filters, pageToken, request, cancellationToken), request, HostedScanFindingJsonContext.Default.HostedScanRiskListEnvelope, cancellationToken).ConfigureAwait(false);
                if (page.Data == null) throw InvalidRisks(request, "the risk listing has no \"data\" array.");
                foreach (var finding in HostedScanFindingMapper.ToFindings(scan, page.Data))
                {
                    if (found.Add(finding.Id)) yield return finding;
                }

                if (string.IsNullOrEmpty(page.NextPageToken)) break;
                if (!seenTokens.Add(page.NextPageToken!)) throw InvalidRisks(request, "next_page_token repeats an earlier page.");
                pageToken = page.NextPageToken;
            }

            var missing = ids.Where(id => !found.Contains(id)).ToList();
            if (missing.Count > 0)
            {
                _http.Log.Verbose("HostedScan: " + missing.Count + " risk(s) of scan " + scan.Id + " were not in the filtered /v1/risks listing; reading them one by one.");
            }

            for (int start = 0; start < missing.Count; start += RiskLookupConcurrency)
            {
                var batch = missing.Skip(start).Take(RiskLookupConcurrency).ToList();
                var risks = await Task.WhenAll(batch.Select(id => GetRiskAsync(scan.Id, id, cancellationToken))).ConfigureAwait(false);
                for (int i = 0; i < batch.Count; i++)
                {
                    if (risks[i] != null) yield return HostedScanFindingMapper.ToFinding(risks[i]!, scan.Id, HostedScanFindingMapper.ScanStatusOf(scan, batch[i]));
                }
            }
        }

        /// <summary>GET /v1/risks/{id}; a risk the scan lists but the account no longer has (404) is a warning and left out.</summary>
        private async Task<HostedScanWireRisk?> GetRiskAsync(string scanId, string riskId, CancellationToken cancellationToken)
        {
            var request = new VendorRequest(RequestKind.Read) { Target = riskId };
            try
            {
                var envelope = await _http.ReadJsonAsync(FindingsApi.GetRisk(riskId, request, cancellationToken), request, HostedScanFindingJsonContext.Default.HostedScanRiskEnvelope, cancellationToken).ConfigureAwait(false);
                if (envelope.Data == null || string.IsNullOrEmpty(envelope.Data.Id)) throw InvalidRisks(request, "the answer has no \"data\" risk with an id.");
                return envelope.Data;
            }
            catch (ScanPSException ex) when (ex.Error.Category == ScanPSErrorCategory.ObjectNotFound)
            {
                _http.Log.Warning("HostedScan has no risk " + riskId + " (404), though scan " + scanId + " lists it; it is left out.");
                return null;
            }
        }

        private ScanPSException InvalidRisks(VendorRequest request, string problem) =>
            VendorErrors.InvalidResponse(_http.Provider, request, new Uri(_http.BaseUri, request.RelativeUri), problem).ToException();
    }
}
