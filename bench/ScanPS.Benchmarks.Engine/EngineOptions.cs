using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ScanPS.Benchmarks.Engine
{
    /// <summary>Command-line options of the engine benchmark.</summary>
    public sealed class EngineOptions
    {
        public int Scans { get; set; } = 100_000;

        public int SmallScans { get; set; } = 10_000;

        public int PageSize { get; set; } = Server.ListingPages.VendorPageSize;

        /// <summary>Measured rounds; each runs every contender once, in a rotating (and every other cycle reversed) order.</summary>
        public int Rounds { get; set; } = 12;

        public int WarmupRounds { get; set; } = 2;

        /// <summary>Fresh processes per module for the Import-Module timing (0: skip it).</summary>
        public int ImportRuns { get; set; } = 8;

        public bool Memory { get; set; } = true;

        /// <summary>
        /// The Invoke-RestMethod loop with every sink, not only host output (it takes 20-60x as long as Get-Scan, so a
        /// round with it at every sink is mostly spent in it).
        /// </summary>
        public bool IrmAllSinks { get; set; }

        /// <summary>Leave the Invoke-RestMethod loop out of the rounds (it takes 20-40x as long as the others; for quick looks).</summary>
        public bool SkipIrm { get; set; }

        /// <summary>The sinks the engine contenders run with (host output always; | Out-Null too by default; $null = with --discard-sink).</summary>
        public List<Sink> Sinks { get; } = new List<Sink> { Sink.Host, Sink.OutNull };

        /// <summary>The staged manifest; default: out/ScanPS/&lt;ScanPSVersion&gt;/ScanPS.psd1.</summary>
        public string? Module { get; set; }

        public string? SamplesCsv { get; set; }

        public IReadOnlyList<Entrant> Entrants()
        {
            var list = new List<Entrant> { new Entrant(Source.Floor, Sink.Host) };
            foreach (var sink in Sinks)
            {
                foreach (var source in new[] { Source.FloorInEngine, Source.GetScan, Source.IrmLoop })
                {
                    if (source != Source.IrmLoop || (!SkipIrm && (sink == Sink.Host || (IrmAllSinks && sink == Sink.OutNull)))) list.Add(new Entrant(source, sink));
                }
            }

            return list;
        }

        public static EngineOptions Parse(string[] args)
        {
            var o = new EngineOptions();
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--scans": o.Scans = Int(args, ++i); break;
                    case "--small-scans": o.SmallScans = Int(args, ++i); break;
                    case "--page-size": o.PageSize = Int(args, ++i); break;
                    case "--rounds": o.Rounds = Int(args, ++i); break;
                    case "--warmup": o.WarmupRounds = Int(args, ++i); break;
                    case "--import-runs": o.ImportRuns = Int(args, ++i); break;
                    case "--no-memory": o.Memory = false; break;
                    case "--host-sink-only": o.Sinks.RemoveAll(s => s != Sink.Host); break;
                    case "--skip-irm": o.SkipIrm = true; break;
                    case "--irm-all-sinks": o.IrmAllSinks = true; break;
                    case "--discard-sink": o.Sinks.Add(Sink.Discard); break;
                    case "--module": o.Module = Value(args, ++i); break;
                    case "--samples": o.SamplesCsv = Value(args, ++i); break;
                    default:
                        throw new ArgumentException("Unknown option " + args[i] + ". Options: --scans N --small-scans N --page-size N --rounds N --warmup N --import-runs N --no-memory --host-sink-only --skip-irm --irm-all-sinks --discard-sink --module path.psd1 --samples file.csv");
                }
            }

            if (o.Scans < 1 || o.SmallScans < 1 || o.PageSize < 1 || o.Rounds < 1 || o.WarmupRounds < 0 || o.ImportRuns < 0)
            {
                throw new ArgumentException("--scans, --small-scans, --page-size and --rounds must be at least 1; --warmup and --import-runs at least 0.");
            }

            return o;
        }

        private static int Int(string[] args, int i) => int.Parse(Value(args, i), NumberStyles.Integer, CultureInfo.InvariantCulture);

        private static string Value(string[] args, int i) => i < args.Length ? args[i] : throw new ArgumentException(args[i - 1] + " needs a value.");
    }
}
