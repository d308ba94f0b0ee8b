using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using ScanPS.Findings;
using ScanPS.Models;

namespace ScanPS.Commands
{
    /// <summary>ConvertTo-ScanJUnit: findings in, one JUnit XML report out (as text, or to -Path). Mapping: JUnitReport.</summary>
    [Cmdlet(VerbsData.ConvertTo, "ScanJUnit")]
    [OutputType(typeof(string), typeof(FileInfo))]
    public sealed class ConvertToScanJUnitCommand : ScanPSCommandBase
    {
        private readonly List<FindingRecord> _findings = new List<FindingRecord>();

        /// <summary>The findings (Get-ScanFinding output, or its Export-Csv/Export-Clixml read back).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyCollection]
        [AllowNull]
        public PSObject[]? InputObject { get; set; }

        /// <summary>One test case per Finding (the default) or per Target.</summary>
        [Parameter]
        public JUnitTestCaseMode TestCase { get; set; } = JUnitTestCaseMode.Finding;

        /// <summary>Open findings below this severity are skipped test cases instead of failures. Default Info (every open finding fails).</summary>
        [Parameter]
        public FindingSeverity MinimumSeverity { get; set; } = FindingSeverity.Info;

        /// <summary>Writes the report to this file (UTF-8, no BOM; an existing file is replaced) instead of the pipeline.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>With -Path, writes the file's FileInfo.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var item in InputObject ?? Array.Empty<PSObject>())
            {
                var record = FindingInput.Read(item, out var error);
                if (record == null) WriteError(error!);
                else _findings.Add(record);
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                var report = JUnitReport.Write(_findings, TestCase, MinimumSeverity, DateTimeOffset.UtcNow);
                if (Path == null) WriteObject(report);
                else
                {
                    var file = FindingInput.WriteFile(this, Path, report);
                    if (PassThru.IsPresent) WriteObject(file);
                }
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
