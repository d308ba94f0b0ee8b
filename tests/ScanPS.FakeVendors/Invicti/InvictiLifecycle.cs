using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace ScanPS.FakeVendors;

/// <summary>
/// The scan lifecycle of the Invicti fake (issue 18), from the vendor's Swagger 2.0 document:
/// POST scans/new (NewScanTaskApiModel → 201 array of ScanTaskModel), POST scans/newwithprofile
/// (NewScanTaskWithProfileApiModel → 201 one ScanTaskModel), GET scanpolicies/get?name= (ScanPolicySettingApiModel),
/// GET scans/status/{id} (ApiScanStatusModel), POST scans/cancel (bare JSON string id → 200 CancelResult string).
/// Moving scans go Queued → Scanning → Archiving → Complete (or Scanning → Failed), one step per
/// <see cref="LifecycleOptions.ReadsPerStep"/> status or detail reads. See LIFECYCLE.md.
/// </summary>
public sealed partial class FakeInvicti : ISandboxLifecycle
{
    /// <summary>The default scan policy's id (the PolicyId every seeded scan carries).</summary>
    public const string DefaultPolicyId = "6f6cc5b1-3e28-4c3b-8d47-000000000001";

    private readonly List<InvictiPolicy> _policies = new()
    {
        new(DefaultPolicyId, "Default Security Checks", "Invicti's default policy.", true),
        new("6f6cc5b1-3e28-4c3b-8d47-000000000003", "Extensive Security Checks", "All security checks.", false),
        new("6f6cc5b1-3e28-4c3b-8d47-000000000004", "Quick Scan", "Crawl and a few checks.", false),
    };

    private readonly Dictionary<string, (string? WebsiteId, string PolicyId)> _profiles = new(StringComparer.Ordinal);

    /// <summary>How created scans move; also settable through POST /_sandbox/lifecycle.</summary>
    public LifecycleOptions Lifecycle { get; } = new();

    /// <summary>
    /// What POST scans/cancel answers per current state (a CancelResult string; "Ok" cancels the scan). Change only
    /// between requests. The per-state answers are UNCONFIRMED: the Swagger document lists the enum, not when each applies.
    /// </summary>
    public Dictionary<string, string> CancelResults { get; } = new(StringComparer.Ordinal)
    {
        ["Queued"] = "Ok",
        ["Scanning"] = "Ok",
        ["Pausing"] = "Ok",
        ["Paused"] = "Ok",
        ["Resuming"] = "Ok",
        ["Delayed"] = "ScanNotRunning",
        ["Archiving"] = "ScanCompleted",
        ["AsyncArchiving"] = "ScanCompleted",
        ["Complete"] = "ScanCompleted",
        ["Cancelled"] = "ScanCancelled",
        ["Failed"] = "ScanFailed",
    };

