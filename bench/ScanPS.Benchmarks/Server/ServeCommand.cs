using System;
using System.Linq;
using System.Threading.Tasks;

namespace ScanPS.Benchmarks.Server
{
    /// <summary>
    /// "serve" mode: only the listing server, until stdin closes (the parent process ends it that way) or Ctrl+C.
    /// Shared by both benchmark programs (ScanPS.Benchmarks and ScanPS.Benchmarks.Engine), so each can start
    /// itself as the server process.
    /// </summary>
    public static class ServeCommand
    {
        public static async Task<int> RunAsync(string[] args)
        {
            int[] sizes = { 10_000, 100_000 };
            int pageSize = ListingPages.VendorPageSize;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--sizes": sizes = args[++i].Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray(); break;
                    case "--page-size": pageSize = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                    default: throw new ArgumentException("serve: unknown option " + args[i] + ". Options: --sizes N,N --page-size N");
                }
            }

            await using var server = PrerenderedListingServer.Start(new ListingPages(sizes, pageSize));
            Console.WriteLine(ServerProcess.ReadyLine(server.DataUri, server.ControlUri));
            Console.Out.Flush();
            await Task.Run(() =>
            {
                while (Console.In.ReadLine() != null)
                {
                }
            }).ConfigureAwait(false);
            return 0;
        }
    }
}
