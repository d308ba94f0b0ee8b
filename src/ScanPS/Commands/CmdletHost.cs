using System;
using System.Management.Automation;
using System.Threading;
using ScanPS.Errors;
using ScanPS.Operations;

namespace ScanPS.Commands
{
    /// <summary>ICommandHost over a running cmdlet: Write* and ShouldProcess on the pipeline thread.</summary>
    internal sealed class CmdletHost : ICommandHost, IProgressHost
    {
        private readonly ScanPSCommandBase _cmdlet;
        private Models.Scan[]? _written;
        private long _writtenCount;

        public CmdletHost(ScanPSCommandBase cmdlet, CancellationToken cancellationToken)
        {
            _cmdlet = cmdlet;
            CancellationToken = cancellationToken;
        }

        public CancellationToken CancellationToken { get; }

        public bool DebugEnabled => _cmdlet.DebugRequested;

        public void WriteObject(object item)
        {
            if (item is Models.Scan scan)
            {
                // Only the newest Capacity scans can be remembered for -Id completion: keep them in a ring (one store per
                // object, no lock or hashing on the path of a 100,000-scan listing) and remember them when the command ends.
                _written ??= new Models.Scan[Completers.RecentScanIds.Capacity];
                _written[_writtenCount++ % _written.Length] = scan;
            }

            _cmdlet.WriteObject(item);
        }

        /// <summary>Hands the scans this command wrote to <see cref="Completers.RecentScanIds"/>, oldest first, once.</summary>
        public void RememberWrittenScans()
        {
            if (_written == null) return;
            long first = Math.Max(0, _writtenCount - _written.Length);
            for (long i = first; i < _writtenCount; i++)
            {
                var scan = _written[i % _written.Length];
                Completers.RecentScanIds.Remember(scan.Provider, scan.Id, null);
            }

            _written = null;
            _writtenCount = 0;
        }

        public void WriteError(ScanPSError error) => _cmdlet.WriteError(ErrorRecords.From(error, _cmdlet.Redact));

        public void WriteWarning(string message) => _cmdlet.WriteWarning(_cmdlet.Redact(message));

        public void WriteVerbose(string message) => _cmdlet.WriteVerboseLine(message);

        public void WriteDebug(string message) => _cmdlet.WriteDebug(_cmdlet.Redact(message));

        public bool ShouldProcess(string target, string action) => _cmdlet.ShouldProcess(target, action);

        public void WriteProgress(ProgressReport report) =>
            _cmdlet.WriteProgress(new ProgressRecord(report.ActivityId, _cmdlet.Redact(report.Activity), _cmdlet.Redact(report.Status))
            {
                PercentComplete = report.PercentComplete,
                RecordType = report.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            });
    }

    internal static class ErrorRecords
    {
        /// <summary>The ErrorRecord of a ScanPS error, its texts (and a text target) passed through <paramref name="redact"/> first.</summary>
        public static ErrorRecord From(ScanPSError original, Func<string, string> redact)
        {
            var error = new ScanPSError(original.ErrorId, original.Category, redact(original.Message), original.TargetObject is string target ? redact(target) : original.TargetObject)
            {
                Details = original.Details == null ? null : redact(original.Details),
                RecommendedAction = original.RecommendedAction == null ? null : redact(original.RecommendedAction),
                StatusCode = original.StatusCode,
                VendorRequestId = original.VendorRequestId,
                InnerException = original.InnerException,
            };
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
