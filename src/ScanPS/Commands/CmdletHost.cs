using System;
using System.Management.Automation;
using System.Threading;
using ScanPS.Operations;

namespace ScanPS.Commands
{
    /// <summary>ICommandHost over a running cmdlet: Write* and ShouldProcess on the pipeline thread.</summary>
    internal sealed class CmdletHost : ICommandHost
    {
        private readonly ScanPSCommandBase _cmdlet;

        public CmdletHost(ScanPSCommandBase cmdlet, CancellationToken cancellationToken)
        {
            _cmdlet = cmdlet;
            CancellationToken = cancellationToken;
        }

        public CancellationToken CancellationToken { get; }

        public bool DebugEnabled => _cmdlet.DebugRequested;

        public void WriteObject(object item)
        {
            if (item is Models.Scan scan) Completers.RecentScanIds.Remember(scan.Provider, scan.Id, null);
            _cmdlet.WriteObject(item);
        }

        public void WriteError(ScanPSError error) => _cmdlet.WriteError(ErrorRecords.From(error));

        public void WriteWarning(string message) => _cmdlet.WriteWarning(message);

        public void WriteVerbose(string message) => _cmdlet.WriteVerboseLine(message);

        public void WriteDebug(string message) => _cmdlet.WriteDebug(message);

        public bool ShouldProcess(string target, string action) => _cmdlet.ShouldProcess(target, action);
    }

    internal static class ErrorRecords
    {
        public static ErrorRecord From(ScanPSError error)
        {
            var category = (ErrorCategory)Enum.Parse(typeof(ErrorCategory), error.Category.ToString());
            var record = new ErrorRecord(error.ToException(), error.ErrorId, category, error.TargetObject)
            {
                // The message carries the vendor's own words; PowerShell shows ErrorDetails in place of the exception text.
                ErrorDetails = new ErrorDetails(error.DetailsMessage) { RecommendedAction = error.RecommendedAction ?? string.Empty },
            };
            return record;
        }
    }
}
