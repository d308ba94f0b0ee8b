using System;
using System.Globalization;
using System.IO;
using System.Linq;
using ScanPS.Benchmarks.Contenders;

namespace ScanPS.Benchmarks.Harness
{
    /// <summary>Prints the tables and the verdict on each target.</summary>
    public static class ReportWriter
    {
        public const double TimeRatioTarget = 1.10;
        public const double AllocationRatioTarget = 1.5;
        public const long FlatMemoryTarget = 20L * 1024 * 1024;
        public const int ConnectionTarget = 2;

        private static readonly CultureInfo C = CultureInfo.InvariantCulture;

        /// <summary>Writes the report; returns false when a correctness check failed (timing targets only warn: they depend on the machine).</summary>
        public static bool Write(BenchReport report, TextWriter o)
        {
            var opt = report.Options;
            var m = report.Machine;
            o.WriteLine();
            o.WriteLine(string.Format(C, "ScanPS listing benchmark: {0:N0} HostedScan scans ({1} pages of {2}), {3} rounds after {4} warm-up, contenders alternating.",
                opt.Scans, report.Pages, opt.PageSize, opt.Rounds, opt.WarmupRounds));
            o.WriteLine("Machine: " + m.Cpu + ", " + m.Cores + " cores, " + m.Os + ", " + m.Runtime + ", " + m.Gc + " GC; load average " + m.LoadAtStart + " at start, " + m.LoadAtEnd + " at end.");
            o.WriteLine("Server: pre-rendered pages on loopback in a separate process (its work is not in the client's figures).");
            o.WriteLine();

            o.WriteLine("| contender | wall-time ratio to floor, median [p25-p75] | best-run ratio | CPU-time ratio, median [p25-p75] | median ms (context) | bytes/scan | alloc ratio | GCs/run gen0/1/2 | connections for " + report.Pages + " pages | requests/run |");
            o.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (Contender c in Enum.GetValues(typeof(Contender)))
            {
                var samples = report.SamplesOf(c).ToList();
                if (samples.Count == 0) continue;
                var ratios = report.TimeRatios(c);
                o.WriteLine(string.Format(C, "| {0} | {1:0.000} [{2:0.000}-{3:0.000}] | {13:0.000} | {14:0.000} [{15:0.000}-{16:0.000}] | {4:0} | {5:N0} | {6:0.00} | {7:0}/{8:0}/{9:0} | {10} used, {11} new | {12} |",
                    ContenderRunner.Describe(c),
                    Statistics.Median(ratios), Statistics.Percentile(ratios, 0.25), Statistics.Percentile(ratios, 0.75),
                    report.MedianMilliseconds(c), report.MedianBytesPerScan(c), report.AllocationRatio(c),
                    Statistics.Median(samples.Select(s => (double)s.Gen0)), Statistics.Median(samples.Select(s => (double)s.Gen1)), Statistics.Median(samples.Select(s => (double)s.Gen2)),
                    samples.Max(s => s.Server.ConnectionsUsed), samples.Sum(s => s.Server.ConnectionsAccepted),
                    string.Join("/", samples.Select(s => s.Server.Requests).Distinct()),
                    report.BestTimeRatio(c), Statistics.Median(report.CpuRatios(c)),
                    Statistics.Percentile(report.CpuRatios(c), 0.25), Statistics.Percentile(report.CpuRatios(c), 0.75)));
            }

            if (report.Breakdown.Count > 0)
            {
                o.WriteLine();
                o.WriteLine("Where the time goes: each half alone, ScanPS's side against a baseline, alternating per round (information, not a target).");
                o.WriteLine();
                o.WriteLine("| part | baseline | ScanPS side | time ratio, median [p25-p75] | median ms baseline / ScanPS | allocated per run baseline / ScanPS |");
                o.WriteLine("|---|---|---|---|---|---|");
                foreach (var row in report.Breakdown)
                {
                    var ratios = row.Ratios;
                    o.WriteLine(string.Format(C, "| {0} | {1} | {2} | {3:0.000} [{4:0.000}-{5:0.000}] | {6:0} / {7:0} | {8} / {9} |",
                        row.Part, row.BaselineLabel, row.ScanPSLabel,
                        Statistics.Median(ratios), Statistics.Percentile(ratios, 0.25), Statistics.Percentile(ratios, 0.75),
                        Statistics.Median(row.Baseline.Select(m => m.Milliseconds)), Statistics.Median(row.ScanPS.Select(m => m.Milliseconds)),
                        Mb((long)Statistics.Median(row.Baseline.Select(m => (double)m.AllocatedBytes))), Mb((long)Statistics.Median(row.ScanPS.Select(m => (double)m.AllocatedBytes)))));
                }
            }

            o.WriteLine();
            o.WriteLine(string.Format(C, "| memory | live heap peak {0:N0} | live heap peak {1:N0} | difference | working set, warm session {0:N0} | warm session {1:N0} | difference | peak working set, fresh process {0:N0} | fresh process {1:N0} | difference | GCs fresh {0:N0} / {1:N0} | gen0 before last GC {1:N0} |", opt.SmallScans, opt.Scans));
            o.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var row in report.Memory)
            {
                o.WriteLine("| " + row.Label + " | " + Mb(row.LivePeakSmall) + " | " + Mb(row.LivePeakLarge) + " | " + Mb(row.LivePeakLarge - row.LivePeakSmall) +
                            " | " + Mb(row.WarmWorkingSetSmall) + " | " + Mb(row.WarmWorkingSetLarge) + " | " + Difference(row.WarmWorkingSetSmall, row.WarmWorkingSetLarge) +
                            " | " + Mb(row.WorkingSetSmall) + " | " + Mb(row.WorkingSetLarge) + " | " + Difference(row.WorkingSetSmall, row.WorkingSetLarge) + " | " +
                            (row.PeakSmall != null && row.PeakLarge != null ? row.PeakSmall.Collections + " / " + row.PeakLarge.Collections : "n/a") + " | " +
                            Mb(row.PeakLarge?.Gen0BeforeLastGc) + " |");
            }

