using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ScanPS.Providers.ProjectDiscovery
{
    // Wire shapes exactly as the vendor's OpenAPI 3.1 document names them (snake_case, one hyphenated key).
    // Statuses stay strings so an unknown value never breaks parsing; ProjectDiscoveryMapper normalises them.

    /// <summary>TriggerUserScanRequest (POST /v1/scans). Every field is optional in the spec; unset fields are not sent.</summary>
    internal sealed class ProjectDiscoveryCreateBody
    {
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("targets")] public string[]? Targets { get; set; }
        [JsonPropertyName("assets")] public string[]? Assets { get; set; }
        [JsonPropertyName("templates")] public string[]? Templates { get; set; }
        [JsonPropertyName("private_templates")] public ProjectDiscoveryWirePrivateTemplate[]? PrivateTemplates { get; set; }
        [JsonPropertyName("early_templates")] public string[]? EarlyTemplates { get; set; }
        [JsonPropertyName("recommended")] public bool? Recommended { get; set; }
        [JsonPropertyName("all")] public bool? All { get; set; }
        [JsonPropertyName("exclusions")] public string[]? Exclusions { get; set; }
        [JsonPropertyName("exclude_targets")] public string[]? ExcludeTargets { get; set; }
        [JsonPropertyName("enumeration_ids")] public ProjectDiscoveryWireEnumerationId[]? EnumerationIds { get; set; }
        [JsonPropertyName("scan_all_assets")] public bool? ScanAllAssets { get; set; }
        [JsonPropertyName("asset_filters")] public JsonObject? AssetFilters { get; set; }
        [JsonPropertyName("alerting_config_ids")] public string[]? AlertingConfigIds { get; set; }
        [JsonPropertyName("scan_config_ids")] public string[]? ScanConfigIds { get; set; }
        [JsonPropertyName("reporting_config_ids")] public string[]? ReportingConfigIds { get; set; }
        [JsonPropertyName("disable_global_alert_config")] public bool? DisableGlobalAlertConfig { get; set; }
        [JsonPropertyName("disable_global_report_config")] public bool? DisableGlobalReportConfig { get; set; }
        [JsonPropertyName("disable_global_scan_config")] public bool? DisableGlobalScanConfig { get; set; }
        [JsonPropertyName("schedule_only")] public bool? ScheduleOnly { get; set; }
        [JsonPropertyName("socks5_proxy")] public string? Socks5Proxy { get; set; }
        [JsonPropertyName("agent_id")] public string? AgentId { get; set; }
        [JsonPropertyName("agent_tags")] public string[]? AgentTags { get; set; }
        [JsonPropertyName("agent_networks")] public string[]? AgentNetworks { get; set; }
        [JsonPropertyName("agent_behavior")] public string? AgentBehavior { get; set; }
        [JsonPropertyName("automatic_scan")] public bool? AutomaticScan { get; set; }
    }

    internal sealed class ProjectDiscoveryWirePrivateTemplate
    {
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("contents")] public string Contents { get; set; } = string.Empty;
    }

    internal sealed class ProjectDiscoveryWireEnumerationId
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
    }

    /// <summary>TriggerUserScanResponse: {id, message, truncated-scan-targets}.</summary>
    internal sealed class ProjectDiscoveryCreateResponse
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }

        /// <summary>Targets the platform dropped (beyond the plan's limit); the only hyphenated key of the API.</summary>
        [JsonPropertyName("truncated-scan-targets")] public int? TruncatedScanTargets { get; set; }
    }

    /// <summary>GetScansStatusResponse (GET /v1/scans).</summary>
    internal sealed class ProjectDiscoveryListResponse
    {
        [JsonPropertyName("message")] public string? Message { get; set; }
        [JsonPropertyName("current_page")] public int? CurrentPage { get; set; }
        [JsonPropertyName("result_count")] public int? ResultCount { get; set; }
        [JsonPropertyName("total_results")] public long? TotalResults { get; set; }
        [JsonPropertyName("total_pages")] public int? TotalPages { get; set; }
        private List<ProjectDiscoveryWireScan>? _data;

        [JsonPropertyName("data")]
        public List<ProjectDiscoveryWireScan>? Data
        {
            get => _data;
            set
            {
                _data = value;
                HasData = true; // called for "data": null too, never for a missing key
            }
        }

        /// <summary>True when the answer had a "data" key (even null).</summary>
        [JsonIgnore] public bool HasData { get; private set; }
    }

    /// <summary>ScanStatusItem: one scan in a listing, and the body of GET /v1/scans/{scan_id}.</summary>
    internal sealed class ProjectDiscoveryWireScan
    {
        [JsonPropertyName("scan_id")] public string? ScanId { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("progress")] public double? Progress { get; set; }
        [JsonPropertyName("scan_time_elapsed")] public string? ScanTimeElapsed { get; set; }
        [JsonPropertyName("failure_reason")] public string? FailureReason { get; set; }
        [JsonPropertyName("created_at")] public string? CreatedAt { get; set; }
        [JsonPropertyName("updated_at")] public string? UpdatedAt { get; set; }
        [JsonPropertyName("completed_at")] public string? CompletedAt { get; set; }
        [JsonPropertyName("total_target")] public long? TotalTarget { get; set; }
        [JsonPropertyName("total_scan")] public long? TotalScan { get; set; }
        [JsonPropertyName("total_template")] public long? TotalTemplate { get; set; }
        [JsonPropertyName("total_result")] public long? TotalResult { get; set; }
        [JsonPropertyName("severity")] public JsonElement? Severity { get; set; }
        [JsonPropertyName("is_oss")] public bool? IsOss { get; set; }
        [JsonPropertyName("is_cloud")] public bool? IsCloud { get; set; }
        [JsonPropertyName("is_rescan")] public bool? IsRescan { get; set; }
        [JsonPropertyName("is_automatic")] public bool? IsAutomatic { get; set; }
        [JsonPropertyName("is_internal")] public bool? IsInternal { get; set; }
        [JsonPropertyName("rescan_count")] public long? RescanCount { get; set; }
        [JsonPropertyName("asset_ids")] public List<string>? AssetIds { get; set; }
        [JsonPropertyName("public_templates")] public List<string>? PublicTemplates { get; set; }
        [JsonPropertyName("template_ids")] public List<string>? TemplateIds { get; set; }
        [JsonPropertyName("template_urls")] public List<string>? TemplateUrls { get; set; }
        [JsonPropertyName("scan_config_ids")] public List<string>? ScanConfigIds { get; set; }
        [JsonPropertyName("report_config_ids")] public List<string>? ReportConfigIds { get; set; }
        [JsonPropertyName("agent_id")] public string? AgentId { get; set; }
        [JsonPropertyName("agent_tags")] public List<string>? AgentTags { get; set; }
        [JsonPropertyName("agent_networks")] public List<string>? AgentNetworks { get; set; }
        [JsonPropertyName("agent_behavior")] public string? AgentBehavior { get; set; }
        [JsonPropertyName("schedule")] public ProjectDiscoveryWireSchedule? Schedule { get; set; }
    }

    internal sealed class ProjectDiscoveryWireSchedule
    {
        [JsonPropertyName("scan_frequency")] public string? ScanFrequency { get; set; }
        [JsonPropertyName("schedule_last_run")] public string? ScheduleLastRun { get; set; }
        [JsonPropertyName("schedule_next_run")] public string? ScheduleNextRun { get; set; }
        [JsonPropertyName("start_time")] public string? StartTime { get; set; }
        [JsonPropertyName("hourly_frequency")] public int? HourlyFrequency { get; set; }
        [JsonPropertyName("custom_weekdays")] public List<int>? CustomWeekdays { get; set; }
    }

    /// <summary>ErrorResponse: {message, kind, code, error, error_id, param, status}.</summary>
    internal sealed class ProjectDiscoveryWireError
    {
        [JsonPropertyName("message")] public string? Message { get; set; }
        [JsonPropertyName("kind")] public string? Kind { get; set; }
        [JsonPropertyName("code")] public string? Code { get; set; }
        [JsonPropertyName("error")] public string? Error { get; set; }
        [JsonPropertyName("error_id")] public string? ErrorId { get; set; }
        [JsonPropertyName("param")] public string? Param { get; set; }
        [JsonPropertyName("status")] public int? Status { get; set; }
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(ProjectDiscoveryCreateBody))]
    [JsonSerializable(typeof(ProjectDiscoveryCreateResponse))]
    [JsonSerializable(typeof(ProjectDiscoveryListResponse))]
    [JsonSerializable(typeof(ProjectDiscoveryWireScan))]
    [JsonSerializable(typeof(ProjectDiscoveryWireError))]
    internal sealed partial class ProjectDiscoveryJsonContext : JsonSerializerContext
    {
    }
}
