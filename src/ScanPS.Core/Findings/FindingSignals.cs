using System;
using ScanPS.Models;

namespace ScanPS.Findings
{
    /// <summary>
    /// One provider's own "what changed" signals (../shared/vendor-apis.md 5.6), read by property name so they work
    /// the same on the provider's ScanFinding subtype and on the object Export-Csv/Export-Clixml wrote from it. This
    /// is the only place that knows a provider's property names: when a subtype renames one, change it here.
    /// </summary>
    public interface IFindingSignals
    {
        /// <summary>The SARIF partialFingerprints name of the vendor identity, e.g. "vulnHash/v1".</summary>
        string VendorKeyName { get; }

        /// <summary>The vendor's stable identity of the finding across scans, or null when the object lacks it.</summary>
        string? VendorKey(IFindingProperties finding);

        /// <summary>True when the vendor says the finding is no longer there (beyond the common Status Fixed/Closed).</summary>
        bool IsGone(IFindingProperties finding);

        /// <summary>What changed in this finding's scan against the vendor's previous scan, when the vendor says so; null when it does not.</summary>
        FindingChange? ScanRelativeChange(FindingRecord finding);
    }

    public static class FindingSignals
    {
        public static IFindingSignals For(string provider) => provider switch
        {
            ProviderNames.HostedScan => HostedScan.Instance,
            ProviderNames.ProjectDiscovery => ProjectDiscovery.Instance,
            ProviderNames.Invicti => Invicti.Instance,
            ProviderNames.Probely => Probely.Instance,
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a ScanPS provider."),
        };

        /// <summary>The first of the names the object has a value for (a subtype's own name first, then the fallbacks).</summary>
        private static object? First(IFindingProperties finding, params string[] names)
        {
            foreach (var name in names)
            {
                var value = finding.Get(name);
                if (FindingValue.Text(value) != null) return value;
            }

            return null;
        }

        private static bool Is(IFindingProperties finding, string value, params string[] names) =>
            string.Equals(FindingValue.Text(First(finding, names)), value, StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// HostedScan: a risk is a target-level object with a stable id (the risk id, in Id); the scan lists each of its
        /// risks under new_open, still_open or closed, which the finding carries as ScanStatus.
        /// </summary>
        private sealed class HostedScan : IFindingSignals
        {
            public static readonly HostedScan Instance = new HostedScan();

            public string VendorKeyName => "hostedScanRiskId/v1";

            public string? VendorKey(IFindingProperties finding) => FindingValue.Text(finding.Get("Id"));

            public bool IsGone(IFindingProperties finding) => Is(finding, "closed", "ScanStatus");

            public FindingChange? ScanRelativeChange(FindingRecord finding)
            {
                switch (FindingValue.Text(finding.Properties.Get("ScanStatus"))?.ToLowerInvariant())
                {
                    case "new_open": return FindingChange.New;
                    case "still_open": return FindingChange.StillOpen;
                    case "closed": return FindingChange.Fixed;
                    default: return null;
                }
            }
        }

        /// <summary>
        /// ProjectDiscovery: vuln_hash (VulnHash) is the stable identity of a result across scans; vuln_status
        /// (VulnStatus) "fixed" means gone; is_regression (IsRegression) marks a fixed result that came back.
        /// </summary>
        private sealed class ProjectDiscovery : IFindingSignals
        {
            public static readonly ProjectDiscovery Instance = new ProjectDiscovery();

            public string VendorKeyName => "vulnHash/v1";

            public string? VendorKey(IFindingProperties finding) => FindingValue.Text(finding.Get("VulnHash"));

            public bool IsGone(IFindingProperties finding) => Is(finding, "fixed", "VulnStatus", "VendorStatus");

            public FindingChange? ScanRelativeChange(FindingRecord finding)
            {
                if (finding.IsGone) return FindingChange.Fixed;
                if (FindingValue.Flag(finding.Properties.Get("IsRegression")) == true) return FindingChange.New;
                return null; // an open result says nothing of whether the previous scan had it
            }
        }

        /// <summary>
        /// Invicti: the report's LookupId identifies the issue (UNCONFIRMED that it stays the same across scans of a
        /// website; DefectDojo treats it as the tool's unique id); IsPresent false means gone; FirstSeen equal to
        /// LastSeen means first found by this scan.
        /// </summary>
        private sealed class Invicti : IFindingSignals
        {
            public static readonly Invicti Instance = new Invicti();

            public string VendorKeyName => "invictiLookupId/v1";

            public string? VendorKey(IFindingProperties finding) => FindingValue.Text(finding.Get("LookupId"));

            public bool IsGone(IFindingProperties finding) => FindingValue.Flag(finding.Get("IsPresent")) == false;

            public FindingChange? ScanRelativeChange(FindingRecord finding)
            {
                if (finding.IsGone) return FindingChange.Fixed;
                if (finding.FirstSeen == null || finding.LastSeen == null) return null;
                return finding.FirstSeen.Value == finding.LastSeen.Value ? FindingChange.New : FindingChange.StillOpen;
            }
        }

        /// <summary>
        /// Probely: a finding is a target-level object (a new scan updates it, never opens a second one), so its id is
        /// its identity; New is the vendor's "newly found" flag; State "fixed" means gone.
        /// </summary>
        private sealed class Probely : IFindingSignals
        {
            public static readonly Probely Instance = new Probely();

            public string VendorKeyName => "probelyFindingId/v1";

            public string? VendorKey(IFindingProperties finding) => FindingValue.Text(finding.Get("Id"));

            public bool IsGone(IFindingProperties finding) => Is(finding, "fixed", "State", "VendorStatus");

            public FindingChange? ScanRelativeChange(FindingRecord finding)
            {
                if (finding.IsGone) return FindingChange.Fixed;
                switch (FindingValue.Flag(First(finding.Properties, "New", "IsNew")))
                {
                    case true: return FindingChange.New;
                    case false: return FindingChange.StillOpen;
                    default: return null;
                }
            }
        }
    }
}
