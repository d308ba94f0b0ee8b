using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ScanPS.Benchmarks.Harness;
using ScanPS.Benchmarks.Server;

namespace ScanPS.Benchmarks.Engine
{
    /// <summary>
    /// Runs the engine benchmark against a listing server: a correctness run per host-output contender (every id in
    /// order, first object before page 2 is requested, the connections used), warm-up rounds, measured rounds in a
    /// rotating order (every ratio is taken between runs of the same round), then the live heap and working set at
    /// the small and the large listing.
    /// </summary>
    public sealed class EngineHarness
    {
        private readonly EngineOptions _options;
        private readonly Uri _dataUri;
        private readonly ServerControl _control;
        private readonly TextWriter _progress;

        public EngineHarness(EngineOptions options, Uri dataUri, ServerControl control, TextWriter progress)
        {
            _options = options;
            _dataUri = dataUri;
            _control = control;
            _progress = progress;
        }

        /// <summary>Times Import-Module (fresh processes); tests replace or drop it.</summary>
        public Func<EngineOptions, string, TextWriter, ImportResult>? ImportTiming { get; set; } = ImportTimer.Run;

        public EngineReport Run()
        {
            string manifest = _options.Module ?? ModuleLocator.StagedManifest();
            var report = new EngineReport(_options, MachineInfo.Describe());
            var large = PrerenderedListingServer.ListingBaseUri(_dataUri, _options.Scans);
            var small = PrerenderedListingServer.ListingBaseUri(_dataUri, _options.SmallScans);
            var entrants = _options.Entrants();

            _progress.WriteLine("Importing " + manifest + " into a PowerShell runspace.");
            using var session = new EngineSession(manifest);
            report.PowerShellVersion = session.Invoke("$PSVersionTable.PSVersion.ToString()")[0].BaseObject.ToString() ?? "?";
            report.ModuleBase = session.ModuleBase;
            report.ModuleVersion = session.ModuleVersion;

            _progress.WriteLine("Correctness: every contender lists all " + _options.Scans + " scans in order, streaming.");
            foreach (var entrant in entrants.Where(e => e.Sink == Sink.Host)) report.Verifications.Add(Verify(session, entrant, large));

            int total = _options.WarmupRounds + _options.Rounds;
            for (int round = 0; round < total; round++)
            {
                bool warmup = round < _options.WarmupRounds;
                _progress.WriteLine((warmup ? "Warm-up round " + (round + 1) + " of " + _options.WarmupRounds : "Round " + (round - _options.WarmupRounds + 1) + " of " + _options.Rounds) +
                                    " (load " + MachineInfo.LoadAverage() + ")");
                foreach (var entrant in Order(entrants, round))
                {
                    var sample = Time(session, entrant, large);
                    sample.Round = round - _options.WarmupRounds;
                    if (!warmup) report.Samples.Add(sample);
                }
            }

            if (_options.Memory)
            {
                _progress.WriteLine("Memory: live heap and working set at every page, " + _options.SmallScans + " vs " + _options.Scans + " scans, in the warm session.");
                foreach (var entrant in new[] { new Entrant(Source.FloorInEngine, Sink.Host), new Entrant(Source.GetScan, Sink.Host) })
                {
                    report.Memory.Add(new EngineMemoryRow
                    {
                        Label = entrant.Label,
                        Small = Memory(session, entrant, small, keep: false),
                        Large = Memory(session, entrant, large, keep: false),
                    });
                }

                var control = new Entrant(Source.GetScan, Sink.Host);
                report.Memory.Add(new EngineMemoryRow
                {
                    Label = "control: Get-Scan, every object kept ($all = Get-Scan ...)",
                    KeepsEverything = true,
                    Small = Memory(session, control, small, keep: true),
                    Large = Memory(session, control, large, keep: true),
                });
            }

            if (_options.ImportRuns > 0 && ImportTiming != null)
            {
                _progress.WriteLine("Import-Module in fresh processes: ScanPS vs a module of one tiny cmdlet, " + _options.ImportRuns + " each, alternating.");
                report.Import = ImportTiming(_options, manifest, _progress);
            }

            report.Machine.LoadAtEnd = MachineInfo.LoadAverage();
            return report;
        }

        /// <summary>Round r: the contenders rotated by r, reversed every other cycle, so each runs in every position and after each other one.</summary>
        public static IReadOnlyList<Entrant> Order(IReadOnlyList<Entrant> entrants, int round)
        {
            int n = entrants.Count;
            var order = Enumerable.Range(0, n).Select(i => entrants[(i + round) % n]).ToList();
            if ((round / n) % 2 == 1) order.Reverse();
            return order;
        }

        private EngineVerification Verify(EngineSession session, Entrant entrant, Uri listing)
        {
            _control.Reset();
            long firstWrong = -1;
            int requestsAtFirst = -1;
            var output = new EngineOutput((index, id) =>
            {
                if (index == 0) requestsAtFirst = _control.Stats().Requests;
                if (firstWrong < 0 && id() != ListingPages.ScanId(checked((int)index))) firstWrong = index;
            });
            var errors = session.Run(entrant, listing, output);
            return new EngineVerification
            {
                Entrant = entrant,
                Scans = output.Received,
                FirstWrongIndex = firstWrong,
                RequestsAtFirstObject = requestsAtFirst,
                Errors = errors,
                Server = _control.Stats(),
            };
        }

        private EngineSample Time(EngineSession session, Entrant entrant, Uri listing)
        {
            Settle();
            _control.Reset();
            var output = new EngineOutput();
            int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            var errors = session.Run(entrant, listing, output);
            stopwatch.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            if (errors.Count > 0) throw new InvalidOperationException(entrant.Label + " failed: " + string.Join("; ", errors));
            return new EngineSample
            {
                Entrant = entrant,
                Milliseconds = stopwatch.Elapsed.TotalMilliseconds,
                CpuMilliseconds = cpu.TotalMilliseconds,
                ScansOut = output.Received,
                AllocatedBytes = allocated,
                Gen0 = GC.CollectionCount(0) - gen0,
                Gen1 = GC.CollectionCount(1) - gen1,
                Gen2 = GC.CollectionCount(2) - gen2,
                Server = _control.Stats(),
            };
        }

        /// <summary>
        /// The largest live managed heap (a full collection in the middle of every page) and the largest working set
        /// (sampled every 100 objects) during one listing in this warm session. The control keeps every object.
        /// </summary>
        private EngineMemory Memory(EngineSession session, Entrant entrant, Uri listing, bool keep)
        {
            Settle();
            using var self = Process.GetCurrentProcess();
            var kept = keep ? new List<Func<string?>>() : null;
            long maxLive = 0, maxWorkingSet = 0;
            int pageSize = _options.PageSize;
            var output = new EngineOutput((index, id) =>
            {
                kept?.Add(id); // the closure holds the PSObject: the whole listing stays reachable
                if (index % pageSize == pageSize / 2) maxLive = Math.Max(maxLive, GC.GetTotalMemory(forceFullCollection: true));
                if (index % 100 == 0)
                {
                    self.Refresh();
                    maxWorkingSet = Math.Max(maxWorkingSet, self.WorkingSet64);
                }
            });
            session.Run(entrant, listing, output);
            self.Refresh();
            var result = new EngineMemory { Scans = output.Received, LivePeak = maxLive, WorkingSetPeak = Math.Max(maxWorkingSet, self.WorkingSet64) };
            GC.KeepAlive(kept);
            return result;
        }

        private static void Settle()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
    }
}
