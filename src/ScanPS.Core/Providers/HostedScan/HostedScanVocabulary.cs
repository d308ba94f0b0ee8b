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
        private static readonly StateFilter Filter = new StateFilter(ProviderNames.HostedScan, VendorStates, NormalisedToVendor, normalisedWins: false);

        public static IEnumerable<string> StateFilterNames => Filter.Names;

        /// <summary>Any case. Called once per listed scan: compares in place instead of allocating an upper-cased copy.</summary>
        public static ScanState Normalise(string? vendorState)
        {
            if (vendorState == null) return ScanState.Unknown;
            if (Is(vendorState, "SUCCEEDED")) return ScanState.Completed;
            if (Is(vendorState, "RUNNING")) return ScanState.Running;
            if (Is(vendorState, "QUEUED")) return ScanState.Queued;
            if (Is(vendorState, "FAILED") || Is(vendorState, "OVER_LIMIT")) return ScanState.Failed;
            return ScanState.Unknown;
        }

        private static bool Is(string value, string vendorValue) => string.Equals(value, vendorValue, StringComparison.OrdinalIgnoreCase);

        /// <summary>Maps -State values (normalised or vendor, any case) to the vendor's filter values, in order, without duplicates.</summary>
        public static string[] ToVendorStates(IEnumerable<string> states) => Filter.ToVendorStates(states);
    }
}
