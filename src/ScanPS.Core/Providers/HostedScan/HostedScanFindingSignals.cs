using System;
using ScanPS.Models;

namespace ScanPS.Providers.HostedScan
{
    /// <summary>
    /// HostedScan: a risk is a target-level object with a stable id (the risk id, in Id); the scan lists each of its
    /// risks under new_open, still_open or closed, which the finding carries as ScanStatus.
    /// </summary>
    public sealed class HostedScanFindingSignals : IFindingSignals
    {
        public static readonly HostedScanFindingSignals Instance = new HostedScanFindingSignals();

        public string VendorKeyName => "hostedScanRiskId/v1";

        public string? VendorKey(IFindingProperties finding) => FindingValue.Text(finding.Get("Id"));

        public bool IsGone(IFindingProperties finding) => FindingSignalValues.Is(finding, "closed", "ScanStatus");

        /// <summary>new_open and still_open: the scan found it (even if the risk is CLOSED today); closed: it did not.</summary>
        public bool? FoundByScan(IFindingProperties finding)
        {
            switch (FindingValue.Text(finding.Get("ScanStatus"))?.ToLowerInvariant())
            {
                case "new_open":
                case "still_open":
                    return true;
                case "closed":
                    return false;
                default:
                    return null;
            }
        }

        public FindingChange? ScanRelativeChange(IFindingProperties finding, bool isGone, DateTimeOffset? firstSeen, DateTimeOffset? lastSeen)
        {
            switch (FindingValue.Text(finding.Get("ScanStatus"))?.ToLowerInvariant())
            {
                case "new_open": return FindingChange.New;
                case "still_open": return FindingChange.StillOpen;
                case "closed": return FindingChange.Fixed;
                default: return null;
            }
        }
    }
}
