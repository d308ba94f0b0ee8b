using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Security;
using ScanPS.Benchmarks.Contenders;

namespace ScanPS.Benchmarks.Engine
{
    /// <summary>What produces the scans.</summary>
    public enum Source
    {
        /// <summary>
        /// HttpClient + STJ records in plain C#, no engine: the floor every ratio is relative to. The same synchronous
        /// <see cref="FloorSource"/> the engine enumerates for <see cref="FloorInEngine"/>, enumerated by a C# foreach
        /// (synchronous is the cheaper floor: no thread-pool hop per read, which on a busy machine costs wall time).
        /// </summary>
        Floor,

        /// <summary>The same floor enumerated by the engine (a <see cref="FloorSource"/> in a variable): what the engine's own output costs.</summary>
        FloorInEngine,

        /// <summary>Get-Scan -Provider HostedScan from the staged module.</summary>
        GetScan,

        /// <summary>An Invoke-RestMethod loop that follows next_page_token, as an admin would write it.</summary>
        IrmLoop,
    }

    /// <summary>How the engine consumes the objects (the pure floor has no engine, so no sink).</summary>
    public enum Sink
    {
        /// <summary>The script's output, counted by <see cref="EngineOutput"/> (what a host reads from the engine).</summary>
        Host,

        /// <summary>The script piped to Out-Null inside the engine.</summary>
        OutNull,

        /// <summary>
        /// $null = the script (--discard-sink). Not a null pipe: PowerShell 7.6 collects the pipeline's whole output
        /// before it drops it (gen1/gen2 collections per run, for the floor as for Get-Scan), so it does not stream.
        /// No Invoke-RestMethod loop with this sink.
        /// </summary>
        Discard,
    }

    /// <summary>One contender of the benchmark: a source and the sink its objects go to.</summary>
    public sealed class Entrant : IEquatable<Entrant>
    {
        public Entrant(Source source, Sink sink)
        {
            Source = source;
            Sink = source == Source.Floor ? Sink.Host : sink;
        }

        public Source Source { get; }

        public Sink Sink { get; }

        public bool InEngine => Source != Source.Floor;

        public string Label => Source switch
        {
            Source.Floor => "floor: HttpClient + STJ records (C#, no engine)",
            Source.FloorInEngine => "floor enumerated by the engine",
            Source.GetScan => "Get-Scan -Provider HostedScan",
            Source.IrmLoop => "Invoke-RestMethod paging loop",
            _ => Source.ToString(),
        } + (InEngine ? (Sink == Sink.OutNull ? " | Out-Null" : Sink == Sink.Discard ? ", $null = ..." : " (host output)") : string.Empty);

        public bool Equals(Entrant? other) => other != null && other.Source == Source && other.Sink == Sink;

        public override bool Equals(object? obj) => Equals(obj as Entrant);

        public override int GetHashCode() => ((int)Source * 8) + (int)Sink;

        public override string ToString() => Label;
    }

    /// <summary>
    /// One PowerShell 7.6 runspace (InitialSessionState.CreateDefault2, PowerShell's default preferences) with the
    /// staged ScanPS module imported, in which every engine contender runs, one after the other, as in a user's
    /// session. The pure C# floor runs beside it in the same process.
    /// </summary>
    public sealed class EngineSession : IDisposable
    {
        public const string BenchApiKey = "bench-api-key-0123456789";

        /// <summary>The loop as a user writes it against GET /v1/scans (the cursor is next_page_token).</summary>
        public const string IrmLoopScript =
            "$headers = @{ 'X-HOSTEDSCAN-API-KEY' = $plainKey }\n" +
            "$uri = [uri]::new($listing, 'v1/scans')\n" +
            "do {\n" +
            "    $page = Invoke-RestMethod -Uri $uri -Headers $headers\n" +
            "    $page.data\n" +
            "    $token = $page.next_page_token\n" +
            "    $uri = [uri]::new($listing, 'v1/scans?page_token=' + [uri]::EscapeDataString(\"$token\"))\n" +
            "} while ($token)";

        public const string GetScanScript = "Get-Scan -Provider HostedScan -BaseUri $listing -ApiKey $key";

