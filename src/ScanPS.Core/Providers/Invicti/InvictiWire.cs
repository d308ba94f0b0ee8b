using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScanPS.Providers.Invicti
{
    // Wire shapes of Invicti Enterprise's Swagger 2.0 document (PascalCase). Enums stay strings so a value
    // the vendor adds later never breaks parsing; dates stay strings and are parsed leniently by the mapper.

    /// <summary>ScanTaskModel: the fields ScanPS types; everything else lands in <see cref="Other"/>.</summary>
    internal sealed class InvictiWireScanTask
    {
        public string? Id { get; set; }
        public string? State { get; set; }
        public string? TargetUrl { get; set; }
        public string? TargetUrlRoot { get; set; }
        public string? TargetPath { get; set; }
        public string? WebsiteId { get; set; }
        public string? WebsiteName { get; set; }
        public string? WebsiteUrl { get; set; }
        public string? Phase { get; set; }
        public int? Percentage { get; set; }
        public string? ScanType { get; set; }
        public int? CompletedSteps { get; set; }
        public int? EstimatedSteps { get; set; }
        public int? EstimatedLaunchTime { get; set; }
        public bool? IsCompleted { get; set; }
        public string? InitiatedAt { get; set; }
        public string? StateChanged { get; set; }
        public string? InitiatedDate { get; set; }
        public string? InitiatedTime { get; set; }
        public string? Duration { get; set; }
        public string? FailureReason { get; set; }
        public string? FailureReasonDescription { get; set; }
        public string? FailureReasonString { get; set; }
        public string? ThreatLevel { get; set; }
        public string? GlobalThreatLevel { get; set; }
        public int? VulnerabilityCriticalCount { get; set; }
        public int? VulnerabilityHighCount { get; set; }
        public int? VulnerabilityMediumCount { get; set; }
        public int? VulnerabilityLowCount { get; set; }
        public int? VulnerabilityInfoCount { get; set; }
        public int? VulnerabilityBestPracticeCount { get; set; }
        public int? TotalVulnerabilityCount { get; set; }
        public string? PolicyId { get; set; }
        public string? PolicyName { get; set; }
        public string? ScanTaskGroupId { get; set; }
        public string? ScheduledScanId { get; set; }
        public string? AgentName { get; set; }
        public string? UserName { get; set; }
        public List<string?>? Tags { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Other { get; set; }
    }

    /// <summary>ScanTaskListApiResult: one page of scans.</summary>
    internal sealed class InvictiWireScanTaskList
    {
        public List<InvictiWireScanTask?>? List { get; set; }
        public bool? HasNextPage { get; set; }
        public int? PageNumber { get; set; }
        public int? PageCount { get; set; }
        public bool? IsLastPage { get; set; }
        public int? TotalItemCount { get; set; }
    }

    /// <summary>
    /// What POST scans/newfromscan answered: the documented ScanTaskModel object, or a bare JSON string
    /// such as "ScanNotFound" (Invicti's action endpoints report refusals as 200 + an enum string).
    /// </summary>
    [JsonConverter(typeof(InvictiLaunchAnswerConverter))]
    internal sealed class InvictiLaunchAnswer
    {
        public InvictiWireScanTask? Scan { get; set; }

        public string? Result { get; set; }
    }

    internal sealed class InvictiLaunchAnswerConverter : JsonConverter<InvictiLaunchAnswer>
    {
        public override InvictiLaunchAnswer Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return new InvictiLaunchAnswer { Result = reader.GetString() };
                case JsonTokenType.StartObject:
                    return new InvictiLaunchAnswer { Scan = JsonSerializer.Deserialize(ref reader, InvictiJsonContext.Default.InvictiWireScanTask) };
                default:
                    throw new JsonException("expected a scan object or a result string, found " + reader.TokenType + ".");
            }
        }

        public override void Write(Utf8JsonWriter writer, InvictiLaunchAnswer value, JsonSerializerOptions options) =>
            throw new NotSupportedException("ScanPS never sends a launch answer.");
    }

    [JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
    [JsonSerializable(typeof(InvictiWireScanTask))]
    [JsonSerializable(typeof(InvictiWireScanTaskList))]
    [JsonSerializable(typeof(InvictiLaunchAnswer))]
    [JsonSerializable(typeof(string))]
    internal sealed partial class InvictiJsonContext : JsonSerializerContext
    {
    }
}
