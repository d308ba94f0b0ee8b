using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScanPS.Providers.Probely
{
    // Wire shapes of Probely's scans (vendor-apis.md §4: the SDK's Scan object and developers.probely.com; no
    // machine-readable spec). Enum-like values stay strings on the way in; ProbelyScanMapper maps them.

    /// <summary>The Scan object of GET /scans/, GET /scans/{id}/ and POST /targets/{target_id}/scan_now/.</summary>
    internal sealed class ProbelyWireScan
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("target")] public ProbelyWireScanTarget? Target { get; set; }
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("created")] public string? Created { get; set; }
        [JsonPropertyName("started")] public string? Started { get; set; }
        [JsonPropertyName("completed")] public string? Completed { get; set; }
        [JsonPropertyName("changed")] public string? Changed { get; set; }

        /// <summary>A profile id string; newer responses may send an object {"id","name"} (both read).</summary>
        [JsonPropertyName("scan_profile")] public JsonElement? ScanProfile { get; set; }

        [JsonPropertyName("created_by")] public ProbelyWireUser? CreatedBy { get; set; }
        [JsonPropertyName("lows")] public int? Lows { get; set; }
        [JsonPropertyName("mediums")] public int? Mediums { get; set; }
        [JsonPropertyName("highs")] public int? Highs { get; set; }
        [JsonPropertyName("criticals")] public int? Criticals { get; set; }
        [JsonPropertyName("unlimited")] public bool? Unlimited { get; set; }
        [JsonPropertyName("incremental")] public bool? Incremental { get; set; }
        [JsonPropertyName("reduced_scope")] public bool? ReducedScope { get; set; }
        [JsonPropertyName("ignore_blackout_period")] public bool? IgnoreBlackoutPeriod { get; set; }
        [JsonPropertyName("crawler")] public ProbelyWireModule? Crawler { get; set; }
        [JsonPropertyName("fingerprinter")] public ProbelyWireModule? Fingerprinter { get; set; }
        [JsonPropertyName("scanner")] public ProbelyWireModule? Scanner { get; set; }

        /// <summary>Kept as JSON: a string in the fake, its format UNCONFIRMED.</summary>
        [JsonPropertyName("runtime")] public JsonElement? Runtime { get; set; }
    }

    internal sealed class ProbelyWireScanTarget
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("site")] public ProbelyWireScanSite? Site { get; set; }
    }

    internal sealed class ProbelyWireScanSite
    {
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("url")] public string? Url { get; set; }
        [JsonPropertyName("host")] public string? Host { get; set; }
    }

    internal sealed class ProbelyWireUser
    {
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
    }

    /// <summary>crawler/fingerprinter/scanner {state, status, warning[], error[]}; the lists' items are kept as their text.</summary>
    internal sealed class ProbelyWireModule
    {
        [JsonPropertyName("state")] public string? State { get; set; }
        [JsonPropertyName("warning")] public List<JsonElement>? Warning { get; set; }
        [JsonPropertyName("error")] public List<JsonElement>? Error { get; set; }
    }

    /// <summary>A page of GET /scans/: {count, page_total, page, length, results}.</summary>
    internal sealed class ProbelyWireScanPage
    {
        [JsonPropertyName("count")] public long? Count { get; set; }
        [JsonPropertyName("page_total")] public int? PageTotal { get; set; }
        [JsonPropertyName("results")] public List<ProbelyWireScan?>? Results { get; set; }
    }

    /// <summary>
    /// The body of POST /targets/{target_id}/scan_now/: {} or {"scan_profile": "…"}. Without a profile the target's own
    /// profile runs (UNCONFIRMED; the vendor documents scan_profile as optional).
    /// </summary>
    internal sealed class ProbelyScanNowBody
    {
        [JsonPropertyName("scan_profile")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? ScanProfile { get; set; }
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
    [JsonSerializable(typeof(ProbelyWireScan))]
    [JsonSerializable(typeof(ProbelyWireScanPage))]
    [JsonSerializable(typeof(ProbelyScanNowBody))]
    internal sealed partial class ProbelyScanJsonContext : JsonSerializerContext
    {
    }
}
