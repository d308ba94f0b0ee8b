using System.Threading;
using ScanPS.Errors;
using ScanPS.Http;

namespace ScanPS.Operations
{
    /// <summary>
    /// The seam between a cmdlet and its logic. The cmdlets implement it over Cmdlet.Write* and
    /// ShouldProcess; tests implement it with a recording host. All calls happen on the thread that
    /// runs the operation (the pipeline thread), never from HTTP callbacks.
    /// </summary>
    public interface ICommandHost : ILogSink
    {
        void WriteObject(object item);

        /// <summary>A non-terminating error: the operation goes on with the next item.</summary>
        void WriteError(ScanPSError error);

        /// <summary>ShouldProcess(target, action): false under -WhatIf or when -Confirm is declined.</summary>
        bool ShouldProcess(string target, string action);

        /// <summary>True when -Debug (or $DebugPreference) asks for request and response bodies.</summary>
        bool DebugEnabled { get; }

        /// <summary>Cancelled by StopProcessing (Ctrl+C).</summary>
        CancellationToken CancellationToken { get; }
    }
}
