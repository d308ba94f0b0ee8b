using System;
using System.Diagnostics;
using System.Globalization;
using ScanPS.Benchmarks.Contenders;

namespace ScanPS.Benchmarks.Harness
{
    /// <summary>What one fresh process used to list once.</summary>
    public sealed class PeakResult
    {
        public long Scans { get; set; }

        /// <summary>The process's high-water mark of resident memory (runtime, JIT and GC heap included).</summary>
        public long PeakWorkingSet { get; set; }

        /// <summary>Garbage collections during the run (every generation).</summary>
        public int Collections { get; set; }

        /// <summary>Gen0 size when the last collection started: about the allocation budget the GC lets build up between collections.</summary>
        public long Gen0BeforeLastGc { get; set; }

        /// <summary>
        /// Warm runs only: the largest working set sampled during the measured listing, in a process that had
        /// already listed once (as a PowerShell session that ran an earlier command has). 0 for a fresh run.
        /// </summary>
        public long WarmPeakWorkingSet { get; set; }

        public string ToLine() => string.Format(CultureInfo.InvariantCulture,
            "scans={0} peak_working_set={1} gcs={2} gen0_before_last_gc={3} warm_peak_working_set={4}", Scans, PeakWorkingSet, Collections, Gen0BeforeLastGc, WarmPeakWorkingSet);

        public static bool TryParse(string output, out PeakResult result)
        {
            result = new PeakResult();
            foreach (string part in output.Trim().Split(' ', '\n', '\r'))
            {
                int eq = part.IndexOf('=');
                if (eq < 0 || !long.TryParse(part.AsSpan(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long value)) continue;
                switch (part.Substring(0, eq))
                {
                    case "scans": result.Scans = value; break;
                    case "peak_working_set": result.PeakWorkingSet = value; break;
                    case "gcs": result.Collections = (int)value; break;
                    case "gen0_before_last_gc": result.Gen0BeforeLastGc = value; break;
                    case "warm_peak_working_set": result.WarmPeakWorkingSet = value; break;
                }
            }

            return result.PeakWorkingSet > 0;
        }
    }

    /// <summary>
    /// "peak" mode: list once in this (fresh) process and print the process's peak working set, so the
    /// 10,000 and 100,000 figures are each a whole process's high-water mark, JIT and runtime included alike.
    /// With a warm-up listing, the process first lists that one (uncounted), then samples its working set
    /// through the measured listing: the memory a session that has already run a command would see grow.
    /// </summary>
    public static class PeakRun
    {
        /// <summary>Working-set samples during a warm run: one every this many scans.</summary>
        public const int SampleEvery = 100;

        public static PeakResult Execute(Contender contender, Uri listing, bool keep, Uri? warmUpListing = null)
        {
            using var runner = new ContenderRunner();
            if (warmUpListing != null) runner.Run(contender, warmUpListing, new CountingSink());
            IScanSink inner = keep ? new BufferingSink() : new CountingSink();
            var sampler = warmUpListing != null ? new WorkingSetSampler(inner, SampleEvery) : null;
            int collections = GC.CollectionCount(0);
            runner.Run(contender, listing, (IScanSink?)sampler ?? inner);
            collections = GC.CollectionCount(0) - collections; // a gen1/gen2 collection counts in gen0 too
            long scans = inner is BufferingSink buffer ? buffer.Scans.Count : ((CountingSink)inner).Count;
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            var result = new PeakResult
            {
                Scans = scans,
                PeakWorkingSet = self.PeakWorkingSet64,
                Collections = collections,
                Gen0BeforeLastGc = collections == 0 ? 0 : GC.GetGCMemoryInfo(GCKind.Any).GenerationInfo[0].SizeBeforeBytes,
                WarmPeakWorkingSet = sampler != null ? Math.Max(sampler.MaxWorkingSet, self.WorkingSet64) : 0,
            };
            GC.KeepAlive(inner);
            return result;
        }

        public static int Command(string[] args)
        {
            Contender? contender = null;
            Uri? listing = null;
            bool keep = false;
            Uri? warmUp = null;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--contender": contender = Enum.Parse<Contender>(args[++i], ignoreCase: true); break;
                    case "--listing": listing = new Uri(args[++i]); break;
                    case "--keep": keep = true; break;
                    case "--warm-up": warmUp = new Uri(args[++i]); break;
                    default: throw new ArgumentException("peak: unknown option " + args[i]);
                }
            }

            if (contender == null || listing == null) throw new ArgumentException("peak needs --contender Floor|Core|Seam and --listing <uri> (options: --keep, --warm-up <uri>).");
            Console.WriteLine(Execute(contender.Value, listing, keep, warmUp).ToLine());
            return 0;
        }
    }

    /// <summary>Passes objects on and samples the process's working set every <c>every</c> objects.</summary>
    public sealed class WorkingSetSampler : IScanSink
    {
        private readonly IScanSink _inner;
        private readonly int _every;
        private readonly Process _self = Process.GetCurrentProcess();
        private long _count;

        public WorkingSetSampler(IScanSink inner, int every)
        {
            _inner = inner;
            _every = every;
        }

        public long MaxWorkingSet { get; private set; }

        public int Samples { get; private set; }

        public void Add(string id, object scan)
        {
            _inner.Add(id, scan);
            if (_count++ % _every == 0)
            {
                _self.Refresh();
                MaxWorkingSet = Math.Max(MaxWorkingSet, _self.WorkingSet64);
                Samples++;
            }
        }
    }
}
