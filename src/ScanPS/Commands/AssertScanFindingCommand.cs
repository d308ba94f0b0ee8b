using System;
using System.Collections.Generic;
using System.Management.Automation;
using ScanPS.Findings;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Operations;

namespace ScanPS.Commands
{
    /// <summary>
    /// Assert-ScanFinding: a CI gate. A terminating error naming the count per severity when any open finding is at or
    /// above -FailOn; nothing otherwise. Input that is not a finding also ends it (a gate fails closed).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Assert, "ScanFinding")]
    public sealed class AssertScanFindingCommand : ScanPSCommandBase
    {
        public const string FindingSeverityThreshold = ErrorIds.FindingSeverityThreshold;

        private readonly List<FindingRecord> _findings = new List<FindingRecord>();

        /// <summary>The findings (Get-ScanFinding output, or its Export-Csv/Export-Clixml read back).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowEmptyCollection]
        [AllowNull]
        public PSObject[]? InputObject { get; set; }

        /// <summary>The lowest severity that fails the gate. Default High.</summary>
        [Parameter(Position = 0)]
        public FindingSeverity FailOn { get; set; } = FindingSeverity.High;

        protected override void ProcessRecord()
        {
            foreach (var item in InputObject ?? Array.Empty<PSObject>())
            {
                var record = FindingInput.Read(item, out var error);
                if (record == null) ThrowTerminatingError(error!);
                _findings.Add(record!);
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                var failure = SeverityGate.Check(_findings, FailOn);
                if (failure != null)
                {
                    ThrowTerminatingError(ErrorRecords.From(new ScanPSError(FindingSeverityThreshold, ScanPSErrorCategory.InvalidResult, failure, FailOn)
                    {
                        RecommendedAction = "Fix or triage the findings (Get-ScanFinding | Where-Object Severity -ge " + FailOn + "), or raise -FailOn.",
                    }, Redact));
                }

                WriteVerboseLine("No open finding at or above " + FailOn + " among " + _findings.Count + " finding(s).");
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
