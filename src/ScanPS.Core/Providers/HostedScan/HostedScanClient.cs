using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Auth;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Models;

namespace ScanPS.Providers.HostedScan
{
    /// <summary>
    /// HostedScan REST API v1 (https://api.hostedscan.com): create, list (cursor paging) and get scans.
    /// Auth is the X-HOSTEDSCAN-API-KEY header; every answer is wrapped in {"data": ...}.
    /// </summary>
    public sealed partial class HostedScanClient : IScanReader, IScanCreator, IConnectionValidator
    {
        public static readonly Uri DefaultBaseUri = new Uri("https://api.hostedscan.com/");
        public const string ApiKeyHeader = "X-HOSTEDSCAN-API-KEY";

        private readonly VendorHttpClient _http;
        private readonly IHostedScanApi _api;

        public HostedScanClient(VendorHttpClient http)
        {
            _http = http;
            _api = http.Api<IHostedScanApi>(HostedScanJsonContext.Default.Options);
        }

        public static Action<HttpRequestMessage> Authorizer(ApiKeyCredential credential) =>
            message => HeaderValue.Add(message, ApiKeyHeader, credential.Reveal());

        public async Task<Scan?> CreateScanAsync(NewScanRequest request, CancellationToken cancellationToken)
        {
            var body = Prepare(request);
            var vendorRequest = new VendorRequest(RequestKind.Create);
            var envelope = await _http.ReadJsonAsync(_api.CreateScan(body, vendorRequest, cancellationToken), vendorRequest, HostedScanJsonContext.Default.HostedScanScanEnvelope, cancellationToken).ConfigureAwait(false);
            return ToScan(envelope.Data, vendorRequest);
        }

        public async Task<Scan> GetScanAsync(string id, CancellationToken cancellationToken)
        {
            var vendorRequest = new VendorRequest(RequestKind.Read) { NotFoundErrorId = ErrorIds.ScanNotFound, Target = id };
            var envelope = await _http.ReadJsonAsync(_api.GetScan(id, vendorRequest, cancellationToken), vendorRequest, HostedScanJsonContext.Default.HostedScanScanEnvelope, cancellationToken).ConfigureAwait(false);
            return ToScan(envelope.Data, vendorRequest);
        }

        /// <summary>HostedScan has no cheaper authenticated read than the first page of scans.</summary>
        public async Task ValidateCredentialAsync(CancellationToken cancellationToken)
        {
            using var response = await VendorHttpClient.ResponseAsync(_api.ListScans(null, null, new VendorRequest(RequestKind.Read), cancellationToken)).ConfigureAwait(false);
        }

        public async IAsyncEnumerable<Scan> ListScansAsync(ScanListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            // Built before the first request so a bad filter is an error before anything is sent.
            string? filters = FiltersJson(query);
            string? pageToken = null;
            var seenTokens = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                var vendorRequest = new VendorRequest(RequestKind.Read);
                var page = await _http.ReadJsonAsync(_api.ListScans(filters, pageToken, vendorRequest, cancellationToken), vendorRequest, HostedScanJsonContext.Default.HostedScanListEnvelope, cancellationToken).ConfigureAwait(false);
                string relative = vendorRequest.RelativeUri;
                if (page.Data == null)
                {
                    // "data": null with no next page is an empty account, as some servers encode an empty list;
                    // an answer with no "data" key at all (a gateway's {"status":"ok"}) is not a listing.
                    if (page.HasData && string.IsNullOrEmpty(page.NextPageToken)) yield break;
                    throw VendorErrors.InvalidResponse(_http.Provider, vendorRequest, new Uri(_http.BaseUri, relative), "the listing has no \"data\" array.").ToException();
                }

                foreach (var scan in page.Data)
                {
                    if (scan == null)
                    {
                        throw VendorErrors.InvalidResponse(_http.Provider, vendorRequest, new Uri(_http.BaseUri, relative), "the listing has a null entry where a scan should be.").ToException();
                    }

                    yield return scan;
                }

                if (string.IsNullOrEmpty(page.NextPageToken)) yield break;
                if (!seenTokens.Add(page.NextPageToken!))
                {
                    // A server that hands back a token it already gave would page forever.
                    throw VendorErrors.InvalidResponse(_http.Provider, vendorRequest, new Uri(_http.BaseUri, relative), "next_page_token repeats an earlier page.").ToException();
                }

                pageToken = page.NextPageToken;
            }
        }

