using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScanPS.Providers.Probely
{
    // Wire shapes of GET /findings/ and GET /targets/{t}/findings/ (probely-python _schemas.py Finding; the 1.2.0 spec's
    // quickstart). severity is an int (10/20/30/40) and state a string; both stay open, ProbelyFindingMapper maps them.

    /// <summary>{count, page_total, page, length, results}.</summary>
    internal sealed class ProbelyWireFindingPage
    {
        [JsonPropertyName("count")] public int? Count { get; set; }
        [JsonPropertyName("page_total")] public int? PageTotal { get; set; }
        [JsonPropertyName("page")] public int? Page { get; set; }
        [JsonPropertyName("length")] public int? Length { get; set; }
        [JsonPropertyName("results")] public List<ProbelyWireFinding?>? Results { get; set; }
    }

    internal sealed class ProbelyWireFinding
    {
        /// <summary>An int in the vendor schema; text is read too.</summary>
        [JsonPropertyName("id")] public JsonElement? Id { get; set; }
        [JsonPropertyName("target")] public ProbelyWireTarget? Target { get; set; }
        [JsonPropertyName("scans")] public List<string?>? Scans { get; set; }
        [JsonPropertyName("labels")] public List<JsonElement>? Labels { get; set; }
        [JsonPropertyName("fix")] public string? Fix { get; set; }
        [JsonPropertyName("definition")] public ProbelyWireDefinition? Definition { get; set; }
        [JsonPropertyName("url")] public string? Url { get; set; }
        [JsonPropertyName("path")] public string? Path { get; set; }
        [JsonPropertyName("method")] public string? Method { get; set; }
        [JsonPropertyName("insertion_point")] public string? InsertionPoint { get; set; }
        [JsonPropertyName("parameter")] public string? Parameter { get; set; }
        [JsonPropertyName("state")] public string? State { get; set; }

        /// <summary>10, 20, 30, 40 (an int; text is read too).</summary>
        [JsonPropertyName("severity")] public JsonElement? Severity { get; set; }

        [JsonPropertyName("cvss_score")] public JsonElement? CvssScore { get; set; }
        [JsonPropertyName("cvss_vector")] public string? CvssVector { get; set; }
        [JsonPropertyName("last_found")] public string? LastFound { get; set; }
        [JsonPropertyName("retesting")] public bool? Retesting { get; set; }
        [JsonPropertyName("new")] public bool? New { get; set; }
        [JsonPropertyName("changed")] public string? Changed { get; set; }
    }

    internal sealed class ProbelyWireDefinition
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("desc")] public string? Desc { get; set; }

        /// <summary>Seen in DefectDojo's parser; text or a number.</summary>
        [JsonPropertyName("cwe_id")] public JsonElement? CweId { get; set; }
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(ProbelyWireFindingPage))]
    internal sealed partial class ProbelyFindingJsonContext : JsonSerializerContext
    {
    }
}
