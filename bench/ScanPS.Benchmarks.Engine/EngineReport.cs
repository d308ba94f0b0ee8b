using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ScanPS.Benchmarks.Harness;
using ScanPS.Benchmarks.Server;

namespace ScanPS.Benchmarks.Engine
{
    public sealed class EngineSample
    {
        public Entrant Entrant { get; set; } = new Entrant(Source.Floor, Sink.Host);
        public int Round { get; set; }
        public double Milliseconds { get; set; }
        public double CpuMilliseconds { get; set; }

        /// <summary>Objects that reached the host (0 with | Out-Null).</summary>
        public long ScansOut { get; set; }
        public long AllocatedBytes { get; set; }
        public int Gen0 { get; set; }
        public int Gen1 { get; set; }
        public int Gen2 { get; set; }
        public ServerStats Server { get; set; } = new ServerStats(0, 0, 0, 0);
    }

    public sealed class EngineVerification
    {
        public Entrant Entrant { get; set; } = new Entrant(Source.Floor, Sink.Host);
        public long Scans { get; set; }
        public long FirstWrongIndex { get; set; }
        public int RequestsAtFirstObject { get; set; }
        public IReadOnlyList<string> Errors { get; set; } = Array.Empty<string>();
        public ServerStats Server { get; set; } = new ServerStats(0, 0, 0, 0);
    }

    public sealed class EngineMemory
    {
        public long Scans { get; set; }
        public long LivePeak { get; set; }
        public long WorkingSetPeak { get; set; }
    }

    public sealed class EngineMemoryRow
    {
        public string Label { get; set; } = string.Empty;
        public bool KeepsEverything { get; set; }
        public EngineMemory Small { get; set; } = new EngineMemory();
        public EngineMemory Large { get; set; } = new EngineMemory();
    }

    /// <summary>Everything one engine benchmark run measured, and the tables and verdicts it prints.</summary>
    public sealed class EngineReport
    {
        public const double GetScanTarget = 1.10;
        public const double IrmTarget = 10.0;
        public const long FlatMemoryTarget = 20L * 1024 * 1024;

        private static readonly CultureInfo C = CultureInfo.InvariantCulture;

        public EngineReport(EngineOptions options, MachineInfo machine)
        {
            Options = options;
            Machine = machine;
        }

        public EngineOptions Options { get; }
        public MachineInfo Machine { get; }
        public string PowerShellVersion { get; set; } = "?";
        public string ModuleBase { get; set; } = string.Empty;
        public string ModuleVersion { get; set; } = string.Empty;
        public List<EngineVerification> Verifications { get; } = new List<EngineVerification>();
        public List<EngineSample> Samples { get; } = new List<EngineSample>();
        public List<EngineMemoryRow> Memory { get; } = new List<EngineMemoryRow>();
        public ImportResult? Import { get; set; }

        public int Pages => ListingPages.PageCount(Options.Scans, Options.PageSize);

        public static Entrant FloorEntrant { get; } = new Entrant(Source.Floor, Sink.Host);

        public IEnumerable<EngineSample> SamplesOf(Entrant e) => Samples.Where(s => s.Entrant.Equals(e));

        /// <summary>Per-round ratios of <paramref name="e"/>'s wall (or CPU) time to <paramref name="baseline"/>'s in the same round.</summary>
        public IReadOnlyList<double> Ratios(Entrant e, Entrant baseline, bool cpu = false)
        {
            var byRound = SamplesOf(baseline).ToDictionary(s => s.Round);
            return SamplesOf(e).Where(s => byRound.ContainsKey(s.Round))
                .Select(s => cpu ? s.CpuMilliseconds / byRound[s.Round].CpuMilliseconds : s.Milliseconds / byRound[s.Round].Milliseconds).ToList();
        }

        public double Median(Entrant e, Entrant baseline, bool cpu = false) => Statistics.Median(Ratios(e, baseline, cpu));

