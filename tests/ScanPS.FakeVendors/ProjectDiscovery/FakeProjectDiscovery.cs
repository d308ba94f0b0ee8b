using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

// Same namespace as the server types so tests need a single using; the folder only groups the files.
namespace ScanPS.FakeVendors;

/// <summary>
/// In-memory fake of the ProjectDiscovery Cloud Platform scans API (create, list, get), shaped by the vendor's
/// openapi.yaml: X-API-Key, optional X-Team-Id workspaces, offset/limit paging, PDCP error bodies, the plan's
/// target limit (truncated-scan-targets) and a status progression driven by polling.
/// </summary>
public sealed partial class FakeProjectDiscovery : IFakeVendor
{
    public const string ApiKeyHeaderName = "X-API-Key";
    public const string TeamIdHeaderName = "X-Team-Id";

    /// <summary>UNCONFIRMED: the docs give no default page size; 10 is used when limit is absent.</summary>
    public const int DefaultLimit = 10;

    private static readonly string[] s_statuses = { "queued", "starting", "running", "finished", "failed", "uploaded", "scheduled" };
    private static readonly DateTimeOffset s_epoch = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly List<PdcpScan> _scans = new();
    private long _scanCounter;
    private long _errorCounter;
    private int _maxLimit = 100;
    private int _maxTargetsPerScan = int.MaxValue;

    public string Name => "ProjectDiscovery";

    /// <summary>Keys accepted in X-API-Key. Change only between requests.</summary>
    public HashSet<string> ValidApiKeys { get; set; } = new(StringComparer.Ordinal) { "test-key", "test-data-key" };

    /// <summary>Team ids the key belongs to; any other X-Team-Id is refused with 403. Change only between requests.</summary>
    public HashSet<string> Teams { get; set; } = new(StringComparer.Ordinal) { "team-blue" };

