using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Models;

namespace ScanPS.Providers.HostedScan
{
    /// <summary>HostedScan's documented enum values and how they map to ScanPS's normalised ones.</summary>
    public static class HostedScanVocabulary
    {
        /// <summary>The types the create endpoint documents.</summary>
        public static readonly IReadOnlyList<string> CreateTypes = new[] { "NMAP", "NMAP_UDP", "SSLYZE", "OPENVAS", "OWASP_ZAP" };

        /// <summary>Types that listings may show (OWASP_ZAP_ACTIVE appears in responses only).</summary>
        public static readonly IReadOnlyList<string> ListTypes = new[] { "NMAP", "NMAP_UDP", "SSLYZE", "OPENVAS", "OWASP_ZAP", "OWASP_ZAP_ACTIVE" };

        public static readonly IReadOnlyList<string> VendorStates = new[] { "QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "OVER_LIMIT" };

        private static readonly Dictionary<ScanState, string[]> NormalisedToVendor = new Dictionary<ScanState, string[]>
        {
            [ScanState.Queued] = new[] { "QUEUED" },
            [ScanState.Running] = new[] { "RUNNING" },
            [ScanState.Completed] = new[] { "SUCCEEDED" },
            [ScanState.Failed] = new[] { "FAILED", "OVER_LIMIT" },
        };

        /// <summary>Names -State accepts for HostedScan: the normalised ones first, then the vendor's.</summary>
        public static readonly StateFilter Filter = new StateFilter(ProviderNames.HostedScan, VendorStates, NormalisedToVendor, normalisedWins: false);

        public static IEnumerable<string> StateFilterNames => Filter.Names;

        /// <summary>Any case; read from the same table as the -State filter (<see cref="NormalisedToVendor"/>).</summary>
        public static ScanState Normalise(string? vendorState) => Filter.Normalise(vendorState);

        /// <summary>Maps -State values (normalised or vendor, any case) to the vendor's filter values, in order, without duplicates.</summary>
        public static string[] ToVendorStates(IEnumerable<string> states) => Filter.ToVendorStates(states);
    }
}
