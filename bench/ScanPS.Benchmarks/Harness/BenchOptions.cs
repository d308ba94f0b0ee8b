using System;
using System.Globalization;

namespace ScanPS.Benchmarks.Harness
{
    /// <summary>Command-line options of the default (benchmark) mode.</summary>
    public sealed class BenchOptions
    {
        /// <summary>The listing timed side by side (100,000 = 200 pages of 500).</summary>
        public int Scans { get; set; } = 100_000;

        /// <summary>The smaller listing whose memory peak the large one is compared with.</summary>
        public int SmallScans { get; set; } = 10_000;

        public int PageSize { get; set; } = Server.ListingPages.VendorPageSize;

        /// <summary>Measured rounds; each runs every contender once, in the next of the six orders (so a multiple of 6 is balanced).</summary>
        public int Rounds { get; set; } = 18;

        /// <summary>Unmeasured rounds first, so every contender runs fully jitted (tier 1) code.</summary>
        public int WarmupRounds { get; set; } = 3;

        /// <summary>Measure peak working set in a fresh process per contender and size (the "peak" mode).</summary>
        public bool PeakProcesses { get; set; } = true;

        /// <summary>Also write every measured run to this CSV file (round, contender, ms, CPU ms, bytes, GCs).</summary>
        public string? SamplesCsv { get; set; }

        public static BenchOptions Parse(string[] args)
        {
            var options = new BenchOptions();
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--scans": options.Scans = Int(args, ++i); break;
                    case "--small-scans": options.SmallScans = Int(args, ++i); break;
                    case "--page-size": options.PageSize = Int(args, ++i); break;
                    case "--rounds": options.Rounds = Int(args, ++i); break;
                    case "--warmup": options.WarmupRounds = Int(args, ++i); break;
                    case "--no-peak-processes": options.PeakProcesses = false; break;
                    case "--samples": options.SamplesCsv = i + 1 < args.Length ? args[++i] : throw new ArgumentException("--samples needs a file name."); break;
                    default: throw new ArgumentException("Unknown option " + args[i] + ". Options: --scans N --small-scans N --page-size N --rounds N --warmup N --no-peak-processes --samples file.csv");
                }
            }

            if (options.Scans < 1 || options.SmallScans < 1 || options.PageSize < 1 || options.Rounds < 1 || options.WarmupRounds < 0)
            {
                throw new ArgumentException("--scans, --small-scans, --page-size and --rounds must be at least 1; --warmup at least 0.");
            }

            return options;
        }

        internal static int Int(string[] args, int i) =>
            i < args.Length ? int.Parse(args[i], NumberStyles.Integer, CultureInfo.InvariantCulture) : throw new ArgumentException(args[i - 1] + " needs a value.");
    }
}
