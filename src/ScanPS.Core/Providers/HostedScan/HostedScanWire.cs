using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ScanPS.Providers.HostedScan
{
    // Wire shapes exactly as the vendor documents them (snake_case). Enums stay strings so an unknown value
    // from the vendor never breaks parsing; mapping to ScanState happens in HostedScanMapper.

    internal sealed class HostedScanCreateBody
    {
        [JsonPropertyName("type")] public string Type { get; set; } = string.Empty;

        [JsonPropertyName("targets")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string[]? Targets { get; set; }

        [JsonPropertyName("target_ids")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string[]? TargetIds { get; set; }

        [JsonPropertyName("tags")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string[]? Tags { get; set; }

        [JsonPropertyName("use_authentication")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? UseAuthentication { get; set; }
    }

    /// <summary>The filters query parameter: {"state":[..],"type":[..],"scheduled_by":[..]}, empty keys left out.</summary>
    internal sealed class HostedScanFilters
    {
        [JsonPropertyName("state")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string[]? State { get; set; }

        [JsonPropertyName("type")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string[]? Type { get; set; }

        [JsonPropertyName("scheduled_by")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string[]? ScheduledBy { get; set; }
    }

    internal sealed class HostedScanScanEnvelope
    {
        [JsonPropertyName("data")] public HostedScanWireScan? Data { get; set; }
    }

    internal sealed class HostedScanListEnvelope
    {
        [JsonPropertyName("data")] public List<HostedScanWireScan>? Data { get; set; }

        [JsonPropertyName("next_page_token")] public string? NextPageToken { get; set; }
    }

    internal sealed class HostedScanWireScan
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("state")] public string? State { get; set; }
        [JsonPropertyName("progress")] public double? Progress { get; set; }
        [JsonPropertyName("risks")] public HostedScanWireRisks? Risks { get; set; }
        [JsonPropertyName("results")] public List<HostedScanWireResult>? Results { get; set; }
        [JsonPropertyName("requested_targets")] public List<HostedScanWireRequestedTarget>? RequestedTargets { get; set; }
        [JsonPropertyName("resolved_targets")] public List<HostedScanWireResolvedTarget>? ResolvedTargets { get; set; }
        [JsonPropertyName("skipped_targets")] public List<HostedScanWireSkippedTarget>? SkippedTargets { get; set; }
    }

    internal sealed class HostedScanWireRisks
    {
        [JsonPropertyName("new_open")] public List<HostedScanWireRisk>? NewOpen { get; set; }
        [JsonPropertyName("still_open")] public List<HostedScanWireRisk>? StillOpen { get; set; }
        [JsonPropertyName("closed")] public List<HostedScanWireRisk>? Closed { get; set; }
    }

    internal sealed class HostedScanWireRisk
    {
        [JsonPropertyName("risk_id")] public string? RiskId { get; set; }
    }

    internal sealed class HostedScanWireResult
    {
        [JsonPropertyName("result_id")] public string? ResultId { get; set; }
        [JsonPropertyName("content_type")] public string? ContentType { get; set; }
    }

    internal sealed class HostedScanWireRequestedTarget
    {
        [JsonPropertyName("target_id")] public string? TargetId { get; set; }
        [JsonPropertyName("target")] public string? Target { get; set; }
    }

    internal sealed class HostedScanWireResolvedTarget
    {
        [JsonPropertyName("target_id")] public string? TargetId { get; set; }
        [JsonPropertyName("resolved_target")] public string? ResolvedTarget { get; set; }
    }

    internal sealed class HostedScanWireSkippedTarget
    {
        [JsonPropertyName("target_id")] public string? TargetId { get; set; }
        [JsonPropertyName("skipped_reason")] public string? SkippedReason { get; set; }
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
    [JsonSerializable(typeof(HostedScanCreateBody))]
    [JsonSerializable(typeof(HostedScanFilters))]
    [JsonSerializable(typeof(HostedScanScanEnvelope))]
    [JsonSerializable(typeof(HostedScanListEnvelope))]
    internal sealed partial class HostedScanJsonContext : JsonSerializerContext
    {
    }
}
