using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScanPS.Providers.Probely
{
    // Wire shapes of POST /scheduledscans/bulk/ and GET /scheduledscans/ as the vendor documents them (snake_case). Enum-like values stay
    // strings on the way in so an unknown one never breaks parsing; ProbelyMapper maps them.

    internal sealed class ProbelyBulkCreateBody
    {
        [JsonPropertyName("targets")] public List<ProbelyTargetRef> Targets { get; set; } = new List<ProbelyTargetRef>();

        [JsonPropertyName("scheduledscan")] public ProbelyScheduleBody ScheduledScan { get; set; } = new ProbelyScheduleBody();
    }

    /// <summary>Bulk endpoints take {"id": ...} objects, not bare id strings.</summary>
    internal sealed class ProbelyTargetRef
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
    }

    internal sealed class ProbelyScheduleBody
    {
        [JsonPropertyName("date_time")] public string DateTime { get; set; } = string.Empty;

        [JsonPropertyName("recurrence")] public string Recurrence { get; set; } = string.Empty;

        [JsonPropertyName("timezone")] public string TimeZone { get; set; } = string.Empty;

        [JsonPropertyName("run_on_day_of_week")] public bool RunOnDayOfWeek { get; set; }

        [JsonPropertyName("scheduled_day_of_week")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? ScheduledDayOfWeek { get; set; }

        [JsonPropertyName("week_index")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? WeekIndex { get; set; }

        [JsonPropertyName("partial_scan")] public bool PartialScan { get; set; }

        [JsonPropertyName("override_target_settings")] public bool OverrideTargetSettings { get; set; }

        [JsonPropertyName("incremental")] public bool Incremental { get; set; }

        [JsonPropertyName("reduced_scope")] public bool ReducedScope { get; set; }

        /// <summary>Left out when not given: the vendor then uses each target's own profile.</summary>
        [JsonPropertyName("scan_profile")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? ScanProfile { get; set; }
    }

    internal sealed class ProbelyWireScheduledScan
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("date_time")] public string? DateTime { get; set; }
        [JsonPropertyName("recurrence")] public string? Recurrence { get; set; }
        [JsonPropertyName("timezone")] public string? TimeZone { get; set; }
        [JsonPropertyName("run_on_day_of_week")] public bool? RunOnDayOfWeek { get; set; }
        [JsonPropertyName("scheduled_day_of_week")] public int? ScheduledDayOfWeek { get; set; }
        [JsonPropertyName("week_index")] public string? WeekIndex { get; set; }
        [JsonPropertyName("partial_scan")] public bool? PartialScan { get; set; }
        [JsonPropertyName("override_target_settings")] public bool? OverrideTargetSettings { get; set; }
        [JsonPropertyName("incremental")] public bool? Incremental { get; set; }
        [JsonPropertyName("reduced_scope")] public bool? ReducedScope { get; set; }

        /// <summary>A profile id string; newer vendor responses may send an object {"id","name"} (handled both ways).</summary>
        [JsonPropertyName("scan_profile")] public JsonElement? ScanProfile { get; set; }

        [JsonPropertyName("target")] public ProbelyWireTarget? Target { get; set; }
    }

    /// <summary>
    /// A page of GET /scheduledscans/: {count, page_total, page, length, results}, the wrapper Probely documents for
    /// its lists (UNCONFIRMED for this endpoint, whose reference page shows only the items).
    /// </summary>
    internal sealed class ProbelyWireScheduledScanPage
    {
        [JsonPropertyName("count")] public int? Count { get; set; }
        [JsonPropertyName("page_total")] public int? PageTotal { get; set; }
        [JsonPropertyName("results")] public List<ProbelyWireScheduledScan>? Results { get; set; }
    }

    internal sealed class ProbelyWireTarget
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("site")] public ProbelyWireSite? Site { get; set; }
    }

    internal sealed class ProbelyWireSite
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("url")] public string? Url { get; set; }
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
    [JsonSerializable(typeof(ProbelyBulkCreateBody))]
    [JsonSerializable(typeof(List<ProbelyWireScheduledScan>))]
    [JsonSerializable(typeof(ProbelyWireScheduledScanPage))]
    [JsonSerializable(typeof(JsonElement))]
    internal sealed partial class ProbelyJsonContext : JsonSerializerContext
    {
    }
}
