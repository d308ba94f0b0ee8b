using System;
using ScanPS.Models;

namespace ScanPS.Scheduling
{
    /// <summary>Schedules in words, for objects, -WhatIf lines and -Confirm prompts.</summary>
    public static class ScheduleWords
    {
        /// <summary>"Once", "Every week", "Every month on the second Tuesday", "Every 3 months on the last Friday", …</summary>
        public static string Repeats(ScheduleRecurrence? recurrence, DayOfWeek? dayOfWeek, WeekOfMonth? weekIndex)
        {
            string every;
            switch (recurrence)
            {
                case ScheduleRecurrence.None: return "Once";
                case ScheduleRecurrence.Hourly: every = "Every hour"; break;
                case ScheduleRecurrence.Daily: every = "Every day"; break;
                case ScheduleRecurrence.Weekly: every = "Every week"; break;
                case ScheduleRecurrence.Monthly: every = "Every month"; break;
                case ScheduleRecurrence.Quarterly: every = "Every 3 months"; break;
                default: return "Unknown";
            }

            if (dayOfWeek.HasValue && weekIndex.HasValue)
            {
                every += " on the " + weekIndex.Value.ToString().ToLowerInvariant() + " " + dayOfWeek.Value;
            }

            return every;
        }
    }
}
