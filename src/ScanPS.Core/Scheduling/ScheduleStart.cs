using System;
using System.Globalization;
using ScanPS.Errors;

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
                    return InZone(whole, zone.Zone, zone.IanaName);
                case DateTimeKind.Local:
                    var instant = FromWallClock(DateTime.SpecifyKind(whole, DateTimeKind.Unspecified), clock.LocalTimeZone, "this computer's time zone (" + clock.LocalTimeZone.Id + ")");
                    return InZone(instant.UtcDateTime, zone.Zone, zone.IanaName);
                default:
                    return FromWallClock(whole, zone.Zone, zone.IanaName);
            }
        }

        /// <summary>
        /// A UTC instant as the zone's wall clock. Checked by hand: TimeZoneInfo.ConvertTime quietly clamps a result
        /// past year 9999 to DateTimeOffset.MaxValue at offset +00:00, which would schedule a different time.
        /// </summary>
        private static DateTimeOffset InZone(DateTime utc, TimeZoneInfo zone, string zoneName)
        {
            TimeSpan offset = zone.GetUtcOffset(utc);
            long ticks = utc.Ticks + offset.Ticks;
            if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            {
                throw OutsideTheCalendar(Minutes(utc) + " UTC is outside the years 0001 to 9999 in " + zoneName + " (UTC" + Offset(offset) + ").");
            }

            return new DateTimeOffset(ticks, offset);
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
                string text = Minutes(wall);
                throw new ScanPSError(
                    ErrorIds.InvalidStartTime,
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

            long utcTicks = wall.Ticks - offset.Ticks;
            if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
            {
                // '9999-12-31 23:00' in New York is in year 10000 in UTC: DateTimeOffset would throw ArgumentOutOfRangeException.
                throw OutsideTheCalendar(Minutes(wall) + " " + zoneName + " (UTC" + Offset(offset) + ") is outside the years 0001 to 9999 in UTC.");
            }

            return new DateTimeOffset(wall, offset);
        }

        private static ScanPSException OutsideTheCalendar(string problem) =>
            new ScanPSError(ErrorIds.InvalidStartTime, ScanPSErrorCategory.InvalidArgument, "-StartTime " + problem)
            { RecommendedAction = "Pass a -StartTime in the coming years, for example (Get-Date).AddDays(1). Nothing was sent." }.ToException();

        private static string Minutes(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        private static string Offset(TimeSpan offset) => (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture);
    }
}
