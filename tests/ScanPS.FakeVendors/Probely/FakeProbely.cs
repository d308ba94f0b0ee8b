using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace ScanPS.FakeVendors;

/// <summary>
/// In-memory fake of Probely's POST /scheduledscans/bulk/ and GET /scheduledscans/ (developers.probely.com, "Bulk
/// Create Scheduled Scans", "List Account's Scheduled Scans"; no machine-readable spec of these endpoints is public). "Authorization: JWT &lt;key&gt;", trailing-slash paths,
/// DRF error bodies: 400 field errors nested like the request, 401/404 {"detail": ...}. A batch with any bad
/// target is refused whole, as a DRF serializer validates the whole body before saving (UNCONFIRMED for this endpoint).
/// Thread-safe except <see cref="ValidApiKeys"/> and <see cref="UtcNow"/>, which should be set between requests.
/// </summary>
public sealed partial class FakeProbely : IFakeVendor
{
    /// <summary>Probely's built-in scan profile ids (web and API).</summary>
    public static readonly IReadOnlyList<string> BuiltInScanProfiles = new[] { "lightning", "safe", "normal", "full", "api_normal" };

    // Base58 alphabet (no 0, O, I, l), as the vendor's ids use.
    private const string Base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private readonly object _gate = new();
    private readonly Dictionary<string, (string Name, string Url)> _targets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refusedTargets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _customScanProfiles = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _scheduledScans = new();
    private long _idCounter;

    public string Name => "Probely";

    /// <summary>Keys accepted after "JWT ". Change only between requests.</summary>
    public HashSet<string> ValidApiKeys { get; set; } = new(StringComparer.Ordinal) { "test-key", "test-data-key" };

