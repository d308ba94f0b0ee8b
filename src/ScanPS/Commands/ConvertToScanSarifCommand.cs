using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using ScanPS.Findings;

namespace ScanPS.Commands
{
    /// <summary>ConvertTo-ScanSarif: findings in, one SARIF 2.1.0 log out (as text, or to -Path). Mapping: SarifLog.</summary>
    [Cmdlet(VerbsData.ConvertTo, "ScanSarif")]
    [OutputType(typeof(string), typeof(FileInfo))]
    public sealed class ConvertToScanSarifCommand : ScanPSCommandBase
    {
        private readonly List<FindingRecord> _findings = new List<FindingRecord>();

        /// <summary>The findings (Get-ScanFinding output, or its Export-Csv/Export-Clixml read back).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyCollection]
        [AllowNull]
        public PSObject[]? InputObject { get; set; }

        /// <summary>Writes the log to this file (UTF-8, no BOM; an existing file is replaced) instead of the pipeline.</summary>
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
                var version = typeof(ConvertToScanSarifCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
                var log = SarifLog.Write(_findings, version);
                if (Path == null) WriteObject(log);
                else
                {
                    var file = FindingInput.WriteFile(this, Path, log);
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
