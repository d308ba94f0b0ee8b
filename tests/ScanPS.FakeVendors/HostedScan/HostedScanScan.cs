using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace ScanPS.FakeVendors;

/// <summary>Mutable server-side scan; only touched under FakeHostedScan's lock.</summary>
internal sealed class HostedScanScan
{
    internal HostedScanScan(string id, string type, string state, int progress, string scheduledBy, bool advances)
    {
        Id = id;
        Type = type;
        State = state;
        Progress = progress;
        ScheduledBy = scheduledBy;
        Advances = advances;
    }

    internal string Id { get; }

    internal string Type { get; }

    internal string State { get; set; }

    internal int Progress { get; set; }

    // UNCONFIRMED: the vendor does not document scheduled_by values ("USER"/"SCHEDULE" are guesses);
    // it is only used by the list filter and is not part of the scan JSON.
    internal string ScheduledBy { get; }

    /// <summary>True for scans created through POST: each GET moves them one step towards SUCCEEDED.</summary>
    internal bool Advances { get; }

    /// <summary>GETs since the last step (see LifecycleOptions.ReadsPerStep).</summary>
    internal int Reads;

    /// <summary>Ends RUNNING → FAILED instead of RUNNING → SUCCEEDED (LifecycleOptions.FailNewScans at creation).</summary>
    internal bool FailsAtEnd { get; init; }

    internal List<(string TargetId, string Target)> RequestedTargets { get; } = new();

    internal List<(string TargetId, string ResolvedTarget)> ResolvedTargets { get; } = new();

    internal List<(string ResultId, string ContentType)> Results { get; } = new();

    internal List<string> NewOpenRiskIds { get; } = new();

    internal List<string> StillOpenRiskIds { get; } = new();

    internal List<string> ClosedRiskIds { get; } = new();

    /// <summary>The vendor's scan object, snake_case, fields in the documented order.</summary>
    internal JsonObject ToJson()
    {
        JsonArray newOpen = new();
        foreach (string riskId in NewOpenRiskIds)
        {
            newOpen.Add(new JsonObject { ["risk_id"] = riskId });
        }

        JsonArray results = new();
        foreach ((string resultId, string contentType) in Results)
        {
            results.Add(new JsonObject { ["result_id"] = resultId, ["content_type"] = contentType });
        }

        JsonArray requested = new();
        foreach ((string targetId, string target) in RequestedTargets)
        {
            requested.Add(new JsonObject { ["target_id"] = targetId, ["target"] = target });
        }

        JsonArray resolved = new();
        foreach ((string targetId, string resolvedTarget) in ResolvedTargets)
        {
            resolved.Add(new JsonObject { ["target_id"] = targetId, ["resolved_target"] = resolvedTarget });
        }

        return new JsonObject
        {
            ["id"] = Id,
            ["type"] = Type,
            ["state"] = State,
            ["progress"] = Progress,
            ["risks"] = new JsonObject
            {
                ["new_open"] = newOpen,
                ["still_open"] = RiskIds(StillOpenRiskIds),
                ["closed"] = RiskIds(ClosedRiskIds),
            },
            ["results"] = results,
            ["requested_targets"] = requested,
            ["resolved_targets"] = resolved,
            // The fake never skips a target, so entries of {"target_id","skipped_reason"} never appear.
            ["skipped_targets"] = new JsonArray(),
        };
    }

    private static JsonArray RiskIds(List<string> ids)
    {
        JsonArray array = new();
        foreach (string riskId in ids)
        {
            array.Add(new JsonObject { ["risk_id"] = riskId });
        }

        return array;
    }
}
