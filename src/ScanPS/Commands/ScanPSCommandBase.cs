using System;
using System.Management.Automation;
using System.Threading;
using ScanPS.Errors;
using ScanPS.Http;
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
        private Func<string, string> _redact = text => text;

        internal bool DebugRequested
        {
            get
            {
                if (MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && debug is SwitchParameter s) return s.IsPresent;
                // A $DebugPreference set in a child scope ('& { $DebugPreference = "Continue"; ... }') is a plain string,
                // which PowerShell itself converts; so does this.
                return LanguagePrimitives.TryConvertTo(GetVariableValue("DebugPreference"), out ActionPreference preference) && preference != ActionPreference.SilentlyContinue;
            }
        }

        /// <summary>
        /// Writes a verbose line. Under -Debug without -Verbose, PowerShell sets a compiled cmdlet's verbose preference
        /// to Inquire and asks "Continue with this operation?" before every verbose line (a non-interactive session
        /// fails the command instead); those lines are then written as debug lines, next to the bodies -Debug adds.
        /// The text passes <see cref="Redact"/> first, as every message a command writes does.
        /// </summary>
        internal void WriteVerboseLine(string text)
        {
            text = Redact(text);
            bool debugSwitch = MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && debug is SwitchParameter s && s.IsPresent;
            if (debugSwitch && !MyInvocation.BoundParameters.ContainsKey("Verbose")) WriteDebug(text);
            else WriteVerbose(text);
        }

        protected ICommandHost CommandHost => _host ?? throw new InvalidOperationException("BeginProcessing has not run.");

        /// <summary>
        /// Masks the secrets of every session this command opened (their logs' redactions, including ones added later,
        /// such as a -Socks5Proxy password). Every error and message the command writes passes through it: a backstop
        /// for vendor text that reached an error without passing a log, such as Invicti's result string.
        /// </summary>
        internal string Redact(string? text) => string.IsNullOrEmpty(text) ? text ?? string.Empty : _redact(text!);

        /// <summary>Adds a session's redactions to <see cref="Redact"/>.</summary>
        internal void RedactWith(RequestLog log)
        {
            var previous = _redact;
            _redact = text => log.Redact(previous(text));
        }

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

        /// <summary>Also run by PowerShell when the pipeline ends early (Select-Object -First, Ctrl+C, an error).</summary>
        public void Dispose()
        {
            _host?.RememberWrittenScans();
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
                ThrowTerminatingError(ErrorRecords.From(ex.Error, Redact));
                throw; // not reached: ThrowTerminatingError always throws
            }
            catch (OperationCanceledException) when (_cancellation?.IsCancellationRequested == true)
            {
                throw new PipelineStoppedException();
            }
        }
    }
}
