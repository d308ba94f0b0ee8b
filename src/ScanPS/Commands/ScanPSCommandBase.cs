using System;
using System.Management.Automation;
using System.Threading;
using ScanPS.Operations;

namespace ScanPS.Commands
{
    /// <summary>
    /// What every ScanPS cmdlet shares: Ctrl+C cancellation, the ICommandHost seam and the translation of
    /// ScanPS errors into ErrorRecords. Cmdlets only adapt; the logic lives in ScanPS.Core.
    /// </summary>
    public abstract class ScanPSCommandBase : PSCmdlet, IDisposable
    {
        private CancellationTokenSource? _cancellation;
        private CmdletHost? _host;

        internal bool DebugRequested
        {
            get
            {
                if (MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && debug is SwitchParameter s) return s.IsPresent;
                return GetVariableValue("DebugPreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue;
            }
        }

        /// <summary>
        /// Writes a verbose line. Under -Debug without -Verbose, PowerShell sets a compiled cmdlet's verbose preference
        /// to Inquire and asks "Continue with this operation?" before every verbose line (a non-interactive session
        /// fails the command instead); those lines are then written as debug lines, next to the bodies -Debug adds.
        /// </summary>
        internal void WriteVerboseLine(string text)
        {
            bool debugSwitch = MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && debug is SwitchParameter s && s.IsPresent;
            if (debugSwitch && !MyInvocation.BoundParameters.ContainsKey("Verbose")) WriteDebug(text);
            else WriteVerbose(text);
        }

        protected ICommandHost CommandHost => _host ?? throw new InvalidOperationException("BeginProcessing has not run.");

        protected override void BeginProcessing()
        {
            _cancellation = new CancellationTokenSource();
            _host = new CmdletHost(this, _cancellation.Token);
        }

        /// <summary>Ctrl+C: cancel the in-flight request; the operation ends on its own thread.</summary>
        protected override void StopProcessing()
        {
            try
            {
                _cancellation?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Ctrl+C landed as EndProcessing finished: there is nothing left to cancel.
            }
        }

        protected override void EndProcessing() => Dispose();

        public void Dispose()
        {
            _cancellation?.Dispose();
            _cancellation = null;
        }

        /// <summary>Runs an operation; ScanPS errors that reach here end the command (ThrowTerminatingError).</summary>
        protected void Run(Action<ICommandHost> operation) => Guard(() =>
        {
            operation(CommandHost);
            return true;
        });

        protected T Guard<T>(Func<T> action)
        {
            try
            {
                return action();
            }
            catch (ScanPSException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex.Error));
                throw; // not reached: ThrowTerminatingError always throws
            }
            catch (OperationCanceledException) when (_cancellation?.IsCancellationRequested == true)
            {
                throw new PipelineStoppedException();
            }
        }
    }
}
