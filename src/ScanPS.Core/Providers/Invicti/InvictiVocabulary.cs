using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Errors;
using ScanPS.Models;

namespace ScanPS.Providers.Invicti
{
    /// <summary>Invicti's documented enum values (Swagger ScanTaskState) and how they map to ScanPS's normalised ones.</summary>
    public static class InvictiVocabulary
    {
        /// <summary>The ScanTaskState enum, in the Swagger document's order (scans/listbystate's scanTaskState).</summary>
        public static readonly IReadOnlyList<string> VendorStates = new[]
        {
            "Queued", "Scanning", "Archiving", "Complete", "Failed", "Cancelled", "Delayed", "Pausing", "Paused", "Resuming", "AsyncArchiving",
        };

        // Archiving/AsyncArchiving follow scanning but come before Complete (results may not be ready): still Running.
        // Delayed waits for its time window: Queued. Pausing heads for Paused. These groupings are ScanPS's choice
        // (UNCONFIRMED as vendor semantics beyond the enum names).
        private static readonly Dictionary<ScanState, string[]> NormalisedToVendor = new Dictionary<ScanState, string[]>
        {
            [ScanState.Queued] = new[] { "Queued", "Delayed" },
            [ScanState.Running] = new[] { "Scanning", "Archiving", "AsyncArchiving", "Resuming" },
            [ScanState.Completed] = new[] { "Complete" },
            [ScanState.Failed] = new[] { "Failed" },
            [ScanState.Cancelled] = new[] { "Cancelled" },
            [ScanState.Paused] = new[] { "Pausing", "Paused" },
        };

        /// <summary>Names -State accepts for Invicti: the normalised ones first, then the vendor's.</summary>
        public static readonly StateFilter Filter = new StateFilter(ProviderNames.Invicti, VendorStates, NormalisedToVendor, normalisedWins: false);

        public static IEnumerable<string> StateFilterNames => Filter.Names;

        public static ScanState Normalise(string? vendorState)
        {
            foreach (var pair in NormalisedToVendor)
            {
                if (pair.Value.Any(v => string.Equals(v, vendorState, StringComparison.OrdinalIgnoreCase))) return pair.Key;
            }

            return ScanState.Unknown;
        }

        /// <summary>
        /// Maps -State values (vendor or normalised, any case) to scanTaskState values, in order, without duplicates.
        /// A vendor name wins over a normalised one ("Complete" is Invicti's; "Completed" is ScanPS's).
        /// </summary>
        public static string[] ToVendorStates(IEnumerable<string> states) => Filter.ToVendorStates(states);

        /// <summary>
        /// An Invicti scan id is a GUID (Swagger format uuid). Returns it in the canonical 36-character form,
        /// or throws InvalidScanId before anything is sent.
        /// </summary>
        public static string NormaliseScanId(string? id)
        {
            string value = (id ?? string.Empty).Trim();
            if (Guid.TryParse(value, out var guid)) return guid.ToString("D");
            throw new ScanPSError(
                ErrorIds.InvalidScanId,
                ScanPSErrorCategory.InvalidArgument,
                "'" + value + "' is not an Invicti scan id: Invicti scan ids are GUIDs such as 3fa85f64-5717-4562-b3fc-2c963f66afa6.",
                id)
            { RecommendedAction = "Pass the Id of a scan from Get-Scan -Provider Invicti." }.ToException();
        }
    }
}
