using System;
using System.Globalization;
using ScanPS.Models;
using ScanPS.Scheduling;

namespace ScanPS.Providers.Probely
{
    /// <summary>A checked Probely schedule, ready to send (built by <see cref="ProbelyScheduleRequest.Validate"/>).</summary>
    public sealed class ProbelySchedule : ScheduledScanSchedule
    {
        internal ProbelySchedule(ProbelyScheduleRequest request, DateTimeOffset start, ScheduleTimeZone timeZone, string? scanProfile)
        {
            Start = start;
            TimeZone = timeZone;
            Recurrence = request.Recurrence;
            DayOfWeek = request.DayOfWeek;
            WeekIndex = request.WeekIndex;
            ScanProfile = scanProfile;
            PartialScan = request.PartialScan;
            OverrideTargetSettings = request.OverrideTargetSettings;
            Incremental = request.Incremental;
            ReducedScope = request.ReducedScope;
        }

        /// <summary>The first run, with the offset of <see cref="TimeZone"/> at that instant.</summary>
        public DateTimeOffset Start { get; }

        public ScheduleTimeZone TimeZone { get; }

        public ScheduleRecurrence Recurrence { get; }

        public DayOfWeek? DayOfWeek { get; }

        public WeekOfMonth? WeekIndex { get; }

        public string? ScanProfile { get; }

        public bool PartialScan { get; }

        public bool OverrideTargetSettings { get; }

        public bool Incremental { get; }

        public bool ReducedScope { get; }

        /// <summary>date_time as sent: ISO 8601 with the zone's offset, so the instant is unambiguous whatever the vendor does with timezone.</summary>
        public string WireDateTime => Start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        /// <summary>
        /// The same next run (as an instant, to the second) and the same recurrence, weekday and week of the month:
        /// re-running the same CSV. Profile and partial-scan options are not compared; they do not make a second
        /// schedule less of a repeat.
        /// </summary>
        public override bool IsRepeatedBy(ScheduledScan existing)
        {
            if (!existing.NextRun.HasValue || existing.Recurrence != Recurrence) return false;
            if (existing.NextRun.Value.UtcTicks / TimeSpan.TicksPerSecond != Start.UtcTicks / TimeSpan.TicksPerSecond) return false;
            return !(existing is ProbelyScheduledScan probely) || (probely.DayOfWeek == DayOfWeek && probely.WeekIndex == WeekIndex);
        }

        public override string Describe()
        {
            string repeats = ScheduleWords.Repeats(Recurrence, DayOfWeek, WeekIndex);
            string text = char.ToLowerInvariant(repeats[0]) + repeats.Substring(1) +
                          (Recurrence == ScheduleRecurrence.None ? " at " : " from ") +
                          Start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + TimeZone.IanaName +
                          " (UTC" + Start.ToString("zzz", CultureInfo.InvariantCulture) + ")";
            if (ScanProfile != null) text += ", scan profile " + ScanProfile;
            if (PartialScan) text += ", partial" + (Incremental ? ", incremental" : string.Empty) + (ReducedScope ? ", reduced scope" : string.Empty);
            if (OverrideTargetSettings) text += ", overriding target settings";
            return text;
        }
    }
}
