using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using ScanPS.Models;

namespace ScanPS.Providers.ProjectDiscovery
{
    internal static class ProjectDiscoveryMapper
    {
        public static ProjectDiscoveryScan ToScan(ProjectDiscoveryWireScan wire) =>
            new ProjectDiscoveryScan(wire.ScanId ?? string.Empty)
            {
                Name = wire.Name,
                VendorState = wire.Status,
                State = ProjectDiscoveryVocabulary.Normalise(wire.Status),
                Progress = wire.Progress.HasValue ? (int?)Math.Round(wire.Progress.Value) : null,
                FailureReason = string.IsNullOrEmpty(wire.FailureReason) ? null : wire.FailureReason,
                CreatedAt = Time(wire.CreatedAt),
                UpdatedAt = Time(wire.UpdatedAt),
                CompletedAt = Time(wire.CompletedAt),
                ScanTimeElapsed = wire.ScanTimeElapsed,
                TargetCount = wire.TotalTarget,
                TemplateCount = wire.TotalTemplate,
                ResultCount = wire.TotalResult,
                ScanCount = wire.TotalScan,
                Severity = Counts(wire.Severity),
                IsOss = wire.IsOss,
                IsCloud = wire.IsCloud,
                IsRescan = wire.IsRescan,
                IsAutomatic = wire.IsAutomatic,
                IsInternal = wire.IsInternal,
                RescanCount = wire.RescanCount,
                AssetIds = Array(wire.AssetIds),
                PublicTemplates = Array(wire.PublicTemplates),
                TemplateIds = Array(wire.TemplateIds),
                TemplateUrls = Array(wire.TemplateUrls),
                ScanConfigIds = Array(wire.ScanConfigIds),
                ReportConfigIds = Array(wire.ReportConfigIds),
                AgentId = string.IsNullOrEmpty(wire.AgentId) ? null : wire.AgentId,
                AgentTags = Array(wire.AgentTags),
                AgentNetworks = Array(wire.AgentNetworks),
                AgentBehavior = wire.AgentBehavior,
                Schedule = wire.Schedule == null ? null : new ProjectDiscoveryScanSchedule
                {
                    Frequency = wire.Schedule.ScanFrequency,
                    LastRun = wire.Schedule.ScheduleLastRun,
                    NextRun = wire.Schedule.ScheduleNextRun,
                    StartTime = wire.Schedule.StartTime,
                    HourlyFrequency = wire.Schedule.HourlyFrequency,
                    CustomWeekdays = wire.Schedule.CustomWeekdays?.ToArray() ?? System.Array.Empty<int>(),
                },
            };

        /// <summary>RFC 3339 as the vendor is expected to send it (format UNCONFIRMED); Go's zero time and unparsable text become null.</summary>
        internal static DateTimeOffset? Time(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return null;
            // In the local zone, as PowerShell shows times (Get-Date, LastWriteTime); the offset says which zone.
            return value.Year <= 1 ? (DateTimeOffset?)null : value.ToLocalTime();
        }

        private static IReadOnlyDictionary<string, long> Counts(JsonElement? severity)
        {
            var counts = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
            if (severity == null || severity.Value.ValueKind != JsonValueKind.Object) return counts;
            foreach (var property in severity.Value.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out long n)) counts[property.Name] = n;
            }

            return counts;
        }

        private static string[] Array(List<string>? values) => values == null ? System.Array.Empty<string>() : values.ToArray();
    }
}
