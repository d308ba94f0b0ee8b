using System;
using System.Collections.Generic;

namespace ScanPS.Scheduling
{
    /// <summary>
    /// IANA ↔ Windows time zone names (CLDR's windowsZones table, in TimeZoneNames.Data.cs). Needed because
    /// Windows PowerShell 5.1 runs on .NET Framework, whose TimeZoneInfo knows Windows ids only, while vendors
    /// such as Probely want IANA names; .NET 6+ can convert by itself, .NET Framework cannot.
    /// </summary>
    internal static partial class TimeZoneNames
    {
        private static readonly Lazy<Tables> Data = new Lazy<Tables>(Load);

        /// <summary>Every IANA name in the table, in ordinal order (for tab completion).</summary>
        public static IReadOnlyList<string> IanaNames => Data.Value.IanaNames;

        /// <summary>True when <paramref name="id"/> is an IANA name (any case); <paramref name="canonical"/> has the table's spelling.</summary>
        public static bool TryGetIana(string id, out string canonical) => Data.Value.IanaCanonical.TryGetValue(id, out canonical!);

        /// <summary>The Windows zone for an IANA name, or null.</summary>
        public static string? WindowsIdFor(string iana) => Data.Value.IanaToWindows.TryGetValue(iana, out var windows) ? windows : null;

        /// <summary>True when <paramref name="windowsId"/> is a Windows zone id (any case); <paramref name="iana"/> is CLDR's IANA name for it.</summary>
        public static bool TryGetIanaForWindows(string windowsId, out string iana) => Data.Value.WindowsToIana.TryGetValue(windowsId, out iana!);

        private static Tables Load()
        {
            var tables = new Tables();
            foreach (var (iana, windows) in Pairs(IanaToWindowsData))
            {
                tables.IanaCanonical[iana] = iana;
                tables.IanaToWindows[iana] = windows;
                tables.IanaNames.Add(iana);
            }

            foreach (var (windows, iana) in Pairs(WindowsToIanaData)) tables.WindowsToIana[windows] = iana;
            return tables;
        }

        private static IEnumerable<(string, string)> Pairs(string data)
        {
            foreach (var line in data.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int bar = line.IndexOf('|');
                yield return (line.Substring(0, bar), line.Substring(bar + 1));
            }
        }

        private sealed class Tables
        {
            public readonly Dictionary<string, string> IanaCanonical = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            public readonly Dictionary<string, string> IanaToWindows = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            public readonly Dictionary<string, string> WindowsToIana = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            public readonly List<string> IanaNames = new List<string>();
        }
    }
}