        public bool Write(TextWriter o)
        {
            var opt = Options;
            var m = Machine;
            var entrants = opt.Entrants().Where(e => SamplesOf(e).Any()).ToList();
            o.WriteLine();
            o.WriteLine(string.Format(C, "ScanPS engine benchmark: {0:N0} HostedScan scans ({1} pages of {2}) in PowerShell {3}, ScanPS {4} staged at {5}; {6} rounds after {7} warm-up, contenders alternating.",
                opt.Scans, Pages, opt.PageSize, PowerShellVersion, ModuleVersion, ModuleBase, opt.Rounds, opt.WarmupRounds));
            o.WriteLine("Machine: " + m.Cpu + ", " + m.Cores + " cores, " + m.Os + ", " + m.Runtime + ", " + m.Gc + " GC; load average " + m.LoadAtStart + " at start, " + m.LoadAtEnd + " at end.");
            o.WriteLine("Server: pre-rendered pages on loopback in a separate process. Ratios are medians of per-round ratios [p25-p75].");
            o.WriteLine();
            o.WriteLine("| contender | wall time vs floor | CPU time vs floor | wall time vs Get-Scan, same sink | median ms (context) | bytes/scan | GCs/run gen0/1/2 | connections for " + Pages + " pages | requests/run |");
            o.WriteLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var e in entrants)
            {
                var samples = SamplesOf(e).ToList();
                var getScan = new Entrant(Source.GetScan, e.Sink);
                string vsGetScan = e.InEngine && SamplesOf(getScan).Any() ? Range(Ratios(e, getScan)) : "n/a";
                o.WriteLine(string.Format(C, "| {0} | {1} | {2} | {3} | {4:0} | {5:N0} | {6:0}/{7:0}/{8:0} | {9} used, {10} new | {11} |",
                    e.Label.Replace("|", "\\|"), Range(Ratios(e, FloorEntrant)), Range(Ratios(e, FloorEntrant, cpu: true)), vsGetScan,
                    Statistics.Median(samples.Select(s => s.Milliseconds)),
                    Statistics.Median(samples.Select(s => (double)s.AllocatedBytes / opt.Scans)),
                    Statistics.Median(samples.Select(s => (double)s.Gen0)), Statistics.Median(samples.Select(s => (double)s.Gen1)), Statistics.Median(samples.Select(s => (double)s.Gen2)),
                    samples.Max(s => s.Server.ConnectionsUsed), samples.Sum(s => s.Server.ConnectionsAccepted),
                    string.Join("/", samples.Select(s => s.Server.Requests).Distinct())));
            }

            if (Memory.Count > 0)
            {
                o.WriteLine();
                o.WriteLine(string.Format(C, "| memory, in the warm session | live heap peak {0:N0} | live heap peak {1:N0} | difference | working set peak {0:N0} | working set peak {1:N0} | difference |", opt.SmallScans, opt.Scans));
                o.WriteLine("|---|---|---|---|---|---|---|");
                foreach (var row in Memory)
                {
                    o.WriteLine("| " + row.Label.Replace("|", "\\|") + " | " + Mb(row.Small.LivePeak) + " | " + Mb(row.Large.LivePeak) + " | " + Mb(row.Large.LivePeak - row.Small.LivePeak) +
                                " | " + Mb(row.Small.WorkingSetPeak) + " | " + Mb(row.Large.WorkingSetPeak) + " | " + Mb(row.Large.WorkingSetPeak - row.Small.WorkingSetPeak) + " |");
                }

                o.WriteLine();
                o.WriteLine("Live heap: the largest GC.GetTotalMemory(forceFullCollection: true) in the middle of every page (the whole process: engine, runspace and module");
                o.WriteLine("included). Working set: sampled every 100 objects. Both in the session that ran every round before, as a user's session that listed before.");
            }

            if (Import != null && Import.Ratios.Count > 0)
            {
                o.WriteLine();
                o.WriteLine("| Import-Module in a fresh process (runspace already open) | median ms [p25-p75] |");
                o.WriteLine("|---|---|");
                o.WriteLine("| ScanPS (staged) | " + Range(Import.ScanPSMilliseconds, "0") + " |");
                o.WriteLine("| a module of one tiny cmdlet | " + Range(Import.TinyMilliseconds, "0") + " |");
                o.WriteLine("| ratio, per pair | " + Range(Import.Ratios) + " |");
            }

            o.WriteLine();
            bool correct = true;
            o.WriteLine("Checks:");
            foreach (var v in Verifications)
            {
                bool ok = v.Scans == opt.Scans && v.FirstWrongIndex < 0 && v.Server.Requests == Pages && v.Server.Rejected == 0 && v.Errors.Count == 0;
                bool streams = v.RequestsAtFirstObject == 1;
                correct &= ok && streams;
                o.WriteLine(string.Format(C, "  {0} {1}: {2:N0} scans in order over {3} requests; first object out after {4} request(s) (streams: {5}){6}",
                    ok && streams ? "PASS" : "FAIL", v.Entrant.Label, v.Scans, v.Server.Requests, v.RequestsAtFirstObject, streams ? "yes" : "NO",
                    v.Errors.Count > 0 ? "; errors: " + string.Join("; ", v.Errors) : string.Empty));
            }

