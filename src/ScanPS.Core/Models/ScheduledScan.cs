using System;

namespace ScanPS.Models
{
    /// <summary>How often a scheduled scan repeats. PowerShell names for the vendors' codes (Probely: "", h, d, w, m, q).</summary>
    public enum ScheduleRecurrence
    {
        /// <summary>Runs once, at the start time.</summary>
        None,
        Hourly,
        Daily,
        Weekly,
        Monthly,
        Quarterly,
    }

    /// <summary>Which occurrence of a weekday in the month ("the second Tuesday").</summary>
    public enum WeekOfMonth
    {
        First,
        Second,
        Third,
        Fourth,
        Last,
    }

    /// <summary>
    /// What every provider's scheduled scan has: Provider and Id (so objects pipe on by property name), the
    /// target it scans, the next run as an instant, and the recurrence both as a value and in words.
    /// Provider and Id are virtual only so each type can declare them again first (see <see cref="Scan"/>).
    /// </summary>
    public abstract class ScheduledScan
    {
        protected ScheduledScan(string provider, string id)
        {
            Provider = provider;
            Id = id;
        }

        public virtual string Provider { get; }

        public virtual string Id { get; }

        /// <summary>The scanned target's id.</summary>
        public string? TargetId { get; internal set; }

        /// <summary>The next run, with the offset of <see cref="TimeZone"/> at that instant (null when the vendor sent none).</summary>
        public DateTimeOffset? NextRun { get; internal set; }

        /// <summary>Null when the vendor sent a value ScanPS does not know; the raw value is in <see cref="VendorRecurrence"/>.</summary>
        public ScheduleRecurrence? Recurrence { get; internal set; }

        /// <summary>The recurrence exactly as the vendor sent it.</summary>
        public string? VendorRecurrence { get; internal set; }

        /// <summary>The recurrence in words: "Once", "Every week", "Every month on the second Tuesday".</summary>
        public string Repeats { get; internal set; } = string.Empty;

        /// <summary>IANA time zone the schedule keeps its wall-clock time in.</summary>
        public string? TimeZone { get; internal set; }

        /// <summary>The target as a message names it besides its id (its name), or null; a method, so no output column.</summary>
        internal virtual string? TargetLabel() => null;
    }
}
