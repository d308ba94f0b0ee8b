using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// One real PowerShell 7.6 runspace with the staged ScanPS module imported (Import-Module on the staged psd1,
    /// as a user does), a <see cref="TestHost"/> for the console, and a Run that returns every stream.
    /// Each test makes its own: connections live per runspace, so tests never share state.
    /// </summary>
    public sealed class Engine : IDisposable
    {
        private readonly Runspace _runspace;

        public Engine(bool importModule = true)
        {
            var state = InitialSessionState.CreateDefault2();
            // Execution policy is Windows-only; setting it elsewhere throws PlatformNotSupportedException.
            if (OperatingSystem.IsWindows()) state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
            Host = new TestHost();
            _runspace = RunspaceFactory.CreateRunspace(Host, state);
            _runspace.Open();
            if (importModule)
            {
                Run("Import-Module -Name $args[0] -ErrorAction Stop", StagedModule.Manifest).ThrowIfFailed();
            }
        }

        public TestHost Host { get; }

        public Runspace Runspace => _runspace;

        /// <summary>Sets a variable in the session (a credential, a base URI) without quoting it into a script.</summary>
        public Engine Set(string name, object? value)
        {
            _runspace.SessionStateProxy.SetVariable(name, value);
            return this;
        }

        public object? Get(string name) => _runspace.SessionStateProxy.GetVariable(name);

        /// <summary>
        /// Runs a script as a user would type it (arguments are $args). A terminating error does not throw here:
        /// it is in <see cref="EngineResult.Terminating"/>, as a script's try/catch would see it.
        /// </summary>
        public EngineResult Run(string script, params object?[] args)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(script);
            foreach (var arg in args) ps.AddArgument(arg);
            return Invoke(ps);
        }

        /// <summary>Runs a prepared PowerShell (for Stop() from another thread, or input piped from C#).</summary>
        public PowerShell Create(string script)
        {
            var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(script);
            return ps;
        }

        public static EngineResult Invoke(PowerShell ps, IEnumerable<object>? input = null)
        {
            var output = new List<PSObject>();
            RuntimeException? terminating = null;
            try
            {
                var collection = input == null ? ps.Invoke() : ps.Invoke(input);
                output.AddRange(collection);
            }
            catch (RuntimeException ex)
            {
                terminating = ex;
            }

            return new EngineResult(
                output,
                ps.Streams.Error.ToList(),
                ps.Streams.Warning.Select(w => w.Message).ToList(),
                ps.Streams.Verbose.Select(v => v.Message).ToList(),
                ps.Streams.Debug.Select(d => d.Message).ToList(),
                ps.Streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty).ToList(),
                ps.Streams.Progress.ToList(),
                terminating,
                ps.HadErrors);
        }

        public void Dispose() => _runspace.Dispose();
    }

    public sealed class EngineResult
    {
        public EngineResult(IReadOnlyList<PSObject> output, IReadOnlyList<ErrorRecord> errors, IReadOnlyList<string> warnings, IReadOnlyList<string> verbose, IReadOnlyList<string> debug, IReadOnlyList<string> information, IReadOnlyList<ProgressRecord> progress, RuntimeException? terminating, bool hadErrors)
        {
            Output = output;
            Errors = errors;
            Warnings = warnings;
            Verbose = verbose;
            Debug = debug;
            Information = information;
            Progress = progress;
            Terminating = terminating;
            HadErrors = hadErrors;
        }

        public IReadOnlyList<PSObject> Output { get; }

        /// <summary>Non-terminating errors (the error stream).</summary>
        public IReadOnlyList<ErrorRecord> Errors { get; }

        public IReadOnlyList<string> Warnings { get; }

        public IReadOnlyList<string> Verbose { get; }

        public IReadOnlyList<string> Debug { get; }

        public IReadOnlyList<string> Information { get; }

        public IReadOnlyList<ProgressRecord> Progress { get; }

        /// <summary>The terminating error that ended the script, if any.</summary>
        public RuntimeException? Terminating { get; }

        public bool HadErrors { get; }

        /// <summary>The terminating error's record, or the single non-terminating one.</summary>
        public ErrorRecord SingleError()
        {
            if (Terminating != null) return Terminating.ErrorRecord;
            if (Errors.Count != 1) throw new InvalidOperationException("Expected one error, got " + Errors.Count + ": " + Describe());
            return Errors[0];
        }

        /// <summary>Output values of base objects of type T, in order.</summary>
        public IReadOnlyList<object> BaseObjects => Output.Select(o => o.BaseObject).ToList();

        public EngineResult ThrowIfFailed()
        {
            if (Terminating != null || Errors.Count > 0) throw new InvalidOperationException("The script failed: " + Describe());
            return this;
        }

        public string Describe()
        {
            var lines = new List<string>();
            if (Terminating != null) lines.Add("terminating " + Terminating.ErrorRecord.FullyQualifiedErrorId + ": " + Terminating.Message);
            lines.AddRange(Errors.Select(e => "error " + e.FullyQualifiedErrorId + ": " + (e.ErrorDetails?.Message ?? e.Exception.Message)));
            lines.AddRange(Warnings.Select(w => "warning: " + w));
            return string.Join("\n", lines);
        }
    }
}
