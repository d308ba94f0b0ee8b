using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
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
/// In-memory fake of the HostedScan REST API (scans only), mirroring the documented behaviour.
/// Every public member is thread-safe except <see cref="ValidApiKeys"/>, which should be changed only between requests.
/// </summary>
public sealed partial class FakeHostedScan : IFakeVendor
{
    /// <summary>Header carrying the API key (header names are case-insensitive).</summary>
    public const string ApiKeyHeaderName = "X-HOSTEDSCAN-API-KEY";

    private const string TargetIdPrefix = "a";
    private const string ResultIdPrefix = "c";
    private const string RiskIdPrefix = "d";

    private static readonly string[] s_seedTypes = { "NMAP", "OPENVAS", "SSLYZE", "OWASP_ZAP", "NMAP_UDP", "OWASP_ZAP_ACTIVE" };

    // FAILED counts as finished (100); OVER_LIMIT never started (0).
    private static readonly (string State, int Progress)[] s_seedStates =
    {
        ("SUCCEEDED", 100), ("RUNNING", 50), ("QUEUED", 0), ("FAILED", 100), ("OVER_LIMIT", 0),
    };

    private readonly object _gate = new();
    private readonly List<HostedScanScan> _scans = new();
    private readonly Dictionary<string, HostedScanScan> _scansById = new(StringComparer.Ordinal);
    private readonly List<RegisteredTarget> _targets = new();
    private readonly Dictionary<string, PageCursor> _pageTokens = new(StringComparer.Ordinal);
    private long _scanCounter;
    private long _otherIdCounter;
    private long _seededCount;
    private int _pageSize = 500;

    public string Name => "HostedScan";

    /// <summary>Keys accepted in <see cref="ApiKeyHeaderName"/>. Change only between requests (HashSet is not safe for concurrent writes).</summary>
    public HashSet<string> ValidApiKeys { get; set; } = new(StringComparer.Ordinal) { "test-key", "test-data-key" };

