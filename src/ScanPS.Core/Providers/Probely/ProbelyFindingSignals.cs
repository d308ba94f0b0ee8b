using System;
using ScanPS.Models;

namespace ScanPS.Providers.Probely
{
    /// <summary>
    /// Probely: a finding is a target-level object (a new scan updates it, never opens a second one), so its id is
    /// its identity; New is the vendor's "newly found" flag; State "fixed" means gone.
    /// </summary>
    public sealed class ProbelyFindingSignals : IFindingSignals
    {
        public static readonly ProbelyFindingSignals Instance = new ProbelyFindingSignals();

        public string VendorKeyName => "probelyFindingId/v1";

        public string? VendorKey(IFindingProperties finding) => FindingValue.Text(finding.Get("Id"));

        public bool IsGone(IFindingProperties finding) => FindingSignalValues.Is(finding, "fixed", "State", "VendorStatus");

        public FindingChange? ScanRelativeChange(IFindingProperties finding, bool isGone, DateTimeOffset? firstSeen, DateTimeOffset? lastSeen)
        {
            if (isGone) return FindingChange.Fixed;
            switch (FindingValue.Flag(FindingSignalValues.First(finding, "New", "IsNew")))
            {
                case true: return FindingChange.New;
                case false: return FindingChange.StillOpen;
                default: return null;
            }
        }
    }
}
