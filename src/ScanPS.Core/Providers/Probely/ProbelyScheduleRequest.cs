using System;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Scheduling;

namespace ScanPS.Providers.Probely
{
    /// <summary>
    /// New-ScheduledScanBulk's schedule as the user gave it. <see cref="Validate"/> checks every combination,
    /// the time zone and the start time before any credential lookup or request.
    /// </summary>
    public sealed class ProbelyScheduleRequest
    {
        /// <summary>First run. Its Kind decides how it is read: Utc and Local are instants; Unspecified is wall-clock time in <see cref="TimeZone"/>.</summary>
        public DateTime StartTime { get; set; }

        /// <summary>IANA name (or Windows id); null means this computer's zone.</summary>
        public string? TimeZone { get; set; }

        public ScheduleRecurrence Recurrence { get; set; }

        /// <summary>Monthly/quarterly only: run on this weekday (with <see cref="WeekIndex"/>) instead of a calendar date.</summary>
        public DayOfWeek? DayOfWeek { get; set; }

        public WeekOfMonth? WeekIndex { get; set; }

        /// <summary>Scan profile id; null means each target's own profile.</summary>
        public string? ScanProfile { get; set; }

        public bool PartialScan { get; set; }

        public bool OverrideTargetSettings { get; set; }

        public bool Incremental { get; set; }

        public bool ReducedScope { get; set; }

        /// <summary>Checks the request against <paramref name="clock"/> (the system clock when null); throws ScanPSException.</summary>
        public ProbelySchedule Validate(TimeProvider? clock = null)
        {
            clock ??= TimeProvider.System;
            if (DayOfWeek.HasValue && Recurrence != ScheduleRecurrence.Monthly && Recurrence != ScheduleRecurrence.Quarterly)
            {
                throw Combination("-DayOfWeek only applies to -Recurrence Monthly or Quarterly (\"the second Tuesday of each month\"); this schedule is " + Recurrence + ".",
                    "Use -Recurrence Monthly or Quarterly with -DayOfWeek, or drop -DayOfWeek.");
            }

            if (WeekIndex.HasValue && !DayOfWeek.HasValue)
            {
                throw Combination("-WeekIndex needs -DayOfWeek: together they name a weekday of the month (e.g. -WeekIndex Second -DayOfWeek Tuesday).",
                    "Add -DayOfWeek, or drop -WeekIndex.");
            }

            if (DayOfWeek.HasValue && !WeekIndex.HasValue)
            {
                // UNCONFIRMED: the vendor does not say what run_on_day_of_week does without week_index; ask instead of guessing.
                throw Combination("-DayOfWeek needs -WeekIndex (First, Second, Third, Fourth or Last) to say which " + DayOfWeek.Value + " of the month.",
                    "Add -WeekIndex, for example -WeekIndex Second.");
            }

            if (PartialScan && !OverrideTargetSettings)
            {
                throw Combination("-PartialScan needs -OverrideTargetSettings: Probely applies partial-scan options only when they override the target's settings.",
                    "Add -OverrideTargetSettings.");
            }

            if ((Incremental || ReducedScope) && !PartialScan)
            {
                throw Combination((Incremental ? "-Incremental" : "-ReducedScope") + " needs -PartialScan and -OverrideTargetSettings (Probely uses them together).",
                    "Add -PartialScan -OverrideTargetSettings.");
            }

            string? profile = ScanProfile?.Trim();
            if (ScanProfile != null && profile!.Length == 0)
            {
                throw new ScanPSError(ErrorIds.InvalidScanProfile, ScanPSErrorCategory.InvalidArgument, "-ScanProfile is empty.", ScanProfile)
                { RecommendedAction = "Pass a scan profile id (built-in ones tab-complete) or leave -ScanProfile out to use each target's own." }.ToException();
            }

            var zone = ScheduleTimeZone.Resolve(TimeZone, clock);
            var start = ScheduleStart.Combine(StartTime, zone, clock);
            var now = clock.GetUtcNow();
            if (start <= now)
            {
                throw new ScanPSError(
                    ErrorIds.StartTimeInPast,
                    ScanPSErrorCategory.InvalidArgument,
                    "-StartTime " + start.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " " + zone.IanaName +
                    " (" + start.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC) is not in the future; it is now " +
                    now.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC.",
                    StartTime)
                { RecommendedAction = "Pass a later -StartTime, for example (Get-Date).AddHours(1)." }.ToException();
            }

            return new ProbelySchedule(this, start, zone, profile);
        }

        private static ScanPSException Combination(string message, string action) =>
            new ScanPSError(ErrorIds.InvalidScheduleCombination, ScanPSErrorCategory.InvalidArgument, message) { RecommendedAction = action + " Nothing was sent." }.ToException();
    }
}
