using System;
using ScanPS.Models;

namespace ScanPS.Providers.Probely
{
    /// <summary>
    /// Probely: a finding is a target-level object (a new scan updates it, never opens a second one), so its id is
    /// its identity; New is the vendor's "newly found" flag; VendorStatus (the vendor's state) "fixed" means gone now;
    /// Scans (the scans that found it, vendor-apis.md 5.1) says whether the scan it was read for found it.
    /// </summary>
    public sealed class ProbelyFindingSignals : IFindingSignals
    {
        public static readonly ProbelyFindingSignals Instance = new ProbelyFindingSignals();

        public string VendorKeyName => "probelyFindingId/v1";

        public string? VendorKey(IFindingProperties finding) => FindingValue.Text(finding.Get("Id"));

        public bool IsGone(IFindingProperties finding) => FindingSignalValues.Is(finding, "fixed", "VendorStatus");

        /// <summary>
        /// The finding's state is today's: a finding that the earlier scan found and a later one no longer did reads
        /// "fixed" for both. Its Scans list says whether its ScanId found it; null when either is missing (exclude=scans).
        /// </summary>
        public bool? FoundByScan(IFindingProperties finding)
        {
            var scanId = FindingValue.Text(finding.Get("ScanId"));
            var scans = FindingValue.List(finding.Get("Scans"));
            if (scanId == null || scans.Length == 0) return null;
            return Array.IndexOf(scans, scanId) >= 0;
        }

        public FindingChange? ScanRelativeChange(IFindingProperties finding, bool isGone, DateTimeOffset? firstSeen, DateTimeOffset? lastSeen)
        {
            if (isGone) return FindingChange.Fixed;
            switch (FindingValue.Flag(finding.Get("New")))
            {
                case true: return FindingChange.New;
                case false: return FindingChange.StillOpen;
                default: return null;
            }
        }
    }
}