    /// <summary>The server's clock for "date_time must be in the future"; tests pin it.</summary>
    public Func<DateTimeOffset> UtcNow { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>
    /// Largest page honoured by GET /scheduledscans/: a bigger length is clamped, as DRF's max_page_size does
    /// (UNCONFIRMED: Probely documents no maximum). Change only between requests.
    /// </summary>
    public int MaxPageLength { get; set; } = 100;

    /// <summary>Number of POST bodies that created scheduled scans.</summary>
    public int AcceptedBatches { get; private set; }

    /// <summary>Every scheduled scan created so far, as the JSON the fake returned.</summary>
    public IReadOnlyList<JsonObject> ScheduledScans
    {
        get
        {
            lock (_gate)
            {
                return _scheduledScans.Select(s => (JsonObject)s.DeepClone()).ToArray();
            }
        }
    }

    /// <summary>A fake with realistic targets for the standalone sandbox (key test-data-key), one of which is refused.</summary>
    public static FakeProbely CreateSandbox()
    {
        FakeProbely fake = new();
        fake.AddTarget("3epwuyBoKQKN", "Example shop", "https://shop.example.com/");
        fake.AddTarget("5zJkQ8cQn2Pw", "Example API", "https://api.example.com/");
        fake.AddTarget("7MNbRt2yYpXs", "Intranet portal", "https://portal.example.org/");
        fake.AddTarget("9aVfGh3KdLqe", "Marketing site", "https://www.example.net/");
        fake.AddTarget("2wPxCv6ZbNmt", "Staging shop", "https://staging.shop.example.com/");
        // UNCONFIRMED wording: what the vendor says about a target that may not be scanned.
        fake.RefuseTarget("2wPxCv6ZbNmt", "The target's domain is not verified.");
        fake.AddScanProfile("8hYtRe4WqAsD");
        fake.SeedScans(24);
        fake.SeedFindingScans();
        return fake;
    }

    public void AddTarget(string id, string name, string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        lock (_gate)
        {
            _targets[id] = (name, url);
        }
    }

    /// <summary>A known target whose scheduling the vendor refuses with <paramref name="message"/> (as a field error on targets[i].id).</summary>
    public void RefuseTarget(string id, string message)
    {
        lock (_gate)
        {
            _refusedTargets[id] = message;
        }
    }

    /// <summary>A custom scan profile id accepted in scan_profile, besides the built-in ones.</summary>
    public void AddScanProfile(string id)
    {
        lock (_gate)
        {
            _customScanProfiles.Add(id);
        }
    }

    public void MapRoutes(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/scheduledscans/bulk/", (RequestDelegate)BulkCreateAsync);
        app.MapGet("/scheduledscans/", (RequestDelegate)ListScheduledScansAsync);
        app.MapGet("/targets/", (RequestDelegate)ListTargetsAsync);
        MapLifecycleRoutes(app);
        MapFindingRoutes(app);
        // Without the trailing slash (or any other path), Probely has nothing: 404 {"detail": "Not found."}
        // (UNCONFIRMED: Django may instead redirect a GET; a POST cannot be redirected).
        app.MapFallback((RequestDelegate)NotFoundAsync);
    }

    /// <summary>GET /targets/?page=&amp;length= (DRF page-number paging): what Connect-ScanProvider reads to check a key.</summary>
    private async Task ListTargetsAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        int page = int.TryParse(context.Request.Query["page"], out int p) && p > 0 ? p : 1;
        int length = int.TryParse(context.Request.Query["length"], out int l) && l > 0 ? Math.Min(l, 100) : 10;
        var results = new System.Text.Json.Nodes.JsonArray();
        int count;
        lock (_gate)
        {
            count = _targets.Count;
            foreach (var t in _targets.OrderBy(t => t.Key, StringComparer.Ordinal).Skip((page - 1) * length).Take(length))
            {
                results.Add(new System.Text.Json.Nodes.JsonObject { ["id"] = t.Key, ["name"] = t.Value.Name, ["site"] = new System.Text.Json.Nodes.JsonObject { ["url"] = t.Value.Url } });
            }
        }

        var body = new System.Text.Json.Nodes.JsonObject { ["count"] = count, ["page"] = page, ["length"] = length, ["results"] = results };
        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    /// <summary>
    /// GET /scheduledscans/?page=&amp;length= ("List Account's Scheduled Scans"): the account's scheduled scans in
    /// creation order, page-number paged like every Probely list, {count, page_total, page, length, results}
    /// (UNCONFIRMED for this endpoint: its reference page shows only the items; the wrapper is the one /scans/ documents).
    /// length defaults to 10 (the old spec's default); a page past the last is DRF's 404 {"detail": "Invalid page."}.
    /// The search, ordering and id filters are not modelled.
    /// </summary>
    private async Task ListScheduledScansAsync(HttpContext context)
    {
        if (context.Request.Path.Value?.EndsWith('/') != true)
        {
            await NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        string? pageText = context.Request.Query["page"];
        string? lengthText = context.Request.Query["length"];
        int page = 1;
        if (pageText is not null && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status404NotFound, new JsonObject { ["detail"] = "Invalid page." }).ConfigureAwait(false);
            return;
        }

        int length = int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out int l) && l > 0 ? Math.Min(l, MaxPageLength) : 10;
        JsonArray results = new();
        int count;
        lock (_gate)
        {
            count = _scheduledScans.Count;
            foreach (JsonObject scheduled in _scheduledScans.Skip((page - 1) * length).Take(length))
            {
                results.Add(scheduled.DeepClone());
            }
        }

        int pageTotal = (count + length - 1) / length;
        if (page > 1 && page > pageTotal)
        {
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status404NotFound, new JsonObject { ["detail"] = "Invalid page." }).ConfigureAwait(false);
            return;
        }

        JsonObject body = new() { ["count"] = count, ["page_total"] = pageTotal, ["page"] = page, ["length"] = length, ["results"] = results };
        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    private async Task BulkCreateAsync(HttpContext context)
    {
        // ASP.NET Core routing ignores a trailing slash; Probely's Django URLs do not.
        if (context.Request.Path.Value?.EndsWith('/') != true)
        {
            await NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out MediaTypeHeaderValue? mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            // The vendor also takes form and multipart bodies; the fake only speaks JSON, like ScanPS.
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status415UnsupportedMediaType,
                new JsonObject { ["detail"] = "Unsupported media type \"" + context.Request.ContentType + "\" in request." }).ConfigureAwait(false);
            return;
        }

