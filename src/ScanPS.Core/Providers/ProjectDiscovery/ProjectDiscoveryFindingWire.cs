using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScanPS.Providers.ProjectDiscovery
{
    // Wire shapes of GET /v1/scans/results (GetScanResultsResponse, VulnerabilityResults) and of the scan's JSON export,
    // as the vendor's OpenAPI 3.1 document names them: snake_case outside, hyphenated keys inside event[]. Severity and
    // status stay strings; ProjectDiscoveryFindingMapper maps them.

    /// <summary>GetScanResultsResponse: one offset/limit page of the account's results.</summary>
    internal sealed class ProjectDiscoveryResultsResponse
    {
        [JsonPropertyName("current_page")] public int? CurrentPage { get; set; }
        [JsonPropertyName("result_count")] public int? ResultCount { get; set; }
        [JsonPropertyName("total_results")] public long? TotalResults { get; set; }
        [JsonPropertyName("total_pages")] public int? TotalPages { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }
        [JsonPropertyName("data")] public List<ProjectDiscoveryWireResult?>? Data { get; set; }
    }

    /// <summary>201 of GET /v1/scans/{scan_id}/export: the export is not ready.</summary>
    internal sealed class ProjectDiscoveryExportPending
    {
        [JsonPropertyName("export_id")] public string? ExportId { get; set; }
    }

    /// <summary>
    /// VulnerabilityResults. A nuclei JSON line (template-id, info, matched-at … at the top, no event) is read too,
    /// because the export's row shape is UNCONFIRMED.
    /// </summary>
    internal sealed class ProjectDiscoveryWireResult
    {
        [JsonPropertyName("matcher_status")] public bool? MatcherStatus { get; set; }
        [JsonPropertyName("vuln_id")] public string? VulnId { get; set; }
        [JsonPropertyName("target")] public string? Target { get; set; }
        [JsonPropertyName("template_url")] public string? TemplateUrl { get; set; }
        [JsonPropertyName("created_at")] public string? CreatedAt { get; set; }
        [JsonPropertyName("updated_at")] public string? UpdatedAt { get; set; }
        [JsonPropertyName("scan_id")] public string? ScanId { get; set; }

        /// <summary>An array here, an object in VulnerabilityChangelogs: both are read.</summary>
        [JsonPropertyName("event")]
        [JsonConverter(typeof(ProjectDiscoveryEventListConverter))]
        public List<ProjectDiscoveryWireEvent?>? Event { get; set; }

        [JsonPropertyName("template_id")] public string? TemplateId { get; set; }
        [JsonPropertyName("template_path")] public string? TemplatePath { get; set; }
        [JsonPropertyName("result_type")] public string? ResultType { get; set; }
        [JsonPropertyName("vuln_status")] public string? VulnStatus { get; set; }
        [JsonPropertyName("vuln_hash")] public string? VulnHash { get; set; }
        [JsonPropertyName("is_regression")] public bool? IsRegression { get; set; }
        [JsonPropertyName("is_internal")] public bool? IsInternal { get; set; }
        [JsonPropertyName("labels")] public List<string?>? Labels { get; set; }

        /// <summary>An integer in the spec; text is read too.</summary>
        [JsonPropertyName("port")] public JsonElement? Port { get; set; }

        [JsonPropertyName("remediation")] public string? Remediation { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("impact")] public string? Impact { get; set; }
        [JsonPropertyName("reference")] public List<string?>? Reference { get; set; }

        // nuclei JSONL keys, for an export row that is the event itself.
        [JsonPropertyName("template-id")] public string? NucleiTemplateId { get; set; }
        [JsonPropertyName("template-path")] public string? NucleiTemplatePath { get; set; }
        [JsonPropertyName("info")] public ProjectDiscoveryWireInfo? Info { get; set; }
        [JsonPropertyName("host")] public string? Host { get; set; }
        [JsonPropertyName("matched-at")] public string? MatchedAt { get; set; }
        [JsonPropertyName("ip")] public string? Ip { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("timestamp")] public string? Timestamp { get; set; }
        [JsonPropertyName("matcher-name")] public string? MatcherName { get; set; }
        [JsonPropertyName("extracted-results")] public List<string?>? ExtractedResults { get; set; }
        [JsonPropertyName("curl-command")] public string? CurlCommand { get; set; }
    }

    /// <summary>VulnerabilityEvent: hyphenated keys.</summary>
    internal sealed class ProjectDiscoveryWireEvent
    {
        [JsonPropertyName("template-id")] public string? TemplateId { get; set; }
        [JsonPropertyName("template-path")] public string? TemplatePath { get; set; }
        [JsonPropertyName("info")] public ProjectDiscoveryWireInfo? Info { get; set; }
        [JsonPropertyName("host")] public string? Host { get; set; }
        [JsonPropertyName("matched-at")] public string? MatchedAt { get; set; }
        [JsonPropertyName("ip")] public string? Ip { get; set; }
        [JsonPropertyName("port")] public JsonElement? Port { get; set; }
        [JsonPropertyName("path")] public string? Path { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("timestamp")] public string? Timestamp { get; set; }
        [JsonPropertyName("matcher-name")] public string? MatcherName { get; set; }
        [JsonPropertyName("matcher-status")] public bool? MatcherStatus { get; set; }
        [JsonPropertyName("extracted-results")] public List<string?>? ExtractedResults { get; set; }
        [JsonPropertyName("curl-command")] public string? CurlCommand { get; set; }
    }

    internal sealed class ProjectDiscoveryWireInfo
    {
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("severity")] public string? Severity { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("impact")] public string? Impact { get; set; }
        [JsonPropertyName("remediation")] public string? Remediation { get; set; }
        [JsonPropertyName("tags")] public List<string?>? Tags { get; set; }
        [JsonPropertyName("reference")] public List<string?>? Reference { get; set; }
        [JsonPropertyName("classification")] public ProjectDiscoveryWireClassification? Classification { get; set; }
    }

    internal sealed class ProjectDiscoveryWireClassification
    {
        [JsonPropertyName("cve-id")] public List<string?>? CveId { get; set; }
        [JsonPropertyName("cwe-id")] public List<string?>? CweId { get; set; }
        [JsonPropertyName("cvss-metrics")] public string? CvssMetrics { get; set; }
        [JsonPropertyName("cvss-score")] public JsonElement? CvssScore { get; set; }
        [JsonPropertyName("epss-score")] public JsonElement? EpssScore { get; set; }
        [JsonPropertyName("epss-percentile")] public JsonElement? EpssPercentile { get; set; }
        [JsonPropertyName("cpe")] public string? Cpe { get; set; }
    }

    /// <summary>event as an array of events, or as one event object (VulnerabilityChangelogs), or null.</summary>
    internal sealed class ProjectDiscoveryEventListConverter : JsonConverter<List<ProjectDiscoveryWireEvent?>?>
    {
        public override List<ProjectDiscoveryWireEvent?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.StartObject:
                    return new List<ProjectDiscoveryWireEvent?> { JsonSerializer.Deserialize(ref reader, ProjectDiscoveryFindingJsonContext.Default.ProjectDiscoveryWireEvent) };
                case JsonTokenType.StartArray:
                    return JsonSerializer.Deserialize(ref reader, ProjectDiscoveryFindingJsonContext.Default.ListProjectDiscoveryWireEvent)!;
                default:
                    throw new JsonException("event: expected an array or an object, found " + reader.TokenType + ".");
            }
        }

        public override void Write(Utf8JsonWriter writer, List<ProjectDiscoveryWireEvent?>? value, JsonSerializerOptions options) =>
            throw new NotSupportedException("ScanPS never sends results.");
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(ProjectDiscoveryResultsResponse))]
    [JsonSerializable(typeof(ProjectDiscoveryExportPending))]
    [JsonSerializable(typeof(ProjectDiscoveryWireResult))]
    [JsonSerializable(typeof(ProjectDiscoveryWireEvent))]
    [JsonSerializable(typeof(List<ProjectDiscoveryWireEvent?>))]
    internal sealed partial class ProjectDiscoveryFindingJsonContext : JsonSerializerContext
    {
    }
}
