using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ScanPS.FakeVendors;

/// <summary>
/// The scan lifecycle of the Probely fake (issue 18), from vendor-apis.md §4 (Probely SDK and developers.probely.com;
/// no machine-readable spec): POST /targets/{target_id}/scan_now/ (200 Scan), GET /scans/ and
/// GET /targets/{target_id}/scans/ (page/length paging, status filter), GET /scans/{id}/ and
/// GET /targets/{target_id}/scans/{id}/, POST /targets/{target_id}/scans/{id}/cancel/ (200 Scan).
/// Moving scans go queued → started → finishing_up → completed (or started → failed), one step per ReadsPerStep
/// reads by id; a cancelled scan answers "canceling" and reads "canceled" from the next read on. See LIFECYCLE.md.
/// </summary>
public sealed partial class FakeProbely : ISandboxLifecycle
{
    /// <summary>The documented scan status values.</summary>
    public static readonly IReadOnlyList<string> ScanStatuses = new[]
    {
        "queued", "started", "under_review", "finishing_up", "completed", "completed_with_errors",
        "failed", "canceling", "canceled", "pausing", "paused", "resuming",
    };

    private static readonly HashSet<string> s_terminal = new(StringComparer.Ordinal) { "completed", "completed_with_errors", "failed", "canceled" };
    private static readonly DateTimeOffset s_scanEpoch = new(2024, 6, 25, 10, 21, 9, TimeSpan.Zero);

    private readonly List<ProbelyScan> _scans = new();
    private long _scanCounter;

    /// <summary>How created scans move; also settable through POST /_sandbox/lifecycle.</summary>
    public LifecycleOptions Lifecycle { get; } = new();

    /// <summary>
    /// Adds <paramref name="count"/> scans that never move by themselves, cycling over the registered targets (by id)
    /// and the twelve documented statuses; returns their ids in creation order.
    /// </summary>
    public IReadOnlyList<string> SeedScans(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        List<string> ids = new(count);
        lock (_gate)
        {
            string[] targets = _targets.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
            if (targets.Length == 0 && count > 0)
            {
                throw new InvalidOperationException("Add a target before seeding scans.");
            }

            for (int i = 0; i < count; i++)
            {
                long n = _scanCounter + 1;
                ProbelyScan scan = NewScan(targets[(int)(n % targets.Length)], ScanStatuses[(int)((n - 1) % ScanStatuses.Count)],
                    BuiltInScanProfiles[(int)(n % 4)], moves: false, fails: false);
                ids.Add(scan.Id);
            }
        }

        return ids;
    }

    /// <summary>
    /// Adds one scan of a registered target in a documented status; <paramref name="moves"/> makes reads move it.
    /// <paramref name="id"/> fixes the id (e.g. a seeded scan with findings); by default the next "Sc…" id.
    /// </summary>
    public string AddScan(string targetId, string status, string scanProfile = "normal", bool moves = false, string? id = null)
    {
        if (!ScanStatuses.Contains(status, StringComparer.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Not a Probely scan status.");
        }

        lock (_gate)
        {
            if (!_targets.ContainsKey(targetId))
            {
                throw new ArgumentException("Unknown target '" + targetId + "'.", nameof(targetId));
            }

            if (id is not null && _scans.Exists(s => s.Id == id))
            {
                throw new ArgumentException("A scan '" + id + "' exists already.", nameof(id));
            }

            return NewScan(targetId, status, scanProfile, moves, fails: false, id).Id;
        }
    }

    public JsonObject? PeekScan(string id)
    {
        lock (_gate)
        {
            ProbelyScan? scan = _scans.Find(s => s.Id == id);
            return scan is null ? null : new JsonObject { ["id"] = scan.Id, ["state"] = scan.Status, ["target"] = scan.TargetId, ["reads"] = scan.Reads, ["moves"] = scan.Moves };
        }
    }

    public bool AdvanceScan(string id, int steps)
    {
        lock (_gate)
        {
            ProbelyScan? scan = _scans.Find(s => s.Id == id);
            if (scan is null)
            {
                return false;
            }

            for (int i = 0; i < steps; i++)
            {
                Step(scan);
            }

            scan.Reads = 0;
            return true;
        }
    }

    public string? SetScanState(string id, string state)
    {
        lock (_gate)
        {
            ProbelyScan? scan = _scans.Find(s => s.Id == id);
            if (scan is null)
            {
                return "no scan '" + id + "'";
            }

            if (!ScanStatuses.Contains(state, StringComparer.Ordinal))
            {
                return "'" + state + "' is not a scan status (" + string.Join(", ", ScanStatuses) + ")";
            }

            scan.MoveTo(state, NextScanTime());
            scan.CancelRequested = false;
            scan.Reads = 0;
            return null;
        }
    }

    private void MapLifecycleRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/targets/{target_id}/scan_now/", (RequestDelegate)ScanNowAsync);
        app.MapGet("/scans/", (RequestDelegate)(context => ListScansAsync(context, null)));
        app.MapGet("/targets/{target_id}/scans/", (RequestDelegate)(context => ListScansAsync(context, context.Request.RouteValues["target_id"] as string)));
        app.MapGet("/scans/{id}/", (RequestDelegate)(context => GetScanAsync(context, null)));
        app.MapGet("/targets/{target_id}/scans/{id}/", (RequestDelegate)(context => GetScanAsync(context, context.Request.RouteValues["target_id"] as string)));
        app.MapPost("/targets/{target_id}/scans/{id}/cancel/", (RequestDelegate)CancelScanAsync);
        SandboxControl.Map(app, this);
    }

