using System;
using System.Globalization;

namespace ScanPS.Models
{
    /// <summary>A Probely scheduled scan (POST /scheduledscans/bulk/).</summary>
    public sealed class ProbelyScheduledScan : ScheduledScan
    {
        public ProbelyScheduledScan(string id) : base(ProviderNames.Probely, id)
        {
        }

        // Declared again so that PowerShell lists them first (Format-List *, Export-Csv columns).
        public override string Provider => base.Provider;

        public override string Id => base.Id;

        /// <summary>The target's name (its site name in Probely).</summary>
        public string? TargetName { get; internal set; }

        internal override string? TargetLabel() => TargetName;

        /// <summary>The target's URL.</summary>
        public string? TargetUrl { get; internal set; }

        /// <summary>Scan profile id (built-in such as "normal", or a custom profile's id); null means the target's own profile.</summary>
        public string? ScanProfile { get; internal set; }

        /// <summary>Monthly/quarterly schedules on the Nth weekday: the weekday (null otherwise).</summary>
        public DayOfWeek? DayOfWeek { get; internal set; }

        /// <summary>Monthly/quarterly schedules on the Nth weekday: which one (null otherwise).</summary>
        public WeekOfMonth? WeekIndex { get; internal set; }

        public bool PartialScan { get; internal set; }

        public bool OverrideTargetSettings { get; internal set; }

        public bool Incremental { get; internal set; }

        public bool ReducedScope { get; internal set; }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "Probely scheduled scan {0} of {1}: {2}{3}",
                Id, TargetName ?? TargetId, Repeats,
                NextRun.HasValue ? ", next " + NextRun.Value.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) + " " + TimeZone : string.Empty);
    }
}
