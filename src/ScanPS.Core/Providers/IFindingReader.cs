using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ScanPS.Models;

namespace ScanPS.Providers
{
    /// <summary>A provider that can read what one scan found (Get-ScanFinding). One implementation per vendor.</summary>
    public interface IFindingReader
    {
        /// <summary>
        /// Streams the scan's findings as the vendor's answers arrive; the next page is asked for only when the caller
        /// wants more. Filters the vendor can apply itself are sent; the caller checks every finding with
        /// <see cref="FindingQuery.Matches"/> all the same. A missing scan throws ScanPSException (ScanNotFound).
        /// </summary>
        IAsyncEnumerable<ScanFinding> ReadFindingsAsync(FindingQuery query, CancellationToken cancellationToken);
    }

    /// <summary>Which scan, and the normalised filters of Get-ScanFinding (empty: all).</summary>
    public sealed class FindingQuery
    {
        public FindingQuery(string scanId)
        {
            ScanId = scanId;
        }

        /// <summary>The scan id, already normalised by ProviderDefinition.NormaliseScanId.</summary>
        public string ScanId { get; }

        /// <summary>The piped scan object when it is the provider's own scan type with this id (saves reading it again); else null.</summary>
        public Scan? Scan { get; set; }

        /// <summary>The scan's target id, for vendors whose findings are listed per target; null when not known.</summary>
        public string? TargetId { get; set; }

        public IReadOnlyCollection<FindingSeverity> Severities { get; set; } = new FindingSeverity[0];

        public IReadOnlyCollection<FindingStatus> Statuses { get; set; } = new FindingStatus[0];

        /// <summary>True when the finding passes -Severity and -Status (checked on every finding, whatever the vendor filtered).</summary>
        public bool Matches(ScanFinding finding) =>
            (Severities.Count == 0 || Severities.Contains(finding.Severity)) &&
            (Statuses.Count == 0 || Statuses.Contains(finding.Status));

        /// <summary>
        /// The vendor values that select the requested normalised values, from the vendor's own table; null when the
        /// vendor cannot express one of them (e.g. Info where the vendor has no info level), so that filter stays client-side.
        /// </summary>
        public static string[]? VendorValues<T>(IReadOnlyCollection<T> wanted, IEnumerable<KeyValuePair<string, T>> table) where T : struct, Enum
        {
            if (wanted.Count == 0) return null;
            var values = new List<string>();
            foreach (var value in wanted.Distinct())
            {
                var names = table.Where(pair => pair.Value.Equals(value)).Select(pair => pair.Key).ToList();
                if (names.Count == 0) return null;
                values.AddRange(names.Where(n => !values.Contains(n, StringComparer.Ordinal)));
            }

            return values.ToArray();
        }
    }
}
