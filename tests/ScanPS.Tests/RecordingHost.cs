using System.Collections.Generic;
using System.Threading;
using ScanPS.Errors;
using ScanPS.Operations;

namespace ScanPS.Tests
{
    /// <summary>ICommandHost that records every stream, like a PowerShell host with all preferences on.</summary>
    public sealed class RecordingHost : ICommandHost
    {
        public List<object> Output { get; } = new List<object>();
        public List<ScanPSError> Errors { get; } = new List<ScanPSError>();
        public List<string> Warnings { get; } = new List<string>();
        public List<string> Verbose { get; } = new List<string>();
        public List<string> Debug { get; } = new List<string>();
        public List<(string Target, string Action)> ShouldProcessCalls { get; } = new List<(string, string)>();

        /// <summary>Simulates -WhatIf (or a declined -Confirm): ShouldProcess answers false.</summary>
        public bool WhatIf { get; set; }

        public bool DebugEnabled { get; set; }

        public CancellationToken CancellationToken { get; set; } = CancellationToken.None;

        /// <summary>Called after each WriteObject: lets a test look at the server between emitted objects.</summary>
        public System.Action<object>? OnObject { get; set; }

        public void WriteObject(object item)
        {
            Output.Add(item);
            OnObject?.Invoke(item);
        }

        public void WriteError(ScanPSError error) => Errors.Add(error);
        public void WriteWarning(string message) => Warnings.Add(message);
        public void WriteVerbose(string message) => Verbose.Add(message);
        public void WriteDebug(string message) => Debug.Add(message);

        public bool ShouldProcess(string target, string action)
        {
            ShouldProcessCalls.Add((target, action));
            return !WhatIf;
        }

        public IEnumerable<string> AllText()
        {
            foreach (var s in Verbose) yield return s;
            foreach (var s in Debug) yield return s;
            foreach (var s in Warnings) yield return s;
            foreach (var e in Errors)
            {
                yield return e.Message;
                yield return e.Details ?? string.Empty;
                yield return e.RecommendedAction ?? string.Empty;
                yield return e.ToString();
                yield return e.ToException().ToString();
            }

            foreach (var o in Output) yield return o.ToString() ?? string.Empty;
            foreach (var c in ShouldProcessCalls) yield return c.Target + " " + c.Action;
        }
    }
}
