using System;
using System.Globalization;
using ScanPS.Operations;

namespace ScanPS.Scheduling
{
    /// <summary>
    /// Turns -StartTime into the instant the user meant, expressed in the schedule's time zone:
    /// a UTC DateTime is that instant; a Local one is read in the computer's zone; an Unspecified one
    /// (what PowerShell makes of '2026-12-01 02:00') is a wall-clock time in the schedule's zone.
    /// </summary>
    public static class ScheduleStart
    {
        /// <summary>The start as a DateTimeOffset whose offset is the schedule zone's at that instant; whole seconds.</summary>
        public static DateTimeOffset Combine(DateTime start, ScheduleTimeZone zone, TimeProvider clock)
        {
            var whole = new DateTime(start.Ticks - (start.Ticks % TimeSpan.TicksPerSecond), start.Kind);
            switch (whole.Kind)
            {
                case DateTimeKind.Utc:
                    return TimeZoneInfo.ConvertTime(new DateTimeOffset(whole, TimeSpan.Zero), zone.Zone);
                case DateTimeKind.Local:
                    var instant = FromWallClock(DateTime.SpecifyKind(whole, DateTimeKind.Unspecified), clock.LocalTimeZone, "this computer's time zone (" + clock.LocalTimeZone.Id + ")");
                    return TimeZoneInfo.ConvertTime(instant, zone.Zone);
                default:
                    return FromWallClock(whole, zone.Zone, zone.IanaName);
            }
        }

        /// <summary>
        /// A wall-clock time in <paramref name="zone"/>. A time skipped when clocks go forward is an error; a time
        /// that happens twice when clocks go back means the first one (daylight time), as Python's zoneinfo does
        /// with fold=0.
        /// </summary>
        private static DateTimeOffset FromWallClock(DateTime wall, TimeZoneInfo zone, string zoneName)
        {
            if (zone.IsInvalidTime(wall))
            {
                string text = wall.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                throw new ScanPSError(
                    "InvalidStartTime",
                    ScanPSErrorCategory.InvalidArgument,
                    "-StartTime " + text + " does not exist in " + zoneName + ": the clocks go forward over it that day.",
                    text)
                { RecommendedAction = "Pick a -StartTime outside the daylight-saving change, for example one hour later." }.ToException();
            }

            TimeSpan offset;
            if (zone.IsAmbiguousTime(wall))
            {
                offset = TimeSpan.MinValue;
                foreach (var candidate in zone.GetAmbiguousTimeOffsets(wall))
                {
                    if (candidate > offset) offset = candidate; // the larger offset is the earlier instant
                }
            }
            else
            {
                offset = zone.GetUtcOffset(wall);
            }

            return new DateTimeOffset(wall, offset);
        }
    }
}
