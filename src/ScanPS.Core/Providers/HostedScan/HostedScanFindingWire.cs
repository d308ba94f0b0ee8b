using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScanPS.Providers.HostedScan
{
    // Wire shapes of GET /v1/risks and GET /v1/risks/:id as the vendor documents them (hostedscan-docs-gitbook
    // api/risks). Enum-like values (status, threat_level, scan_type) stay strings; HostedScanFindingMapper maps them.

    /// <summary>{"data": risk}: the answer of GET /v1/risks/:id.</summary>
    internal sealed class HostedScanRiskEnvelope
    {
        [JsonPropertyName("data")] public HostedScanWireRisk? Data { get; set; }
    }

    /// <summary>{"data": [risk, ...], "next_page_token": "..."}: one page (500) of GET /v1/risks.</summary>
    internal sealed class HostedScanRiskListEnvelope
    {
        [JsonPropertyName("data")] public List<HostedScanWireRisk?>? Data { get; set; }
        [JsonPropertyName("next_page_token")] public string? NextPageToken { get; set; }
    }

    /// <summary>The filters query value of GET /v1/risks; each key an array, empty keys left out.</summary>
    internal sealed class HostedScanRiskFilters
    {
        [JsonPropertyName("target_id")] public string[]? TargetId { get; set; }
        [JsonPropertyName("status")] public string[]? Status { get; set; }
        [JsonPropertyName("tags")] public string[]? Tags { get; set; }
        [JsonPropertyName("risk_definition.scan_type")] public string[]? ScanType { get; set; }
        [JsonPropertyName("risk_definition.threat_level")] public string[]? ThreatLevel { get; set; }
        [JsonPropertyName("risk_definition.title")] public string[]? Title { get; set; }
    }

    internal sealed class HostedScanWireRisk
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("target_id")] public string? TargetId { get; set; }
        [JsonPropertyName("target")] public string? Target { get; set; }
        [JsonPropertyName("target_label")] public string? TargetLabel { get; set; }
        [JsonPropertyName("tags")] public List<string?>? Tags { get; set; }
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("is_accepted")] public bool? IsAccepted { get; set; }
        [JsonPropertyName("accepted_by")] public List<HostedScanWireAcceptance?>? AcceptedBy { get; set; }
        [JsonPropertyName("risk_definition")] public HostedScanWireRiskDefinition? RiskDefinition { get; set; }
        [JsonPropertyName("first_detected_at")] public string? FirstDetectedAt { get; set; }
        [JsonPropertyName("last_detected_at")] public string? LastDetectedAt { get; set; }
    }

    internal sealed class HostedScanWireAcceptance
    {
        [JsonPropertyName("note")] public string? Note { get; set; }
        [JsonPropertyName("created_at")] public string? CreatedAt { get; set; }
        [JsonPropertyName("last_updated_at")] public string? LastUpdatedAt { get; set; }
    }

    internal sealed class HostedScanWireRiskDefinition
    {
        [JsonPropertyName("scan_type")] public string? ScanType { get; set; }
        [JsonPropertyName("title")] public string? Title { get; set; }
        [JsonPropertyName("threat_level")] public string? ThreatLevel { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("solution")] public string? Solution { get; set; }
        [JsonPropertyName("references")] public List<string?>? References { get; set; }

        /// <summary>Documented as a string; a number is read too.</summary>
        [JsonPropertyName("cvss")] public JsonElement? Cvss { get; set; }

        /// <summary>Scanner-specific, of no fixed shape.</summary>
        [JsonPropertyName("additional_info")] public JsonElement? AdditionalInfo { get; set; }
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(HostedScanRiskEnvelope))]
    [JsonSerializable(typeof(HostedScanRiskListEnvelope))]
    [JsonSerializable(typeof(HostedScanRiskFilters))]
    internal sealed partial class HostedScanFindingJsonContext : JsonSerializerContext
    {
    }
}