            o.WriteLine();
            o.WriteLine("Live heap: the largest GC.GetTotalMemory(forceFullCollection: true) taken in the middle of every page (the whole client process's managed heap).");
            o.WriteLine("Working set, warm session: a process that has already listed " + opt.Scans.ToString("N0", C) + " scans once (as a PowerShell session that ran an earlier");
            o.WriteLine("command has) lists again; the largest working set sampled every " + PeakRun.SampleEvery + " scans of that second listing.");
            o.WriteLine("Peak working set, fresh process: the high-water mark of a process that lists once (runtime and JIT included alike). It also");
            o.WriteLine("holds garbage the GC has not collected yet: a run that allocates less than one gen0 budget never collects, so compare with the floor's row.");
            o.WriteLine();

            bool correct = true;
            o.WriteLine("Checks:");
            foreach (var v in report.Verifications)
            {
                bool ok = v.Scans == opt.Scans && v.FirstWrongIndex < 0 && v.Server.Requests == report.Pages && v.Server.Rejected == 0;
                bool streams = v.RequestsAtFirstObject == 1;
                correct &= ok && streams;
                o.WriteLine(string.Format(C, "  {0} {1}: {2:N0} scans in order over {3} requests; first object out after {4} request(s) (streams: {5})",
                    ok && streams ? "PASS" : "FAIL", ContenderRunner.Describe(v.Contender), v.Scans, v.Server.Requests, v.RequestsAtFirstObject, streams ? "yes" : "NO"));
            }