    /// <summary>Scans per page of GET /v1/scans.</summary>
    public int PageSize
    {
        get => Volatile.Read(ref _pageSize);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref _pageSize, value);
        }
    }

    /// <summary>Registers (or replaces) a known target, used for target_ids names and tag expansion in POST /v1/scans.</summary>
    public void AddTarget(string id, string target, params string[] tags)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentNullException.ThrowIfNull(tags);
        lock (_gate)
        {
            RegisteredTarget registered = new(id, target, tags.ToArray());
            int existing = _targets.FindIndex(t => t.Id == id);
            if (existing >= 0)
            {
                _targets[existing] = registered;
            }
            else
            {
                _targets.Add(registered);
            }
        }
    }

    /// <summary>
    /// Appends <paramref name="count"/> scans that never advance, cycling type and state, and returns their ids
    /// (24-hex counter, e.g. 000000000000000000000001 on a fresh fake).
    /// </summary>
    public IReadOnlyList<string> SeedScans(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        List<string> ids = new(count);
        lock (_gate)
        {
            for (int i = 0; i < count; i++)
            {
                long ordinal = _seededCount++;
                (string state, int progress) = s_seedStates[ordinal % s_seedStates.Length];
                string id = NextScanId(out long number);

                // UNCONFIRMED: the vendor does not document scheduled_by values; it is not part of the scan JSON.
                string scheduledBy = ordinal % 2 == 0 ? "USER" : "SCHEDULE";
                HostedScanScan scan = new(id, s_seedTypes[ordinal % s_seedTypes.Length], state, progress, scheduledBy, advances: false);
                AddRequestedTarget(scan, NextOtherId(TargetIdPrefix), "host" + number.ToString(CultureInfo.InvariantCulture) + ".example.com");
                if (state == "SUCCEEDED")
                {
                    AddFinishedOutputs(scan);
                }

                AddScan(scan);
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>
    /// Makes the next scan id <paramref name="number"/> + 1 (24 hex digits), so ids from this fake differ from those of
    /// other fakes in the same process (tab completion of -Id sees every scan ScanPS wrote in the process).
    /// </summary>
    public void StartScanIdsAfter(long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        lock (_gate)
        {
            _scanCounter = number;
        }
    }

    /// <summary>Forgets scans, registered targets and page tokens and restarts id counters. Keeps ValidApiKeys and PageSize.</summary>
    public void ResetState()
    {
        lock (_gate)
        {
            _scans.Clear();
            _scansById.Clear();
            _targets.Clear();
            _pageTokens.Clear();
            ResetFindings();
            _scanCounter = 0;
            _otherIdCounter = 0;
            _seededCount = 0;
        }
    }

    public void MapRoutes(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/v1/scans", (RequestDelegate)CreateScanAsync);
        app.MapGet("/v1/scans", (RequestDelegate)ListScansAsync);
        app.MapGet("/v1/scans/{id}", (RequestDelegate)GetScanAsync);
        SandboxControl.Map(app, this);
        MapFindingRoutes(app);

        // Also catches known paths with other methods, which the docs do not define.
        app.MapFallback((RequestDelegate)NotFoundAsync);
    }

    private async Task CreateScanAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out MediaTypeHeaderValue? mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Content-Type must be application/json").ConfigureAwait(false);
            return;
        }

        string body;
        using (StreamReader reader = new(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        CreateScanRequest? request = CreateScanRequest.TryParse(body, out string? error);
        if (request is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, error!).ConfigureAwait(false);
            return;
        }

        JsonObject scanJson;
        lock (_gate)
        {
            HostedScanScan scan = new(NextScanId(out _), request.Type, "QUEUED", 0, "USER", advances: true) { FailsAtEnd = Lifecycle.FailNewScans };
            foreach (string target in request.Targets)
            {
                AddRequestedTarget(scan, NextOtherId(TargetIdPrefix), target);
            }

            // target_ids and tags may name the same target; list it once.
            HashSet<string> seenIds = new(StringComparer.Ordinal);
            foreach (string targetId in request.TargetIds)
            {
                if (seenIds.Add(targetId))
                {
                    RegisteredTarget? known = _targets.Find(t => t.Id == targetId);
                    AddRequestedTarget(scan, targetId, known?.Target ?? TargetOfEarlierScan(targetId) ?? "target-" + targetId);
                }
            }

            foreach (string tag in request.Tags)
            {
                // Unknown tags simply add nothing.
                foreach (RegisteredTarget tagged in _targets.Where(t => t.Tags.Contains(tag, StringComparer.Ordinal)))
                {
                    if (seenIds.Add(tagged.Id))
                    {
                        AddRequestedTarget(scan, tagged.Id, tagged.Target);
                    }
                }
            }

            AddScan(scan);
            scanJson = scan.ToJson();
        }

        // The vendor answers 200, not 201, for a created scan.
        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["data"] = scanJson }).ConfigureAwait(false);
    }

    private async Task GetScanAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        string id = context.Request.RouteValues["id"] as string ?? string.Empty;
        JsonObject? scanJson = null;
        lock (_gate)
        {
            if (_scansById.TryGetValue(id, out HostedScanScan? scan))
            {
                // Polling drives the lifecycle, so tests need no clock: each GET (LifecycleOptions.ReadsPerStep of them) is one step.
                CountRead(scan);
                scanJson = scan.ToJson();
            }
        }

        if (scanJson is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "Scan not found").ConfigureAwait(false);
            return;
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["data"] = scanJson }).ConfigureAwait(false);
    }

    private async Task ListScansAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        string? filtersText = FirstOrNull(context.Request.Query["filters"]);
        ScanListFilter? filter = null;
        if (filtersText is not null)
        {
            filter = ScanListFilter.TryParse(filtersText, out string? error);
            if (filter is null)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, error!).ConfigureAwait(false);
                return;
            }
        }

        string? pageToken = FirstOrNull(context.Request.Query["page_token"]);
        int statusCode = StatusCodes.Status200OK;
        JsonObject response;
        lock (_gate)
        {
            PageCursor? cursor = null;
            // A token is only valid for the exact filters it was issued with.
            if (pageToken is not null
                && (!_pageTokens.TryGetValue(pageToken, out cursor) || !string.Equals(cursor.Filters, filtersText, StringComparison.Ordinal)))
            {
                statusCode = StatusCodes.Status400BadRequest;
                response = FakeHttp.Error("Invalid page_token");
            }
            else
            {
                response = ListPage(filter, filtersText, cursor?.Offset ?? 0);
            }
        }

        await FakeHttp.WriteJsonAsync(context, statusCode, response).ConfigureAwait(false);
    }

    /// <summary>One page from <paramref name="offset"/>; adds next_page_token only when more remain. Caller holds the lock.</summary>
    private JsonObject ListPage(ScanListFilter? filter, string? filtersText, int offset)
    {
        List<HostedScanScan> matching = filter is null ? _scans : _scans.Where(filter.Matches).ToList();
        List<HostedScanScan> page = matching.Skip(offset).Take(PageSize).ToList();
        JsonArray data = new();
        foreach (HostedScanScan scan in page)
        {
            data.Add(scan.ToJson());
        }

        JsonObject response = new() { ["data"] = data };
        int nextOffset = offset + page.Count;
        if (nextOffset < matching.Count)
        {
            string token = NewPageToken();
            _pageTokens[token] = new PageCursor(nextOffset, filtersText);
            response["next_page_token"] = token;
        }

        return response;
    }

    private async Task NotFoundAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        await WriteErrorAsync(context, StatusCodes.Status404NotFound, "Not found").ConfigureAwait(false);
    }

    /// <summary>Writes the 401 and returns false unless the request carries exactly one valid API key.</summary>
    private async Task<bool> AuthorizeAsync(HttpContext context)
    {
        StringValues keys = context.Request.Headers[ApiKeyHeaderName];
        if (keys.Count == 1 && keys[0] is string key && ValidApiKeys.Contains(key))
        {
            return true;
        }

        await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Invalid or missing API key").ConfigureAwait(false);
        return false;
    }

    // UNCONFIRMED: HostedScan's error body shape is not documented; {"error": "..."} chosen.
    private static Task WriteErrorAsync(HttpContext context, int statusCode, string message) =>
        FakeHttp.WriteJsonAsync(context, statusCode, FakeHttp.Error(message));

    private static string? FirstOrNull(StringValues values) => values.Count > 0 ? values[0] : null;

    private void AddFinishedOutputs(HostedScanScan scan)
    {
        scan.Results.Add((NextOtherId(ResultIdPrefix), "text/html"));
        scan.Results.Add((NextOtherId(ResultIdPrefix), "application/pdf"));
        AddGeneratedRisk(scan, NextOtherId(RiskIdPrefix));
    }

    private void AddScan(HostedScanScan scan)
    {
        _scans.Add(scan);
        _scansById.Add(scan.Id, scan);
    }

    private static void AddRequestedTarget(HostedScanScan scan, string targetId, string target)
    {
        scan.RequestedTargets.Add((targetId, target));
        scan.ResolvedTargets.Add((targetId, FakeResolve(target)));
    }

    private string NextScanId(out long number)
    {
        number = ++_scanCounter;
        return number.ToString("x24", CultureInfo.InvariantCulture);
    }

    // One hex prefix per kind keeps target/result/risk ids apart from scan ids and from each other.
    private string NextOtherId(string prefix) => prefix + (++_otherIdCounter).ToString("x23", CultureInfo.InvariantCulture);

    // Unguessable so clients cannot fabricate tokens; the cursor itself stays server-side.
    private static string NewPageToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>IP literals resolve to themselves; names get a stable address in TEST-NET-3 (203.0.113.0/24).</summary>
    private static string FakeResolve(string target)
    {
        string host = target;
        if (Uri.TryCreate(target, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            host = uri.IdnHost.Trim('[', ']');
        }

        // Count the dots so shorthand like "1" (which IPAddress parses as 0.0.0.1) is treated as a name.
        if (IPAddress.TryParse(host, out IPAddress? address)
            && (address.AddressFamily == AddressFamily.InterNetworkV6 || host.Count(c => c == '.') == 3))
        {
            return host;
        }

        // FNV-1a: the same name always gets the same fake address.
        uint hash = 2166136261;
        foreach (char c in host.ToLowerInvariant())
        {
            hash = (hash ^ c) * 16777619;
        }

        return "203.0.113." + ((hash % 254) + 1).ToString(CultureInfo.InvariantCulture);
    }

    private sealed record RegisteredTarget(string Id, string Target, string[] Tags);

    private sealed record PageCursor(int Offset, string? Filters);
}
