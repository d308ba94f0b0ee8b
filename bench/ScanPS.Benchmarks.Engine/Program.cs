using System;
using System.Linq;
using System.Threading.Tasks;
using ScanPS.Benchmarks.Server;

namespace ScanPS.Benchmarks.Engine
{
    /// <summary>
    /// dotnet run -c Release --project bench/ScanPS.Benchmarks.Engine [-- options]   the engine benchmark (prints the tables)
    ///   ... -- serve --sizes 10000,100000 [--page-size 500]                         only the listing server
    ///   ... -- import --module path.psd1                                            one timed Import-Module in this fresh process
    ///   ... -- loop --source GetScan --sink Host --scans 100000 --runs 5            one contender again and again (for a profiler)
    ///   ... -- report --mib 100 --runs 3                                            Save-ScanReport's memory while streaming a large file
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            try
            {
                if (args.Length > 0 && args[0] == "serve") return await ServeCommand.RunAsync(args.Skip(1).ToArray()).ConfigureAwait(false);
                if (args.Length > 0 && args[0] == "import") return ImportTimer.Command(args.Skip(1).ToArray());
                if (args.Length > 0 && args[0] == "loop") return LoopCommand.Run(args.Skip(1).ToArray());
                if (args.Length > 0 && args[0] == "report") return ReportCommand.Run(args.Skip(1).ToArray());
                return Bench(EngineOptions.Parse(args));
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }
        }

        private static int Bench(EngineOptions options)
        {
            Console.WriteLine("Rendering " + options.Scans + " scans in pages of " + options.PageSize + " in the server process...");
            using var server = ServerProcess.Start(new[] { options.SmallScans, options.Scans }.Distinct().ToArray(), options.PageSize);
            using var control = new ServerControl(server.ControlUri);
            var report = new EngineHarness(options, server.DataUri, control, Console.Out).Run();
            if (options.SamplesCsv != null)
            {
                using var csv = new System.IO.StreamWriter(options.SamplesCsv);
                report.WriteSamplesCsv(csv);
            }

            return report.Write(Console.Out) ? 0 : 1;
        }
    }
}
