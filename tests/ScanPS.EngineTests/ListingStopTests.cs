using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using ScanPS.FakeVendors;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Ctrl+C (PowerShell.Stop()) in the middle of a long Get-Scan listing: the pipeline stops promptly with
    /// PipelineStoppedException, no page is requested after the stop, and the runspace keeps working.
    /// </summary>
    public sealed class ListingStopTests : PipelineTest
    {
        private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

        [Theory]
        [InlineData("HostedScan", "/v1/scans", 5)]
        [InlineData("ProjectDiscovery", "/v1/scans", 5)]
        [InlineData("Invicti", "/api/1.0/scans/list", 200)]
        public void Stop_while_a_page_request_is_in_flight_cancels_it_at_once(string provider, string listPath, int pageSize)
        {
            Seed(provider, pageSize * 3);
            var server = Sandbox.Server(provider);
            // The first page is served at once; the second hangs for a minute unless the request is cancelled.
            server.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = listPath, Kind = FaultKind.Delay, Delay = TimeSpan.Zero });
            server.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = listPath, Kind = FaultKind.Delay, Delay = TimeSpan.FromMinutes(1) });
            using var ps = Engine.Create("Get-Scan -Provider " + provider);
            var output = new PSDataCollection<PSObject>();

            var invocation = ps.BeginInvoke<PSObject, PSObject>(null, output);
            WaitFor(() => server.Requests.Count == 2, "the second page request");
            var stopping = Stopwatch.StartNew();
            ps.Stop();
            stopping.Stop();

            Assert.True(stopping.Elapsed < Prompt, "Stop() took " + stopping.Elapsed);
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(invocation));
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.Equal(pageSize, output.Count);
            AssertNoMoreRequests(server, 2);
            AssertRunspaceStillWorks(provider);
        }

        [Fact]
        public void Stop_while_the_pipeline_is_busy_downstream_requests_no_further_page()
        {
            Seed("HostedScan", 5 * 40);
            var server = Sandbox.HostedScanServer;
            using var ps = Engine.Create("Get-Scan -Provider HostedScan | ForEach-Object { Start-Sleep -Milliseconds 20; $_ }");
            var output = new PSDataCollection<PSObject>();

            var invocation = ps.BeginInvoke<PSObject, PSObject>(null, output);
            WaitFor(() => output.Count >= 12, "12 scans");
            var stopping = Stopwatch.StartNew();
            ps.Stop();
            stopping.Stop();
            int requestsAtStop = server.Requests.Count;

            Assert.True(stopping.Elapsed < Prompt, "Stop() took " + stopping.Elapsed);
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(invocation));
            // Pages are fetched only as scans are needed: at most one page beyond the scans written.
            Assert.InRange(requestsAtStop, 3, (output.Count / 5) + 2);
            AssertNoMoreRequests(server, requestsAtStop);
            Assert.Equal(Enumerable.Range(1, output.Count).Select(n => n.ToString("x24")), output.Select(o => (string)o.Properties["Id"].Value));
            AssertRunspaceStillWorks("HostedScan");
        }

        [Fact]
        public void Stop_during_a_retry_wait_ends_the_listing_without_the_retry()
        {
            // A 503 with Retry-After: 30 on the second page: the retry would wait 30 s; Stop must not.
            Seed("HostedScan", 15);
            var server = Sandbox.HostedScanServer;
            server.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/v1/scans", Kind = FaultKind.Delay, Delay = TimeSpan.Zero });
            server.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/v1/scans", Kind = FaultKind.Status, StatusCode = 503, RetryAfter = "30" });
            using var ps = Engine.Create("Get-Scan -Provider HostedScan");
            var output = new PSDataCollection<PSObject>();

            var invocation = ps.BeginInvoke<PSObject, PSObject>(null, output);
            WaitFor(() => server.Requests.Count == 2, "the second page request");
            Thread.Sleep(200); // the 503 has been answered and the retry is waiting
            var stopping = Stopwatch.StartNew();
            ps.Stop();
            stopping.Stop();

            Assert.True(stopping.Elapsed < Prompt, "Stop() took " + stopping.Elapsed);
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(invocation));
            Assert.Equal(5, output.Count);
            AssertNoMoreRequests(server, 2);
            AssertRunspaceStillWorks("HostedScan");
        }

        private void Seed(string provider, int count)
        {
            switch (provider)
            {
                case "HostedScan":
                    Sandbox.HostedScan.PageSize = 5;
                    Sandbox.HostedScan.SeedScans(count);
                    break;
                case "ProjectDiscovery":
                    Sandbox.ProjectDiscovery.MaxLimit = 5;
                    Sandbox.ProjectDiscovery.SeedScans(count);
                    break;
                default:
                    Sandbox.Invicti.AddWebsite("https://www.example.com/", "Example");
                    Sandbox.Invicti.SeedScans(count);
                    break;
            }
        }

        private static void WaitFor(Func<bool> condition, string what)
        {
            var waited = Stopwatch.StartNew();
            while (!condition())
            {
                if (waited.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException("Waited 20 s for " + what + ".");
                Thread.Sleep(10);
            }
        }

        private static void AssertNoMoreRequests(FakeVendorServer server, int expected)
        {
            Thread.Sleep(300);
            Assert.Equal(expected, server.Requests.Count);
        }

        private void AssertRunspaceStillWorks(string provider)
        {
            Sandbox.Server(provider).Faults.Clear();
            ForgetRequests();
            var after = Engine.Run("Get-Scan -Provider " + provider + " -First 1").ThrowIfFailed();
            Assert.Single(after.Output);
            Assert.Single(Sandbox.Server(provider).Requests);
        }
    }
}
