using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ScanPS.FakeVendors;

/// <summary>What POST /v1/scans/{id}/stop answers for a scan that is not running (the spec allows both readings).</summary>
public enum PdcpStopRefusal
{
    /// <summary>400 ErrorResponse "scan is not running" (the default; UNCONFIRMED wording).</summary>
    BadRequest,

    /// <summary>200 {"message": "scan is not running", "ok": false}: DeleteScansResponse has an "ok" flag.</summary>
    OkFalse,
}

/// <summary>
/// The scan lifecycle of the ProjectDiscovery fake (issue 18), from the vendor's openapi.yaml:
/// POST /v1/scans/{scan_id}/rescan (200 TriggerUserScanResponse) and POST /v1/scans/{scan_id}/stop
/// (200 DeleteScansResponse {message, ok}; "Stop a running scan, not applied in any other state"). A stopped scan
/// reads status "stopped" (a status the spec names in ScanStatsResponse.scan_status, not in the list filter's text).
/// Moving scans go queued → running → finished (or running → failed), one step per ReadsPerStep GET /v1/scans/{id}.
/// </summary>
public sealed partial class FakeProjectDiscovery : ISandboxLifecycle
{
    /// <summary>The status of a scan stopped through POST /v1/scans/{id}/stop.</summary>
    public const string StoppedStatus = "stopped";

    /// <summary>Every status the fake can hold: the documented list filter values and "stopped".</summary>
    public static readonly IReadOnlyList<string> Statuses = new[] { "queued", "starting", "running", "finished", "failed", "uploaded", "scheduled", StoppedStatus };

    // UNCONFIRMED: which states count as "running" for stop (and as "already running" for rescan).
    private static readonly HashSet<string> s_inProgress = new(StringComparer.Ordinal) { "queued", "starting", "running" };

    private PdcpStopRefusal _stopRefusal;

    /// <summary>How created scans move; also settable through POST /_sandbox/lifecycle.</summary>
    public LifecycleOptions Lifecycle { get; } = new();

    public PdcpStopRefusal StopRefusal
    {
        get { lock (_gate) { return _stopRefusal; } }
        set { lock (_gate) { _stopRefusal = value; } }
    }

    /// <summary>Adds one scan that never moves, in any <see cref="Statuses"/> value; returns its id.</summary>
    public string AddScan(string status, string? teamId = null, string? name = null)
    {
        if (!Statuses.Contains(status, StringComparer.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Not a PDCP scan status.");
        }

        lock (_gate)
        {
            string id = NextScanId(out long number);
            PdcpScan scan = new(id, teamId, name ?? status + "-" + number.ToString(CultureInfo.InvariantCulture), status,
                status switch { "running" or StoppedStatus => 40, "finished" or "failed" or "uploaded" => 100, _ => 0 }, s_epoch.AddMinutes(number * 10), advances: false)
            {
                TotalTarget = 2,
                TotalTemplate = 120,
                FailureReason = status == "failed" ? "no reachable targets" : string.Empty,
            };
            scan.PublicTemplates.Add("http/cves/");
            _scans.Add(scan);
            return id;
        }
    }

    public JsonObject? PeekScan(string id)
    {
        lock (_gate)
        {
            PdcpScan? scan = _scans.Find(s => s.Id == id);
            return scan is null ? null : Peek(scan);
        }
    }

    public bool AdvanceScan(string id, int steps)
    {
        lock (_gate)
        {
            PdcpScan? scan = _scans.Find(s => s.Id == id);
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
            PdcpScan? scan = _scans.Find(s => s.Id == id);
            if (scan is null)
            {
                return "no scan '" + id + "'";
            }

            if (!Statuses.Contains(state, StringComparer.Ordinal))
            {
                return "'" + state + "' is not a status (" + string.Join(", ", Statuses) + ")";
            }

            scan.Status = state;
            scan.Progress = state switch { "queued" or "starting" or "scheduled" => 0, "running" => 50, StoppedStatus => scan.Progress, _ => 100 };
            scan.UpdatedAt = scan.UpdatedAt.AddMinutes(1);
            scan.CompletedAt = state is "finished" or "failed" or "uploaded" ? scan.UpdatedAt : null;
            scan.Reads = 0;
            return null;
        }
    }

    /// <summary>The standalone sandbox's extra scans: two stopped ones in the personal workspace.</summary>
    internal void SeedLifecycleSandbox()
    {
        AddScan(StoppedStatus, name: "stopped-weekly");
        AddScan(StoppedStatus, name: "stopped-adhoc");
    }

    private void MapLifecycleRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/scans/{scan_id}/rescan", (RequestDelegate)RescanAsync);
        app.MapPost("/v1/scans/{scan_id}/stop", (RequestDelegate)StopAsync);
        SandboxControl.Map(app, this);
    }