    private async Task ScanNowAsync(HttpContext context)
    {
        if (!await CheckPathAndAuthAsync(context).ConfigureAwait(false))
        {
            return;
        }

        string targetId = context.Request.RouteValues["target_id"] as string ?? string.Empty;
        string body;
        using (StreamReader reader = new(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        // The body is optional; when there is one it is JSON (the vendor also takes form bodies; the fake does not).
        JsonObject options = new();
        if (body.Length > 0)
        {
            if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out MediaTypeHeaderValue? mediaType)
                || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                await FakeHttp.WriteJsonAsync(context, StatusCodes.Status415UnsupportedMediaType,
                    new JsonObject { ["detail"] = "Unsupported media type \"" + context.Request.ContentType + "\" in request." }).ConfigureAwait(false);
                return;
            }

            JsonNode? parsed = null;
            try
            {
                parsed = JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                // 400 below.
            }

            if (parsed is not JsonObject o)
            {
                await FakeHttp.WriteJsonAsync(context, StatusCodes.Status400BadRequest, new JsonObject { ["detail"] = "JSON parse error - the body must be a JSON object." }).ConfigureAwait(false);
                return;
            }

            options = o;
        }

        JsonObject? errors = new();
        string? profile = null;
        if (options["scan_profile"] is JsonNode profileNode)
        {
            profile = profileNode is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string)v! : null;
        }

        foreach (string flag in new[] { "incremental", "reduced_scope", "ignore_blackout_period" })
        {
            if (options[flag] is JsonNode f && f.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors[flag] = new JsonArray("Must be a valid boolean.");
            }
        }

        JsonObject? created = null;
        int status = StatusCodes.Status200OK;
        lock (_gate)
        {
            if (!_targets.ContainsKey(targetId))
            {
                status = StatusCodes.Status404NotFound;
            }
            else
            {
                if (options["scan_profile"] is JsonNode && (profile is null || !ScanProfileExists(profile)))
                {
                    errors["scan_profile"] = new JsonArray("Invalid pk \"" + (profile ?? options["scan_profile"]!.ToJsonString()) + "\" - object does not exist.");
                }

                if (errors.Count == 0 && _refusedTargets.TryGetValue(targetId, out string? refusal))
                {
                    // UNCONFIRMED: how scan_now refuses a target that may not be scanned; action endpoints use {"error"}.
                    errors = null;
                    created = new JsonObject { ["error"] = refusal };
                    status = StatusCodes.Status400BadRequest;
                }
                else if (errors.Count == 0)
                {
                    // UNCONFIRMED: without scan_profile the target's own profile runs; the fake's targets all use "normal".
                    ProbelyScan scan = NewScan(targetId, "queued", profile ?? "normal", moves: true, fails: Lifecycle.FailNewScans);
                    scan.Incremental = options["incremental"]?.GetValueKind() == JsonValueKind.True;
                    scan.ReducedScope = options["reduced_scope"]?.GetValueKind() == JsonValueKind.True;
                    scan.IgnoreBlackoutPeriod = options["ignore_blackout_period"]?.GetValueKind() == JsonValueKind.True;
                    created = ScanJson(scan);
                }
            }
        }

