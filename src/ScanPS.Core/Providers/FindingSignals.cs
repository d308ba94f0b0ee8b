using System;
using ScanPS.Models;

namespace ScanPS.Providers
{
    /// <summary>
    /// One provider's own "what changed" signals (../shared/vendor-apis.md 5.6), read by property name so they work
    /// the same on the provider's ScanFinding subtype and on the object Export-Csv/Export-Clixml wrote from it. Each
    /// provider's definition owns its implementation (Providers/&lt;Vendor&gt;/&lt;Vendor&gt;FindingSignals.cs): when a
    /// subtype renames a property, change it there.
    /// </summary>
    public interface IFindingSignals
    {
        /// <summary>The SARIF partialFingerprints name of the vendor identity, e.g. "vulnHash/v1"; null when the vendor has none.</summary>
        string? VendorKeyName { get; }

        /// <summary>The vendor's stable identity of the finding across scans, or null when the object lacks it.</summary>
        string? VendorKey(IFindingProperties finding);

        /// <summary>True when the vendor says the finding is no longer there (beyond the common Status Fixed/Closed).</summary>
        bool IsGone(IFindingProperties finding);

        /// <summary>
        /// Whether the scan the finding was read for found it (true) or listed it as gone (false), when the vendor says;
        /// null leaves it to <see cref="IsGone"/>. It differs from IsGone where a finding is a target-level object whose
        /// status is today's (a HostedScan risk closed since, a Probely finding fixed since): Compare-ScanFinding asks
        /// what each scan saw, Assert-ScanFinding what is open now.
        /// </summary>
        bool? FoundByScan(IFindingProperties finding);

        /// <summary>
        /// What changed in this finding's scan against the vendor's previous scan, when the vendor says so; null when it
        /// does not. <paramref name="isGone"/> is the finding's gone state (common Status or the vendor's signal).
        /// </summary>
        FindingChange? ScanRelativeChange(IFindingProperties finding, bool isGone, DateTimeOffset? firstSeen, DateTimeOffset? lastSeen);
    }

    /// <summary>A provider with no signals of its own: findings match by the ScanPS fingerprint only.</summary>
    public sealed class NoFindingSignals : IFindingSignals
    {
        public static readonly NoFindingSignals Instance = new NoFindingSignals();

        public string? VendorKeyName => null;

        public string? VendorKey(IFindingProperties finding) => null;

        public bool IsGone(IFindingProperties finding) => false;

        public bool? FoundByScan(IFindingProperties finding) => null;

        public FindingChange? ScanRelativeChange(IFindingProperties finding, bool isGone, DateTimeOffset? firstSeen, DateTimeOffset? lastSeen) =>
            isGone ? FindingChange.Fixed : (FindingChange?)null;
    }

    /// <summary>Shared readers for the signal classes.</summary>
    public static class FindingSignalValues
    {
        /// <summary>The first of the names the object has a value for (a subtype's own name first, then the fallbacks).</summary>
        public static object? First(IFindingProperties finding, params string[] names)
        {
            foreach (var name in names)
            {
                var value = finding.Get(name);
                if (FindingValue.Text(value) != null) return value;
            }

            return null;
        }

        public static bool Is(IFindingProperties finding, string value, params string[] names) =>
            string.Equals(FindingValue.Text(First(finding, names)), value, StringComparison.OrdinalIgnoreCase);
    }
}
