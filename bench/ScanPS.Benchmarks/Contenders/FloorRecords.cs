using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ScanPS.Benchmarks.Contenders
{
    // The floor's typed records: the documented GET /v1/scans shape field for field (what a hand-written client
    // needs to hand out the same information ScanPS does). Settable properties, not init-only ones: the source
    // generator fills init-only properties through its constructor-argument path, which buffers and boxes every
    // value, and the floor must be the cheapest honest client. Lists, not arrays: arrays cost a List plus a copy.

    public sealed record FloorPage
    {
        public List<FloorScan>? Data { get; set; }
        public string? NextPageToken { get; set; }
    }

    public sealed record FloorScan
    {
        public string? Id { get; set; }
        public string? Type { get; set; }
        public string? State { get; set; }
        public double? Progress { get; set; }
        public FloorRisks? Risks { get; set; }
        public List<FloorResult>? Results { get; set; }
        public List<FloorRequestedTarget>? RequestedTargets { get; set; }
        public List<FloorResolvedTarget>? ResolvedTargets { get; set; }
        public List<FloorSkippedTarget>? SkippedTargets { get; set; }
    }

    public sealed record FloorRisks
    {
        public List<FloorRisk>? NewOpen { get; set; }
        public List<FloorRisk>? StillOpen { get; set; }
        public List<FloorRisk>? Closed { get; set; }
    }

    public sealed record FloorRisk
    {
        public string? RiskId { get; set; }
    }

    public sealed record FloorResult
    {
        public string? ResultId { get; set; }
        public string? ContentType { get; set; }
    }

    public sealed record FloorRequestedTarget
    {
        public string? TargetId { get; set; }
        public string? Target { get; set; }
    }

    public sealed record FloorResolvedTarget
    {
        public string? TargetId { get; set; }
        public string? ResolvedTarget { get; set; }
    }

    public sealed record FloorSkippedTarget
    {
        public string? TargetId { get; set; }
        public string? SkippedReason { get; set; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(FloorPage))]
    public sealed partial class FloorJsonContext : JsonSerializerContext
    {
    }
}
