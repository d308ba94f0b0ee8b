using System.Collections.Generic;
using System.Text.Json.Serialization;
using ScanPS.Models;

namespace ScanPS.Providers.HostedScan
{
    // Wire shapes exactly as the vendor documents them (snake_case). Scans in answers are read by
    // HostedScanScanConverter; enums stay strings there so an unknown value from the vendor never breaks parsing.

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

    /// <summary>{"data": scan}: the answer of GET /v1/scans/:id and POST /v1/scans.</summary>
    internal sealed class HostedScanScanEnvelope
    {
        [JsonPropertyName("data")] public HostedScanScan? Data { get; set; }
    }

    /// <summary>{"data": [scan, ...], "next_page_token": "..."}: one page of GET /v1/scans.</summary>
    internal sealed class HostedScanListEnvelope
    {
        private List<HostedScanScan?>? _data;

        [JsonPropertyName("data")]
        public List<HostedScanScan?>? Data
        {
            get => _data;
            set
            {
                _data = value;
                HasData = true; // the serializer calls this for "data": null too, never for a missing key
            }
        }

        /// <summary>True when the answer had a "data" key (even null): a page without one is not a listing at all.</summary>
        [JsonIgnore] public bool HasData { get; private set; }

        [JsonPropertyName("next_page_token")] public string? NextPageToken { get; set; }
    }

    // Scans are read by HostedScanScanConverter, straight into the output objects (see its summary).
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never, Converters = new[] { typeof(HostedScanScanConverter) })]
    [JsonSerializable(typeof(HostedScanCreateBody))]
    [JsonSerializable(typeof(HostedScanFilters))]
    [JsonSerializable(typeof(HostedScanScanEnvelope))]
    [JsonSerializable(typeof(HostedScanListEnvelope))]
    internal sealed partial class HostedScanJsonContext : JsonSerializerContext
    {
    }
}
