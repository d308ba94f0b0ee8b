using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ScanPS.Benchmarks.Engine;
using ScanPS.Benchmarks.Server;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Runs the engine benchmark (bench/ScanPS.Benchmarks.Engine) once on a tiny listing, so it cannot rot: every
    /// contender in the real engine lists every scan in order, streaming, over the pages the server counts.
    /// Asserts what the benchmark relies on (objects, requests, connections, the report's checks), never timings.
    /// </summary>
    public sealed class EngineBenchmarkSmokeTests : IAsyncLifetime
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

        [Fact]
        public void The_engine_benchmark_runs_every_phase_once_and_its_report_passes_the_correctness_checks()
        {
            var options = new EngineOptions { Scans = Scans, SmallScans = 6, PageSize = PageSize, Rounds = 1, WarmupRounds = 0, ImportRuns = 1, IrmAllSinks = true, Module = StagedModule.Manifest };
            options.Sinks.Add(Sink.Discard);
            var progress = new StringWriter();

            var report = new EngineHarness(options, _server.DataUri, _control, progress).Run();

            Assert.Equal("7.6.10", report.PowerShellVersion);
            Assert.Equal(Path.TrimEndingDirectorySeparator(StagedModule.Folder), Path.TrimEndingDirectorySeparator(report.ModuleBase));
            // Every host-output contender: all 12 ids in order, the first object out after page 1 only, 3 pages, no errors.
            Assert.Equal(new[] { Source.Floor, Source.FloorInEngine, Source.GetScan, Source.IrmLoop }, report.Verifications.Select(v => v.Entrant.Source));
            Assert.All(report.Verifications, v => Assert.Equal((12L, -1L, 1, 3, 0), (v.Scans, v.FirstWrongIndex, v.RequestsAtFirstObject, v.Server.Requests, v.Errors.Count)));
            Assert.Equal(1, report.Verifications.Single(v => v.Entrant.Source == Source.GetScan).Server.ConnectionsUsed);

            // One round of 9: the floor; floor/Get-Scan/IRM to the host and through Out-Null; floor/Get-Scan to $null.
            // Only the host sink hands objects to the host.
            Assert.Equal(9, report.Samples.Count);
            Assert.All(report.Samples, s => Assert.Equal((0, 3), (s.Round, s.Server.Requests)));
            Assert.All(report.Samples, s => Assert.Equal(s.Entrant.Sink == Sink.Host ? 12L : 0L, s.ScansOut));
            Assert.All(report.Samples.Where(s => s.Entrant.Source == Source.GetScan), s => Assert.Equal(1, s.Server.ConnectionsUsed));
            Assert.Equal(new[] { 1.0 }, report.Ratios(EngineReport.FloorEntrant, EngineReport.FloorEntrant));

            Assert.Equal(3, report.Memory.Count);
            Assert.All(report.Memory, m => Assert.Equal((6L, 12L), (m.Small.Scans, m.Large.Scans)));
            Assert.All(report.Memory, m => Assert.True(m.Small.LivePeak > 0 && m.Large.WorkingSetPeak > 0));
            Assert.True(report.Memory[2].KeepsEverything);

            // Import-Module timed in fresh processes (this program's "import" mode), ScanPS and the tiny module.
            Assert.NotNull(report.Import);
            Assert.Single(report.Import!.Ratios);
            Assert.True(report.Import.ScanPSMilliseconds[0] > 0 && report.Import.TinyMilliseconds[0] > 0);

            var text = new StringWriter();
            Assert.True(report.Write(text), text.ToString());
            var lines = text.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.Contains(lines, l => l.StartsWith("| floor: HttpClient + STJ records (C#, no engine) | 1.000 [1.000-1.000] |", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("| Get-Scan -Provider HostedScan \\| Out-Null |", StringComparison.Ordinal));
            Assert.Equal(4, lines.Count(l => l.StartsWith("  PASS ", StringComparison.Ordinal) && l.Contains("12 scans in order over 3 requests; first object out after 1 request(s) (streams: yes)", StringComparison.Ordinal)));
            Assert.Contains(lines, l => l.StartsWith("  PASS Get-Scan -Provider HostedScan (host output): at most 1 TCP connection(s) per 3-page listing", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("| ratio, per pair |", StringComparison.Ordinal));
        }

        [Fact]
        public void The_scripts_are_what_a_user_types()
        {
            Assert.Equal("Get-Scan -Provider HostedScan -BaseUri $listing -ApiKey $key", EngineSession.Script(new Entrant(Source.GetScan, Sink.Host)));
            Assert.Equal("Get-Scan -Provider HostedScan -BaseUri $listing -ApiKey $key | Out-Null", EngineSession.Script(new Entrant(Source.GetScan, Sink.OutNull)));
            Assert.Equal("& {\n$floor\n} | Out-Null", EngineSession.Script(new Entrant(Source.FloorInEngine, Sink.OutNull)));
            Assert.Equal("$null = Get-Scan -Provider HostedScan -BaseUri $listing -ApiKey $key", EngineSession.Script(new Entrant(Source.GetScan, Sink.Discard)));
            // The loop to the host only by default (it dominates a round); never with $null =.
            Assert.Equal(new[] { Sink.Host }, new EngineOptions().Entrants().Where(e => e.Source == Source.IrmLoop).Select(e => e.Sink));
            Assert.Equal(new[] { Sink.Host, Sink.OutNull }, new EngineOptions { IrmAllSinks = true }.Entrants().Where(e => e.Source == Source.IrmLoop).Select(e => e.Sink));
            Assert.StartsWith("& {\n$headers = @{ 'X-HOSTEDSCAN-API-KEY' = $plainKey }", EngineSession.Script(new Entrant(Source.IrmLoop, Sink.OutNull)), StringComparison.Ordinal);
            var order = Enumerable.Range(0, 4).Select(r => EngineHarness.Order(new[] { new Entrant(Source.Floor, Sink.Host), new Entrant(Source.GetScan, Sink.Host) }, r).Select(e => e.Source).ToArray()).ToList();
            // Rotated each round, and every other cycle of n rounds reversed.
            Assert.Equal(new[] { new[] { Source.Floor, Source.GetScan }, new[] { Source.GetScan, Source.Floor }, new[] { Source.GetScan, Source.Floor }, new[] { Source.Floor, Source.GetScan } }, order);
        }
    }
}
