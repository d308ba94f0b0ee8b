using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ScanPS.Findings;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Operations;

namespace ScanPS.Commands
{
    /// <summary>
    /// Compare-ScanFinding: what changed between two scans' findings. Each finding comes out (a copy) with Change New,
    /// Fixed or StillOpen. With -Reference, the piped or -Difference findings are the later scan; without it, the piped
    /// findings are split by ScanId (the scan piped first is the earlier one), and one scan alone is compared with the
    /// vendor's previous scan by the vendor's own signal. Matching rules: FindingComparer.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "ScanFinding")]
    [OutputType(typeof(ScanFinding), typeof(PSObject))]
    public sealed class CompareScanFindingCommand : ScanPSCommandBase
    {
        public const string AmbiguousScans = ErrorIds.AmbiguousScans;
        public const string NoChangeSignal = ErrorIds.NoChangeSignal;

        private readonly List<FindingRecord> _difference = new List<FindingRecord>();

        /// <summary>The earlier scan's findings. Without it, the piped findings must be of one or two scans.</summary>
        [Parameter(Position = 0)]
        [AllowEmptyCollection]
        public PSObject[]? Reference { get; set; }

        /// <summary>The later scan's findings (or, without -Reference, both scans' findings, the earlier scan first).</summary>
        [Parameter(Position = 1, Mandatory = true, ValueFromPipeline = true)]
        [AllowEmptyCollection]
        [AllowNull]
        public PSObject[]? Difference { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var item in Difference ?? Array.Empty<PSObject>())
            {
                var record = FindingInput.Read(item, out var error);
                if (record == null) WriteError(error!);
                else _difference.Add(record);
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                if (Reference != null)
                {
                    var reference = new List<FindingRecord>();
                    foreach (var item in Reference)
                    {
                        var record = FindingInput.Read(item, out var error);
                        if (record == null) WriteError(error!);
                        else reference.Add(record);
                    }

                    Write(FindingComparer.Compare(reference, _difference));
                    return;
                }

                var scans = FindingComparer.SplitByScan(_difference);
                if (scans.Count == 2 && scans[0][0].Provider == scans[1][0].Provider)
                {
                    Write(FindingComparer.Compare(scans[0], scans[1]));
                }
                else if (scans.Count == 1)
                {
                    Write(FindingComparer.CompareWithPreviousScan(scans[0], out var unknown));
                    foreach (var finding in unknown)
                    {
                        WriteError(ErrorRecords.From(new ScanPSError(
                            NoChangeSignal,
                            ScanPSErrorCategory.InvalidOperation,
                            finding.Provider + " does not say whether its previous scan had the finding '" + finding.DisplayName + "'" + (finding.Target == null ? string.Empty : " on " + finding.Target) + ".",
                            finding.Source)
                        { RecommendedAction = "Give the earlier scan's findings with -Reference, or pipe both scans' findings (the earlier scan first)." }, Redact));
                    }
                }
                else if (scans.Count > 1)
                {
                    ThrowTerminatingError(ErrorRecords.From(new ScanPSError(
                        AmbiguousScans,
                        ScanPSErrorCategory.InvalidArgument,
                        "The piped findings are of " + scans.Count + " scans (" + string.Join(", ", scans.Select(s => s[0].Provider + " " + (s[0].ScanId ?? "without ScanId"))) + "); without -Reference, pipe the findings of one scan, or of two scans of one provider.",
                        null)
                    { RecommendedAction = "Give the earlier scan's findings with -Reference and the later scan's with -Difference." }, Redact));
                }
            }
            finally
            {
                base.EndProcessing();
            }
        }

        private void Write(IReadOnlyList<FindingComparison> results)
        {
            foreach (var result in results) WriteObject(FindingInput.WithChange(result.Finding, result.Change));
        }
    }
}
