using System;
using System.Collections.Generic;
using ScanPS.Models;

namespace ScanPS.Providers.Probely
{
    /// <summary>Probely's codes for schedules (developers.probely.com, Bulk Create Scheduled Scans) and their PowerShell names.</summary>
    public static class ProbelyVocabulary
    {
        /// <summary>
        /// Built-in scan profile ids seen in the vendor's docs and SDK (UNCONFIRMED as the complete list; custom
        /// profiles have Base58 ids and are sent as given).
        /// </summary>
        public static readonly IReadOnlyList<string> BuiltInScanProfiles = new[] { "lightning", "safe", "normal", "full", "api_normal" };

        /// <summary>None → "" (one-off), Hourly → h, Daily → d, Weekly → w, Monthly → m, Quarterly → q.</summary>
        public static string RecurrenceCode(ScheduleRecurrence recurrence)
        {
            switch (recurrence)
            {
                case ScheduleRecurrence.Hourly: return "h";
                case ScheduleRecurrence.Daily: return "d";
                case ScheduleRecurrence.Weekly: return "w";
                case ScheduleRecurrence.Monthly: return "m";
                case ScheduleRecurrence.Quarterly: return "q";
                default: return string.Empty;
            }
        }

        /// <summary>The vendor's code back to a name; null for a code ScanPS does not know (the raw value is kept).</summary>
        public static ScheduleRecurrence? ParseRecurrence(string? code)
        {
            switch (code)
            {
                case null:
                case "": return ScheduleRecurrence.None;
                case "h": return ScheduleRecurrence.Hourly;
                case "d": return ScheduleRecurrence.Daily;
                case "w": return ScheduleRecurrence.Weekly;
                case "m": return ScheduleRecurrence.Monthly;
                case "q": return ScheduleRecurrence.Quarterly;
                default: return null;
            }
        }

        /// <summary>Probely numbers weekdays 1 = Monday … 7 = Sunday (.NET: Sunday = 0).</summary>
        public static int DayNumber(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

        public static DayOfWeek? ParseDayNumber(int? number)
        {
            if (!number.HasValue || number.Value < 1 || number.Value > 7) return null;
            return number.Value == 7 ? DayOfWeek.Sunday : (DayOfWeek)number.Value;
        }

        /// <summary>First → "first" … Last → "last".</summary>
        public static string WeekIndexCode(WeekOfMonth week) => week.ToString().ToLowerInvariant();

        public static WeekOfMonth? ParseWeekIndex(string? code)
        {
            foreach (WeekOfMonth week in Enum.GetValues(typeof(WeekOfMonth)))
            {
                if (string.Equals(WeekIndexCode(week), code, StringComparison.Ordinal)) return week;
            }

            return null;
        }
    }
}
