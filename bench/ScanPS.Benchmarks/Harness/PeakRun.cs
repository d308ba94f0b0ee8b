using System;
using System.Diagnostics;
using System.Globalization;
using ScanPS.Benchmarks.Contenders;

namespace ScanPS.Benchmarks.Harness
{
    /// <summary>
    /// "peak" mode: list once in this (fresh) process and print the process's peak working set, so the
    /// 10,000 and 100,000 figures are each a whole process's high-water mark, JIT and runtime included alike.
    /// </summary>
    public static class PeakRun
    {
        /// <summary>Lists once and returns (scans, peak working set in bytes).</summary>
        public static (long Scans, long PeakWorkingSet) Execute(Contender contender, Uri listing, bool keep)
        {
            using var runner = new ContenderRunner();
            IScanSink sink = keep ? new BufferingSink() : new CountingSink();
            runner.Run(contender, listing, sink);
            long scans = sink is BufferingSink buffer ? buffer.Scans.Count : ((CountingSink)sink).Count;
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            long peak = self.PeakWorkingSet64;
            GC.KeepAlive(sink);
            return (scans, peak);
        }

        public static string Format(long scans, long peak) =>
            "scans=" + scans.ToString(CultureInfo.InvariantCulture) + " peak_working_set=" + peak.ToString(CultureInfo.InvariantCulture);

        public static bool TryParse(string output, out long peak)
        {
            peak = 0;
            int at = output.IndexOf("peak_working_set=", StringComparison.Ordinal);
            if (at < 0) return false;
            string value = output.Substring(at + "peak_working_set=".Length).Trim().Split(' ', '\n', '\r')[0];
            return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out peak) && peak > 0;
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
            var (scans, peak) = Execute(contender.Value, listing, keep);
            Console.WriteLine(Format(scans, peak));
            return 0;
        }
    }
}