        string body;
        using (StreamReader reader = new(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        JsonArray created = new();
        JsonObject? errors;
        lock (_gate)
        {
            BulkScheduleRequest? request = BulkScheduleRequest.TryParse(body, RefusalOf, ScanProfileExists, UtcNow(), out errors);
            if (request is not null)
            {
                foreach (string targetId in request.TargetIds)
                {
                    JsonObject scheduled = ScheduledScanJson(NextId(), targetId, request);
                    _scheduledScans.Add(scheduled);
                    created.Add(scheduled.DeepClone());
                }

                AcceptedBatches++;
            }
        }

        if (errors is not null)
        {
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status400BadRequest, errors).ConfigureAwait(false);
            return;
        }

        // UNCONFIRMED: 201 with a bare array (DRF's create default); the docs list 200.
        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status201Created, created).ConfigureAwait(false);
    }

    private async Task NotFoundAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status404NotFound, new JsonObject { ["detail"] = "Not found." }).ConfigureAwait(false);
    }

    /// <summary>DRF + JWT authentication: a missing or non-JWT header and a bad token are both 401 {"detail"}.</summary>
    private async Task<bool> AuthorizeAsync(HttpContext context)
    {
        string header = context.Request.Headers.Authorization.ToString();
        string? detail = null;
        if (!header.StartsWith("JWT ", StringComparison.Ordinal))
        {
            detail = "Authentication credentials were not provided.";
        }
        else if (!ValidApiKeys.Contains(header["JWT ".Length..]))
        {
            // UNCONFIRMED: the exact wording for a bad token (djangorestframework-jwt's).
            detail = "Error decoding signature.";
        }

        if (detail is null)
        {
            return true;
        }

        context.Response.Headers.WWWAuthenticate = "JWT realm=\"api\"";
        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status401Unauthorized, new JsonObject { ["detail"] = detail }).ConfigureAwait(false);
        return false;
    }

    // Called under _gate.
    private string? RefusalOf(string targetId)
    {
        if (_refusedTargets.TryGetValue(targetId, out string? message))
        {
            return message;
        }

        return _targets.ContainsKey(targetId) ? null : "Invalid pk \"" + targetId + "\" - object does not exist.";
    }

    private bool ScanProfileExists(string id) => BuiltInScanProfiles.Contains(id, StringComparer.Ordinal) || _customScanProfiles.Contains(id);

    private JsonObject ScheduledScanJson(string id, string targetId, BulkScheduleRequest request)
    {
        (string name, string url) = _targets[targetId];
        return new JsonObject
        {
            ["id"] = id,
            // The vendor answers in UTC with microseconds and a Z.
            ["date_time"] = request.DateTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["recurrence"] = request.Recurrence,
            ["timezone"] = request.TimeZone,
            ["run_on_day_of_week"] = request.RunOnDayOfWeek,
            ["scheduled_day_of_week"] = request.ScheduledDayOfWeek,
            ["week_index"] = request.WeekIndex,
            ["partial_scan"] = request.PartialScan,
            ["override_target_settings"] = request.OverrideTargetSettings,
            ["incremental"] = request.Incremental,
            ["reduced_scope"] = request.ReducedScope,
            ["scan_profile"] = request.ScanProfile,
            ["unlimited"] = false,
            ["changed"] = UtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["changed_by"] = new JsonObject { ["id"] = "4kLmNpQrStUv", ["email"] = "api@example.com", ["name"] = "API user" },
            ["target"] = new JsonObject
            {
                ["id"] = targetId,
                ["site"] = new JsonObject
                {
                    ["id"] = targetId,
                    ["name"] = name,
                    ["url"] = url,
                    ["host"] = new Uri(url).Host,
                },
                ["type"] = "single",
            },
        };
    }

    // Called under _gate: a 12-character Base58 id from a counter, so tests can predict it.
    private string NextId()
    {
        long n = ++_idCounter;
        char[] id = new char[12];
        for (int i = id.Length - 1; i >= 0; i--)
        {
            id[i] = Base58[(int)(n % 58)];
            n /= 58;
        }

        return new string(id);
    }
}
