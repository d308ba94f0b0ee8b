using System.Collections.Generic;
using ScanPS.Models;

namespace ScanPS.Providers.Probely
{
    /// <summary>Probely's scan status values (vendor-apis.md §4) and how they map to ScanPS's normalised states.</summary>
    public static class ProbelyScanVocabulary
    {
        /// <summary>The documented status values, in the vendor's order (the status filter of GET /scans/).</summary>
        public static readonly IReadOnlyList<string> VendorStates = new[]
        {
            "queued", "started", "under_review", "finishing_up", "completed", "completed_with_errors",
            "failed", "canceling", "canceled", "pausing", "paused", "resuming",
        };

        // UNCONFIRMED groupings (the vendor lists the values, not their meaning): under_review and finishing_up are
        // still running; canceling is still running too (it is not finished until it reads canceled, so a wait goes
        // on); completed_with_errors is Completed (terminal, results kept); pausing heads for Paused.
        private static readonly Dictionary<ScanState, string[]> NormalisedToVendor = new Dictionary<ScanState, string[]>
        {
            [ScanState.Queued] = new[] { "queued" },
            [ScanState.Running] = new[] { "started", "under_review", "finishing_up", "resuming", "canceling" },
            [ScanState.Completed] = new[] { "completed", "completed_with_errors" },
            [ScanState.Failed] = new[] { "failed" },
            [ScanState.Cancelled] = new[] { "canceled" },
            [ScanState.Paused] = new[] { "pausing", "paused" },
        };

        /// <summary>
        /// Names -State accepts for Probely: the normalised ones, then the vendor's. Where a name is both (queued,
        /// completed, failed, paused, any case) the normalised meaning wins, so -State Completed also lists
        /// completed_with_errors, as for ProjectDiscovery.
        /// </summary>
        public static readonly StateFilter Filter = new StateFilter(ProviderNames.Probely, VendorStates, NormalisedToVendor, normalisedWins: true);

        public static ScanState Normalise(string? vendorState) => Filter.Normalise(vendorState?.Trim());
    }
}
