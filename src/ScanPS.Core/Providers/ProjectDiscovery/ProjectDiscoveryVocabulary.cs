using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Models;
using ScanPS.Operations;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>ProjectDiscovery's documented enum values and how they map to ScanPS's normalised ones.</summary>
    public static class ProjectDiscoveryVocabulary
    {
        /// <summary>The `status` filter values GET /v1/scans documents (also what ScanStatusItem.status carries).</summary>
        public static readonly IReadOnlyList<string> VendorStates = new[] { "queued", "starting", "running", "finished", "failed", "uploaded", "scheduled" };

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
        };

        /// <summary>Names -State accepts for ProjectDiscovery: the normalised ones first, then the vendor's.</summary>
        public static IEnumerable<string> StateFilterNames =>
            NormalisedToVendor.Keys.Select(k => k.ToString()).Concat(VendorStates);

        public static ScanState Normalise(string? vendorState)
        {
            string value = (vendorState ?? string.Empty).Trim().ToLowerInvariant();
            foreach (var pair in NormalisedToVendor)
            {
                if (pair.Value.Contains(value)) return pair.Key;
            }

            // UNCONFIRMED: not in the documented list, but the API has POST /v1/scans/{id}/stop.
            return value == "stopped" ? ScanState.Cancelled : ScanState.Unknown;
        }

        /// <summary>Maps -State values (normalised or vendor, any case) to the vendor's status values, in order, without duplicates.</summary>
        public static string[] ToVendorStates(IEnumerable<string> states)
        {
            var result = new List<string>();
            foreach (var raw in states)
            {
                string value = (raw ?? string.Empty).Trim();
                // PowerShell compares case-insensitively, so "running" is the normalised Running (starting + running):
                // where the names overlap (Queued, Running, Failed) the normalised meaning wins.
                IEnumerable<string>? mapped = null;
                foreach (var pair in NormalisedToVendor)
                {
                    if (string.Equals(pair.Key.ToString(), value, StringComparison.OrdinalIgnoreCase)) mapped = pair.Value;
                }

                if (mapped == null)
                {
                    string? vendor = VendorStates.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
                    if (vendor != null) mapped = new[] { vendor };
                }

                if (mapped == null)
                {
                    throw new ScanPSError(
                        "InvalidStateFilter",
                        ScanPSErrorCategory.InvalidArgument,
                        "'" + value + "' is not a ProjectDiscovery scan state. Use one of: " + string.Join(", ", StateFilterNames) + ".",
                        value)
                    { RecommendedAction = "Pass -State with one of the listed values." }.ToException();
                }

                foreach (var v in mapped)
                {
                    if (!result.Contains(v)) result.Add(v);
                }
            }

            return result.ToArray();
        }
    }
}
