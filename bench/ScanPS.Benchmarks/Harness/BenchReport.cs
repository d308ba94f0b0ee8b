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

        public double AllocationRatio(Contender contender) => MedianBytesPerScan(contender) / MedianBytesPerScan(Contender.Floor);
    }

    /// <summary>One timed run of one contender over the large listing.</summary>
    public sealed class RunSample
    {
        public Contender Contender { get; set; }
        public int Round { get; set; }
        public double Milliseconds { get; set; }
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

        /// <summary>Peak working set of a fresh process that ran the listing once; null when not measured.</summary>
        public long? WorkingSetSmall { get; set; }

        public long? WorkingSetLarge { get; set; }
    }
}