        if (status == StatusCodes.Status404NotFound)
        {
            await FakeHttp.WriteJsonAsync(context, status, new JsonObject { ["detail"] = "Not found." }).ConfigureAwait(false);
        }
        else if (created is null)
        {
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status400BadRequest, errors!).ConfigureAwait(false);
        }
        else
        {
            await FakeHttp.WriteJsonAsync(context, status, created).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// {count, page_total, page, length, results}, newest first unless ordering= names created/changed/started/completed
    /// (with "-" for descending; other fields are ignored, as DRF's OrderingFilter does). status= filters (repeated or
    /// comma-separated). Listing does not move scans.
    /// </summary>
    private async Task ListScansAsync(HttpContext context, string? targetId)
    {
        if (!await CheckPathAndAuthAsync(context).ConfigureAwait(false))
        {
            return;
        }

        IQueryCollection query = context.Request.Query;
        int page = 1;
        string? pageText = query["page"];
        if (pageText is not null && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status404NotFound, new JsonObject { ["detail"] = "Invalid page." }).ConfigureAwait(false);
            return;
        }

        int length = int.TryParse(query["length"], NumberStyles.None, CultureInfo.InvariantCulture, out int l) && l > 0 ? Math.Min(l, MaxPageLength) : 10;
        HashSet<string>? statuses = null;
        StringValues statusValues = query["status"];
        if (statusValues.Count > 0)
        {
            statuses = new HashSet<string>(statusValues.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), StringComparer.Ordinal);
            string? bad = statuses.FirstOrDefault(s => !ScanStatuses.Contains(s, StringComparer.Ordinal));
            if (bad is not null)
            {
                // django-filter's MultipleChoiceFilter wording (UNCONFIRMED for Probely).
                await FakeHttp.WriteJsonAsync(context, StatusCodes.Status400BadRequest,
                    new JsonObject { ["status"] = new JsonArray("Select a valid choice. " + bad + " is not one of the available choices.") }).ConfigureAwait(false);
                return;
            }
        }

        string ordering = (string?)query["ordering"] ?? "-created";
        JsonArray results = new();
        int count;
        bool targetKnown;
        lock (_gate)
        {
            targetKnown = targetId is null || _targets.ContainsKey(targetId);
            SettleCancels();
            IEnumerable<ProbelyScan> matching = _scans
                .Where(s => targetId is null || s.TargetId == targetId)
                .Where(s => statuses is null || statuses.Contains(s.Status));
            matching = Order(matching, ordering);
            List<ProbelyScan> all = matching.ToList();
            count = all.Count;
            foreach (ProbelyScan scan in all.Skip((page - 1) * length).Take(length))
            {
                results.Add(ScanJson(scan));
            }
        }

        int pageTotal = (count + length - 1) / length;
        if (!targetKnown || (page > 1 && page > pageTotal))
        {
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status404NotFound, new JsonObject { ["detail"] = targetKnown ? "Invalid page." : "Not found." }).ConfigureAwait(false);
            return;
        }

        JsonObject response = new() { ["count"] = count, ["page_total"] = pageTotal, ["page"] = page, ["length"] = length, ["results"] = results };
        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, response).ConfigureAwait(false);
    }

    private async Task GetScanAsync(HttpContext context, string? targetId)
    {
        if (!await CheckPathAndAuthAsync(context).ConfigureAwait(false))
        {
            return;
        }

        string id = context.Request.RouteValues["id"] as string ?? string.Empty;
        JsonObject? json = null;
        lock (_gate)
        {
            SettleCancels();
            ProbelyScan? scan = _scans.Find(s => s.Id == id && (targetId is null || s.TargetId == targetId));
            if (scan is not null)
            {
                if (scan.Moves && SandboxControl.CountRead(Lifecycle, ref scan.Reads) == 1)
                {
                    Step(scan);
                }

                json = ScanJson(scan);
            }
        }

        if (json is null)
        {
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status404NotFound, new JsonObject { ["detail"] = "Not found." }).ConfigureAwait(false);
            return;
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, json).ConfigureAwait(false);
    }

    private async Task CancelScanAsync(HttpContext context)
    {
        if (!await CheckPathAndAuthAsync(context).ConfigureAwait(false))
        {
            return;
        }

        string targetId = context.Request.RouteValues["target_id"] as string ?? string.Empty;
        string id = context.Request.RouteValues["id"] as string ?? string.Empty;
        JsonObject? json = null;
        string? refusal = null;
        lock (_gate)
        {
            SettleCancels();
            // A scan of another target is not found under this one.
            ProbelyScan? scan = _scans.Find(s => s.Id == id && s.TargetId == targetId);
            if (scan is not null && (s_terminal.Contains(scan.Status) || scan.Status == "canceling"))
            {
                // UNCONFIRMED wording; action endpoints answer {"error": ...} (vendor-apis.md §4, Errors).
                refusal = "Scan cannot be canceled: its status is " + scan.Status + ".";
            }
            else if (scan is not null)
            {
                scan.MoveTo("canceling", NextScanTime());
                scan.CancelRequested = true;
                json = ScanJson(scan);
            }
        }

        if (refusal is not null)
        {
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = refusal }).ConfigureAwait(false);
        }
        else if (json is null)
        {
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status404NotFound, new JsonObject { ["detail"] = "Not found." }).ConfigureAwait(false);
        }
        else
        {
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, json).ConfigureAwait(false);
        }
    }

    /// <summary>Probely's Django URLs need the trailing slash; then the JWT check. False after writing the answer.</summary>
    private async Task<bool> CheckPathAndAuthAsync(HttpContext context)
    {
        if (context.Request.Path.Value?.EndsWith('/') != true)
        {
            await NotFoundAsync(context).ConfigureAwait(false);
            return false;
        }

        return await AuthorizeAsync(context).ConfigureAwait(false);
    }

    private static IEnumerable<ProbelyScan> Order(IEnumerable<ProbelyScan> scans, string ordering)
    {
        bool descending = ordering.StartsWith('-');
        Func<ProbelyScan, DateTimeOffset> key = ordering.TrimStart('-') switch
        {
            "changed" => s => s.Changed,
            "started" => s => s.Started ?? DateTimeOffset.MinValue,
            "completed" => s => s.Completed ?? DateTimeOffset.MinValue,
            _ => s => s.Created,
        };
        return descending ? scans.OrderByDescending(key).ThenByDescending(s => s.Number) : scans.OrderBy(key).ThenBy(s => s.Number);
    }

    // Caller holds the lock: a scan cancelled through the API reads "canceled" from the next request on (seeded or
    // sandbox-set "canceling" scans stay so).
    private void SettleCancels()
    {
        foreach (ProbelyScan scan in _scans.Where(s => s.Status == "canceling" && s.CancelRequested))
        {
            scan.MoveTo("canceled", NextScanTime());
        }
    }

    // Caller holds the lock. One step: queued → started → finishing_up → completed (started → failed when it fails).
    private void Step(ProbelyScan scan)
    {
        string? next = scan.Status switch
        {
            "queued" => "started",
            "started" or "under_review" or "resuming" => scan.FailsAtEnd ? "failed" : "finishing_up",
            "finishing_up" => "completed",
            "canceling" => "canceled",
            "pausing" => "paused",
            _ => null,
        };
        if (next is not null)
        {
            scan.MoveTo(next, NextScanTime());
        }
    }

    // Caller holds the lock.
    private ProbelyScan NewScan(string targetId, string status, string scanProfile, bool moves, bool fails, string? id = null)
    {
        long n = ++_scanCounter;
        ProbelyScan scan = new(id ?? ScanId(n), n, targetId, scanProfile, s_scanEpoch.AddMinutes(n * 10), moves, fails);
        scan.MoveTo(status, scan.Created);
        _scans.Add(scan);
        return scan;
    }

    // Caller holds the lock: one minute after the newest event so far.
    private DateTimeOffset NextScanTime() => _scans.Count == 0 ? s_scanEpoch : _scans.Max(s => s.Changed).AddMinutes(1);

    // Base58, 12 characters, starting "Sc" so scan ids never equal scheduled-scan ids from NextId.
    private static string ScanId(long n)
    {
        char[] id = new char[12];
        id[0] = 'S';
        id[1] = 'c';
        for (int i = id.Length - 1; i >= 2; i--)
        {
            id[i] = Base58[(int)(n % 58)];
            n /= 58;
        }

        return new string(id);
    }

    // Caller holds the lock.
    private JsonObject ScanJson(ProbelyScan scan)
    {
        (string name, string url) = _targets[scan.TargetId];
        JsonObject user = new() { ["id"] = "4kLmNpQrStUv", ["email"] = "api@example.com", ["name"] = "API user" };
        bool done = scan.Status is "completed" or "completed_with_errors";
        JsonObject Module(string state) => new()
        {
            ["state"] = state,
            ["status"] = state,
            ["warning"] = new JsonArray(),
            ["error"] = new JsonArray(scan.Status == "failed" ? new JsonNode[] { "The target could not be reached." } : Array.Empty<JsonNode>()),
        };
        string moduleState = scan.Status switch
        {
            "queued" => "queued",
            "completed" or "completed_with_errors" => "completed",
            "failed" => "failed",
            "canceled" or "canceling" => "canceled",
            _ => "started",
        };
        return new JsonObject
        {
            ["id"] = scan.Id,
            ["target"] = new JsonObject
            {
                ["id"] = scan.TargetId,
                ["site"] = new JsonObject { ["id"] = scan.TargetId, ["name"] = name, ["url"] = url, ["host"] = new Uri(url).Host },
                ["type"] = "single",
            },
            ["status"] = scan.Status,
            ["started"] = Time(scan.Started),
            ["completed"] = Time(scan.Completed),
            ["created"] = Time(scan.Created),
            ["changed"] = Time(scan.Changed),
            ["changed_by"] = user.DeepClone(),
            ["created_by"] = user,
            // A string id, as the SDK's scans show it (newer responses may send {"id","name"}: UNCONFIRMED).
            ["scan_profile"] = scan.ScanProfile,
            ["lows"] = done ? 3 : 0,
            ["mediums"] = done ? 2 : 0,
            ["highs"] = done ? 1 : 0,
            ["criticals"] = done ? (int)(scan.Number % 2) : 0,
            ["unlimited"] = false,
            ["incremental"] = scan.Incremental,
            ["reduced_scope"] = scan.ReducedScope,
            ["crawl_sequences_only"] = false,
            ["ignore_blackout_period"] = scan.IgnoreBlackoutPeriod,
            ["has_sequence_navigation"] = false,
            ["user_data"] = new JsonObject(),
            ["target_options"] = new JsonObject(),
            ["crawler"] = Module(moduleState),
            ["fingerprinter"] = Module(moduleState),
            ["scanner"] = Module(moduleState),
            ["stack"] = new JsonArray(),
            // UNCONFIRMED: the runtime's format; an "HH:MM:SS" duration here.
            ["runtime"] = scan.Started is { } started ? ((scan.Completed ?? scan.Changed) - started).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : null,
        };
    }

    private static string? Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>Mutable server-side Probely scan; only touched under FakeProbely's lock.</summary>
