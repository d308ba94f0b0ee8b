using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using ScanPS.Models;

namespace ScanPS.Providers.Invicti
{
    internal static class InvictiMapper
    {
        public static InvictiScan ToScan(InvictiWireScanTask wire)
        {
            return new InvictiScan(wire.Id ?? string.Empty)
            {
                VendorState = wire.State,
                State = InvictiVocabulary.Normalise(wire.State),
                TargetUrl = wire.TargetUrl,
                TargetUrlRoot = wire.TargetUrlRoot,
                TargetPath = wire.TargetPath,
                WebsiteId = wire.WebsiteId,
                WebsiteName = wire.WebsiteName,
                WebsiteUrl = wire.WebsiteUrl,
                Phase = wire.Phase,
                Percentage = wire.Percentage,
                ScanType = wire.ScanType,
                CompletedSteps = wire.CompletedSteps,
                EstimatedSteps = wire.EstimatedSteps,
                EstimatedLaunchTime = wire.EstimatedLaunchTime,
                IsCompleted = wire.IsCompleted,
                InitiatedAt = ParseDate(wire.InitiatedAt),
                StateChanged = ParseDate(wire.StateChanged),
                InitiatedDate = wire.InitiatedDate,
                InitiatedTime = wire.InitiatedTime,
                Duration = wire.Duration,
                FailureReason = wire.FailureReason,
                FailureReasonDescription = wire.FailureReasonDescription,
                FailureReasonString = wire.FailureReasonString,
                ThreatLevel = wire.ThreatLevel,
                GlobalThreatLevel = wire.GlobalThreatLevel,
                VulnerabilityCriticalCount = wire.VulnerabilityCriticalCount,
                VulnerabilityHighCount = wire.VulnerabilityHighCount,
                VulnerabilityMediumCount = wire.VulnerabilityMediumCount,
                VulnerabilityLowCount = wire.VulnerabilityLowCount,
                VulnerabilityInfoCount = wire.VulnerabilityInfoCount,
                VulnerabilityBestPracticeCount = wire.VulnerabilityBestPracticeCount,
                TotalVulnerabilityCount = wire.TotalVulnerabilityCount,
                PolicyId = wire.PolicyId,
                PolicyName = wire.PolicyName,
                ScanTaskGroupId = wire.ScanTaskGroupId,
                ScheduledScanId = wire.ScheduledScanId,
                AgentName = wire.AgentName,
                UserName = wire.UserName,
                Tags = wire.Tags == null ? Array.Empty<string>() : wire.Tags.Where(t => t != null).Select(t => t!).ToArray(),
                VendorFields = Plain(wire.Other),
            };
        }

        /// <summary>
        /// Swagger format date-time (ISO 8601). "Z" or an offset gives a local DateTime; no zone gives Unspecified
        /// (whether the vendor ever omits it is UNCONFIRMED). Anything unreadable gives null rather than an error.
        /// </summary>
        internal static DateTime? ParseDate(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)) return null;
            bool hasZone = text!.TrimEnd().EndsWith("Z", StringComparison.OrdinalIgnoreCase) || HasOffset(text);
            // Local time (Kind Local), as PowerShell shows times and as Get-Date compares; a time the vendor sent
            // without a zone stays as sent (Kind Unspecified).
            return hasZone ? parsed.LocalDateTime : DateTime.SpecifyKind(parsed.DateTime, DateTimeKind.Unspecified);
        }

        private static bool HasOffset(string text)
        {
            int t = text.IndexOf('T');
            if (t < 0) return false;
            string time = text.Substring(t);
            return time.IndexOf('+') > 0 || time.IndexOf('-') > 0;
        }

        private static IReadOnlyDictionary<string, object?> Plain(Dictionary<string, JsonElement>? other)
        {
            var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            if (other == null) return result;
            foreach (var pair in other) result[pair.Key] = Plain(pair.Value);
            return result;
        }

        /// <summary>A JSON value as plain .NET values that PowerShell shows and converts naturally.</summary>
        private static object? Plain(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in element.EnumerateObject()) map[property.Name] = Plain(property.Value);
                    return map;
                case JsonValueKind.Array:
                    return element.EnumerateArray().Select(Plain).ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    return element.TryGetInt64(out long whole) ? whole : (object)element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}