    /// <summary>Largest limit honoured by GET /v1/scans (bigger values are clamped, like a server-side maximum).</summary>
    public int MaxLimit
    {
        get => Volatile.Read(ref _maxLimit);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref _maxLimit, value);
        }
    }

    /// <summary>The plan's target limit: targets beyond it are dropped and counted in truncated-scan-targets.</summary>
    public int MaxTargetsPerScan
    {
        get => Volatile.Read(ref _maxTargetsPerScan);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref _maxTargetsPerScan, value);
        }
    }

    /// <summary>A fake seeded like a small real account: 25 personal scans in every status and 3 for team-blue.</summary>
    public static FakeProjectDiscovery CreateSandbox()
    {
        FakeProjectDiscovery fake = new();
        fake.SeedScans(25);
        fake.SeedScans(3, "team-blue");
        fake.SeedLifecycleSandbox();
        fake.SeedFindingScans();
        return fake;
    }

    /// <summary>
    /// Adds <paramref name="count"/> scans that never advance, cycling through the documented statuses, in the workspace
    /// of <paramref name="teamId"/> (null: the key owner's own), and returns their ids in creation order.
    /// </summary>
    public IReadOnlyList<string> SeedScans(int count, string? teamId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        List<string> ids = new(count);
        lock (_gate)
        {
            for (int i = 0; i < count; i++)
            {
                string id = NextScanId(out long number);
                string status = s_statuses[(number - 1) % s_statuses.Length];
                int progress = status switch { "running" => 40, "finished" or "failed" or "uploaded" => 100, _ => 0 };
                PdcpScan scan = new(id, teamId, "nightly-" + number.ToString(CultureInfo.InvariantCulture), status, progress, s_epoch.AddMinutes(number * 10), advances: false)
                {
                    TotalTarget = (int)(number % 5) + 1,
                    TotalTemplate = 120,
                    TotalResult = status is "finished" or "uploaded" ? (int)(number % 4) : 0,
                    FailureReason = status == "failed" ? "no reachable targets" : string.Empty,
                };
                scan.PublicTemplates.Add("http/cves/");
                if (status is "finished" or "failed" or "uploaded")
                {
                    scan.CompletedAt = scan.CreatedAt.AddMinutes(7);
                    scan.UpdatedAt = scan.CompletedAt.Value;
                }

                _scans.Add(scan);
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>Forgets every scan and restarts the counters. Keeps keys, teams and limits.</summary>
    public void ResetState()
    {
        lock (_gate)
        {
            _scans.Clear();
            ResetFindings();
            _scanCounter = 0;
            _errorCounter = 0;
        }
    }

    public void MapRoutes(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/v1/scans", (RequestDelegate)CreateScanAsync);
        app.MapGet("/v1/scans", (RequestDelegate)ListScansAsync);
        // Before /v1/scans/{scan_id}, which would otherwise take "results" as a scan id.
        MapFindingRoutes(app);
        app.MapGet("/v1/scans/{scan_id}", (RequestDelegate)GetScanAsync);
        MapLifecycleRoutes(app);
        app.MapFallback((RequestDelegate)NotFoundAsync);
    }

    private async Task CreateScanAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context).ConfigureAwait(false) is not { } workspace)
        {
            return;
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out MediaTypeHeaderValue? mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "content type must be application/json", null).ConfigureAwait(false);
            return;
        }

        string body;
        using (StreamReader reader = new(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        PdcpCreateRequest? request = PdcpCreateRequest.TryParse(body, out string? error, out string? param);
        if (request is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, error!, param).ConfigureAwait(false);
            return;
        }

        if (!request.HasScope)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "no targets or assets to scan", "targets").ConfigureAwait(false);
            return;
        }

        string id;
        int truncated;
        lock (_gate)
        {
            id = NextScanId(out long number);
            int kept = Math.Min(request.Targets.Count, MaxTargetsPerScan);
            truncated = request.Targets.Count - kept;
            bool scheduleOnly = request.Flag("schedule_only");
            PdcpScan scan = new(id, workspace.TeamId, request.Name ?? "scan-" + number.ToString(CultureInfo.InvariantCulture),
                scheduleOnly ? "scheduled" : "queued", 0, s_epoch.AddDays(1).AddMinutes(number), advances: !scheduleOnly)
            {
                TotalTarget = kept + request.Assets.Count,
                TotalTemplate = request.Templates.Count + request.PrivateTemplateCount + (request.Flag("recommended") ? 250 : 0),
                AgentId = request.String("agent_id"),
                AgentBehavior = request.String("agent_behavior"),
                IsAutomatic = request.Flag("automatic_scan"),
                FailsAtEnd = Lifecycle.FailNewScans,
            };
            scan.AssetIds.AddRange(request.Assets);
            scan.PublicTemplates.AddRange(request.Templates);
            scan.ScanConfigIds.AddRange(request.Strings("scan_config_ids"));
            scan.ReportConfigIds.AddRange(request.Strings("reporting_config_ids"));
            scan.AgentTags.AddRange(request.Strings("agent_tags"));
            scan.AgentNetworks.AddRange(request.Strings("agent_networks"));
            _scans.Add(scan);
        }

        // The vendor answers 200 with only the id: clients fetch the scan afterwards.
        JsonObject response = new() { ["id"] = id, ["message"] = "scan created", ["truncated-scan-targets"] = truncated };
        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, response).ConfigureAwait(false);
    }

    private async Task GetScanAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context).ConfigureAwait(false) is not { } workspace)
        {
            return;
        }

        string id = context.Request.RouteValues["scan_id"] as string ?? string.Empty;
        JsonObject? json = null;
        lock (_gate)
        {
            PdcpScan? scan = _scans.Find(s => s.Id == id && s.TeamId == workspace.TeamId);
            if (scan is not null)
            {
                // Polling drives the lifecycle, so tests need no clock: each GET (LifecycleOptions.ReadsPerStep of them) is one step.
                CountRead(scan);
                json = scan.ToJson();
            }
        }

        if (json is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "scan not found", "scan_id").ConfigureAwait(false);
            return;
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, json).ConfigureAwait(false);
    }

    private async Task ListScansAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context).ConfigureAwait(false) is not { } workspace)
        {
            return;
        }

        IQueryCollection query = context.Request.Query;
        if (!TryInt(query["offset"], 0, out int offset))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "offset must be a non-negative integer", "offset").ConfigureAwait(false);
            return;
        }

        if (!TryInt(query["limit"], DefaultLimit, out int limit) || limit == 0)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "limit must be a positive integer", "limit").ConfigureAwait(false);
            return;
        }

        string? status = First(query["status"]);
        if (status is not null && !s_statuses.Contains(status) && status != StoppedStatus)
        {
            // UNCONFIRMED: the real API may ignore an unknown status rather than refuse it.
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid status '" + status + "'", "status").ConfigureAwait(false);
            return;
        }

        string? search = First(query["search"]);
        limit = Math.Min(limit, MaxLimit);
        JsonObject response;
        lock (_gate)
        {
            // Newest first, as the platform's scan list shows them.
            List<PdcpScan> matching = _scans
                .Where(s => s.TeamId == workspace.TeamId)
                .Where(s => status is null || s.Status == status)
                .Where(s => search is null || s.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(s => s.CreatedAt)
                .ToList();
            JsonArray data = new();
            foreach (PdcpScan scan in matching.Skip(offset).Take(limit))
            {
                data.Add(scan.ToJson());
            }

            response = new JsonObject
            {
                ["message"] = "scans fetched",
                ["current_page"] = (offset / limit) + 1,
                ["result_count"] = data.Count,
                ["total_results"] = matching.Count,
                ["total_pages"] = (matching.Count + limit - 1) / limit,
                ["data"] = data,
            };
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, response).ConfigureAwait(false);
    }

    private async Task NotFoundAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context).ConfigureAwait(false) is null)
        {
            return;
        }

        await WriteErrorAsync(context, StatusCodes.Status404NotFound, "route not found", null).ConfigureAwait(false);
    }

    /// <summary>The caller's workspace, or null after writing the 401/403.</summary>
    private async Task<Workspace?> AuthorizeAsync(HttpContext context)
    {
        StringValues keys = context.Request.Headers[ApiKeyHeaderName];
        if (keys.Count != 1 || keys[0] is not string key || !ValidApiKeys.Contains(key))
        {
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid or missing api key", null).ConfigureAwait(false);
            return null;
        }

        StringValues teams = context.Request.Headers[TeamIdHeaderName];
        if (teams.Count == 0)
        {
            return new Workspace(null);
        }

        if (teams.Count != 1 || teams[0] is not string team || !Teams.Contains(team))
        {
            // UNCONFIRMED: what the platform answers for a team the key is not a member of.
            await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "you are not a member of this team", TeamIdHeaderName).ConfigureAwait(false);
            return null;
        }

        return new Workspace(team);
    }

    /// <summary>The documented ErrorResponse; kind/code values are UNCONFIRMED.</summary>
    private Task WriteErrorAsync(HttpContext context, int statusCode, string message, string? param)
    {
        JsonObject body = new()
        {
            ["message"] = message,
            ["kind"] = statusCode switch { 401 => "unauthorized", 403 => "forbidden", 404 => "not_found", _ => "bad_request" },
            ["code"] = statusCode.ToString(CultureInfo.InvariantCulture),
            ["error"] = ReasonPhrases(statusCode),
            ["error_id"] = "err" + Interlocked.Increment(ref _errorCounter).ToString("x17", CultureInfo.InvariantCulture),
            ["status"] = statusCode,
        };
        if (param is not null)
        {
            body["param"] = param;
        }

        return FakeHttp.WriteJsonAsync(context, statusCode, body);
    }

    private static string ReasonPhrases(int statusCode) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode);

    private static void Advance(PdcpScan scan)
    {
        if (!scan.Advances)
        {
            return;
        }

        scan.UpdatedAt = scan.UpdatedAt.AddMinutes(2);
        if (scan.Status == "queued")
        {
            scan.Status = "running";
            scan.Progress = 50;
        }
        else if (scan.Status == "running" && scan.FailsAtEnd)
        {
            scan.Status = "failed";
            scan.Progress = 100;
            scan.FailureReason = "no reachable targets";
            scan.CompletedAt = scan.UpdatedAt;
        }
        else if (scan.Status == "running")
        {
            scan.Status = "finished";
            scan.Progress = 100;
            scan.TotalResult = 3;
            scan.CompletedAt = scan.UpdatedAt;
        }
    }

    /// <summary>xid-shaped ids: 20 characters of [a-z0-9], e.g. d1000000000000000001.</summary>
    private string NextScanId(out long number)
    {
        number = ++_scanCounter;
        return "d1" + number.ToString("x18", CultureInfo.InvariantCulture);
    }

    private static string? First(StringValues values) => values.Count > 0 ? values[0] : null;

    private static bool TryInt(StringValues values, int fallback, out int value)
    {
        string? text = First(values);
        if (text is null)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private sealed record Workspace(string? TeamId);
}
