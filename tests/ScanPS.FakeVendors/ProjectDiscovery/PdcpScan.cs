using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace ScanPS.FakeVendors;

/// <summary>Mutable server-side PDCP scan; only touched under FakeProjectDiscovery's lock.</summary>
internal sealed class PdcpScan
{
    // Go's zero time: what a Go API sends for a timestamp that is not set yet (UNCONFIRMED for completed_at).
    internal const string ZeroTime = "0001-01-01T00:00:00Z";

    internal PdcpScan(string id, string? teamId, string name, string status, int progress, DateTimeOffset createdAt, bool advances)
    {
        Id = id;
        TeamId = teamId;
        Name = name;
        Status = status;
        Progress = progress;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        Advances = advances;
    }

    internal string Id { get; }

    /// <summary>The X-Team-Id the scan was created under; null for the key owner's own workspace.</summary>
    internal string? TeamId { get; }

    internal string Name { get; }

    internal string Status { get; set; }

    internal int Progress { get; set; }

    internal DateTimeOffset CreatedAt { get; }

    internal DateTimeOffset UpdatedAt { get; set; }

    internal DateTimeOffset? CompletedAt { get; set; }

    /// <summary>True for scans created through POST: each GET of the scan moves it one step towards finished.</summary>
    internal bool Advances { get; }

    internal int TotalTarget { get; set; }

    internal int TotalTemplate { get; set; }

    internal int TotalResult { get; set; }

    internal string FailureReason { get; set; } = string.Empty;

    internal List<string> AssetIds { get; } = new();

    internal List<string> PublicTemplates { get; } = new();

    internal List<string> ScanConfigIds { get; } = new();

    internal List<string> ReportConfigIds { get; } = new();

    internal string? AgentId { get; set; }

    internal List<string> AgentTags { get; } = new();

    internal List<string> AgentNetworks { get; } = new();

    internal string? AgentBehavior { get; set; }

    internal bool IsAutomatic { get; set; }

    /// <summary>Status reads since the last step (see LifecycleOptions.ReadsPerStep).</summary>
    internal int Reads;

    /// <summary>Ends running → failed instead of running → finished (LifecycleOptions.FailNewScans at creation).</summary>
    internal bool FailsAtEnd { get; init; }

    /// <summary>Created by POST /v1/scans/{id}/rescan.</summary>
    internal bool IsRescan { get; init; }

    /// <summary>How often this scan was re-run with POST /v1/scans/{id}/rescan.</summary>
    internal int RescanCount { get; set; }

    /// <summary>ScanStatusItem as the vendor's openapi.yaml defines it, every required field present.</summary>
    internal JsonObject ToJson()
    {
        TimeSpan elapsed = (CompletedAt ?? UpdatedAt) - CreatedAt;
        JsonObject json = new()
        {
            ["scan_id"] = Id,
            ["name"] = Name,
            ["status"] = Status,
            ["progress"] = Progress,
            // UNCONFIRMED: a Go duration string is the likeliest format.
            ["scan_time_elapsed"] = ((int)elapsed.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m" + elapsed.Seconds.ToString(CultureInfo.InvariantCulture) + "s",
            ["failure_reason"] = FailureReason,
            ["created_at"] = Time(CreatedAt),
            ["updated_at"] = Time(UpdatedAt),
            ["completed_at"] = CompletedAt is { } completed ? Time(completed) : ZeroTime,
            ["total_target"] = TotalTarget,
            ["total_scan"] = TotalTarget,
            ["total_template"] = TotalTemplate,
            ["total_result"] = TotalResult,
            // UNCONFIRMED: the spec says only "object"; counts per severity is the likely shape.
            ["severity"] = new JsonObject
            {
                ["critical"] = TotalResult > 0 ? 1 : 0,
                ["high"] = TotalResult > 1 ? 1 : 0,
                ["medium"] = Math.Max(0, TotalResult - 2),
                ["low"] = 0,
                ["info"] = 0,
            },
            ["is_oss"] = false,
            ["is_cloud"] = true,
            ["is_rescan"] = IsRescan,
            ["is_automatic"] = IsAutomatic,
            ["is_internal"] = false,
            ["rescan_count"] = RescanCount,
            ["asset_ids"] = Array(AssetIds),
            ["public_templates"] = Array(PublicTemplates),
            ["scan_config_ids"] = Array(ScanConfigIds),
            ["report_config_ids"] = Array(ReportConfigIds),
            ["agent_tags"] = Array(AgentTags),
            ["agent_networks"] = Array(AgentNetworks),
        };
        if (AgentId is not null)
        {
            json["agent_id"] = AgentId;
        }

        if (AgentBehavior is not null)
        {
            json["agent_behavior"] = AgentBehavior;
        }

        if (Status == "scheduled")
        {
            json["schedule"] = new JsonObject
            {
                ["scan_frequency"] = "weekly",
                ["scan_id"] = Id,
                ["schedule_last_run"] = ZeroTime,
                ["schedule_next_run"] = Time(CreatedAt.AddDays(7)),
                ["start_time"] = CreatedAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                ["custom_weekdays"] = new JsonArray(1, 3),
            };
        }

        return json;
    }

    internal static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonArray Array(List<string> values)
    {
        JsonArray array = new();
        foreach (string value in values)
        {
            array.Add(value);
        }

        return array;
    }
}