            double coreRatio = Statistics.Median(report.TimeRatios(Contender.Core));
            Verdict(o, coreRatio <= TimeRatioTarget, string.Format(C, "ScanPS.Core wall time {0:0.000}x the floor (target <= {1:0.00}x; best runs {2:0.000}x, CPU time {3:0.000}x)",
                coreRatio, TimeRatioTarget, report.BestTimeRatio(Contender.Core), Statistics.Median(report.CpuRatios(Contender.Core))));
            o.WriteLine(string.Format(C, "  info cmdlet seam wall time {0:0.000}x the floor (best runs {1:0.000}x, CPU time {2:0.000}x)",
                Statistics.Median(report.TimeRatios(Contender.Seam)), report.BestTimeRatio(Contender.Seam), Statistics.Median(report.CpuRatios(Contender.Seam))));
            double allocation = report.AllocationRatio(Contender.Core);
            Verdict(o, allocation <= AllocationRatioTarget, string.Format(C, "ScanPS.Core allocates {0:0.00}x the floor per scan (target <= {1:0.0}x)", allocation, AllocationRatioTarget));
            foreach (var row in report.Memory.Where(r => !r.KeepsEverything && r.Contender != Contender.Floor))
            {
                long live = row.LivePeakLarge - row.LivePeakSmall;
                Verdict(o, live <= FlatMemoryTarget, row.Label + ": live heap peak at " + opt.Scans.ToString("N0", C) + " is " + Mb(live) + " above " + opt.SmallScans.ToString("N0", C) + " (target <= 20 MB)");
                if (row.WarmWorkingSetLarge.HasValue && row.WarmWorkingSetSmall.HasValue)
                {
                    long ws = row.WarmWorkingSetLarge.Value - row.WarmWorkingSetSmall.Value;
                    Verdict(o, ws <= FlatMemoryTarget, row.Label + ": working set in a warm session at " + opt.Scans.ToString("N0", C) + " is " + Mb(ws) + " above " + opt.SmallScans.ToString("N0", C) + " (target <= 20 MB)");
                }

                var floorRow = report.Memory.FirstOrDefault(r => r.Contender == Contender.Floor && !r.KeepsEverything);
                if (row.WorkingSetLarge.HasValue && row.WorkingSetSmall.HasValue && floorRow?.WorkingSetLarge != null && floorRow.WorkingSetSmall.HasValue)
                {
                    o.WriteLine("  info " + row.Label + ": fresh-process peak at " + opt.Scans.ToString("N0", C) + " is " + Mb(row.WorkingSetLarge.Value - row.WorkingSetSmall.Value) +
                                " above " + opt.SmallScans.ToString("N0", C) + " (the floor: " + Mb(floorRow.WorkingSetLarge.Value - floorRow.WorkingSetSmall.Value) + "; the first gen0 budget, see above)");
                }
            }

            foreach (var c in new[] { Contender.Core, Contender.Seam })
            {
                int used = report.SamplesOf(c).Max(s => s.Server.ConnectionsUsed);
                Verdict(o, used <= ConnectionTarget, ContenderRunner.Describe(c) + ": at most " + used + " TCP connection(s) per " + report.Pages + "-page listing (target <= " + ConnectionTarget + ")");
            }

            return correct;
        }

        /// <summary>Every measured run, one line each, for a closer look at the spread.</summary>
        public static void WriteSamplesCsv(BenchReport report, TextWriter o)
        {
            o.WriteLine("round,contender,ms,cpu_ms,allocated_bytes,scans,gen0,gen1,gen2,requests,connections_used");
            foreach (var s in report.Samples.OrderBy(s => s.Round))
            {
                o.WriteLine(string.Format(C, "{0},{1},{2:0.0},{3:0.0},{4},{5},{6},{7},{8},{9},{10}",
                    s.Round, s.Contender, s.Milliseconds, s.CpuMilliseconds, s.AllocatedBytes, s.Scans, s.Gen0, s.Gen1, s.Gen2, s.Server.Requests, s.Server.ConnectionsUsed));
            }
        }

        private static void Verdict(TextWriter o, bool met, string text) => o.WriteLine("  " + (met ? "PASS" : "MISS") + " " + text);

        private static string Difference(long? small, long? large) => small.HasValue && large.HasValue ? Mb(large.Value - small.Value) : "n/a";

        private static string Mb(long? bytes) => bytes.HasValue ? (bytes.Value / 1048576.0).ToString("0.0", C) + " MB" : "n/a";
    }
}
