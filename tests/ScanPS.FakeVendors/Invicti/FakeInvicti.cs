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

/// <summary>How the fake answers a scan id it does not know. The vendor's real answer is UNCONFIRMED (not in its Swagger document).</summary>
public enum InvictiUnknownScanAnswer
{
    /// <summary>404 with BaseResponseApiModel {"Message": "..."} (the Swagger document's typed error body).</summary>
    NotFoundMessage,

    /// <summary>404 with a bare JSON string, as the Swagger document declares for some 404s (members/get).</summary>
    NotFoundBareString,

    /// <summary>200 with the enum string "ScanNotFound", as Invicti's cancel/pause/resume report failures.</summary>
    OkResultString,
}

/// <summary>
/// In-memory fake of the Invicti Enterprise API 1.0 scan endpoints, following the vendor's Swagger 2.0 document:
/// Basic auth (API user id : API token), POST scans/newfromscan with a bare JSON string body (201 + ScanTaskModel),
/// GET scans/list and scans/listbystate (page/pageSize ≤ 200, ScanTaskListApiResult), GET scans/detail/{id}.
/// Launched scans move Queued → Scanning → Archiving → Complete, one step per GET detail.
/// Every public member is thread-safe except <see cref="Credentials"/>, which should be changed only between requests.
/// </summary>
public sealed partial class FakeInvicti : IFakeVendor
{
    public const string ApiRoot = "/api/1.0";
    public const int MaxPageSize = 200;

    /// <summary>The documented ScanTaskState values.</summary>
    public static readonly IReadOnlyList<string> States = new[]
    {
        "Queued", "Scanning", "Archiving", "Complete", "Failed", "Cancelled", "Delayed", "Pausing", "Paused", "Resuming", "AsyncArchiving",
    };

    // ASP.NET Web API's own 401 text, which Invicti's API is built on (UNCONFIRMED that Invicti keeps it).
    internal const string UnauthorizedMessage = "Authorization has been denied for this request.";

