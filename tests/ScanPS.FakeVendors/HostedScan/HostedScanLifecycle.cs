using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace ScanPS.FakeVendors;

/// <summary>
/// The scan lifecycle of the HostedScan fake (issue 18), from vendor-apis.md §1: scans go QUEUED → RUNNING (progress
/// 50) → SUCCEEDED (100), or RUNNING → FAILED when they fail; OVER_LIMIT never starts. One step per ReadsPerStep
/// GET /v1/scans/{id}. HostedScan documents no stop or re-run endpoint, so none is served: POST /v1/scans/{id}/stop
/// is the fake's 404 like any unknown path. See LIFECYCLE.md.
/// </summary>
public sealed partial class FakeHostedScan : ISandboxLifecycle
{
    /// <summary>The documented scan states.</summary>
    public static readonly IReadOnlyList<string> States = new[] { "QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "OVER_LIMIT" };

    /// <summary>How created scans move; also settable through POST /_sandbox/lifecycle.</summary>
    public LifecycleOptions Lifecycle { get; } = new();

    public JsonObject? PeekScan(string id)
    {
        lock (_gate)
        {
            return _scansById.TryGetValue(id, out HostedScanScan? scan)
                ? new JsonObject { ["id"] = scan.Id, ["state"] = scan.State, ["progress"] = scan.Progress, ["reads"] = scan.Reads, ["moves"] = scan.Advances }
                : null;
        }
    }

    public bool AdvanceScan(string id, int steps)
    {
        lock (_gate)
        {
            if (!_scansById.TryGetValue(id, out HostedScanScan? scan))
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
            if (!_scansById.TryGetValue(id, out HostedScanScan? scan))
            {
                return "no scan '" + id + "'";
            }

            if (!States.Contains(state, StringComparer.Ordinal))
            {
                return "'" + state + "' is not a scan state (" + string.Join(", ", States) + ")";
            }

            bool wasSucceeded = scan.State == "SUCCEEDED";
            scan.State = state;
            scan.Progress = state switch { "QUEUED" or "OVER_LIMIT" => 0, "RUNNING" => 50, _ => 100 };
            if (state == "SUCCEEDED" && !wasSucceeded && scan.Results.Count == 0)
            {
                AddFinishedOutputs(scan);
            }

            scan.Reads = 0;
            return null;
        }
    }

    // Caller holds the lock. A target id an earlier scan created from a "targets" string: HostedScan keeps such targets,
    // so a re-run by target_ids (Start-ScanFromScan) names the same target.
    private string? TargetOfEarlierScan(string targetId) =>
        _scans.SelectMany(s => s.RequestedTargets).Where(t => t.TargetId == targetId).Select(t => t.Target).FirstOrDefault();

    // Caller holds the lock.
    private void CountRead(HostedScanScan scan)
    {
        if (scan.Advances && SandboxControl.CountRead(Lifecycle, ref scan.Reads) == 1)
        {
            Step(scan);
        }
    }

    // Caller holds the lock. One step, whether or not the scan moves by itself.
    private void Step(HostedScanScan scan)
    {
        if (scan.State == "QUEUED")
        {
            scan.State = "RUNNING";
            scan.Progress = 50;
        }
        else if (scan.State == "RUNNING" && scan.FailsAtEnd)
        {
            // FAILED counts as finished (100), as the seeded failed scans.
            scan.State = "FAILED";
            scan.Progress = 100;
        }
        else if (scan.State == "RUNNING")
        {
            scan.State = "SUCCEEDED";
            scan.Progress = 100;
            AddFinishedOutputs(scan);
        }
    }
}