    // Caller holds the lock.
    private void CountRead(PdcpScan scan)
    {
        if (scan.Advances && SandboxControl.CountRead(Lifecycle, ref scan.Reads) == 1)
        {
            Advance(scan);
        }
    }

    // One step for the sandbox control, also of scans that do not move by themselves.
    private static void Step(PdcpScan scan)
    {
        if (scan.Status is "starting")
        {
            scan.Status = "queued";
        }

        scan.UpdatedAt = scan.UpdatedAt.AddMinutes(2);
        if (scan.Status == "queued")
        {
            scan.Status = "running";
            scan.Progress = 50;
        }
        else if (scan.Status == "running")
        {
            scan.Status = scan.FailsAtEnd ? "failed" : "finished";
            scan.Progress = 100;
            scan.CompletedAt = scan.UpdatedAt;
            if (scan.FailsAtEnd)
            {
                scan.FailureReason = "no reachable targets";
            }
            else
            {
                scan.TotalResult = 3;
            }
        }
    }

    private async Task RescanAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context).ConfigureAwait(false) is not { } workspace)
        {
            return;
        }

        string id = context.Request.RouteValues["scan_id"] as string ?? string.Empty;
        string? newId = null;
        string? refusal = null;
        bool found;
        lock (_gate)
        {
            PdcpScan? source = _scans.Find(s => s.Id == id && s.TeamId == workspace.TeamId);
            found = source is not null;
            if (source is not null && s_inProgress.Contains(source.Status))
            {
                // UNCONFIRMED: the spec does not say what a rescan of a scan in progress answers.
                refusal = "scan is already running";
            }
            else if (source is not null)
            {
                // UNCONFIRMED: a rescan is modelled as a new scan (is_rescan true) with the source's settings, the source's
                // rescan_count going up; the spec's answer carries an id, which may also be the source's own.
                newId = NextScanId(out long number);
                PdcpScan scan = new(newId, source.TeamId, source.Name, "queued", 0, s_epoch.AddDays(1).AddMinutes(number), advances: true)
                {
                    TotalTarget = source.TotalTarget,
                    TotalTemplate = source.TotalTemplate,
                    AgentId = source.AgentId,
                    AgentBehavior = source.AgentBehavior,
                    IsAutomatic = source.IsAutomatic,
                    IsRescan = true,
                    FailsAtEnd = Lifecycle.FailNewScans,
                };
                scan.AssetIds.AddRange(source.AssetIds);
                scan.PublicTemplates.AddRange(source.PublicTemplates);
                scan.ScanConfigIds.AddRange(source.ScanConfigIds);
                scan.ReportConfigIds.AddRange(source.ReportConfigIds);
                scan.AgentTags.AddRange(source.AgentTags);
                scan.AgentNetworks.AddRange(source.AgentNetworks);
                source.RescanCount++;
                _scans.Add(scan);
            }
        }

        if (!found)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "scan not found", "scan_id").ConfigureAwait(false);
            return;
        }

        if (refusal is not null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, refusal, "scan_id").ConfigureAwait(false);
            return;
        }

        // TriggerUserScanResponse, as for a create (UNCONFIRMED message text).
        JsonObject response = new() { ["id"] = newId, ["message"] = "rescan started", ["truncated-scan-targets"] = 0 };
        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, response).ConfigureAwait(false);
    }

    private async Task StopAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context).ConfigureAwait(false) is not { } workspace)
        {
            return;
        }

        string id = context.Request.RouteValues["scan_id"] as string ?? string.Empty;
        bool found;
        bool stopped = false;
        PdcpStopRefusal refusal;
        lock (_gate)
        {
            refusal = _stopRefusal;
            PdcpScan? scan = _scans.Find(s => s.Id == id && s.TeamId == workspace.TeamId);
            found = scan is not null;
            if (scan is not null && s_inProgress.Contains(scan.Status))
            {
                scan.Status = StoppedStatus;
                scan.UpdatedAt = scan.UpdatedAt.AddMinutes(1);
                stopped = true;
            }
        }

        if (!found)
        {
            // 404 is not declared for stop; "default" ErrorResponse covers it.
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "scan not found", "scan_id").ConfigureAwait(false);
            return;
        }

        if (stopped)
        {
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["message"] = "scan stopped", ["ok"] = true }).ConfigureAwait(false);
        }
        else if (refusal == PdcpStopRefusal.OkFalse)
        {
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["message"] = "scan is not running", ["ok"] = false }).ConfigureAwait(false);
        }
        else
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "scan is not running", "scan_id").ConfigureAwait(false);
        }
    }

    private static JsonObject Peek(PdcpScan scan) =>
        new() { ["id"] = scan.Id, ["state"] = scan.Status, ["progress"] = scan.Progress, ["reads"] = scan.Reads, ["moves"] = scan.Advances };
}
