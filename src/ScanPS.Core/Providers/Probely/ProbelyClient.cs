using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Auth;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Models;

namespace ScanPS.Providers.Probely
{
    /// <summary>
    /// Probely REST API (https://api.probely.com, regional hosts): bulk-create and list scheduled scans. Auth is
    /// "Authorization: JWT &lt;key&gt;"; every documented path ends with '/', which is kept.
    /// </summary>
    public sealed partial class ProbelyClient : IScheduledScanCreator, IConnectionValidator
    {
        public const string BulkScheduledScansPath = "scheduledscans/bulk/";

        public const string ScheduledScansPath = "scheduledscans/";

        /// <summary>UNCONFIRMED: Probely documents no maximum page length; 100 keeps the pages few and small.</summary>
        public const int PageLength = 100;

        /// <summary>
        /// UTF-8 JSON without the default HTML-safe escaping, so date_time's offset goes out as "+00:00" rather than
        /// "\u002B00:00" (both are valid JSON; the plain one is what -Debug shows and what the vendor's examples use).
        /// </summary>
        private static readonly JsonSerializerOptions Bodies = new JsonSerializerOptions(ProbelyJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private readonly VendorHttpClient _http;
        private readonly IProbelyApi _api;

        public ProbelyClient(VendorHttpClient http)
        {
            _http = http;
            _api = http.Api<IProbelyApi>(Bodies);
        }

        /// <summary>The scheme is JWT, not Bearer (the key itself is a JWT).</summary>
        public static Action<HttpRequestMessage> Authorizer(ApiKeyCredential credential) =>
            message => HeaderValue.Add(message, "Authorization", "JWT " + credential.Reveal());

        /// <summary>The cheapest authenticated read: the first target of the account (GET /targets/?length=1).</summary>
        public async Task ValidateCredentialAsync(CancellationToken cancellationToken)
        {
            using var response = await VendorHttpClient.ResponseAsync(_api.ListTargets(1, 1, new VendorRequest(RequestKind.Read), cancellationToken)).ConfigureAwait(false);
        }

        public async Task<IReadOnlyList<ScheduledScan>> CreateScheduledScansAsync(IReadOnlyList<string> targetIds, ScheduledScanSchedule schedule, CancellationToken cancellationToken)
        {
            if (!(schedule is ProbelySchedule probely)) throw new ArgumentException("Probely takes a ProbelySchedule.", nameof(schedule));
            var ids = targetIds.ToArray();
            var request = new VendorRequest(RequestKind.Create)
            {
                Target = ids,
                DescribeError = body => ProbelyFieldErrors.Describe(body, ids),
            };

            // UNCONFIRMED: the answer's status (200 or 201) and wrapper are not documented; any 2xx with a JSON
            // array (or a DRF page {"results": [...]}) is accepted.
            var answer = await _http.ReadJsonAsync(_api.CreateScheduledScans(Body(ids, probely), request, cancellationToken), request, ProbelyJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
            JsonElement items = answer;
            if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("results", out var results)) items = results;
            if (items.ValueKind != JsonValueKind.Array) throw Invalid(request, "expected a JSON array of scheduled scans, got " + answer.ValueKind + ".");

            List<ProbelyWireScheduledScan>? wire;
            try
            {
                wire = JsonSerializer.Deserialize(items, ProbelyJsonContext.Default.ListProbelyWireScheduledScan);
            }
            catch (JsonException ex)
            {
                throw Invalid(request, ex.Message, ex);
            }

            var created = new List<ScheduledScan>();
            foreach (var item in wire ?? new List<ProbelyWireScheduledScan>())
            {
                if (item == null || string.IsNullOrEmpty(item.Id)) throw Invalid(request, "a scheduled scan in the answer has no id.");
                created.Add(ProbelyMapper.ToScheduledScan(item));
            }

            return created;
        }

        /// <summary>
        /// GET /scheduledscans/?page=N&amp;length=100 until page_total (then count, then a short page) says it was the
        /// last; the account's scheduled scans, in the vendor's order.
        /// </summary>
        public async Task<IReadOnlyList<ScheduledScan>> ListScheduledScansAsync(CancellationToken cancellationToken)
        {
            var all = new List<ScheduledScan>();
            long read = 0;
            for (int page = 1; ; page++)
            {
                var request = new VendorRequest(RequestKind.Read);
                var wire = await _http.ReadJsonAsync(_api.ListScheduledScans(page, PageLength, request, cancellationToken), request, ProbelyJsonContext.Default.ProbelyWireScheduledScanPage, cancellationToken).ConfigureAwait(false);
                if (wire.Results == null) throw Invalid(request, "the listing has no \"results\" array.");
                foreach (var item in wire.Results)
                {
                    if (item != null && !string.IsNullOrEmpty(item.Id)) all.Add(ProbelyMapper.ToScheduledScan(item));
                }

                read += wire.Results.Count;
                bool more = wire.PageTotal.HasValue ? page < wire.PageTotal.Value
                    : wire.Count.HasValue ? read < wire.Count.Value
                    : wire.Results.Count >= PageLength;
                if (!more || wire.Results.Count == 0) return all;
            }
        }

        internal static ProbelyBulkCreateBody Body(IEnumerable<string> targetIds, ProbelySchedule schedule)
        {
            bool onWeekday = schedule.DayOfWeek.HasValue;
            return new ProbelyBulkCreateBody
            {
                Targets = targetIds.Select(id => new ProbelyTargetRef { Id = id }).ToList(),
                ScheduledScan = new ProbelyScheduleBody
                {
                    DateTime = schedule.WireDateTime,
                    Recurrence = ProbelyVocabulary.RecurrenceCode(schedule.Recurrence),
                    TimeZone = schedule.TimeZone.IanaName,
                    RunOnDayOfWeek = onWeekday,
                    ScheduledDayOfWeek = onWeekday ? ProbelyVocabulary.DayNumber(schedule.DayOfWeek!.Value) : (int?)null,
                    WeekIndex = onWeekday ? ProbelyVocabulary.WeekIndexCode(schedule.WeekIndex!.Value) : null,
                    PartialScan = schedule.PartialScan,
                    OverrideTargetSettings = schedule.OverrideTargetSettings,
                    Incremental = schedule.Incremental,
                    ReducedScope = schedule.ReducedScope,
                    ScanProfile = schedule.ScanProfile,
                },
            };
        }

        private Errors.ScanPSException Invalid(VendorRequest request, string problem, Exception? inner = null) =>
            VendorErrors.InvalidResponse(_http.Provider, request, new Uri(_http.BaseUri, request.RelativeUri), problem, inner).ToException();
    }
}