    /// <summary>Adds a scan policy (found by scanpolicies/get?name=, usable as PolicyId); returns its id.</summary>
    public string AddScanPolicy(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_gate)
        {
            string id = Guid("6f6cc5b1", 100 + _policies.Count);
            _policies.Add(new InvictiPolicy(id, name, string.Empty, false));
            return id;
        }
    }

    /// <summary>Adds a scan profile for scans/newwithprofile (a website's own profile when <paramref name="websiteId"/> is given).</summary>
    public void AddScanProfile(string name, string? websiteId = null, string policyId = DefaultPolicyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_gate)
        {
            _profiles[name] = (websiteId, policyId);
        }
    }

    public JsonObject? PeekScan(string id)
    {
        lock (_gate)
        {
            return _scansById.TryGetValue(id, out InvictiScanTask? scan) ? Peek(scan) : null;
        }
    }

    public bool AdvanceScan(string id, int steps)
    {
        lock (_gate)
        {
            if (!_scansById.TryGetValue(id, out InvictiScanTask? scan))
            {
                return false;
            }

            for (int i = 0; i < steps; i++)
            {
                scan.Advance(NextTime());
            }

            scan.Reads = 0;
            return true;
        }
    }

    public string? SetScanState(string id, string state)
    {
        lock (_gate)
        {
            if (!_scansById.TryGetValue(id, out InvictiScanTask? scan))
            {
                return "no scan '" + id + "'";
            }

            if (!States.Contains(state, StringComparer.Ordinal))
            {
                return "'" + state + "' is not a ScanTaskState (" + string.Join(", ", States) + ")";
            }

            scan.MoveTo(state, NextTime());
            scan.Reads = 0;
            return null;
        }
    }

    /// <summary>The standalone sandbox's scan profiles: one per website plus a shared one.</summary>
    internal void SeedLifecycleSandbox()
    {
        lock (_gate)
        {
            foreach (InvictiWebsite website in _websites)
            {
                _profiles[website.Name + " profile"] = (website.Id, DefaultPolicyId);
            }

            _profiles["Nightly quick"] = (null, "6f6cc5b1-3e28-4c3b-8d47-000000000004");
        }
    }

    private void MapLifecycleRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoot + "/scans/new", (RequestDelegate)NewAsync);
        app.MapPost(ApiRoot + "/scans/newwithprofile", (RequestDelegate)NewWithProfileAsync);
        app.MapGet(ApiRoot + "/scanpolicies/get", (RequestDelegate)PolicyAsync);
        app.MapGet(ApiRoot + "/scans/status/{id}", (RequestDelegate)StatusAsync);
        app.MapPost(ApiRoot + "/scans/cancel", (RequestDelegate)CancelAsync);
        SandboxControl.Map(app, this);
    }

    /// <summary>One read of a scan by status or detail: a moving scan takes a step every ReadsPerStep reads. Caller holds the lock.</summary>
    private void CountRead(InvictiScanTask scan)
    {
        if (scan.Advances && SandboxControl.CountRead(Lifecycle, ref scan.Reads) == 1)
        {
            scan.Advance(NextTime());
        }
    }

    private async Task NewAsync(HttpContext context)
    {
        JsonObject? body = await ReadObjectBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        // NewScanTaskApiModel declares no required member; without a TargetUri there is nothing to scan.
        if (!TryTargetUri(body["TargetUri"], out string targetUri))
        {
            await WriteMessageAsync(context, StatusCodes.Status400BadRequest, "The request is invalid. TargetUri must be an absolute http or https URL.").ConfigureAwait(false);
            return;
        }

        List<string> additional = new();
        if (body["AdditionalWebsites"] is JsonNode additionalNode)
        {
            if (additionalNode is not JsonArray array || array.Any(a => a is not JsonObject o || !TryTargetUri(o["TargetUrl"], out _)))
            {
                await WriteMessageAsync(context, StatusCodes.Status400BadRequest, "The request is invalid. AdditionalWebsites must be objects with an absolute TargetUrl.").ConfigureAwait(false);
                return;
            }

            additional.AddRange(array.Select(a => (string)a!["TargetUrl"]!));
        }

        string[] tags = Array.Empty<string>();
        if (body["Tags"] is JsonNode tagsNode)
        {
            if (tagsNode is not JsonArray tagArray || tagArray.Any(t => t is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
            {
                await WriteMessageAsync(context, StatusCodes.Status400BadRequest, "The request is invalid. Tags must be an array of strings.").ConfigureAwait(false);
                return;
            }

            tags = tagArray.Select(t => (string)t!).ToArray();
        }

        string? policyId = null;
        if (body["PolicyId"] is JsonNode policyNode)
        {
            policyId = policyNode is JsonValue pv && pv.GetValueKind() == JsonValueKind.String && System.Guid.TryParse((string)pv!, out Guid g) ? g.ToString("D") : null;
            if (policyId is null)
            {
                await WriteMessageAsync(context, StatusCodes.Status400BadRequest, "The request is invalid. PolicyId must be a GUID.").ConfigureAwait(false);
                return;
            }
        }

        JsonArray created = new();
        string? error = null;
        lock (_gate)
        {
            InvictiPolicy? policy = policyId is null ? _policies[0] : _policies.Find(p => string.Equals(p.Id, policyId, StringComparison.OrdinalIgnoreCase));
            List<InvictiWebsite> websites = new();
            foreach (string url in additional.Prepend(targetUri))
            {
                InvictiWebsite? website = WebsiteFor(url);
                if (website is null)
                {
                    // UNCONFIRMED wording and status: the Swagger document only declares 201.
                    error = "No website was found for '" + url + "'. Add the website first.";
                    break;
                }

                websites.Add(website);
            }

            if (policy is null)
            {
                error ??= "The scan policy '" + policyId + "' was not found.";
            }

            if (error is null)
            {
                // One scan per website: the target and each additional website (vendor-apis.md §3, "scans/new returns an array").
                foreach (InvictiWebsite website in websites)
                {
                    created.Add(Launch(website, policy!, tags).ToJson());
                }
            }
        }

        if (error is not null)
        {
            await WriteMessageAsync(context, StatusCodes.Status400BadRequest, error).ConfigureAwait(false);
            return;
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status201Created, created).ConfigureAwait(false);
    }

    private async Task NewWithProfileAsync(HttpContext context)
    {
        JsonObject? body = await ReadObjectBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        // NewScanTaskWithProfileApiModel: ProfileName and TargetUri are both required.
        string? profileName = body["ProfileName"] is JsonValue pn && pn.GetValueKind() == JsonValueKind.String ? (string)pn! : null;
        if (string.IsNullOrEmpty(profileName) || !TryTargetUri(body["TargetUri"], out string targetUri))
        {
            await WriteMessageAsync(context, StatusCodes.Status400BadRequest, "The request is invalid. ProfileName and TargetUri (an absolute http or https URL) are required.").ConfigureAwait(false);
            return;
        }

        JsonObject? created = null;
        int status = StatusCodes.Status201Created;
        string? error = null;
        lock (_gate)
        {
            InvictiWebsite? website = WebsiteFor(targetUri);
            if (!_profiles.TryGetValue(profileName, out var profile))
            {
                // UNCONFIRMED: status and wording for an unknown profile name.
                status = StatusCodes.Status404NotFound;
                error = "The scan profile '" + profileName + "' was not found.";
            }
            else if (website is null || (profile.WebsiteId is not null && profile.WebsiteId != website.Id))
            {
                status = StatusCodes.Status400BadRequest;
                error = "No website of the scan profile '" + profileName + "' matches '" + targetUri + "'.";
            }
            else
            {
                InvictiPolicy policy = _policies.Find(p => p.Id == profile.PolicyId) ?? _policies[0];
                created = Launch(website, policy, Array.Empty<string>()).ToJson();
            }
        }

        if (error is not null)
        {
            await WriteMessageAsync(context, status, error).ConfigureAwait(false);
            return;
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status201Created, created!).ConfigureAwait(false);
    }

    private async Task PolicyAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        string? name = context.Request.Query["name"];
        if (string.IsNullOrEmpty(name))
        {
            await WriteMessageAsync(context, StatusCodes.Status400BadRequest, "The request is invalid. The name parameter is required.").ConfigureAwait(false);
            return;
        }

        InvictiPolicy? policy;
        lock (_gate)
        {
            // UNCONFIRMED: whether the vendor matches names case-insensitively; this fake does.
            policy = _policies.Find(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        }

        if (policy is null)
        {
            // UNCONFIRMED: the Swagger document declares only 200; a 404 {"Message"} is Web API's usual answer.
            await WriteMessageAsync(context, StatusCodes.Status404NotFound, "The scan policy '" + name + "' was not found.").ConfigureAwait(false);
            return;
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, policy.ToJson()).ConfigureAwait(false);
    }

    private async Task StatusAsync(HttpContext context)
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
                CountRead(scan);
                JsonObject full = scan.ToJson();
                // ApiScanStatusModel: the four members the Swagger document declares, from the same values as the detail.
                json = new JsonObject
                {
                    ["CompletedSteps"] = full["CompletedSteps"]!.DeepClone(),
                    ["EstimatedLaunchTime"] = full["EstimatedLaunchTime"]!.DeepClone(),
                    ["EstimatedSteps"] = full["EstimatedSteps"]!.DeepClone(),
                    ["State"] = scan.State,
                };
            }
        }

        if (json is null)
        {
            await WriteUnknownScanAsync(context, unknown == InvictiUnknownScanAnswer.OkResultString ? InvictiUnknownScanAnswer.NotFoundMessage : unknown, id).ConfigureAwait(false);
            return;
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, json).ConfigureAwait(false);
    }

    private async Task CancelAsync(HttpContext context)
    {
        string? body = await ReadJsonBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        // Like newfromscan, the body is the scan id as a bare JSON string.
        string? id = ParseBareGuid(body);
        if (id is null)
        {
            await WriteMessageAsync(context, StatusCodes.Status400BadRequest,
                "The request is invalid. The body must be the scan id as a JSON string, for example \"" + InvictiScanTask.ZeroGuid + "\".").ConfigureAwait(false);
            return;
        }

        string result;
        lock (_gate)
        {
            if (!_scansById.TryGetValue(id, out InvictiScanTask? scan))
            {
                result = "ScanNotFound";
            }
            else
            {
                result = CancelResults.TryGetValue(scan.State, out string? answer) ? answer : "ScanNotRunning";
                if (result == "Ok")
                {
                    // UNCONFIRMED: the vendor may pass through an intermediate state; the enum has none for cancelling.
                    scan.MoveTo("Cancelled", NextTime());
                }
            }
        }

        // The Swagger document: 200 with a CancelResult string for success and every refusal alike.
        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, JsonValue.Create(result)!).ConfigureAwait(false);
    }

    // Caller holds the lock.
    private InvictiScanTask Launch(InvictiWebsite website, InvictiPolicy policy, string[] tags)
    {
        InvictiScanTask scan = new(Guid("5ca70000", ++_scanCounter), website, "Queued", NextTime(), advances: true)
        {
            PolicyId = policy.Id,
            PolicyName = policy.Name,
            Tags = tags,
            FailsAtEnd = Lifecycle.FailNewScans,
        };
        Add(scan);
        return scan;
    }

    // Caller holds the lock. The website whose root URL the target URL starts with (case-insensitive).
    private InvictiWebsite? WebsiteFor(string url)
    {
        EnsureWebsite();
        string withSlash = url.EndsWith('/') ? url : url + "/";
        return _websites.Where(w => withSlash.StartsWith(w.RootUrl, StringComparison.OrdinalIgnoreCase)).OrderByDescending(w => w.RootUrl.Length).FirstOrDefault();
    }

    private static bool TryTargetUri(JsonNode? node, out string uri)
    {
        uri = string.Empty;
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            && Uri.TryCreate((string)value!, UriKind.Absolute, out Uri? parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            uri = (string)value!;
            return true;
        }

        return false;
    }

    private static JsonObject Peek(InvictiScanTask scan) =>
        new() { ["id"] = scan.Id, ["state"] = scan.State, ["percentage"] = scan.Percentage, ["reads"] = scan.Reads, ["moves"] = scan.Advances };

    /// <summary>Authorises, checks a JSON media type and reads the body; null after writing the error.</summary>
    private async Task<string?> ReadJsonBodyAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return null;
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out MediaTypeHeaderValue? mediaType)
            || !(mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.MediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)))
        {
            await WriteMessageAsync(context, StatusCodes.Status415UnsupportedMediaType,
                "The request entity's media type '" + context.Request.ContentType + "' is not supported for this resource.").ConfigureAwait(false);
            return null;
        }

        using StreamReader reader = new(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        return await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private async Task<JsonObject?> ReadObjectBodyAsync(HttpContext context)
    {
        string? body = await ReadJsonBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(body) is JsonObject json)
            {
                return json;
            }
        }
        catch (JsonException)
        {
            // Falls through to the 400.
        }

        await WriteMessageAsync(context, StatusCodes.Status400BadRequest, "The request is invalid. The body must be a JSON object.").ConfigureAwait(false);
        return null;
    }
}

