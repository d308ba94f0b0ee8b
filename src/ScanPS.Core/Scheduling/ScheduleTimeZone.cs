using System;
using System.Collections.Generic;
using System.IO;
using System.Security;
using ScanPS.Errors;

namespace ScanPS.Scheduling
{
    /// <summary>
    /// A time zone a schedule runs in: the platform's TimeZoneInfo (for the arithmetic) and its IANA name (what
    /// vendors such as Probely store). Accepts IANA names on every platform, and Windows ids wherever CLDR maps
    /// them to an IANA name.
    /// </summary>
    public sealed class ScheduleTimeZone
    {
        private ScheduleTimeZone(string ianaName, TimeZoneInfo zone)
        {
            IanaName = ianaName;
            Zone = zone;
        }

        /// <summary>The IANA name sent to the vendor, e.g. "Europe/Lisbon".</summary>
        public string IanaName { get; }

        /// <summary>The platform's zone with the same rules.</summary>
        public TimeZoneInfo Zone { get; }

        /// <summary>IANA names for tab completion.</summary>
        public static IReadOnlyList<string> KnownIanaNames => TimeZoneNames.IanaNames;

        /// <summary>
        /// Resolves -TimeZone (IANA or Windows id, any case). Null or blank means the computer's own zone
        /// (<paramref name="clock"/>.LocalTimeZone). Throws UnknownTimeZone before any request.
        /// </summary>
        public static ScheduleTimeZone Resolve(string? id, TimeProvider clock)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                var local = clock.LocalTimeZone;
                string? localName = IanaNameOf(local.Id);
                if (localName == null)
                {
                    throw new ScanPSError(
                        ErrorIds.UnknownTimeZone,
                        ScanPSErrorCategory.InvalidArgument,
                        "This computer's time zone '" + local.Id + "' has no IANA name, which the scanning service needs. Pass -TimeZone.",
                        local.Id)
                    { RecommendedAction = "Pass -TimeZone with an IANA name such as 'Europe/Lisbon' or 'America/New_York'." }.ToException();
                }

                return new ScheduleTimeZone(localName, local);
            }

            string trimmed = id!.Trim();
            string? iana = IanaNameOf(trimmed);
            TimeZoneInfo? zone = FindOnPlatform(trimmed);
            if (zone == null && iana != null)
            {
                // .NET Framework knows Windows ids only; .NET 6+ on Linux knows IANA names (and Windows ids with ICU).
                zone = FindOnPlatform(iana) ?? FindOnPlatform(TimeZoneNames.WindowsIdFor(iana));
            }

            if (zone != null && iana == null && trimmed.IndexOf('/') > 0 && trimmed.IndexOf(' ') < 0)
            {
                // An IANA name newer than the CLDR table but known to this computer's tz database.
                iana = trimmed;
            }

            if (zone == null || iana == null)
            {
                throw new ScanPSError(
                    ErrorIds.UnknownTimeZone,
                    ScanPSErrorCategory.InvalidArgument,
                    "'" + trimmed + "' is not a time zone ScanPS knows" + (zone != null ? " by an IANA name" : string.Empty) +
                    ". Use an IANA name such as 'Europe/Lisbon', 'America/New_York' or 'UTC' (Windows ids such as 'GMT Standard Time' work too).",
                    trimmed)
                { RecommendedAction = "Pass -TimeZone with an IANA name (it tab-completes); nothing was sent." }.ToException();
            }

            return new ScheduleTimeZone(iana, zone);
        }

        /// <summary>The platform zone for an IANA name a vendor sent back, or null.</summary>
        public static TimeZoneInfo? TryFind(string? ianaName)
        {
            if (string.IsNullOrWhiteSpace(ianaName)) return null;
            return FindOnPlatform(ianaName) ?? FindOnPlatform(TimeZoneNames.WindowsIdFor(ianaName!));
        }

        private static string? IanaNameOf(string id)
        {
            if (TimeZoneNames.TryGetIana(id, out var canonical)) return canonical;
            if (TimeZoneNames.TryGetIanaForWindows(id, out var iana)) return iana;
            return null;
        }

        private static TimeZoneInfo? FindOnPlatform(string? id)
        {
            if (string.IsNullOrEmpty(id)) return null;
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException || ex is InvalidTimeZoneException || ex is ArgumentException ||
                                       ex is SecurityException || ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }

        public override string ToString() => IanaName;
    }
}