            foreach (var s in Samples)
            {
                bool complete = s.Server.Requests == Pages && s.Server.Rejected == 0 && s.ScansOut == (s.Entrant.Sink == Sink.Host ? opt.Scans : 0);
                if (!complete)
                {
                    correct = false;
                    o.WriteLine(string.Format(C, "  FAIL {0}, round {1}: {2} objects out, {3} requests", s.Entrant.Label, s.Round + 1, s.ScansOut, s.Server.Requests));
                }
            }

            foreach (var sink in opt.Sinks)
            {
                var getScan = new Entrant(Source.GetScan, sink);
                var irm = new Entrant(Source.IrmLoop, sink);
                if (!SamplesOf(getScan).Any()) continue;
                double ratio = Median(getScan, FloorEntrant);
                Verdict(o, ratio <= GetScanTarget, string.Format(C, "{0}: wall time {1:0.000}x the floor (target <= {2:0.00}x; CPU time {3:0.000}x){4}",
                    getScan.Label, ratio, GetScanTarget, Median(getScan, FloorEntrant, cpu: true), sink == Sink.OutNull ? " [info: Out-Null's own per-object cost is in it]" : sink == Sink.Discard ? " [info: nothing consumes the objects]" : string.Empty), info: sink != Sink.Host);
                if (SamplesOf(irm).Any())
                {
                    double irmRatio = Median(irm, getScan);
                    Verdict(o, irmRatio >= IrmTarget, string.Format(C, "{0} is {1:0.00}x slower than {2} (target >= {3:0}x)", irm.Label, irmRatio, getScan.Label, IrmTarget), info: sink != Sink.Host);
                }

                int used = SamplesOf(getScan).Max(s => s.Server.ConnectionsUsed);
                Verdict(o, used <= 1, getScan.Label + ": at most " + used + " TCP connection(s) per " + Pages + "-page listing (target 1)");
            }

            foreach (var row in Memory.Where(r => !r.KeepsEverything))
            {
                long live = row.Large.LivePeak - row.Small.LivePeak;
                long ws = row.Large.WorkingSetPeak - row.Small.WorkingSetPeak;
                Verdict(o, live <= FlatMemoryTarget, row.Label + ": live heap peak at " + opt.Scans.ToString("N0", C) + " is " + Mb(live) + " above " + opt.SmallScans.ToString("N0", C) + " (target <= 20 MB)");
                Verdict(o, ws <= FlatMemoryTarget, row.Label + ": working set peak at " + opt.Scans.ToString("N0", C) + " is " + Mb(ws) + " above " + opt.SmallScans.ToString("N0", C) + " (target <= 20 MB)");
            }

            if (Import != null && Import.Ratios.Count > 0)
            {
                o.WriteLine(string.Format(C, "  info Import-Module ScanPS takes {0:0.00}x a one-cmdlet module ({1:0} vs {2:0} ms, medians)",
                    Statistics.Median(Import.Ratios), Statistics.Median(Import.ScanPSMilliseconds), Statistics.Median(Import.TinyMilliseconds)));
            }

            return correct;
        }

        public void WriteSamplesCsv(TextWriter o)
        {
            o.WriteLine("round,source,sink,ms,cpu_ms,allocated_bytes,scans_out,gen0,gen1,gen2,requests,connections_used");
            foreach (var s in Samples.OrderBy(s => s.Round))
            {
                o.WriteLine(string.Format(C, "{0},{1},{2},{3:0.0},{4:0.0},{5},{6},{7},{8},{9},{10},{11}",
                    s.Round, s.Entrant.Source, s.Entrant.Sink, s.Milliseconds, s.CpuMilliseconds, s.AllocatedBytes, s.ScansOut, s.Gen0, s.Gen1, s.Gen2, s.Server.Requests, s.Server.ConnectionsUsed));
            }
        }

        private static void Verdict(TextWriter o, bool met, string text, bool info = false) => o.WriteLine("  " + (info ? "info" : met ? "PASS" : "MISS") + " " + text);

        private static string Range(IReadOnlyList<double> values, string format = "0.000") =>
            values.Count == 0 ? "n/a" : Statistics.Median(values).ToString(format, C) + " [" + Statistics.Percentile(values, 0.25).ToString(format, C) + "-" + Statistics.Percentile(values, 0.75).ToString(format, C) + "]";

        private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", C) + " MB";
    }
}
