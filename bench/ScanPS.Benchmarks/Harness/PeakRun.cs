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

        public string ToLine() => string.Format(CultureInfo.InvariantCulture,
            "scans={0} peak_working_set={1} gcs={2} gen0_before_last_gc={3}", Scans, PeakWorkingSet, Collections, Gen0BeforeLastGc);

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
                }
            }

            return result.PeakWorkingSet > 0;
        }
    }

    /// <summary>
    /// "peak" mode: list once in this (fresh) process and print the process's peak working set, so the
    /// 10,000 and 100,000 figures are each a whole process's high-water mark, JIT and runtime included alike.
    /// </summary>
    public static class PeakRun
    {
        public static PeakResult Execute(Contender contender, Uri listing, bool keep)
        {
            using var runner = new ContenderRunner();
            IScanSink sink = keep ? new BufferingSink() : new CountingSink();
            int collections = GC.CollectionCount(0);
            runner.Run(contender, listing, sink);
            collections = GC.CollectionCount(0) - collections; // a gen1/gen2 collection counts in gen0 too
            long scans = sink is BufferingSink buffer ? buffer.Scans.Count : ((CountingSink)sink).Count;
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            var result = new PeakResult
            {
                Scans = scans,
                PeakWorkingSet = self.PeakWorkingSet64,
                Collections = collections,
                Gen0BeforeLastGc = collections == 0 ? 0 : GC.GetGCMemoryInfo(GCKind.Any).GenerationInfo[0].SizeBeforeBytes,
            };
            GC.KeepAlive(sink);
            return result;
        }

        public static int Command(string[] args)
        {
            Contender? contender = null;
            Uri? listing = null;
            bool keep = false;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--contender": contender = Enum.Parse<Contender>(args[++i], ignoreCase: true); break;
                    case "--listing": listing = new Uri(args[++i]); break;
                    case "--keep": keep = true; break;
                    default: throw new ArgumentException("peak: unknown option " + args[i]);
                }
            }

            if (contender == null || listing == null) throw new ArgumentException("peak needs --contender Floor|Core|Seam and --listing <uri>.");
            Console.WriteLine(Execute(contender.Value, listing, keep).ToLine());
            return 0;
        }
    }
}
