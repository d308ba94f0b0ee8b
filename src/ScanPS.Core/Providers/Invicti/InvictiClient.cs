using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Auth;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Models;

namespace ScanPS.Providers.Invicti
{
    /// <summary>
    /// Invicti Enterprise API 1.0 (Swagger 2.0 "Invicti Enterprise API" v1): launch a scan from an earlier scan,
    /// list scans (all, or by state; page/pageSize paging), get one scan. Basic auth with API user id and token.
    /// </summary>
    public sealed partial class InvictiClient : IScanReader, IScanRelauncher, IConnectionValidator
    {
        /// <summary>The documented (US) cloud host; EU and on-premises installations are reached with -BaseUri.</summary>
        public static readonly Uri DefaultBaseUri = new Uri("https://www.netsparkercloud.com/");

        /// <summary>Every path of the API starts with this (the Swagger document's paths are /api/1.0/...).</summary>
        public const string ApiRoot = "/api/1.0";

        /// <summary>The largest page the vendor allows ("Page size can be any value between 1 and 200").</summary>
        public const int PageSize = 200;

        private readonly VendorHttpClient _http;
        private readonly IInvictiApi _api;

        public InvictiClient(VendorHttpClient http)
        {
            _http = http;
            _api = http.Api<IInvictiApi>(InvictiJsonContext.Default.Options);
        }

        /// <summary>The Basic header value: base64("&lt;API user id&gt;:&lt;API token&gt;") (Swagger securityDefinitions basic).</summary>
        internal static string BasicValue(ApiKeyCredential credential) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes((credential.UserName ?? string.Empty) + ":" + credential.Reveal()));

        public static Action<HttpRequestMessage> Authorizer(ApiKeyCredential credential) =>
            message => HeaderValue.Add(message, "Authorization", "Basic " + BasicValue(credential));

        /// <summary>POST scans/newfromscan with the scan id as the bare JSON string body; 201 + ScanTaskModel.</summary>
        public async Task<Scan> RelaunchScanAsync(string scanId, CancellationToken cancellationToken)
        {
            // The body parameter "id" is {type: string, format: uuid}: the body is "…", not {"id": "…"}.
            var request = new VendorRequest(RequestKind.Create) { NotFoundErrorId = ErrorIds.ScanNotFound, Target = scanId };
            var answer = await _http.ReadJsonAsync(_api.NewFromScan(scanId, request, cancellationToken), request, InvictiJsonContext.Default.InvictiLaunchAnswer, cancellationToken).ConfigureAwait(false);
            if (answer.Result != null)
            {
                // 2xx, but a result string instead of the new scan: the vendor refused.
                throw InvictiErrors.FromResultString(answer.Result, scanId, 200).ToException();
            }

            return ToScan(answer.Scan, request);
        }

        /// <summary>GET scans/detail/{id}.</summary>
        public async Task<Scan> GetScanAsync(string id, CancellationToken cancellationToken)
        {
            string scanId = InvictiVocabulary.NormaliseScanId(id);
            var request = new VendorRequest(RequestKind.Read) { NotFoundErrorId = ErrorIds.ScanNotFound, Target = id };
            var wire = await _http.ReadJsonAsync(_api.GetScan(scanId, request, cancellationToken), request, InvictiJsonContext.Default.InvictiWireScanTask, cancellationToken).ConfigureAwait(false);
            return ToScan(wire, request);
        }

        /// <summary>
        /// GET scans/list, or scans/listbystate once per requested state (the vendor filters by one state at a time),
        /// page by page (pageSize 200) while HasNextPage; each page is requested only when the caller wants more.
        /// </summary>
        public async IAsyncEnumerable<Scan> ListScansAsync(ScanListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            // Mapped before the first request, so a bad -State is an error before anything is sent.
            var states = InvictiVocabulary.ToVendorStates(query.States);
            // null: scans/list; a state: scans/listbystate for it.
            var listings = new List<string?>();
            if (states.Length == 0) listings.Add(null);
            listings.AddRange(states);

            foreach (var state in listings)
            {
                for (int page = 1; ; page++)
                {
                    var request = new VendorRequest(RequestKind.Read);
                    var call = state == null
                        ? _api.ListScans(page, PageSize, request, cancellationToken)
                        : _api.ListScansByState(state, page, PageSize, request, cancellationToken);
                    var result = await _http.ReadJsonAsync(call, request, InvictiJsonContext.Default.InvictiWireScanTaskList, cancellationToken).ConfigureAwait(false);
                    if (result.List == null)
                    {
                        throw Invalid(request, "the page has no \"List\" array.");
                    }

                    // TotalItemCount counts the whole series; a listing of several states has no one total.
                    if (page == 1 && listings.Count == 1 && result.TotalItemCount.HasValue) query.TotalCount = result.TotalItemCount;

                    foreach (var wire in result.List)
                    {
                        yield return ToScan(wire, request);
                    }

                    if (!HasNextPage(result, page)) break;
                    if (result.List.Count == 0)
                    {
                        // An empty page that claims a next page would make us page forever.
                        throw Invalid(request, "HasNextPage is true on an empty page.");
                    }
                }
            }
        }

        /// <summary>
        /// HasNextPage when the answer has it; else the other fields of the same documented wrapper (IsLastPage,
        /// PageNumber/PageCount), so a server that leaves HasNextPage out is not cut short at the first page.
        /// </summary>
        private static bool HasNextPage(InvictiWireScanTaskList result, int page)
        {
            if (result.HasNextPage.HasValue) return result.HasNextPage.Value;
            if (result.IsLastPage.HasValue) return !result.IsLastPage.Value;
            // Our own page counter, not the answer's PageNumber: a server that ignores page= must not be asked forever.
            if (result.PageCount.HasValue) return page < result.PageCount.Value;
            return false;
        }

        /// <summary>The cheapest authenticated read: the first page of one scan.</summary>
        public async Task ValidateCredentialAsync(CancellationToken cancellationToken)
        {
            using var response = await VendorHttpClient.ResponseAsync(_api.ListScans(1, 1, new VendorRequest(RequestKind.Read), cancellationToken)).ConfigureAwait(false);
        }

        private InvictiScan ToScan(InvictiWireScanTask? wire, VendorRequest request)
        {
            if (wire == null || string.IsNullOrEmpty(wire.Id))
            {
                throw Invalid(request, "a scan has no \"Id\".");
            }

            return InvictiMapper.ToScan(wire);
        }

        private ScanPSException Invalid(VendorRequest request, string problem) =>
            VendorErrors.InvalidResponse(_http.Provider, request, new Uri(_http.BaseUri, request.RelativeUri), problem).ToException();
    }
}
