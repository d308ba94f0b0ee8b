using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Models;
using ScanPS.Providers;

namespace ScanPS.Findings
{
    /// <summary>A finding and what changed in it.</summary>
    public sealed class FindingComparison
    {
        public FindingComparison(FindingRecord finding, FindingChange change)
        {
            Finding = finding;
            Change = change;
        }

        public FindingRecord Finding { get; }

        public FindingChange Change { get; }
    }

    /// <summary>
    /// What Compare-ScanFinding computes. Two sets: findings are matched per provider by the vendor's identity when
    /// every finding of that provider carries it (HostedScan risk id, ProjectDiscovery VulnHash, Invicti LookupId,
    /// Probely finding id), otherwise by <see cref="FindingFingerprint"/>. A finding its scan did not see counts as
    /// absent from its side (<see cref="FindingRecord.AbsentFromScan"/>): HostedScan ScanStatus closed, a Probely finding
    /// whose Scans lacks its ScanId, else gone by Status Fixed/Closed, ProjectDiscovery VulnStatus fixed, Invicti
    /// IsPresent false or Probely state fixed. A HostedScan risk the scan listed open, or a Probely finding the scan
    /// found, counts as present even when its status today is closed or fixed. Present on both sides: StillOpen; only in the difference: New;
    /// only in the reference, or gone in the difference: Fixed. One set: the vendor's scan-relative signal.
    /// </summary>
    public static class FindingComparer
    {
        public static IReadOnlyList<FindingComparison> Compare(IReadOnlyList<FindingRecord> reference, IReadOnlyList<FindingRecord> difference)
        {
            var useVendorKey = reference.Concat(difference).GroupBy(f => f.Provider)
                .ToDictionary(g => g.Key, g => g.All(f => f.VendorKey != null), StringComparer.Ordinal);
            string Key(FindingRecord f) => f.Provider + "\n" + (useVendorKey[f.Provider] ? "vendor\n" + f.VendorKey : "fingerprint\n" + f.Fingerprint);

            // Present reference findings per key, consumed in order as difference findings match them.
            var open = reference.Where(f => !f.AbsentFromScan).GroupBy(Key).ToDictionary(g => g.Key, g => new Queue<FindingRecord>(g), StringComparer.Ordinal);
            var goneBefore = new HashSet<string>(reference.Where(f => f.AbsentFromScan).Select(Key), StringComparer.Ordinal);
            var results = new List<FindingComparison>();
            var goneNow = new List<FindingRecord>();

            foreach (var finding in difference)
            {
                if (finding.AbsentFromScan)
                {
                    goneNow.Add(finding);
                    continue;
                }

                var key = Key(finding);
                if (open.TryGetValue(key, out var earlier) && earlier.Count > 0)
                {
                    earlier.Dequeue();
                    results.Add(new FindingComparison(finding, FindingChange.StillOpen));
                }
                else
                {
                    results.Add(new FindingComparison(finding, FindingChange.New));
                }
            }

            // Gone in the difference: Fixed if the reference had it open, or if the reference does not know it at
            // all (the vendor says it closed in this scan); not written when it was already gone in the reference.
            foreach (var finding in goneNow)
            {
                var key = Key(finding);
                if (open.TryGetValue(key, out var earlier) && earlier.Count > 0)
                {
                    earlier.Dequeue();
                    results.Add(new FindingComparison(finding, FindingChange.Fixed));
                }
                else if (!goneBefore.Contains(key))
                {
                    results.Add(new FindingComparison(finding, FindingChange.Fixed));
                }
            }

            // Open in the reference and not seen again.
            foreach (var finding in reference.Where(f => !f.AbsentFromScan))
            {
                if (open.TryGetValue(Key(finding), out var left) && left.Count > 0 && ReferenceEquals(left.Peek(), finding))
                {
                    left.Dequeue();
                    results.Add(new FindingComparison(finding, FindingChange.Fixed));
                }
            }

            return results;
        }

        /// <summary>
        /// The findings of one scan, by the vendor's own scan-relative signal. A finding whose provider says nothing
        /// (an open ProjectDiscovery result that is not a regression, an Invicti issue without dates) is returned in
        /// <paramref name="unknown"/>.
        /// </summary>
        public static IReadOnlyList<FindingComparison> CompareWithPreviousScan(IReadOnlyList<FindingRecord> findings, out IReadOnlyList<FindingRecord> unknown)
        {
            var results = new List<FindingComparison>();
            var none = new List<FindingRecord>();
            foreach (var finding in findings)
            {
                var change = ProviderDefinition.Get(finding.Provider).FindingSignals.ScanRelativeChange(finding.Properties, finding.IsGone, finding.FirstSeen, finding.LastSeen);
                if (change == null) none.Add(finding);
                else results.Add(new FindingComparison(finding, change.Value));
            }

            unknown = none;
            return results;
        }

        /// <summary>
        /// Splits piped findings into scans by ScanId, in the order the scans first appear (so the earlier scan is
        /// piped first). Findings without a ScanId form their own group.
        /// </summary>
        public static IReadOnlyList<IReadOnlyList<FindingRecord>> SplitByScan(IEnumerable<FindingRecord> findings) =>
            findings.GroupBy(f => f.Provider + "\n" + (f.ScanId ?? string.Empty), StringComparer.OrdinalIgnoreCase)
                .Select(g => (IReadOnlyList<FindingRecord>)g.ToList()).ToList();
    }
}

namespace ScanPS.Findings
{
    /// <summary>Stamps a Change on a typed finding without touching the input object.</summary>
    public static class FindingStamp
    {
        public static ScanFinding WithChange(ScanFinding finding, FindingChange change) => finding.CopyWithChange(change);
    }
}
