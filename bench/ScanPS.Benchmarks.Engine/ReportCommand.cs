using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ScanPS.Benchmarks.Engine
{
    /// <summary>
    /// "report" mode: Save-ScanReport streaming a large HostedScan result (100 MiB by default) in the engine, against a
    /// raw HttpClient copy of the same file to disk (ResponseHeadersRead, CopyToAsync into a FileStream), alternating in
    /// one process. For each run: the peak working set and the peak GC heap above what they were when the run began
    /// (sampled every 10 ms on a thread of their own), and the bytes allocated. Flat memory means the peaks stay far
    /// below the file's size, whatever its size. The loopback server in this process generates the file as it sends it
    /// (64 KiB writes, no file held in memory), the same for both contenders.
    ///   dotnet run -c Release --project bench/ScanPS.Benchmarks.Engine -- report [--mib 100] [--runs 3]
    /// </summary>
    public static class ReportCommand
    {
        private const string ScanId = "b0000000000000000000000a";
        private const string ResultId = "b0000000000000000000000b";

        public static int Run(string[] args)
        {
            long mib = 100;
            int runs = 3;
            string? module = null;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--mib": mib = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--module": module = args[++i]; break;
                    default: throw new ArgumentException("report: unknown option " + args[i] + ". Options: --mib N --runs N --module path");
                }
            }

            long length = mib * 1024 * 1024;
            string folder = Directory.CreateTempSubdirectory("scanps-report-bench-").FullName;
            using var server = new ReportServer(length);
            using var session = new EngineSession(module ?? ModuleLocator.StagedManifest());
            using var http = new HttpClient();
            session.Set("base", server.BaseUri);
            session.Set("folder", folder);
            Console.WriteLine("Save-ScanReport vs HttpClient stream-to-file, " + mib + " MiB, " + runs + " runs each, alternating; " + Environment.ProcessorCount + " CPUs, .NET " + Environment.Version);
            try
            {
                // A warm-up of each (JIT, the module's first session), at 1/10 of the size, not reported.
                server.Length = Math.Max(1, length / 10);
                Baseline(http, server, folder);
                SaveScanReport(session, server, folder);
                server.Length = length;
                for (int run = 1; run <= runs; run++)
                {
                    bool baselineFirst = run % 2 == 1;
                    for (int turn = 0; turn < 2; turn++)
                    {
                        bool baseline = (turn == 0) == baselineFirst;
                        var figures = Measure(() =>
                        {
                            if (baseline) Baseline(http, server, folder);
                            else SaveScanReport(session, server, folder);
                        });
                        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                            "{0,-42} run {1}: {2,7:0} ms, peak working set +{3,6:0.0} MB, peak GC heap +{4,6:0.0} MB, allocated {5,7:0.0} MB",
                            baseline ? "HttpClient CopyToAsync to a FileStream" : "Save-ScanReport -Provider HostedScan", run, figures.Milliseconds, figures.WorkingSetMb, figures.HeapMb, figures.AllocatedMb));
                    }

                    // The control: the same file read whole into memory, then written; shows what the sampling sees when a
                    // download is buffered (about the file's size on both peaks).
                    var control = Measure(() => Buffered(http, server, folder));
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                        "{0,-42} run {1}: {2,7:0} ms, peak working set +{3,6:0.0} MB, peak GC heap +{4,6:0.0} MB, allocated {5,7:0.0} MB",
                        "control: whole body in memory, then file", run, control.Milliseconds, control.WorkingSetMb, control.HeapMb, control.AllocatedMb));
                }
            }
            finally
            {
                Directory.Delete(folder, true);
            }

            return 0;
        }

        private static void Baseline(HttpClient http, ReportServer server, string folder)
        {
            string path = Path.Combine(folder, "baseline.pdf");
            using (var response = http.GetAsync(new Uri(server.BaseUri, "v1/results/" + ResultId), HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult())
            {
                response.EnsureSuccessStatusCode();
                using var body = response.Content.ReadAsStreamAsync().GetAwaiter().GetResult();
                using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                body.CopyToAsync(file).GetAwaiter().GetResult();
            }

            Check(path, server.Length);
        }

        private static void Buffered(HttpClient http, ReportServer server, string folder)
        {
            string path = Path.Combine(folder, "buffered.pdf");
            byte[] body = http.GetByteArrayAsync(new Uri(server.BaseUri, "v1/results/" + ResultId)).GetAwaiter().GetResult();
            File.WriteAllBytes(path, body);
            Check(path, server.Length);
        }

        private static void SaveScanReport(EngineSession session, ReportServer server, string folder)
        {
            string path = Path.Combine(folder, "HostedScan-" + ScanId + ".pdf");
            var output = session.Invoke("Save-ScanReport -Provider HostedScan -ScanId '" + ScanId + "' -BaseUri $base -ApiKey $key -Path $folder -Force -ErrorAction Stop");
            if (output.Count != 1 || !(output[0].BaseObject is FileInfo)) throw new InvalidOperationException("Save-ScanReport wrote " + output.Count + " objects.");
            Check(path, server.Length);
        }

        private static void Check(string path, long length)
        {
            long actual = new FileInfo(path).Length;
            if (actual != length) throw new InvalidOperationException(path + " has " + actual + " bytes, not " + length + ".");
            File.Delete(path);
        }

        private readonly struct Figures
        {
            public Figures(double milliseconds, double workingSetMb, double heapMb, double allocatedMb)
            {
                Milliseconds = milliseconds;
                WorkingSetMb = workingSetMb;
                HeapMb = heapMb;
                AllocatedMb = allocatedMb;
            }

            public double Milliseconds { get; }
            public double WorkingSetMb { get; }
            public double HeapMb { get; }
            public double AllocatedMb { get; }
        }

        private static Figures Measure(Action action)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var process = Process.GetCurrentProcess();
            process.Refresh();
            long workingSetBefore = process.WorkingSet64;
            long heapBefore = GC.GetTotalMemory(false);
            long allocatedBefore = GC.GetTotalAllocatedBytes(false);
            long peakWorkingSet = workingSetBefore, peakHeap = heapBefore;
            using var stop = new ManualResetEventSlim();
            var sampler = new Thread(() =>
            {
                using var self = Process.GetCurrentProcess();
                do
                {
                    self.Refresh();
                    peakWorkingSet = Math.Max(peakWorkingSet, self.WorkingSet64);
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                }
                while (!stop.Wait(10));
            }) { IsBackground = true };
            sampler.Start();
            var stopwatch = Stopwatch.StartNew();
            action();
            stopwatch.Stop();
            stop.Set();
            sampler.Join();
            const double Mb = 1024 * 1024;
            return new Figures(stopwatch.Elapsed.TotalMilliseconds, (peakWorkingSet - workingSetBefore) / Mb, (peakHeap - heapBefore) / Mb, (GC.GetTotalAllocatedBytes(false) - allocatedBefore) / Mb);
        }

        /// <summary>
        /// A loopback HTTP/1.1 server of two routes, as HostedScan answers them: GET /v1/scans/{id} (a SUCCEEDED scan with
        /// one application/pdf result) and GET /v1/results/{id} (Length bytes, generated in 64 KiB writes). Keep-alive.
        /// </summary>
        private sealed class ReportServer : IDisposable
        {
            private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
            private readonly CancellationTokenSource _stop = new CancellationTokenSource();

            public ReportServer(long length)
            {
                Length = length;
                _listener.Start();
                BaseUri = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/");
                _ = Task.Run(AcceptAsync);
            }

            public Uri BaseUri { get; }

            public long Length { get; set; }

            public void Dispose()
            {
                _stop.Cancel();
                _listener.Stop();
            }

            private async Task AcceptAsync()
            {
                while (!_stop.IsCancellationRequested)
                {
                    TcpClient client;
                    try
                    {
                        client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        return;
                    }

                    _ = Task.Run(() => ServeAsync(client));
                }
            }

            private async Task ServeAsync(TcpClient client)
            {
                using (client)
                {
                    var stream = client.GetStream();
                    var chunk = new byte[65536];
                    for (int i = 0; i < chunk.Length; i++) chunk[i] = (byte)('a' + (i % 26));
                    try
                    {
                        while (true)
                        {
                            string? path = await ReadRequestPathAsync(stream).ConfigureAwait(false);
                            if (path == null) return;
                            if (path.StartsWith("/v1/scans/", StringComparison.Ordinal))
                            {
                                string json = "{\"data\":{\"id\":\"" + ScanId + "\",\"state\":\"SUCCEEDED\",\"type\":\"OPENVAS\",\"targets\":[\"example.com\"],\"results\":[{\"result_id\":\"" + ResultId + "\",\"content_type\":\"application/pdf\"}]}}";
                                byte[] body = Encoding.UTF8.GetBytes(json);
                                await WriteHeadAsync(stream, "application/json", body.Length).ConfigureAwait(false);
                                await stream.WriteAsync(body).ConfigureAwait(false);
                            }
                            else
                            {
                                long length = Length;
                                await WriteHeadAsync(stream, "application/pdf", length).ConfigureAwait(false);
                                for (long sent = 0; sent < length; sent += chunk.Length)
                                {
                                    await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - sent))).ConfigureAwait(false);
                                }
                            }
                        }
                    }
                    catch (IOException)
                    {
                    }
                }
            }

            private static Task WriteHeadAsync(NetworkStream stream, string contentType, long length) =>
                stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n")).AsTask();

            /// <summary>The path of the next request on the connection (headers read to the blank line), or null at its end.</summary>
            private static async Task<string?> ReadRequestPathAsync(NetworkStream stream)
            {
                var head = new StringBuilder();
                var one = new byte[1];
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
                {
                    if (await stream.ReadAsync(one).ConfigureAwait(false) == 0) return null;
                    head.Append((char)one[0]);
                }

                string first = head.ToString().Split("\r\n")[0];
                string[] parts = first.Split(' ');
                return parts.Length > 1 ? parts[1] : "/";
            }
        }
    }
}