    private static readonly DateTimeOffset s_epoch = new(2024, 3, 28, 6, 7, 58, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly List<InvictiScanTask> _scans = new();
    private readonly Dictionary<string, InvictiScanTask> _scansById = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<InvictiWebsite> _websites = new();
    private long _scanCounter;
    private long _minutes;
    private InvictiUnknownScanAnswer _unknownScanAnswer = InvictiUnknownScanAnswer.NotFoundMessage;

    public string Name => "Invicti";

    /// <summary>API user id → API token pairs that pass the Basic auth check.</summary>
    public Dictionary<string, string> Credentials { get; set; } = new(StringComparer.Ordinal)
    {
        ["test-user-id"] = "test-token",
        ["sandbox-user-id"] = "sandbox-token",
    };

    public InvictiUnknownScanAnswer UnknownScanAnswer
    {
        get { lock (_gate) { return _unknownScanAnswer; } }
        set { lock (_gate) { _unknownScanAnswer = value; } }
    }

    /// <summary>
    /// A fake with the seeded data of the standalone sandbox (suggested port 5101; credentials
    /// sandbox-user-id / sandbox-token): three websites and 45 scans in every state, so listings span pages.
    /// </summary>
    public static FakeInvicti CreateSandbox()
    {
        FakeInvicti fake = new();
        fake.AddWebsite("https://www.example.com/", "Example");
        fake.AddWebsite("https://staging.example.com/", "Example staging");
        fake.AddWebsite("https://api.staging.example.com/", "Example API staging");
        fake.SeedScans(45);
        fake.SeedLifecycleSandbox();
        fake.AddFindingsToSeededScans();
        return fake;
    }

    /// <summary>Registers a website; scans are spread over the registered websites in order. Returns its id.</summary>
    public string AddWebsite(string rootUrl, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootUrl);
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_gate)
        {
            int n = _websites.Count + 1;
            InvictiWebsite website = new(Guid("a1000000", n), name, rootUrl, Guid("b2000000", 1));
            _websites.Add(website);
            return website.Id;
        }
    }

    /// <summary>
    /// Adds <paramref name="count"/> scans that never advance, cycling through the websites and the eleven states
    /// (Complete every other scan), newest last. Returns their ids (GUIDs 5ca70000-0000-4000-8000-&lt;counter&gt;).
    /// </summary>
    public IReadOnlyList<string> SeedScans(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        List<string> ids = new(count);
        lock (_gate)
        {
            EnsureWebsite();
            for (int i = 0; i < count; i++)
            {
                long n = ++_scanCounter;
                string state = n % 2 == 1 ? "Complete" : States[(int)(n / 2 % States.Count)];
                InvictiScanTask scan = new(Guid("5ca70000", n), _websites[(int)((n - 1) % _websites.Count)], state, NextTime(), advances: false);
                Add(scan);
                ids.Add(scan.Id);
            }
        }

        return ids;
    }

    /// <summary>Adds one scan of the first website (or <paramref name="website"/>) in the given state; returns its id.</summary>
    public string AddScan(string state, string? websiteId = null, bool advances = false)
    {
        if (!States.Contains(state, StringComparer.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Not a ScanTaskState.");
        }

        lock (_gate)
        {
            EnsureWebsite();
            InvictiWebsite website = websiteId is null ? _websites[0] : _websites.Single(w => w.Id == websiteId);
            InvictiScanTask scan = new(Guid("5ca70000", ++_scanCounter), website, state, NextTime(), advances);
            Add(scan);
            return scan.Id;
        }
    }

    /// <summary>
    /// Makes the next scan id end in <paramref name="number"/> + 1 (12 hex digits), so ids from this fake differ from
    /// those of other fakes in the same process.
    /// </summary>
    public void StartScanIdsAfter(long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        lock (_gate)
        {
            _scanCounter = number;
        }
    }

    /// <summary>The state the fake holds for a scan (null when unknown), without advancing it.</summary>
    public string? StateOf(string id)
    {
        lock (_gate)
        {
            return _scansById.TryGetValue(id, out InvictiScanTask? scan) ? scan.State : null;
        }
    }

    /// <summary>The scan's ScanTaskModel JSON as the fake would send it, without advancing it (null when unknown).</summary>
    public string? ScanJson(string id)
    {
        lock (_gate)
        {
            return _scansById.TryGetValue(id, out InvictiScanTask? scan) ? FakeHttp.ToJson(scan.ToJson()) : null;
        }
    }

    public int ScanCount
    {
        get { lock (_gate) { return _scans.Count; } }
    }

    public void MapRoutes(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(ApiRoot + "/scans/newfromscan", (RequestDelegate)NewFromScanAsync);
        app.MapGet(ApiRoot + "/scans/list", (RequestDelegate)ListAsync);
        app.MapGet(ApiRoot + "/scans/listbystate", (RequestDelegate)ListByStateAsync);
        app.MapGet(ApiRoot + "/scans/detail/{id}", (RequestDelegate)DetailAsync);
        MapLifecycleRoutes(app);
        MapFindingRoutes(app);
        app.MapFallback((RequestDelegate)NoResourceAsync);
    }

    private async Task NewFromScanAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        // The Swagger document lists JSON, XML and form bodies; this fake speaks JSON only.
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out MediaTypeHeaderValue? mediaType)
            || !(mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.MediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)))
        {
            await WriteMessageAsync(context, StatusCodes.Status415UnsupportedMediaType,
                "The request entity's media type '" + context.Request.ContentType + "' is not supported for this resource.").ConfigureAwait(false);
            return;
        }

        string body;
        using (StreamReader reader = new(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        // The body parameter "id" is {type: string, format: uuid}: a bare JSON string. {"id": "..."} does not bind.
        string? id = ParseBareGuid(body);
        if (id is null)
        {
            await WriteMessageAsync(context, StatusCodes.Status400BadRequest,
                "The request is invalid. The body must be the scan id as a JSON string, for example \"" + InvictiScanTask.ZeroGuid + "\".").ConfigureAwait(false);
            return;
        }

        JsonObject? created = null;
        InvictiUnknownScanAnswer unknown;
        lock (_gate)
        {
            unknown = _unknownScanAnswer;
            if (_scansById.TryGetValue(id, out InvictiScanTask? source))
            {
                InvictiScanTask scan = new(Guid("1a0c0000", ++_scanCounter), source.Website, "Queued", NextTime(), advances: true)
                {
                    FailsAtEnd = Lifecycle.FailNewScans,
                    ScanType = source.ScanType,
                    PolicyId = source.PolicyId,
                    PolicyName = source.PolicyName,
                    Tags = source.Tags,
                };
                Add(scan);
                created = scan.ToJson();
            }
        }

        if (created is null)
        {
            await WriteUnknownScanAsync(context, unknown, id).ConfigureAwait(false);
            return;
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status201Created, created).ConfigureAwait(false);
    }

    private async Task DetailAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        string id = context.Request.RouteValues["id"] as string ?? string.Empty;
        JsonObject? json = null;
        InvictiUnknownScanAnswer unknown;
        lock (_gate)
        {
            unknown = _unknownScanAnswer;
            if (System.Guid.TryParse(id, out _) && _scansById.TryGetValue(id, out InvictiScanTask? scan))
            {
                // Polling drives the lifecycle, so tests need no clock: each GET is one step.
                CountRead(scan);

                json = scan.ToJson();
            }
        }

        if (json is null)
        {
            // A result string is newfromscan's style; a GET answers 404 either way.
            await WriteUnknownScanAsync(context, unknown == InvictiUnknownScanAnswer.OkResultString ? InvictiUnknownScanAnswer.NotFoundMessage : unknown, id).ConfigureAwait(false);
            return;
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, json).ConfigureAwait(false);
    }

    private Task ListAsync(HttpContext context) => ListCoreAsync(context, byState: false);

    private Task ListByStateAsync(HttpContext context) => ListCoreAsync(context, byState: true);

    private async Task ListCoreAsync(HttpContext context, bool byState)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        IQueryCollection query = context.Request.Query;
        if (!TryInt(query["page"], 1, out int page) || page < 1)
        {
            await WriteMessageAsync(context, StatusCodes.Status400BadRequest, "The page index must be 1 or more.").ConfigureAwait(false);
            return;
        }

        if (!TryInt(query["pageSize"], 20, out int pageSize) || pageSize < 1 || pageSize > MaxPageSize)
        {
            await WriteMessageAsync(context, StatusCodes.Status400BadRequest, "Page size can be any value between 1 and 200.").ConfigureAwait(false);
            return;
        }

        string? state = null;
        string? targetUrlCriteria = FirstOrNull(query["targetUrlCriteria"]);
        if (byState)
        {
            // Web API binds enums case-insensitively; a missing or unknown value does not bind.
            string? raw = FirstOrNull(query["scanTaskState"]);
            state = States.FirstOrDefault(s => string.Equals(s, raw, StringComparison.OrdinalIgnoreCase));
            if (state is null)
            {
                await WriteMessageAsync(context, StatusCodes.Status400BadRequest,
                    "The request is invalid. scanTaskState must be one of: " + string.Join(", ", States) + ".").ConfigureAwait(false);
                return;
            }
        }

        JsonObject result;
        lock (_gate)
        {
            // Newest first (UNCONFIRMED: the vendor does not document the order).
            List<InvictiScanTask> matching = _scans
                .Where(s => state is null || s.State == state)
                .Where(s => targetUrlCriteria is null || s.Website.RootUrl.Contains(targetUrlCriteria, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(s => s.InitiatedAt)
                .ToList();
            result = Page(matching, page, pageSize);
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, result).ConfigureAwait(false);
    }

    /// <summary>ScanTaskListApiResult for one page (1-based), with the paged-list fields the Swagger document defines.</summary>
    private static JsonObject Page(List<InvictiScanTask> matching, int page, int pageSize)
    {
        int total = matching.Count;
        int pageCount = (total + pageSize - 1) / pageSize;
        List<InvictiScanTask> items = matching.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        JsonArray list = new();
        foreach (InvictiScanTask scan in items)
        {
            list.Add(scan.ToJson());
        }

        int first = items.Count == 0 ? 0 : (page - 1) * pageSize + 1;
        return new JsonObject
        {
            ["FirstItemOnPage"] = first,
            ["HasNextPage"] = page < pageCount,
            ["HasPreviousPage"] = page > 1,
            ["IsFirstPage"] = page == 1,
            ["IsLastPage"] = page >= pageCount,
            ["LastItemOnPage"] = items.Count == 0 ? 0 : first + items.Count - 1,
            ["List"] = list,
            ["PageCount"] = pageCount,
            ["PageNumber"] = page,
            ["PageSize"] = pageSize,
            ["TotalItemCount"] = total,
        };
    }

    private async Task NoResourceAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        // ASP.NET Web API's wording for an unrouted URI.
        await WriteMessageAsync(context, StatusCodes.Status404NotFound,
            "No HTTP resource was found that matches the request URI '" + context.Request.Path + context.Request.QueryString + "'.").ConfigureAwait(false);
    }

    /// <summary>Writes the 401 and returns false unless the Basic credentials are a known user id and its token.</summary>
    private async Task<bool> AuthorizeAsync(HttpContext context)
    {
        StringValues values = context.Request.Headers.Authorization;
        if (values.Count == 1 && values[0] is string header && header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            try
            {
                string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                int colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && Credentials.TryGetValue(decoded[..colon], out string? token) && token == decoded[(colon + 1)..])
                {
                    return true;
                }
            }
            catch (FormatException)
            {
                // Not base64: unauthorised like any other bad credential.
            }
        }

        await WriteMessageAsync(context, StatusCodes.Status401Unauthorized, UnauthorizedMessage).ConfigureAwait(false);
        return false;
    }

    private static Task WriteUnknownScanAsync(HttpContext context, InvictiUnknownScanAnswer answer, string id) => answer switch
    {
        InvictiUnknownScanAnswer.NotFoundBareString => FakeHttp.WriteJsonAsync(context, StatusCodes.Status404NotFound, JsonValue.Create("Scan not found: " + id)!),
        InvictiUnknownScanAnswer.OkResultString => FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, JsonValue.Create("ScanNotFound")!),
        _ => WriteMessageAsync(context, StatusCodes.Status404NotFound, "Scan not found: " + id),
    };

    /// <summary>BaseResponseApiModel, the error body the Swagger document types: {"Message": "..."}.</summary>
    private static Task WriteMessageAsync(HttpContext context, int statusCode, string message) =>
        FakeHttp.WriteJsonAsync(context, statusCode, new JsonObject { ["Message"] = message });

    private static string? ParseBareGuid(string body)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.String && System.Guid.TryParse(document.RootElement.GetString(), out Guid guid)
                ? guid.ToString("D")
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryInt(StringValues values, int fallback, out int value)
    {
        string? text = FirstOrNull(values);
        if (text is null)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private static string? FirstOrNull(StringValues values) => values.Count > 0 ? values[0] : null;

    private void EnsureWebsite()
    {
        if (_websites.Count == 0)
        {
            _websites.Add(new InvictiWebsite(Guid("a1000000", 1), "Example", "https://www.example.com/", Guid("b2000000", 1)));
        }
    }

    private void Add(InvictiScanTask scan)
    {
        _scans.Add(scan);
        _scansById.Add(scan.Id, scan);
    }

    // One minute per event keeps InitiatedAt strictly increasing, so "newest first" is deterministic.
    private DateTimeOffset NextTime() => s_epoch.AddMinutes(++_minutes);

    private static string Guid(string prefix, long n) => prefix + "-0000-4000-8000-" + n.ToString("x12", CultureInfo.InvariantCulture);
}
