using System.Collections.Generic;
using System.Linq;
using ScanPS.Benchmarks.Contenders;
using ScanPS.Benchmarks.Server;

namespace ScanPS.Benchmarks.Harness
{
    /// <summary>Everything one benchmark run measured; <see cref="ReportWriter"/> prints it.</summary>
    public sealed class BenchReport
    {
        public BenchReport(BenchOptions options, MachineInfo machine)
        {
            Options = options;
            Machine = machine;
        }

        public BenchOptions Options { get; }

        public MachineInfo Machine { get; set; }

        public List<Verification> Verifications { get; } = new List<Verification>();

        public List<RunSample> Samples { get; } = new List<RunSample>();

        public List<MemoryRow> Memory { get; } = new List<MemoryRow>();

        /// <summary>Reading and HTTP timed apart (information, not a target).</summary>
        public List<BreakdownRow> Breakdown { get; } = new List<BreakdownRow>();

        public int Pages => ListingPages.PageCount(Options.Scans, Options.PageSize);

        public IEnumerable<RunSample> SamplesOf(Contender contender) => Samples.Where(s => s.Contender == contender);

        public double MedianMilliseconds(Contender contender) => Statistics.Median(SamplesOf(contender).Select(s => s.Milliseconds));

        public double MedianBytesPerScan(Contender contender) => Statistics.Median(SamplesOf(contender).Select(s => (double)s.AllocatedBytes / s.Scans));

        /// <summary>Per-round ratios to the floor's run in the same round: the pairs share the machine's load.</summary>
        public IReadOnlyList<double> TimeRatios(Contender contender)
        {
            var floor = SamplesOf(Contender.Floor).ToDictionary(s => s.Round);
            return SamplesOf(contender).Where(s => floor.ContainsKey(s.Round)).Select(s => s.Milliseconds / floor[s.Round].Milliseconds).ToList();
        }

        /// <summary>Per-round ratios of client CPU time to the floor's in the same round.</summary>
        public IReadOnlyList<double> CpuRatios(Contender contender)
        {
            var floor = SamplesOf(Contender.Floor).ToDictionary(s => s.Round);
            return SamplesOf(contender).Where(s => floor.ContainsKey(s.Round)).Select(s => s.CpuMilliseconds / floor[s.Round].CpuMilliseconds).ToList();
        }

        /// <summary>Fastest run over the floor's fastest run: the runs least disturbed by other work on the machine.</summary>
        public double BestTimeRatio(Contender contender) => SamplesOf(contender).Min(s => s.Milliseconds) / SamplesOf(Contender.Floor).Min(s => s.Milliseconds);

        public double AllocationRatio(Contender contender) => MedianBytesPerScan(contender) / MedianBytesPerScan(Contender.Floor);
    }

    /// <summary>One timed run of one contender over the large listing.</summary>
    public sealed class RunSample
    {
        public Contender Contender { get; set; }
        public int Round { get; set; }
        public double Milliseconds { get; set; }

        /// <summary>CPU time the client process used during the run (user + kernel, every thread).</summary>
        public double CpuMilliseconds { get; set; }
        public long Scans { get; set; }
        public long AllocatedBytes { get; set; }
        public int Gen0 { get; set; }
        public int Gen1 { get; set; }
        public int Gen2 { get; set; }
        public ServerStats Server { get; set; } = new ServerStats(0, 0, 0, 0);
    }

    /// <summary>The untimed correctness run of one contender.</summary>
    public sealed class Verification
    {
        public Contender Contender { get; set; }
        public long Scans { get; set; }
        public long FirstWrongIndex { get; set; }
        public int RequestsAtFirstObject { get; set; }
        public ServerStats Server { get; set; } = new ServerStats(0, 0, 0, 0);
    }

    /// <summary>Memory of one contender at the small and the large listing.</summary>
    public sealed class MemoryRow
    {
        public string Label { get; set; } = string.Empty;
        public Contender Contender { get; set; }

        /// <summary>The control row: the floor keeping every record (what a buffered listing costs).</summary>
        public bool KeepsEverything { get; set; }

        public long LivePeakSmall { get; set; }
        public long LivePeakLarge { get; set; }

        /// <summary>A fresh process that ran the small listing once; null when not measured.</summary>
        public PeakResult? PeakSmall { get; set; }

        public PeakResult? PeakLarge { get; set; }

        public long? WorkingSetSmall => PeakSmall?.PeakWorkingSet;

        public long? WorkingSetLarge => PeakLarge?.PeakWorkingSet;

        /// <summary>Warm runs (after the same warm-up listing): the working set reached during the measured listing.</summary>
        public PeakResult? WarmSmall { get; set; }

        public PeakResult? WarmLarge { get; set; }

        public long? WarmWorkingSetSmall => WarmSmall?.WarmPeakWorkingSet;

        public long? WarmWorkingSetLarge => WarmLarge?.WarmPeakWorkingSet;
    }
}
