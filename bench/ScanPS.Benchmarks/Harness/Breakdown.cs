using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Auth;
using ScanPS.Benchmarks.Contenders;
using ScanPS.Benchmarks.Server;
using ScanPS.Http;
using ScanPS.Providers.HostedScan;

namespace ScanPS.Benchmarks.Harness
{
    /// <summary>
    /// Where the time goes: each half of a listing alone, ScanPS's against the floor's, alternating in rounds like
    /// the main benchmark. Reading: the same pages parsed from memory (no HTTP) into the floor's records and by
    /// ScanPS's HostedScanScanConverter. HTTP: the same 200 requests with the bodies drained unparsed, through a
    /// plain HttpClient and through ScanPS's VendorHttpClient (Polly time-outs and retry, auth, verbose log).
    /// Information for whoever tunes ScanPS next; the targets are judged on whole listings only.
    /// </summary>
    public static class Breakdown
    {
        /// <summary>Distinct pages kept in memory for the reading half; cycled to make up the listing's page count.</summary>
        private const int DistinctPages = 10;

        public static List<BreakdownRow> Run(BenchOptions options, Uri listing, TextWriter progress)
        {
            int pages = ListingPages.PageCount(options.Scans, options.PageSize);
            var bodies = Enumerable.Range(0, Math.Min(DistinctPages, pages))
                .Select(p => ListingPages.RenderPage(p * options.PageSize, Math.Min(options.PageSize, options.Scans - p * options.PageSize), ListingPages.PageToken(p + 1)))
                .ToArray();
            var reading = new BreakdownRow("reading " + pages + " pages from memory (no HTTP)", "STJ into the floor's records", "HostedScanScanConverter (HostedScanScan objects)");
            var http = new BreakdownRow("HTTP only: " + pages + " GETs, bodies drained unparsed", "HttpClient.GetAsync", "VendorHttpClient (Polly, auth, log)");

            using var plain = new HttpClient();
            plain.DefaultRequestHeaders.TryAddWithoutValidation(HostedScanClient.ApiKeyHeader, ContenderRunner.BenchApiKey);
            var credential = new ApiKeyCredential(ApiKeyCredential.ToSecureString(ContenderRunner.BenchApiKey), "benchmark");
            var vendor = new VendorHttpClient(ScanPS.ProviderNames.HostedScan, listing, HostedScanClient.Authorizer(credential), new RequestLog(bodiesEnabled: false));

            int total = options.WarmupRounds + options.Rounds;
            progress.WriteLine("Breakdown: reading and HTTP apart, " + options.Rounds + " rounds.");
            for (int round = 0; round < total; round++)
            {
                bool measured = round >= options.WarmupRounds;
                bool scanPSFirst = round % 2 == 1;
                Pair(reading, measured, scanPSFirst,
                    () => ReadAll(bodies, pages, FloorPageScans),
                    () => ReadAll(bodies, pages, ScanPSPageScans));
                Pair(http, measured, scanPSFirst,
                    () => DrainAll(pages, page => plain.GetAsync(new Uri(listing, PageUri(page)), HttpCompletionOption.ResponseHeadersRead)),
                    () => DrainAll(pages, page => vendor.SendAsync(new VendorRequest(HttpMethod.Get, PageUri(page), RequestKind.Read), CancellationToken.None)));
            }

            return new List<BreakdownRow> { reading, http };
        }

        /// <summary>The relative URI of page <paramref name="page"/> (0-based) as the listing asks for it.</summary>
        public static string PageUri(int page) => page == 0 ? "v1/scans" : "v1/scans?page_token=" + Uri.EscapeDataString(ListingPages.PageToken(page));

        private static void Pair(BreakdownRow row, bool measured, bool scanPSFirst, Func<long> baseline, Func<long> scanPS)
        {
            Measurement b, s;
            if (scanPSFirst)
            {
                s = Measure(scanPS);
                b = Measure(baseline);
            }
            else
            {
                b = Measure(baseline);
                s = Measure(scanPS);
            }

            if (b.Count != s.Count) throw new InvalidOperationException(row.Part + ": the two sides handled different amounts (" + b.Count + " vs " + s.Count + ").");
            if (!measured) return;
            row.Baseline.Add(b);
            row.ScanPS.Add(s);
        }

        private static Measurement Measure(Func<long> run)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            long count = run();
            stopwatch.Stop();
            return new Measurement(stopwatch.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - allocated, count);
        }

        private static long ReadAll(byte[][] bodies, int pages, Func<Stream, long> read)
        {
            long scans = 0;
            for (int i = 0; i < pages; i++)
            {
                using var stream = new MemoryStream(bodies[i % bodies.Length], writable: false);
                scans += read(stream);
            }

            return scans;
        }

        private static long FloorPageScans(Stream body)
        {
            var page = JsonSerializer.DeserializeAsync(body, FloorJsonContext.Default.FloorPage).AsTask().GetAwaiter().GetResult();
            long count = 0;
            foreach (var scan in page!.Data!) count += scan.Id != null ? 1 : 0;
            return count;
        }

        private static long ScanPSPageScans(Stream body)
        {
            var page = JsonSerializer.DeserializeAsync(body, HostedScanJsonContext.Default.HostedScanListEnvelope).AsTask().GetAwaiter().GetResult();
            long count = 0;
            foreach (var scan in page!.Data!) count += scan != null ? 1 : 0;
            return count;
        }

        /// <summary>Sends every page's GET and copies each body to nowhere; returns the bytes received.</summary>
        private static long DrainAll(int pages, Func<int, Task<HttpResponseMessage>> send)
        {
            return Task.Run(async () =>
            {
                var sink = new CountingStream();
                for (int page = 0; page < pages; page++)
                {
                    using var response = await send(page).ConfigureAwait(false);
                    response.EnsureSuccessStatusCode();
                    using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    await body.CopyToAsync(sink).ConfigureAwait(false);
                }

                return sink.Length;
            }).GetAwaiter().GetResult();
        }

        /// <summary>Counts what is written and keeps nothing.</summary>
        private sealed class CountingStream : Stream
        {
            private long _length;

            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => _length;
            public override long Position { get => _length; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => _length += count;
            public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
            public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            {
                _length += buffer.Length;
                return default;
            }
        }
    }

    /// <summary>One timed run of one side of a breakdown pair: time, bytes allocated, and how much it handled (scans or body bytes).</summary>
    public readonly struct Measurement
    {
        public Measurement(double milliseconds, long allocatedBytes, long count)
        {
            Milliseconds = milliseconds;
            AllocatedBytes = allocatedBytes;
            Count = count;
        }

        public double Milliseconds { get; }
        public long AllocatedBytes { get; }
        public long Count { get; }
    }

    /// <summary>One part of the breakdown: the baseline's and ScanPS's runs, paired by round.</summary>
    public sealed class BreakdownRow
    {
        public BreakdownRow(string part, string baselineLabel, string scanPSLabel)
        {
            Part = part;
            BaselineLabel = baselineLabel;
            ScanPSLabel = scanPSLabel;
        }

        public string Part { get; }
        public string BaselineLabel { get; }
        public string ScanPSLabel { get; }
        public List<Measurement> Baseline { get; } = new List<Measurement>();
        public List<Measurement> ScanPS { get; } = new List<Measurement>();

        public IReadOnlyList<double> Ratios => ScanPS.Zip(Baseline, (s, b) => s.Milliseconds / b.Milliseconds).ToList();
    }
}
