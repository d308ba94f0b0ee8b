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
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--source": source = Enum.Parse<Source>(args[++i], ignoreCase: true); break;
                    case "--sink": sink = Enum.Parse<Sink>(args[++i], ignoreCase: true); break;
                    case "--scans": scans = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--module": module = args[++i]; break;
                    default: throw new ArgumentException("loop: unknown option " + args[i] + ". Options: --source Floor|FloorInEngine|GetScan|IrmLoop --sink Host|OutNull --scans N --runs N --module path");
                }
            }

            using var server = ServerProcess.Start(new[] { scans }, ListingPages.VendorPageSize);
            using var session = new EngineSession(module ?? ModuleLocator.StagedManifest());
            var entrant = new Entrant(source, sink);
            var listing = PrerenderedListingServer.ListingBaseUri(server.DataUri, scans);
            for (int run = 0; run < runs; run++)
            {
                var output = new EngineOutput();
                var stopwatch = Stopwatch.StartNew();
                var errors = session.Run(entrant, listing, output);
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} run {1}: {2:0} ms, {3} objects out{4}", entrant.Label, run + 1, stopwatch.Elapsed.TotalMilliseconds, output.Received,
                    errors.Count > 0 ? ", errors: " + string.Join("; ", errors) : string.Empty));
            }

            return 0;
        }
    }
}
