using System;
using System.Globalization;
using System.Text.Json;
using ScanPS.Models;
using ScanPS.Scheduling;

namespace ScanPS.Providers.Probely
{
    internal static class ProbelyMapper
    {
        public static ProbelyScheduledScan ToScheduledScan(ProbelyWireScheduledScan wire)
        {
            var recurrence = ProbelyVocabulary.ParseRecurrence(wire.Recurrence);
            bool onWeekday = wire.RunOnDayOfWeek == true;
            var day = onWeekday ? ProbelyVocabulary.ParseDayNumber(wire.ScheduledDayOfWeek) : null;
            var week = onWeekday ? ProbelyVocabulary.ParseWeekIndex(wire.WeekIndex) : null;
            return new ProbelyScheduledScan(wire.Id ?? string.Empty)
            {
                TargetId = wire.Target?.Id,
                TargetName = wire.Target?.Site?.Name ?? wire.Target?.Name,
                TargetUrl = wire.Target?.Site?.Url,
                NextRun = NextRun(wire.DateTime, wire.TimeZone),
                Recurrence = recurrence,
                VendorRecurrence = wire.Recurrence,
                Repeats = recurrence.HasValue ? ScheduleWords.Repeats(recurrence, day, week) : "Unknown (" + wire.Recurrence + ")",
                TimeZone = wire.TimeZone,
                DayOfWeek = day,
                WeekIndex = week,
                ScanProfile = ScanProfileId(wire.ScanProfile),
                PartialScan = wire.PartialScan == true,
                OverrideTargetSettings = wire.OverrideTargetSettings == true,
                Incremental = wire.Incremental == true,
                ReducedScope = wire.ReducedScope == true,
            };
        }

        /// <summary>The vendor's UTC timestamp shown in the schedule's own zone (same instant), when the zone is known here.</summary>
        private static DateTimeOffset? NextRun(string? dateTime, string? timeZone)
        {
            if (string.IsNullOrEmpty(dateTime) ||
                !DateTimeOffset.TryParse(dateTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                return null;
            }

            var zone = ScheduleTimeZone.TryFind(timeZone);
            return zone == null ? instant : TimeZoneInfo.ConvertTime(instant, zone);
        }

        private static string? ScanProfileId(JsonElement? element)
        {
            if (!element.HasValue) return null;
            var value = element.Value;
            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String) return id.GetString();
            return null;
        }
    }
}
