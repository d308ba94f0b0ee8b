using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Models;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>ProjectDiscovery's documented enum values and how they map to ScanPS's normalised ones.</summary>
    public static class ProjectDiscoveryVocabulary
    {
        /// <summary>The `status` filter values GET /v1/scans documents (also what ScanStatusItem.status carries).</summary>
        public static readonly IReadOnlyList<string> VendorStates = new[] { "queued", "starting", "running", "finished", "failed", "uploaded", "scheduled", "stopped" };

        /// <summary>agent_behavior of TriggerUserScanRequest; the vendor's default is distribute.</summary>
        public static readonly IReadOnlyList<string> AgentBehaviors = new[] { "distribute", "mirror" };

        // UNCONFIRMED: the docs list the status values but not their meaning. "starting" is read as picked up
        // (Running), "scheduled" as waiting for its next run (Queued), "uploaded" as a finished scan whose results
        // were imported (nuclei -cloud-upload), so Completed.
        private static readonly Dictionary<ScanState, string[]> NormalisedToVendor = new Dictionary<ScanState, string[]>
        {
            [ScanState.Queued] = new[] { "queued", "scheduled" },
            [ScanState.Running] = new[] { "starting", "running" },
            [ScanState.Completed] = new[] { "finished", "uploaded" },
            [ScanState.Failed] = new[] { "failed" },
            // UNCONFIRMED meaning: "stopped" is in the spec's ScanStatsResponse.scan_status, and is what a scan reads
            // after POST /v1/scans/{id}/stop.
            [ScanState.Cancelled] = new[] { "stopped" },
        };

        /// <summary>Names -State accepts for ProjectDiscovery: the normalised ones first, then the vendor's.</summary>
        public static readonly StateFilter Filter = new StateFilter(ProviderNames.ProjectDiscovery, VendorStates, NormalisedToVendor, normalisedWins: true);

        public static IEnumerable<string> StateFilterNames => Filter.Names;

        public static ScanState Normalise(string? vendorState)
        {
            string value = (vendorState ?? string.Empty).Trim().ToLowerInvariant();
            foreach (var pair in NormalisedToVendor)
            {
                if (pair.Value.Contains(value)) return pair.Key;
            }

            return ScanState.Unknown;
        }

        /// <summary>Maps -State values (normalised or vendor, any case) to the vendor's status values, in order, without duplicates.</summary>
        public static string[] ToVendorStates(IEnumerable<string> states) => Filter.ToVendorStates(states);
    }
}
