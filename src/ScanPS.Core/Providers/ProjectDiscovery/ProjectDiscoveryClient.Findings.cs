using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Models;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>
    /// Get-ScanFinding for ProjectDiscovery: the scan's export, GET /v1/scans/{id}/export?type=json (the per-scan path the
    /// spec documents today; /v1/scans/result/{id} was removed), streamed and parsed row by row. A 201 {export_id} means
    /// "not ready": the same GET is asked again after <see cref="ExportRetryDelays"/> (no way to poll an export id is in
    /// the spec; that asking again then answers 200 is UNCONFIRMED). Still not ready: GET /v1/scans/results, paged, with
    /// -Severity and -Status sent as severity and vuln_status, keeping the rows whose scan_id is the scan (the call takes
    /// no scan id, so it walks the whole account). The export takes no filters on a GET: ScanPS applies them there.
    /// </summary>
    public sealed partial class ProjectDiscoveryClient : IFindingReader
    {
        /// <summary>The waits before asking for a not-ready export again; after the last, the results listing is read instead.</summary>
        public static readonly TimeSpan[] ExportRetryDelays = { TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) };

        /// <summary>Every severity the results call knows, sent when -Severity is not given (without it the spec default leaves info out).</summary>
        public const string AllSeverities = "info,unknown,low,medium,high,critical";

        private IProjectDiscoveryFindingsApi? _findingsApi;

        private IProjectDiscoveryFindingsApi FindingsApi => _findingsApi ??= _http.Api<IProjectDiscoveryFindingsApi>(ProjectDiscoveryFindingJsonContext.Default.Options);

        public async IAsyncEnumerable<ScanFinding> ReadFindingsAsync(FindingQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            string? exportId = null;
            for (int attempt = 0; ; attempt++)
            {
                var request = new VendorRequest(RequestKind.Read) { NotFoundErrorId = ErrorIds.ScanNotFound, Target = query.ScanId };
                var response = await VendorHttpClient.ResponseAsync(FindingsApi.ExportScan(query.ScanId, "json", request, cancellationToken)).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    using (response)
                    {
                        var rows = ReadRowsAsync(response, request, query.ScanId, cancellationToken).GetAsyncEnumerator(cancellationToken);
                        try
                        {
                            while (await rows.MoveNextAsync().ConfigureAwait(false)) yield return rows.Current;
                        }
                        finally
                        {
                            await rows.DisposeAsync().ConfigureAwait(false);
                        }
                    }

                    yield break;
                }

                using (response)
                {
                    exportId = await ExportIdAsync(response).ConfigureAwait(false) ?? exportId;
                }

                if (attempt >= ExportRetryDelays.Length) break;
                _http.Log.Verbose("ProjectDiscovery: the export of scan " + query.ScanId + " is not ready (201" + (exportId == null ? string.Empty : ", export_id " + exportId) + "); asking again in " + ExportRetryDelays[attempt].TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " s.");
                await Task.Delay(ExportRetryDelays[attempt], cancellationToken).ConfigureAwait(false);
            }

            _http.Log.Warning("The ProjectDiscovery export of scan " + query.ScanId + " was still not ready after " + (ExportRetryDelays.Length + 1) + " requests" +
                (exportId == null ? string.Empty : " (export_id " + exportId + ")") + "; reading /v1/scans/results instead, which has no scan filter: every result of the account is read and those of this scan kept.");
            await foreach (var finding in ReadResultsAsync(query, cancellationToken).ConfigureAwait(false))
            {
                yield return finding;
            }
        }

        /// <summary>The export's rows as findings; a body that breaks off or does not parse is InvalidResponse.</summary>
        private async IAsyncEnumerable<ScanFinding> ReadRowsAsync(HttpResponseMessage response, VendorRequest request, string scanId, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var url = response.RequestMessage?.RequestUri ?? new Uri(_http.BaseUri, request.RelativeUri);
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var rows = ProjectDiscoveryFindingMapper.ReadExportAsync(stream, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    ProjectDiscoveryWireResult row;
                    try
                    {
                        if (!await rows.MoveNextAsync().ConfigureAwait(false)) yield break;
                        row = rows.Current;
                    }
                    catch (JsonException ex)
                    {
                        throw VendorErrors.InvalidResponse(_http.Provider, request, url, "the export is not the JSON expected (" + ex.Message + ").", ex).ToException();
                    }
                    catch (Exception ex) when ((ex is IOException || ex is HttpRequestException) && !cancellationToken.IsCancellationRequested)
                    {
                        throw VendorErrors.InvalidResponse(_http.Provider, request, url, "the export ended early (" + ex.GetBaseException().Message + ").", ex).ToException();
                    }

                    yield return ProjectDiscoveryFindingMapper.ToFinding(row, scanId);
                }
            }
            finally
            {
                await rows.DisposeAsync().ConfigureAwait(false);
            }
        }

        /// <summary>GET /v1/scans/results page by page (limit <see cref="PageSize"/>), keeping the rows of the scan.</summary>
        private async IAsyncEnumerable<ScanFinding> ReadResultsAsync(FindingQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var severities = FindingQuery.VendorValues(query.Severities, ProjectDiscoveryFindingMapper.SeverityTable);
            string severity = severities == null ? AllSeverities : string.Join(",", severities);
            var statuses = FindingQuery.VendorValues(query.Statuses, StatusTable);
            string? vulnStatus = statuses == null ? null : string.Join(",", statuses);
            long offset = 0;
            while (true)
            {
                var request = new VendorRequest(RequestKind.Read);
                var page = await _http.ReadJsonAsync(FindingsApi.ListResults(offset, PageSize, severity, vulnStatus, request, cancellationToken), request, ProjectDiscoveryFindingJsonContext.Default.ProjectDiscoveryResultsResponse, cancellationToken).ConfigureAwait(false);
                if (page.Data == null)
                {
                    if (page.TotalResults == 0) yield break;
                    throw VendorErrors.InvalidResponse(_http.Provider, request, new Uri(_http.BaseUri, request.RelativeUri), "the results page has no \"data\" array.").ToException();
                }

                foreach (var row in page.Data)
                {
                    if (row != null && string.Equals(row.ScanId, query.ScanId, StringComparison.Ordinal)) yield return ProjectDiscoveryFindingMapper.ToFinding(row, query.ScanId);
                }

                offset += page.Data.Count;
                bool more = page.TotalResults.HasValue ? offset < page.TotalResults.Value : page.Data.Count >= PageSize;
                if (!more || page.Data.Count == 0) yield break;
            }
        }

        /// <summary>vuln_status values for -Status (open and fixed are the documented ones).</summary>
        private static readonly KeyValuePair<string, FindingStatus>[] StatusTable =
        {
            new KeyValuePair<string, FindingStatus>("open", FindingStatus.Open),
            new KeyValuePair<string, FindingStatus>("fixed", FindingStatus.Fixed),
        };

        private static async Task<string?> ExportIdAsync(HttpResponseMessage response)
        {
            try
            {
                string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                return JsonSerializer.Deserialize(text, ProjectDiscoveryFindingJsonContext.Default.ProjectDiscoveryExportPending)?.ExportId;
            }
            catch (Exception ex) when (ex is JsonException || ex is IOException || ex is HttpRequestException)
            {
                return null;
            }
        }
    }
}