        /// <summary>"?filters=&lt;URL-encoded JSON&gt;" as the vendor documents it, or "" without filters.</summary>
        public static string FiltersQuery(ScanListQuery query)
        {
            string? json = FiltersJson(query);
            return json == null ? string.Empty : "?filters=" + Uri.EscapeDataString(json);
        }

        /// <summary>The filters as the JSON object the query's filters parameter carries, or null without filters.</summary>
        public static string? FiltersJson(ScanListQuery query)
        {
            var filters = new HostedScanFilters
            {
                State = NullIfEmpty(HostedScanVocabulary.ToVendorStates(query.States)),
                Type = NullIfEmpty(query.Types.Select(t => t.Trim().ToUpperInvariant()).Where(t => t.Length > 0).Distinct().ToArray()),
                ScheduledBy = NullIfEmpty(query.ScheduledBy.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().ToArray()),
            };
            if (filters.State == null && filters.Type == null && filters.ScheduledBy == null) return null;
            return JsonSerializer.Serialize(filters, HostedScanJsonContext.Default.HostedScanFilters);
        }

        private static string[]? NullIfEmpty(string[] values) => values.Length == 0 ? null : values;

        internal static HostedScanCreateBody Prepare(NewScanRequest request)
        {
            if (!(request is HostedScanNewScanRequest hosted))
            {
                throw new ArgumentException("HostedScan takes a HostedScanNewScanRequest.", nameof(request));
            }

            string type = (hosted.Type ?? string.Empty).Trim().ToUpperInvariant();
            if (!HostedScanVocabulary.CreateTypes.Contains(type))
            {
                throw new ScanPSError(
                    ErrorIds.InvalidScanType,
                    ScanPSErrorCategory.InvalidArgument,
                    "'" + hosted.Type + "' is not a HostedScan scan type. Use one of: " + string.Join(", ", HostedScanVocabulary.CreateTypes) + ".",
                    hosted.Type)
                { RecommendedAction = "Pass -Type with one of the listed values (it tab-completes)." }.ToException();
            }

            var body = new HostedScanCreateBody
            {
                Type = type,
                Targets = RequestValues.Clean(hosted.Targets),
                TargetIds = RequestValues.Clean(hosted.TargetIds),
                Tags = RequestValues.Clean(hosted.Tags),
                UseAuthentication = hosted.UseAuthentication,
            };
            foreach (var targetId in body.TargetIds ?? new string[0]) ResourceIds.CheckTargetId(targetId, ProviderNames.HostedScan);
            if (body.Targets == null && body.TargetIds == null && body.Tags == null)
            {
                throw new ScanPSError(
                    ErrorIds.NoScanTargets,
                    ScanPSErrorCategory.InvalidArgument,
                    "A HostedScan scan needs targets: pass -Target, -TargetId or -Tag (or pipe objects with a Target, TargetId or Tag property).")
                { RecommendedAction = "Add -Target example.com, -TargetId <id> or -Tag <tag>." }.ToException();
            }

            return body;
        }

        private HostedScanScan ToScan(HostedScanScan? scan, VendorRequest request)
        {
            if (scan == null || string.IsNullOrEmpty(scan.Id))
            {
                throw VendorErrors.InvalidResponse(_http.Provider, request, new Uri(_http.BaseUri, request.RelativeUri), "the answer has no \"data\" scan with an id.").ToException();
            }

            return scan;
        }
    }
}
