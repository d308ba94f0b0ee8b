using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ScanPS.Benchmarks.Contenders;
using ScanPS.Benchmarks.Harness;
using ScanPS.Benchmarks.Server;
using ScanPS.Models;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// Runs the benchmark's code paths (bench/ScanPS.Benchmarks) once on a tiny listing, so they cannot rot.
    /// Asserts what the benchmark relies on (the objects, the requests, the counters), never how long anything took.
    /// </summary>
    public sealed class BenchmarkSmokeTests : IAsyncLifetime
    {
        private const int Scans = 12;
        private const int PageSize = 5; // 3 pages: 5, 5, 2

        private PrerenderedListingServer _server = null!;
        private ServerControl _control = null!;

        public Task InitializeAsync()
        {
            _server = PrerenderedListingServer.Start(new ListingPages(new[] { 6, Scans }, PageSize));
            _control = new ServerControl(_server.ControlUri);
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            _control.Dispose();
            await _server.DisposeAsync();
        }

        private Uri Listing(int scans = Scans) => PrerenderedListingServer.ListingBaseUri(_server.DataUri, scans);

        [Theory]
        [InlineData(Contender.Floor)]
        [InlineData(Contender.Core)]
        [InlineData(Contender.Seam)]
        public void Each_contender_lists_every_scan_in_order_streaming_over_one_connection(Contender contender)
        {
            using var runner = new ContenderRunner();
            _control.Reset();
            var sink = new VerifyingSink(_control.Stats);

            runner.Run(contender, Listing(), sink);

            Assert.Equal(Scans, sink.Count);
            Assert.Equal(-1, sink.FirstWrongIndex);
            Assert.Equal(1, sink.RequestsAtFirstObject);
            var stats = _control.Stats();
            Assert.Equal(3, stats.Requests);
            Assert.Equal(1, stats.ConnectionsUsed);
            Assert.Equal(0, stats.Rejected);
        }

        [Fact]
        public void The_floor_and_ScanPS_hand_out_the_same_information_for_each_scan()
        {
            using var runner = new ContenderRunner();
            var floor = new KeepingSink();
            var core = new KeepingSink();
            var seam = new KeepingSink();

            runner.Run(Contender.Floor, Listing(), floor);
            runner.Run(Contender.Core, Listing(), core);
            runner.Run(Contender.Seam, Listing(), seam);

            var floorScans = floor.Scans.Cast<FloorScan>().ToList();
            var coreScans = core.Scans.Cast<HostedScanScan>().ToList();
            Assert.Equal(Enumerable.Range(0, Scans).Select(ListingPages.ScanId), floorScans.Select(s => s.Id));
            Assert.Equal(floorScans.Select(s => s.Id), coreScans.Select(s => s.Id));
            Assert.Equal(coreScans.Select(s => s.Id), seam.Scans.Cast<HostedScanScan>().Select(s => s.Id));
            for (int i = 0; i < Scans; i++)
            {
                var f = floorScans[i];
                var c = coreScans[i];
                Assert.Equal("HostedScan", c.Provider);
                Assert.Equal(f.Type, c.Type);
                Assert.Equal(f.State, c.VendorState);
                Assert.Equal(f.Progress, c.Progress);
                Assert.Equal(f.RequestedTargets!.Select(t => t.Target), c.Targets);
                Assert.Equal(f.ResolvedTargets!.Select(t => t.ResolvedTarget), c.ResolvedTargets.Select(t => t.ResolvedTarget));
                Assert.Equal(f.SkippedTargets!.Select(t => t.SkippedReason), c.SkippedTargets.Select(t => t.SkippedReason));
                Assert.Equal(f.Results!.Select(r => r.ResultId + " " + r.ContentType), c.Results.Select(r => r.ResultId + " " + r.ContentType));
                Assert.Equal(f.Risks!.StillOpen!.Select(r => r.RiskId), c.StillOpenRiskIds);
            }

            // Scan 0 as rendered: RUNNING NMAP at 0 %, two targets, one skipped, two still-open risks, no results yet.
            var first = coreScans[0];
            Assert.Equal("NMAP", first.Type);
            Assert.Equal(ScanState.Running, first.State);
            Assert.Equal(0, first.Progress);
            Assert.Equal(new[] { "host-0.example.com", "10.0.0.0" }, first.Targets);
            Assert.Equal(new[] { "63c1d2e30000000000000015", "63c1d2e30000000000000016" }, first.StillOpenRiskIds);
            Assert.Empty(first.Results);
            Assert.Equal("Target resolves to a private IP address", Assert.Single(first.SkippedTargets).SkippedReason);
            // Scan 4: SUCCEEDED NMAP_UDP at 100 % with the four result files.
            Assert.Equal("NMAP_UDP", coreScans[4].Type);
            Assert.Equal(ScanState.Completed, coreScans[4].State);
            Assert.Equal(100, coreScans[4].Progress);
            Assert.Equal(new[] { "text/html", "application/pdf", "application/xml", "application/json" }, coreScans[4].Results.Select(r => r.ContentType));
        }

        [Fact]
        public async Task The_server_refuses_a_request_without_the_api_key_and_unknown_listings()
        {
            using var http = new HttpClient();
            _control.Reset();

            var noKey = await http.GetAsync(new Uri(Listing(), "v1/scans"));
            http.DefaultRequestHeaders.Add("X-HostedScan-Api-Key", "k");
            var unknownSize = await http.GetAsync(new Uri(Listing(7), "v1/scans"));
            var unknownPage = await http.GetAsync(new Uri(Listing(), "v1/scans?page_token=000009x"));
            var page2 = await http.GetAsync(new Uri(Listing(), "v1/scans?page_token=" + ListingPages.PageToken(2)));

            Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, unknownSize.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, unknownPage.StatusCode);
            Assert.Equal(HttpStatusCode.OK, page2.StatusCode);
            Assert.Equal("application/json; charset=utf-8", page2.Content.Headers.ContentType!.ToString());
            string body = await page2.Content.ReadAsStringAsync();
            Assert.StartsWith("{\"data\":[{\"id\":\"" + ListingPages.ScanId(10) + "\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain("next_page_token", body, StringComparison.Ordinal); // the last page
            var stats = _control.Stats();
            Assert.Equal(1, stats.Requests);
            Assert.Equal(3, stats.Rejected);
            Assert.Equal(1, stats.ConnectionsAccepted);
        }

        [Fact]
        public void The_harness_runs_every_phase_once_and_the_report_passes_its_correctness_checks()
        {
            var options = new BenchOptions { Scans = Scans, SmallScans = 6, PageSize = PageSize, Rounds = 1, WarmupRounds = 0 };
            var progress = new StringWriter();
            var harness = new BenchmarkHarness(options, _server.DataUri, _control, progress)
            {
                PeakWorkingSet = (contender, listing, keep, warmUp) => PeakRun.Execute(contender, listing, keep, warmUp),
            };

            var report = harness.Run();

            Assert.Equal(new[] { Contender.Floor, Contender.Core, Contender.Seam }, report.Verifications.Select(v => v.Contender));
            Assert.All(report.Verifications, v => Assert.Equal((Scans, -1L, 1, 3), (v.Scans, v.FirstWrongIndex, v.RequestsAtFirstObject, v.Server.Requests)));
            Assert.Equal(3, report.Samples.Count);
            Assert.All(report.Samples, s => Assert.Equal((0, (long)Scans, 3, 1), (s.Round, s.Scans, s.Server.Requests, s.Server.ConnectionsUsed)));
            Assert.All(report.Samples, s => Assert.True(s.AllocatedBytes > 0 && s.Milliseconds > 0));
            Assert.Equal(new[] { 1.0 }, report.TimeRatios(Contender.Floor));
            Assert.Equal(new[] { "floor: HttpClient + STJ records", "ScanPS.Core HostedScan listing", "ScanPS cmdlet seam (ListScans)", "control: floor keeping every record" },
                report.Memory.Select(m => m.Label));
            Assert.All(report.Memory, m => Assert.True(m.LivePeakSmall > 0 && m.LivePeakLarge > 0 && m.WorkingSetSmall > 0 && m.WorkingSetLarge > 0));
            // Warm runs list the large listing first, then sample through the measured one; fresh runs do not sample.
            Assert.All(report.Memory, m => Assert.Equal((6L, (long)Scans), (m.WarmSmall!.Scans, m.WarmLarge!.Scans)));
            Assert.All(report.Memory, m => Assert.True(m.WarmWorkingSetSmall > 0 && m.WarmWorkingSetLarge > 0));
            Assert.All(report.Memory, m => Assert.Equal((0L, 0L), (m.PeakSmall!.WarmPeakWorkingSet, m.PeakLarge!.WarmPeakWorkingSet)));

            // The breakdown: both halves ran once per side over the same work (12 scans read; the 3 bodies drained).
            Assert.Equal(2, report.Breakdown.Count);
            Assert.All(report.Breakdown, row => Assert.Equal((1, 1), (row.Baseline.Count, row.ScanPS.Count)));
            var reading = report.Breakdown[0];
            Assert.Equal(((long)Scans, (long)Scans), (reading.Baseline[0].Count, reading.ScanPS[0].Count));
            long bodyBytes = ListingPages.RenderPage(0, 5, ListingPages.PageToken(1)).Length + ListingPages.RenderPage(5, 5, ListingPages.PageToken(2)).Length + ListingPages.RenderPage(10, 2, null).Length;
            var http = report.Breakdown[1];
            Assert.Equal((bodyBytes, bodyBytes), (http.Baseline[0].Count, http.ScanPS[0].Count));
            Assert.Equal(new[] { "v1/scans", "v1/scans?page_token=" + ListingPages.PageToken(2) }, new[] { Breakdown.PageUri(0), Breakdown.PageUri(2) });

            var text = new StringWriter();
            Assert.True(ReportWriter.Write(report, text));
            var lines = text.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.Contains(lines, l => l.StartsWith("| contender | wall-time ratio to floor", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("| floor: HttpClient + STJ records | 1.000 [1.000-1.000] |", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("| memory | live heap peak 6 | live heap peak 12 | difference | working set, warm session 6 | warm session 12 |", StringComparison.Ordinal));
            Assert.Equal(2, lines.Count(l => l.Contains(": working set in a warm session at 12 is ", StringComparison.Ordinal)));
            Assert.Contains(lines, l => l.StartsWith("| reading 3 pages from memory (no HTTP) | STJ into the floor's records | HostedScanScanConverter", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("| HTTP only: 3 GETs, bodies drained unparsed | HttpClient.GetAsync | VendorHttpClient", StringComparison.Ordinal));
            Assert.Equal(3, lines.Count(l => l.StartsWith("  PASS ", StringComparison.Ordinal) && l.Contains("12 scans in order over 3 requests; first object out after 1 request(s)", StringComparison.Ordinal)));
        }

        [Fact]
        public void Serve_and_peak_modes_run_as_child_processes()
        {
            using var server = ServerProcess.Start(new[] { 6 }, PageSize);
            using var control = new ServerControl(server.ControlUri);
            control.Reset();

            var listing = PrerenderedListingServer.ListingBaseUri(server.DataUri, 6);
            var peak = BenchmarkHarness.PeakWorkingSetInChildProcess(Contender.Core, listing, keep: false, warmUp: null);
            var warm = BenchmarkHarness.PeakWorkingSetInChildProcess(Contender.Core, listing, keep: false, warmUp: listing);

            Assert.Equal((6L, 6L), (peak.Scans, warm.Scans));
            Assert.True(peak.PeakWorkingSet > 1024 * 1024, "peak working set " + peak.PeakWorkingSet);
            Assert.Equal(0, peak.WarmPeakWorkingSet);
            Assert.True(warm.WarmPeakWorkingSet > 1024 * 1024, "warm working set " + warm.WarmPeakWorkingSet);
            var stats = control.Stats();
            // 2 pages for the fresh run; 2 + 2 for the warm one (warm-up, then the measured listing); one connection per process.
            Assert.Equal((6, 2, 2, 0), (stats.Requests, stats.ConnectionsUsed, stats.ConnectionsAccepted, stats.Rejected));
        }

        [Fact]
        public void Stats_and_ready_lines_round_trip()
        {
            var stats = ServerStats.Parse(new ServerStats(200, 1, 0, 3).ToLine());
            Assert.Equal((200, 1, 0, 3), (stats.Requests, stats.ConnectionsUsed, stats.ConnectionsAccepted, stats.Rejected));
            Assert.Throws<FormatException>(() => ServerStats.Parse("requests=1"));

            Assert.True(ServerProcess.TryParseReadyLine(ServerProcess.ReadyLine(new Uri("http://127.0.0.1:5/"), new Uri("http://127.0.0.1:6/")), out var data, out var control));
            Assert.Equal((5, 6), (data.Port, control.Port));
            var line = new PeakResult { Scans = 12, PeakWorkingSet = 123456789, Collections = 3, Gen0BeforeLastGc = 4096, WarmPeakWorkingSet = 98765 }.ToLine();
            Assert.True(PeakResult.TryParse(line + "\n", out var peak));
            Assert.Equal((12L, 123456789L, 3, 4096L, 98765L), (peak.Scans, peak.PeakWorkingSet, peak.Collections, peak.Gen0BeforeLastGc, peak.WarmPeakWorkingSet));
            Assert.False(PeakResult.TryParse("scans=12", out _));
        }

        private sealed class KeepingSink : IScanSink
        {
            public List<object> Scans { get; } = new List<object>();

            public void Add(string id, object scan)
            {
                Assert.Same(id, scan is FloorScan f ? f.Id : ((Scan)scan).Id);
                Scans.Add(scan);
            }
        }
    }
}
