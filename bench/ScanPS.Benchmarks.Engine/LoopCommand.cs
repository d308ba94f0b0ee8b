using System;
using System.Diagnostics;
using System.Globalization;
using ScanPS.Benchmarks.Server;

namespace ScanPS.Benchmarks.Engine
{
    /// <summary>
    /// "loop" mode: one contender, listed again and again in one session, printing each run's time; for a profiler
    /// attached to this process (e.g. dotnet-trace collect --profile cpu-sampling -- dotnet ScanPS.Benchmarks.Engine.dll loop …).
    /// </summary>
    public static class LoopCommand
    {
        public static int Run(string[] args)
        {
            var source = Source.GetScan;
            var sink = Sink.Host;
            int scans = 100_000, runs = 5;
            string? module = null;
            bool fromMemory = false;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--source": source = Enum.Parse<Source>(args[++i], ignoreCase: true); break;
                    case "--sink": sink = Enum.Parse<Sink>(args[++i], ignoreCase: true); break;
                    case "--scans": scans = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--module": module = args[++i]; break;
                    case "--from-memory": fromMemory = true; break;
                    default: throw new ArgumentException("loop: unknown option " + args[i] + ". Options: --source Floor|FloorInEngine|GetScan|IrmLoop --sink Host|OutNull --scans N --runs N --module path --from-memory");
                }
            }

            using var server = ServerProcess.Start(new[] { scans }, ListingPages.VendorPageSize);
            using var session = new EngineSession(module ?? ModuleLocator.StagedManifest());
            var entrant = new Entrant(source, sink);
            var listing = PrerenderedListingServer.ListingBaseUri(server.DataUri, scans);
            // --from-memory: the floor's records of one listing, kept, then enumerated by the engine: no HTTP, no parsing,
            // only what the engine itself costs per object on the way to the sink.
            var kept = fromMemory ? new System.Collections.Generic.List<object>() : null;
            if (kept != null)
            {
                using var http = new System.Net.Http.HttpClient();
                http.DefaultRequestHeaders.TryAddWithoutValidation("X-HOSTEDSCAN-API-KEY", EngineSession.BenchApiKey);
                foreach (var scan in new FloorSource(http, listing)) kept.Add(scan);
            }

            for (int run = 0; run < runs; run++)
            {
                var output = new EngineOutput();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var stopwatch = Stopwatch.StartNew();
                var errors = kept != null ? session.RunOver(kept, entrant.Sink, output) : session.Run(entrant, listing, output);
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} run {1}: {2:0} ms, CPU {5:0} ms, {3} objects out{4}", kept != null ? "objects from memory" + (sink == Sink.OutNull ? " | Out-Null" : " (host output)") : entrant.Label, run + 1, stopwatch.Elapsed.TotalMilliseconds, output.Received,
                    errors.Count > 0 ? ", errors: " + string.Join("; ", errors) : string.Empty, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds));
            }

            return 0;
        }
    }
}
