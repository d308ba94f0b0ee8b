using System;
using System.Linq;
using System.Threading;
using ScanPS.FakeVendors;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers;
using ScanPS.Providers.HostedScan;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>Logic the engine tests (tests/ScanPS.EngineTests/ErrorTests.cs) do not reach: the lifecycle as the fake advances it, and cancellation.</summary>
    public sealed class ErrorMappingTests : HostedScanServerTest
    {
        [Fact]
        public void Get_by_id_refreshes_a_created_scan_as_the_vendor_advances_it()
        {
            var host = new RecordingHost();
            var session = Open();
            ScanOperations.NewScan(host, session, new HostedScanNewScanRequest { Type = "NMAP", Targets = { "example.com" } });
            string id = ((HostedScanScan)host.Output[0]).Id;

            ScanOperations.GetScansById(host, session, new[] { id });
            ScanOperations.GetScansById(host, session, new[] { id });

            Assert.Equal(new[] { ScanState.Queued, ScanState.Running, ScanState.Completed }, host.Output.Cast<HostedScanScan>().Select(s => s.State));
            Assert.Equal(100, ((HostedScanScan)host.Output[2]).Progress);
            Assert.NotEmpty(((HostedScanScan)host.Output[2]).Results);
        }

        [Fact]
        public void Ctrl_C_aborts_an_in_flight_request()
        {
            Server.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(20) });
            using var cancellation = new CancellationTokenSource();
            var host = new RecordingHost { CancellationToken = cancellation.Token };
            // StopProcessing arrives while the request is in flight: cancel once the server holds it.
            var stopper = System.Threading.Tasks.Task.Run(async () =>
            {
                for (int i = 0; i < 500 && ApiRequests.Count == 0; i++) await System.Threading.Tasks.Task.Delay(20);
                cancellation.Cancel();
            });
            var watch = System.Diagnostics.Stopwatch.StartNew();

            Assert.ThrowsAny<OperationCanceledException>(() => ScanOperations.ListScans(host, Open(), new ScanListQuery(), 0, ulong.MaxValue));

            stopper.GetAwaiter().GetResult();
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(12), "cancellation took " + watch.Elapsed);
            Assert.Single(ApiRequests);
            Assert.Empty(host.Output);
        }
    }
}
