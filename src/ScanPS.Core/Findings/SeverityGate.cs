using System.Collections.Generic;
using System.Linq;
using ScanPS.Models;

namespace ScanPS.Findings
{
    /// <summary>What Assert-ScanFinding checks.</summary>
    public static class SeverityGate
    {
        /// <summary>
        /// A finding counts against a gate unless it is over: Status Fixed, Closed, Accepted or FalsePositive, the
        /// vendor says it is gone, or Compare-ScanFinding marked it Fixed.
        /// </summary>
        public static bool Counts(FindingRecord finding) =>
            !finding.IsGone
            && finding.Change != FindingChange.Fixed
            && finding.Status != FindingStatus.Accepted
            && finding.Status != FindingStatus.FalsePositive;

        /// <summary>"Critical 1, High 2": the count per severity, highest first, severities with no finding left out.</summary>
        public static string Summary(IEnumerable<FindingRecord> findings) =>
            string.Join(", ", findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).Select(g => g.Key + " " + g.Count()));

        /// <summary>The error message when the gate fails, or null when no counting finding is at or above <paramref name="failOn"/>.</summary>
        public static string? Check(IReadOnlyList<FindingRecord> findings, FindingSeverity failOn)
        {
            var counting = findings.Where(Counts).ToList();
            var failing = counting.Where(f => f.Severity >= failOn).ToList();
            if (failing.Count == 0) return null;
            var below = counting.Where(f => f.Severity < failOn).ToList();
            return failing.Count + (failing.Count == 1 ? " finding" : " findings") + " at or above " + failOn + ": " + Summary(failing) + "."
                + (below.Count == 0 ? string.Empty : " Below " + failOn + ": " + Summary(below) + ".");
        }
    }
}
