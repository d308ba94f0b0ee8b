using System;
using ScanPS.Models;

namespace ScanPS.Providers.Invicti
{
    /// <summary>
    /// Invicti: the report's LookupId identifies the issue (UNCONFIRMED that it stays the same across scans of a
    /// website; DefectDojo treats it as the tool's unique id); IsPresent false means gone; FirstSeen equal to
    /// LastSeen means first found by this scan.
    /// </summary>
    public sealed class InvictiFindingSignals : IFindingSignals
    {
        public static readonly InvictiFindingSignals Instance = new InvictiFindingSignals();

        public string VendorKeyName => "invictiLookupId/v1";

        public string? VendorKey(IFindingProperties finding) => FindingValue.Text(finding.Get("LookupId"));

        public bool IsGone(IFindingProperties finding) => FindingValue.Flag(finding.Get("IsPresent")) == false;

        public bool? FoundByScan(IFindingProperties finding) => null; // the scan's own report gives IsPresent and State

        public FindingChange? ScanRelativeChange(IFindingProperties finding, bool isGone, DateTimeOffset? firstSeen, DateTimeOffset? lastSeen)
        {
            if (isGone) return FindingChange.Fixed;
            if (firstSeen == null || lastSeen == null) return null;
            return firstSeen.Value == lastSeen.Value ? FindingChange.New : FindingChange.StillOpen;
        }
    }
}
