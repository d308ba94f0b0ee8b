using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ScanPS.FakeVendors;

/// <summary>
/// How scans created through a fake's API move through their lifecycle (see LIFECYCLE.md). Thread-safe: tests may
/// change it between requests or while a poll loop runs.
/// </summary>
public sealed class LifecycleOptions
{
    private int _readsPerStep = 1;
    private int _failNewScans;

    /// <summary>
    /// Status/detail reads of a moving scan needed for one step (default 1: every read is one step). 0 holds every
    /// moving scan where it is (a scan that never finishes, for timeout tests). Faulted reads do not count.
    /// </summary>
    public int ReadsPerStep
    {
        get => Volatile.Read(ref _readsPerStep);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Volatile.Write(ref _readsPerStep, value);
        }
    }

    /// <summary>When true, scans created from now on end in the vendor's failed state instead of its success state.</summary>
    public bool FailNewScans
    {
        get => Volatile.Read(ref _failNewScans) != 0;
        set => Volatile.Write(ref _failNewScans, value ? 1 : 0);
    }

    /// <summary>Back to the defaults (1 read per step, scans succeed): for fixtures that share a fake between tests.</summary>
    public void Reset()
    {
        ReadsPerStep = 1;
        FailNewScans = false;
    }

    internal JsonObject ToJson() => new() { ["readsPerStep"] = ReadsPerStep, ["failNewScans"] = FailNewScans };
}

/// <summary>The sandbox-only control surface a fake offers besides its vendor API (C# and the /_sandbox/ routes).</summary>
public interface ISandboxLifecycle
{
    LifecycleOptions Lifecycle { get; }

    /// <summary>{"id", "state", "reads", "moves"} for a scan without reading it the vendor way (no step); null when unknown.</summary>
    JsonObject? PeekScan(string id);

    /// <summary>Moves a scan <paramref name="steps"/> steps along its lifecycle now (seeded scans too); false when unknown.</summary>
    bool AdvanceScan(string id, int steps);

    /// <summary>Puts a scan in a vendor state; returns an error message (unknown scan or state) or null.</summary>
    string? SetScanState(string id, string state);
}

/// <summary>
/// Maps the sandbox control routes under /_sandbox/ (never part of a vendor API, no authentication):
/// GET/POST /_sandbox/lifecycle[?readsPerStep=N&amp;failNewScans=true|false],
/// GET /_sandbox/scans/{id}, POST /_sandbox/scans/{id}/advance[?steps=N], POST /_sandbox/scans/{id}/state?value=S.
/// </summary>
public static class SandboxControl
{
    public const string Prefix = "/_sandbox";

    public static void Map(IEndpointRouteBuilder app, ISandboxLifecycle fake)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(fake);
        app.MapGet(Prefix + "/lifecycle", (RequestDelegate)(context => FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, fake.Lifecycle.ToJson())));
        app.MapPost(Prefix + "/lifecycle", (RequestDelegate)(context => SetLifecycleAsync(context, fake.Lifecycle)));
        app.MapGet(Prefix + "/scans/{id}", (RequestDelegate)(context => PeekAsync(context, fake)));
        app.MapPost(Prefix + "/scans/{id}/advance", (RequestDelegate)(context => AdvanceAsync(context, fake)));
        app.MapPost(Prefix + "/scans/{id}/state", (RequestDelegate)(context => SetStateAsync(context, fake)));
    }

    private static Task SetLifecycleAsync(HttpContext context, LifecycleOptions options)
    {
        string? reads = context.Request.Query["readsPerStep"];
        string? fail = context.Request.Query["failNewScans"];
        int readsPerStep = 0;
        if (reads is not null && (!int.TryParse(reads, NumberStyles.None, CultureInfo.InvariantCulture, out readsPerStep)))
        {
            return FakeHttp.WriteJsonAsync(context, StatusCodes.Status400BadRequest, FakeHttp.Error("readsPerStep must be a whole number, 0 or more"));
        }

        bool failNewScans = false;
        if (fail is not null && !bool.TryParse(fail, out failNewScans))
        {
            return FakeHttp.WriteJsonAsync(context, StatusCodes.Status400BadRequest, FakeHttp.Error("failNewScans must be true or false"));
        }

        if (reads is not null)
        {
            options.ReadsPerStep = readsPerStep;
        }

        if (fail is not null)
        {
            options.FailNewScans = failNewScans;
        }

        return FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, options.ToJson());
    }

    private static Task PeekAsync(HttpContext context, ISandboxLifecycle fake)
    {
        string id = Id(context);
        JsonObject? peek = fake.PeekScan(id);
        return peek is null ? UnknownAsync(context, id) : FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, peek);
    }

    private static Task AdvanceAsync(HttpContext context, ISandboxLifecycle fake)
    {
        string id = Id(context);
        string? stepsText = context.Request.Query["steps"];
        int steps = 1;
        if (stepsText is not null && (!int.TryParse(stepsText, NumberStyles.None, CultureInfo.InvariantCulture, out steps) || steps < 1))
        {
            return FakeHttp.WriteJsonAsync(context, StatusCodes.Status400BadRequest, FakeHttp.Error("steps must be a whole number, 1 or more"));
        }

        return fake.AdvanceScan(id, steps) ? PeekAsync(context, fake) : UnknownAsync(context, id);
    }

    private static Task SetStateAsync(HttpContext context, ISandboxLifecycle fake)
    {
        string id = Id(context);
        string? value = context.Request.Query["value"];
        if (string.IsNullOrEmpty(value))
        {
            return FakeHttp.WriteJsonAsync(context, StatusCodes.Status400BadRequest, FakeHttp.Error("value (the vendor state) is required"));
        }

        string? error = fake.SetScanState(id, value);
        if (error is null)
        {
            return PeekAsync(context, fake);
        }

        return fake.PeekScan(id) is null ? UnknownAsync(context, id) : FakeHttp.WriteJsonAsync(context, StatusCodes.Status400BadRequest, FakeHttp.Error(error));
    }

    private static Task UnknownAsync(HttpContext context, string id) =>
        FakeHttp.WriteJsonAsync(context, StatusCodes.Status404NotFound, FakeHttp.Error("no scan '" + id + "' in this fake"));

    private static string Id(HttpContext context) => context.Request.RouteValues["id"] as string ?? string.Empty;

    /// <summary>
    /// One read of a moving scan: counts it and returns how many steps to take now (0 or 1).
    /// <paramref name="reads"/> is the scan's read counter since its last step.
    /// </summary>
    internal static int CountRead(LifecycleOptions options, ref int reads)
    {
        int perStep = options.ReadsPerStep;
        if (perStep == 0)
        {
            return 0;
        }

        reads++;
        if (reads < perStep)
        {
            return 0;
        }

        reads = 0;
        return 1;
    }
}