internal sealed class ProbelyScan
{
    internal ProbelyScan(string id, long number, string targetId, string scanProfile, DateTimeOffset created, bool moves, bool failsAtEnd)
    {
        Id = id;
        Number = number;
        TargetId = targetId;
        ScanProfile = scanProfile;
        Created = created;
        Changed = created;
        Moves = moves;
        FailsAtEnd = failsAtEnd;
    }

    internal string Id { get; }

    internal long Number { get; }

    internal string TargetId { get; }

    internal string ScanProfile { get; }

    internal string Status { get; private set; } = "queued";

    internal DateTimeOffset Created { get; }

    internal DateTimeOffset Changed { get; private set; }

    internal DateTimeOffset? Started { get; private set; }

    internal DateTimeOffset? Completed { get; private set; }

    /// <summary>True for scans started through scan_now: reads by id move them.</summary>
    internal bool Moves { get; }

    internal bool FailsAtEnd { get; }

    internal bool Incremental { get; set; }

    internal bool ReducedScope { get; set; }

    internal bool IgnoreBlackoutPeriod { get; set; }

    /// <summary>Cancelled through POST .../cancel/: "canceling" settles to "canceled" on the next request.</summary>
    internal bool CancelRequested { get; set; }

    /// <summary>Reads by id since the last step (see LifecycleOptions.ReadsPerStep).</summary>
    internal int Reads;

    internal void MoveTo(string status, DateTimeOffset now)
    {
        Status = status;
        if (now < Changed)
        {
            now = Changed;
        }

        Changed = now;
        if (status is not "queued" && Started is null)
        {
            Started = now;
        }

        if (status is "queued")
        {
            Started = null;
            Completed = null;
        }

        // "completed" marks when a scan ended, whichever way (UNCONFIRMED for failed and canceled scans).
        Completed = status is "completed" or "completed_with_errors" or "failed" or "canceled" ? now : null;
    }
}