/// <summary>A scan policy of the fake account.</summary>
internal sealed record InvictiPolicy(string Id, string Name, string Description, bool IsDefault)
{
    /// <summary>
    /// ScanPolicySettingApiModel with every required member the Swagger document declares, except SsrfSettingsModel:
    /// the document lists it as required but never declares it as a property (a fault of the document).
    /// </summary>
    internal JsonObject ToJson() => new()
    {
        ["IsAccountDefault"] = IsDefault,
        ["Id"] = Id,
        ["IsShared"] = true,
        ["FromApi"] = false,
        ["DesktopId"] = InvictiScanTask.ZeroGuid,
        ["AttackingSettings"] = new JsonObject(),
        ["AutoCompleteSettings"] = new JsonArray(),
        ["BruteForceSettings"] = new JsonObject(),
        ["CrawlingSettings"] = new JsonObject(),
        ["Custom404Settings"] = new JsonObject { ["Custom404RegEx"] = "", ["DisableAuto404Detection"] = false, ["Max404PagesToTest"] = 3, ["Maximum404Signature"] = 7 },
        ["Description"] = Description,
        ["EnableKnowledgebase"] = true,
        ["HttpRequestSettings"] = new JsonObject(),
        ["JavaScriptSettings"] = new JsonObject(),
        ["Name"] = Name,
        ["ScopeSettings"] = new JsonObject(),
        ["SslTlsSettingModel"] = new JsonObject(),
    };
}
