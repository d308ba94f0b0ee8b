using System;
using ScanPS.Models;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>
    /// ProjectDiscovery: vuln_hash (VulnHash) is the stable identity of a result across scans; vuln_status
    /// (VulnStatus) "fixed" means gone; is_regression (IsRegression) marks a fixed result that came back.
    /// </summary>
    public sealed class ProjectDiscoveryFindingSignals : IFindingSignals
    {
        public static readonly ProjectDiscoveryFindingSignals Instance = new ProjectDiscoveryFindingSignals();

        public string VendorKeyName => "vulnHash/v1";

        public string? VendorKey(IFindingProperties finding) => FindingValue.Text(finding.Get("VulnHash"));

        public bool IsGone(IFindingProperties finding) => FindingSignalValues.Is(finding, "fixed", "VulnStatus", "VendorStatus");

        public bool? FoundByScan(IFindingProperties finding) => null; // a result row's vuln_status is all there is

        public FindingChange? ScanRelativeChange(IFindingProperties finding, bool isGone, DateTimeOffset? firstSeen, DateTimeOffset? lastSeen)
        {
            if (isGone) return FindingChange.Fixed;
            if (FindingValue.Flag(finding.Get("IsRegression")) == true) return FindingChange.New;
            return null; // an open result says nothing of whether the previous scan had it
        }
    }
}
