using System;
using System.Linq;
using System.Threading.Tasks;
using ScanPS.Benchmarks.Harness;
using ScanPS.Benchmarks.Server;

namespace ScanPS.Benchmarks
{
    /// <summary>
    /// dotnet run -c Release --project bench/ScanPS.Benchmarks [-- options]   the benchmark (prints the tables)
    ///   ... -- serve --sizes 10000,100000 [--page-size 500]                 only the listing server (ServeCommand)
    ///   ... -- peak --contender Core --listing http://127.0.0.1:p/n100000/  one listing, prints the peak working set
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            try
            {
                if (args.Length > 0 && args[0] == "serve") return await ServeCommand.RunAsync(args.Skip(1).ToArray()).ConfigureAwait(false);
                if (args.Length > 0 && args[0] == "peak") return PeakRun.Command(args.Skip(1).ToArray());
                return Bench(BenchOptions.Parse(args));
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }
        }

        private static int Bench(BenchOptions options)
        {
            Console.WriteLine("Rendering " + options.Scans + " scans in pages of " + options.PageSize + " in the server process...");
            using var server = ServerProcess.Start(new[] { options.SmallScans, options.Scans }, options.PageSize);
            using var control = new ServerControl(server.ControlUri);
            var harness = new BenchmarkHarness(options, server.DataUri, control, Console.Out);
            if (options.PeakProcesses) harness.PeakWorkingSet = BenchmarkHarness.PeakWorkingSetInChildProcess;
            var report = harness.Run();
            if (options.SamplesCsv != null)
            {
                using var csv = new System.IO.StreamWriter(options.SamplesCsv);
                ReportWriter.WriteSamplesCsv(report, csv);
            }

            return ReportWriter.Write(report, Console.Out) ? 0 : 1;
        }
    }
}
