using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ScanPS.Benchmarks.Contenders;
using ScanPS.Benchmarks.Server;

namespace ScanPS.Benchmarks.Harness
{
    /// <summary>
    /// Runs the benchmark against a listing server (its data and control URIs): a correctness run per contender,
    /// warm-up rounds, measured rounds in rotating order (each contender's time is compared with the floor's
    /// in the same round), then memory at the small and the large listing.
    /// </summary>
    public sealed class BenchmarkHarness
    {
        private static readonly Contender[] All = { Contender.Floor, Contender.Core, Contender.Seam };

        /// <summary>
        /// Every order of the three, one per round in turn: each contender goes first, second and last, and
        /// follows each other one equally often (a plain rotation would always run Core right after the floor).
        /// </summary>
        private static readonly Contender[][] Orders =
        {
            new[] { Contender.Floor, Contender.Core, Contender.Seam },
            new[] { Contender.Seam, Contender.Core, Contender.Floor },
            new[] { Contender.Core, Contender.Floor, Contender.Seam },
            new[] { Contender.Seam, Contender.Floor, Contender.Core },
            new[] { Contender.Core, Contender.Seam, Contender.Floor },
            new[] { Contender.Floor, Contender.Seam, Contender.Core },
        };

        private readonly BenchOptions _options;
        private readonly Uri _dataUri;
        private readonly ServerControl _control;
        private readonly TextWriter _progress;

        public BenchmarkHarness(BenchOptions options, Uri dataUri, ServerControl control, TextWriter progress)
        {
            _options = options;
            _dataUri = dataUri;
            _control = control;
            _progress = progress;
        }

        /// <summary>Runs the peak-memory child processes ("peak" mode) when set; tests replace it to stay in-process.</summary>
        public Func<Contender, Uri, bool, Uri?, PeakResult>? PeakWorkingSet { get; set; }

        public BenchReport Run()
        {
            var report = new BenchReport(_options, MachineInfo.Describe());
            var large = PrerenderedListingServer.ListingBaseUri(_dataUri, _options.Scans);
            var small = PrerenderedListingServer.ListingBaseUri(_dataUri, _options.SmallScans);
            using var runner = new ContenderRunner();

            _progress.WriteLine("Correctness: every contender lists all " + _options.Scans + " scans in order, streaming.");
            foreach (var contender in All) report.Verifications.Add(Verify(runner, contender, large));

            int total = _options.WarmupRounds + _options.Rounds;
            for (int round = 0; round < total; round++)
            {
                bool warmup = round < _options.WarmupRounds;
                _progress.WriteLine((warmup ? "Warm-up round " + (round + 1) : "Round " + (round - _options.WarmupRounds + 1)) + " of " + (warmup ? _options.WarmupRounds : _options.Rounds));
                foreach (var contender in Orders[round % Orders.Length])
                {
                    var sample = Time(runner, contender, large);
                    sample.Round = round - _options.WarmupRounds;
                    if (!warmup) report.Samples.Add(sample);
                }
            }

            report.Breakdown.AddRange(Breakdown.Run(_options, large, _progress));

            _progress.WriteLine("Memory: live managed heap at every page, " + _options.SmallScans + " vs " + _options.Scans + " scans.");
            foreach (var (contender, keep) in new[] { (Contender.Floor, false), (Contender.Core, false), (Contender.Seam, false), (Contender.Floor, true) })
            {
                var row = new MemoryRow
                {
                    Contender = contender,
                    KeepsEverything = keep,
                    Label = keep ? "control: floor keeping every record" : ContenderRunner.Describe(contender),
                    LivePeakSmall = LivePeak(runner, contender, small, keep),
                    LivePeakLarge = LivePeak(runner, contender, large, keep),
                };
                if (PeakWorkingSet != null)
                {
                    _progress.WriteLine("Peak working set in fresh processes: " + row.Label);
                    row.PeakSmall = PeakWorkingSet(contender, small, keep, null);
                    row.PeakLarge = PeakWorkingSet(contender, large, keep, null);
                    // A warm session: the same warm-up (the large listing) before either size, so both start
                    // with the heap the runtime keeps after a big listing, and only what the run adds shows.
                    row.WarmSmall = PeakWorkingSet(contender, small, keep, large);
                    row.WarmLarge = PeakWorkingSet(contender, large, keep, large);
                }

                report.Memory.Add(row);
            }

            report.Machine.LoadAtEnd = MachineInfo.LoadAverage();
            return report;
        }

        private Verification Verify(ContenderRunner runner, Contender contender, Uri listing)
        {
            _control.Reset();
            var sink = new VerifyingSink(_control.Stats);
            runner.Run(contender, listing, sink);
            return new Verification
            {
                Contender = contender,
                Scans = sink.Count,
                FirstWrongIndex = sink.FirstWrongIndex,
                RequestsAtFirstObject = sink.RequestsAtFirstObject,
                Server = _control.Stats(),
            };
        }

        private RunSample Time(ContenderRunner runner, Contender contender, Uri listing)
        {
            Settle();
            _control.Reset();
            var sink = new CountingSink();
            int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
            // Every thread's allocations (the listing runs on thread-pool threads too); the server is another process.
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            // CPU time of this process (all its threads: thread pool, GC): the client's own cost, which other
            // processes competing for the cores do not inflate the way they inflate wall time.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            runner.Run(contender, listing, sink);
            stopwatch.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            return new RunSample
            {
                Contender = contender,
                Milliseconds = stopwatch.Elapsed.TotalMilliseconds,
                CpuMilliseconds = cpu.TotalMilliseconds,
                Scans = sink.Count,
                AllocatedBytes = allocated,
                Gen0 = GC.CollectionCount(0) - gen0,
                Gen1 = GC.CollectionCount(1) - gen1,
                Gen2 = GC.CollectionCount(2) - gen2,
                Server = _control.Stats(),
            };
        }

        /// <summary>
        /// The largest live managed heap seen in the middle of a page. Absolute, not minus a baseline taken before
        /// the run: what matters is the difference between listing sizes, and the same harness objects are in both.
        /// </summary>
        private long LivePeak(ContenderRunner runner, Contender contender, Uri listing, bool keep)
        {
            Settle();
            var sink = new LiveHeapSink(_options.PageSize, keep);
            runner.Run(contender, listing, sink);
            GC.KeepAlive(sink);
            return sink.MaxLiveBytes;
        }

        /// <summary>Starts each run from a clean heap, so no run pays for the garbage of the one before.</summary>
        private static void Settle()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        /// <summary>Peak working set of a fresh "peak" process that lists once (the real memory an admin's session would see).</summary>
        public static PeakResult PeakWorkingSetInChildProcess(Contender contender, Uri listing, bool keep, Uri? warmUp)
        {
            var arguments = new[] { "peak", "--contender", contender.ToString(), "--listing", listing.ToString() };
            if (keep) arguments = arguments.Append("--keep").ToArray();
            if (warmUp != null) arguments = arguments.Concat(new[] { "--warm-up", warmUp.ToString() }).ToArray();
            using var process = Process.Start(ServerProcess.SelfStartInfo(arguments)) ?? throw new InvalidOperationException("Could not start the peak process.");
            process.StandardInput.Close();
            string output = process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 || !PeakResult.TryParse(output, out var peak))
            {
                throw new InvalidOperationException("The peak process failed (" + process.ExitCode + "): " + output + error);
            }

            return peak;
        }
    }
}