        private readonly Runspace _runspace;
        private readonly HttpClient _floorHttp = new HttpClient();

        public EngineSession(string manifest)
        {
            _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            // Pipelines run on the invoking thread, as in a console session, where the objects stay on the pipeline
            // thread down to Out-Default. With a new thread per invocation (the default for a runspace), every object
            // the script outputs is handed across threads to the output collection, a cost of this host, not of the
            // command (about as much as the floor's own work per object, under load).
            _runspace.ThreadOptions = PSThreadOptions.UseCurrentThread;
            _runspace.Open();
            _floorHttp.DefaultRequestHeaders.TryAddWithoutValidation("X-HOSTEDSCAN-API-KEY", BenchApiKey);
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddCommand("Import-Module").AddParameter("Name", manifest).AddParameter("ErrorAction", "Stop").AddParameter("PassThru");
            var module = (PSModuleInfo)ps.Invoke()[0].BaseObject;
            ModuleBase = module.ModuleBase;
            ModuleVersion = module.Version.ToString();
            Set("key", ToSecureString(BenchApiKey));
            Set("plainKey", BenchApiKey);
        }

        public string ModuleBase { get; }

        public string ModuleVersion { get; }

        public static string Script(Entrant entrant)
        {
            string body = entrant.Source switch
            {
                Source.FloorInEngine => "$floor",
                Source.GetScan => GetScanScript,
                Source.IrmLoop => IrmLoopScript,
                _ => throw new ArgumentOutOfRangeException(nameof(entrant), "The pure floor runs no script."),
            };
            if (entrant.Sink == Sink.Host) return body;
            if (entrant.Sink == Sink.Discard) return entrant.Source == Source.GetScan ? "$null = " + body : "$null = & {\n" + body + "\n}";
            // A command pipes straight into Out-Null; the loop and the variable go through a script block, because
            // PowerShell compiles "$floor | Out-Null" to a discard that never enumerates the variable.
            return entrant.Source == Source.GetScan ? body + " | Out-Null" : "& {\n" + body + "\n} | Out-Null";
        }

        /// <summary>
        /// Lists <paramref name="listing"/> once. The pure floor writes to <paramref name="output"/> from C#; an engine
        /// contender's script output goes to it (with | Out-Null, nothing does). Returns the script's errors, if any.
        /// </summary>
        public IReadOnlyList<string> Run(Entrant entrant, Uri listing, EngineOutput output)
        {
            if (entrant.Source == Source.Floor)
            {
                IScanSink sink = output;
                foreach (var scan in new FloorSource(_floorHttp, listing)) sink.Add(scan.Id ?? string.Empty, scan);
                return Array.Empty<string>();
            }

            Set("listing", listing);
            Set("floor", entrant.Source == Source.FloorInEngine ? new FloorSource(_floorHttp, listing) : null);
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(Script(entrant));
            ps.Invoke<PSObject, PSObject>(null, output, null);
            var errors = new List<string>();
            foreach (var error in ps.Streams.Error) errors.Add(error.FullyQualifiedErrorId + ": " + error);
            return errors;
        }

        /// <summary>Objects already in memory, enumerated by the engine to the sink (what the engine alone costs per object).</summary>
        public IReadOnlyList<string> RunOver(System.Collections.IEnumerable objects, Sink sink, EngineOutput output)
        {
            Set("floor", objects);
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(Script(new Entrant(Source.FloorInEngine, sink)));
            ps.Invoke<PSObject, PSObject>(null, output, null);
            var errors = new List<string>();
            foreach (var error in ps.Streams.Error) errors.Add(error.FullyQualifiedErrorId + ": " + error);
            return errors;
        }

        /// <summary>Runs a script in the session.</summary>
        public System.Collections.ObjectModel.Collection<PSObject> Invoke(string script)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(script);
            return ps.Invoke();
        }

        public void Set(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

        public void Dispose()
        {
            _runspace.Dispose();
            _floorHttp.Dispose();
        }

        private static SecureString ToSecureString(string value)
        {
            var secure = new SecureString();
            foreach (char c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
