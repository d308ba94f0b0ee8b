using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Models;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>
    /// ProjectDiscovery Cloud Platform API (https://api.projectdiscovery.io, OpenAPI "PDCP API" 1.0): create a scan,
    /// list scans (offset/limit paging) and read one. Auth is X-API-Key, team scoping the optional X-Team-Id.
    /// </summary>
    public sealed partial class ProjectDiscoveryClient : IScanReader, IScanCreator, IConnectionValidator
    {
        public static readonly Uri DefaultBaseUri = new Uri("https://api.projectdiscovery.io/");

        /// <summary>UNCONFIRMED: the docs give no default or maximum limit; 100 keeps a page small and requests few.</summary>
        public const int PageSize = 100;

        private readonly VendorHttpClient _http;
        private readonly IProjectDiscoveryApi _api;
        private readonly string? _teamId;

        /// <summary>A client over the session's HTTP pipeline; <paramref name="teamId"/> is the X-Team-Id it sends (null: none), which every scan it reads records.</summary>
        public ProjectDiscoveryClient(VendorHttpClient http, string? teamId = null)
        {
            _http = http;
            _teamId = teamId;
            _api = http.Api<IProjectDiscoveryApi>(ProjectDiscoveryJsonContext.Default.Options);
            _http.DescribeRefusal = ProjectDiscoveryErrors.Enrich;
        }

        public async Task<Scan?> CreateScanAsync(NewScanRequest request, CancellationToken cancellationToken)
        {
            var pd = Expect(request);
            var body = Prepare(pd);
            RedactProxyCredentials(body.Socks5Proxy);
            var vendorRequest = new VendorRequest(RequestKind.Create);
            var created = await _http.ReadJsonAsync(_api.CreateScan(body, vendorRequest, cancellationToken), vendorRequest, ProjectDiscoveryJsonContext.Default.ProjectDiscoveryCreateResponse, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(created.Id))
            {
                // The spec requires only "message" in TriggerUserScanResponse: the scan was accepted but cannot be shown.
                _http.Log.Warning("ProjectDiscovery accepted the scan" + (string.IsNullOrEmpty(created.Message) ? string.Empty : " (\"" + created.Message + "\")") +
                    " but its answer names no scan id, so New-Scan has no scan to write. Find it with Get-Scan -Provider ProjectDiscovery" +
                    (string.IsNullOrEmpty(body.Name) ? string.Empty : " -Search '" + body.Name!.Replace("'", "''") + "'") + " before running New-Scan again.");
                return null;
            }

            string id = created.Id!.Trim();
            int truncated = created.TruncatedScanTargets ?? 0;
            if (truncated > 0)
            {
                _http.Log.Warning("ProjectDiscovery dropped " + truncated + " of the " + (body.Targets?.Length ?? 0) +
                    " requested targets of scan " + id + " (truncated-scan-targets: the plan's target limit was reached); the scan runs without them.");
            }

            ProjectDiscoveryScan scan = new ProjectDiscoveryScan(id) { Name = body.Name };
            if (pd.Refresh)
            {
                try
                {
                    scan = (ProjectDiscoveryScan)await GetScanAsync(id, cancellationToken).ConfigureAwait(false);
                }
                catch (ScanPSException ex)
                {
                    // The scan exists: failing here, even on a dropped connection, would read as "not created" and
                    // invite a duplicate. Only Ctrl+C (OperationCanceledException) ends the command without it.
                    _http.Log.Warning("Scan " + id + " was created, but reading its state failed (" + ex.Error.ErrorId + ": " + ex.Message + "). Run Get-Scan -Provider ProjectDiscovery -Id " + id + " later.");
                }
            }

            scan.TruncatedTargetCount = created.TruncatedScanTargets;
            scan.TeamId = _teamId;
            return scan;
        }

        public async Task<Scan> GetScanAsync(string id, CancellationToken cancellationToken)
        {
            var vendorRequest = new VendorRequest(RequestKind.Read) { NotFoundErrorId = ErrorIds.ScanNotFound, Target = id };
            var wire = await _http.ReadJsonAsync(_api.GetScan(id, vendorRequest, cancellationToken), vendorRequest, ProjectDiscoveryJsonContext.Default.ProjectDiscoveryWireScan, cancellationToken).ConfigureAwait(false);
            return ToScan(wire, vendorRequest);
        }

        /// <summary>
        /// Streams GET /v1/scans page by page (offset/limit). The API filters on one status, so a -State that maps to
        /// several statuses is listed one status after the other. query.TotalCount is set from total_results before
        /// the first scan when the listing is a single series.
        /// </summary>
        public async IAsyncEnumerable<Scan> ListScansAsync(ScanListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            // Mapped before the first request so a bad filter is an error before anything is sent.
            string[] statuses = ProjectDiscoveryVocabulary.ToVendorStates(query.States);
            string? search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search!.Trim();
            var series = statuses.Length == 0 ? new string?[] { null } : statuses.Select(s => (string?)s).ToArray();
            foreach (var status in series)
            {
                long offset = 0;
                string? previousFirstId = null;
                while (true)
                {
                    var vendorRequest = new VendorRequest(RequestKind.Read);
                    var page = await _http.ReadJsonAsync(_api.ListScans(offset, PageSize, status, search, vendorRequest, cancellationToken), vendorRequest, ProjectDiscoveryJsonContext.Default.ProjectDiscoveryListResponse, cancellationToken).ConfigureAwait(false);
                    string relative = vendorRequest.RelativeUri;
                    if (page.Data == null)
                    {
                        // A Go server encodes an empty list as null: with "total_results": 0 that is an empty listing.
                        if (page.HasData && page.TotalResults == 0)
                        {
                            if (offset == 0 && series.Length == 1) query.TotalCount = page.TotalResults;
                            break;
                        }

                        throw VendorErrors.InvalidResponse(_http.Provider, vendorRequest, new Uri(_http.BaseUri, relative), "the listing has no \"data\" array.").ToException();
                    }

                    if (offset == 0 && series.Length == 1 && page.TotalResults.HasValue) query.TotalCount = page.TotalResults;
                    if (page.Data.Count == 0) break;

                    string? firstId = page.Data[0].ScanId;
                    if (offset > 0 && firstId != null && firstId == previousFirstId)
                    {
                        // A server that ignores offset would hand back the same page forever.
                        throw VendorErrors.InvalidResponse(_http.Provider, vendorRequest, new Uri(_http.BaseUri, relative), "offset " + offset + " repeats the previous page.").ToException();
                    }

                    previousFirstId = firstId;
                    foreach (var wire in page.Data)
                    {
                        yield return ToScan(wire, vendorRequest);
                    }

                    offset += page.Data.Count;
                    // total_results is required by the spec; without it a short page is the last one.
                    bool more = page.TotalResults.HasValue ? offset < page.TotalResults.Value : page.Data.Count >= PageSize;
                    if (!more) break;
                }
            }
        }

        /// <summary>The cheapest authenticated read: one scan of the listing (team header included).</summary>
        public async Task ValidateCredentialAsync(CancellationToken cancellationToken)
        {
            using var response = await VendorHttpClient.ResponseAsync(_api.ListScans(0, 1, null, null, new VendorRequest(RequestKind.Read), cancellationToken)).ConfigureAwait(false);
        }

        /// <summary>"v1/scans?offset=0&amp;limit=100[&amp;status=running][&amp;search=…]".</summary>
        public static string ListUri(long offset, string? status, string? search) =>
            "v1/scans?offset=" + offset.ToString(System.Globalization.CultureInfo.InvariantCulture) + "&limit=" + PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) +
            (status != null ? "&status=" + Uri.EscapeDataString(status) : string.Empty) +
            (search != null ? "&search=" + Uri.EscapeDataString(search) : string.Empty);

        /// <summary>Checks and converts the request into the wire body (no request, no credential needed).</summary>
        internal static ProjectDiscoveryCreateBody Prepare(NewScanRequest request)
        {
            var pd = Expect(request);
            string? behavior = Blank(pd.AgentBehavior);
            if (behavior != null)
            {
                behavior = ProjectDiscoveryVocabulary.AgentBehaviors.FirstOrDefault(b => string.Equals(b, behavior, StringComparison.OrdinalIgnoreCase))
                    ?? throw new ScanPSError(ErrorIds.InvalidAgentBehavior, ScanPSErrorCategory.InvalidArgument,
                        "'" + pd.AgentBehavior + "' is not an agent behaviour. Use one of: " + string.Join(", ", ProjectDiscoveryVocabulary.AgentBehaviors) + ".", pd.AgentBehavior)
                    { RecommendedAction = "Pass -AgentBehavior distribute or mirror." }.ToException();
            }

            var body = new ProjectDiscoveryCreateBody
            {
                Name = Blank(pd.Name),
                Targets = RequestValues.Clean(pd.Targets),
                Assets = RequestValues.Clean(pd.Assets),
                Templates = RequestValues.Clean(pd.Templates),
                PrivateTemplates = pd.PrivateTemplates.Count == 0 ? null : pd.PrivateTemplates.Select(t => new ProjectDiscoveryWirePrivateTemplate { Name = t.Name, Contents = t.Contents }).ToArray(),
                EarlyTemplates = RequestValues.Clean(pd.EarlyTemplates),
                Recommended = pd.Recommended,
                All = pd.AllTemplates,
                Exclusions = RequestValues.Clean(pd.Exclusions),
                ExcludeTargets = RequestValues.Clean(pd.ExcludeTargets),
                EnumerationIds = RequestValues.Clean(pd.EnumerationIds)?.Select(id => new ProjectDiscoveryWireEnumerationId { Id = id }).ToArray(),
                ScanAllAssets = pd.ScanAllAssets,
                AssetFilters = ProjectDiscoveryAssetFilters.ToJson(pd.AssetFilters),
                AlertingConfigIds = RequestValues.Clean(pd.AlertingConfigIds),
                ScanConfigIds = RequestValues.Clean(pd.ScanConfigIds),
                ReportingConfigIds = RequestValues.Clean(pd.ReportingConfigIds),
                DisableGlobalAlertConfig = pd.DisableGlobalAlertConfig,
                DisableGlobalReportConfig = pd.DisableGlobalReportConfig,
                DisableGlobalScanConfig = pd.DisableGlobalScanConfig,
                ScheduleOnly = pd.ScheduleOnly,
                Socks5Proxy = Blank(pd.Socks5Proxy),
                AgentId = Blank(pd.AgentId),
                AgentTags = RequestValues.Clean(pd.AgentTags),
                AgentNetworks = RequestValues.Clean(pd.AgentNetworks),
                AgentBehavior = behavior,
                AutomaticScan = pd.AutomaticScan,
            };

            // UNCONFIRMED: the spec marks no field required; a scan without anything to scan is refused here
            // rather than sent. Templates are not required: the docs do not say what the platform does without them.
            if (body.Targets == null && body.Assets == null && body.EnumerationIds == null && body.ScanAllAssets != true && body.AssetFilters == null)
            {
                throw new ScanPSError(
                    ErrorIds.NoScanTargets,
                    ScanPSErrorCategory.InvalidArgument,
                    "A ProjectDiscovery scan needs something to scan: pass -Target, -Asset, -EnumerationId, -ScanAllAssets or -AssetFilter (or pipe objects with a Target property).")
                { RecommendedAction = "Add -Target example.com (or -Asset, -EnumerationId, -ScanAllAssets)." }.ToException();
            }

            return body;
        }

        /// <summary>
        /// socks5://user:password@host:port: the user info, and the password alone, must not reach -Debug body logs or
        /// error text in any encoding. Read from the text, not System.Uri: a password with '/' or '#' in it, as typed,
        /// is not a valid URI, and would otherwise escape redaction whole.
        /// </summary>
        private void RedactProxyCredentials(string? proxy)
        {
            if (proxy == null) return;
            int start = proxy.IndexOf("://", StringComparison.Ordinal);
            int at = proxy.LastIndexOf('@');
            if (start < 0 || at <= start + 3) return;
            string userInfo = proxy.Substring(start + 3, at - start - 3);
            int colon = userInfo.IndexOf(':');
            string? password = colon < 0 ? null : userInfo.Substring(colon + 1);
            foreach (var secret in new[] { userInfo, Unescape(userInfo), password, password == null ? null : Unescape(password) }.Distinct())
            {
                if (!string.IsNullOrEmpty(secret)) _http.Log.AddRedaction(SecretPattern.Redaction(secret));
            }
        }

        private static string Unescape(string text)
        {
            try
            {
                return Uri.UnescapeDataString(text);
            }
            catch (UriFormatException)
            {
                return text;
            }
        }

        private static ProjectDiscoveryNewScanRequest Expect(NewScanRequest request) =>
            request as ProjectDiscoveryNewScanRequest ?? throw new ArgumentException("ProjectDiscovery takes a ProjectDiscoveryNewScanRequest.", nameof(request));

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();


        private ProjectDiscoveryScan ToScan(ProjectDiscoveryWireScan? wire, VendorRequest request)
        {
            if (wire == null || string.IsNullOrEmpty(wire.ScanId))
            {
                throw VendorErrors.InvalidResponse(_http.Provider, request, new Uri(_http.BaseUri, request.RelativeUri), "a scan has no \"scan_id\".").ToException();
            }

            var scan = ProjectDiscoveryMapper.ToScan(wire);
            scan.TeamId = _teamId;
            return scan;
        }
    }
}
