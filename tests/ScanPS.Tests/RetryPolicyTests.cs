using System;
using System.Net;
using System.Net.Http;
using ScanPS.Errors;
using ScanPS.FakeVendors;
using ScanPS.Http;
using ScanPS.Operations;
using ScanPS.Providers.HostedScan;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    public sealed class RetryPolicyTests : HostedScanServerTest
    {
        private static HostedScanNewScanRequest Create() => new HostedScanNewScanRequest { Type = "NMAP", Targets = { "example.com" } };

        [Fact]
        public void A_GET_survives_429_with_Retry_After_and_waits_as_told()
        {
            Vendor.SeedScans(3);
            Server.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/v1/scans", Kind = FaultKind.Status, StatusCode = 429, RetryAfter = "1" });
            var host = new RecordingHost();
            var watch = System.Diagnostics.Stopwatch.StartNew();

            ScanOperations.ListScans(host, Open(), new ScanListQuery(), 0, ulong.MaxValue);

            Assert.Equal(3, host.Output.Count);
            Assert.Empty(host.Errors);
            Assert.Equal(2, ApiRequests.Count);
            Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), "Retry-After: 1 must be honoured, waited " + watch.Elapsed);
            Assert.Contains(host.Verbose, line => line.Contains("after 429 in 1 s (Retry-After)"));
        }

        [Fact]
        public void A_GET_survives_a_burst_of_503s()
        {
            Vendor.SeedScans(2);
            Server.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.Status, StatusCode = 503, Times = 3 });
            var host = new RecordingHost();

            ScanOperations.ListScans(host, Open(), new ScanListQuery(), 0, ulong.MaxValue);

            Assert.Equal(2, host.Output.Count);
            Assert.Equal(4, ApiRequests.Count);
            Assert.Equal(new[] { "attempt 1", "attempt 2", "attempt 3", "attempt 4" },
                host.Verbose.FindAll(l => l.Contains(" -> ")).ConvertAll(l => l.Substring(l.LastIndexOf("attempt", StringComparison.Ordinal)).TrimEnd(')')));
        }

        [Fact]
        public void A_GET_survives_dropped_connections_and_malformed_bodies_are_not_retried()
        {
            Vendor.SeedScans(2);
            Server.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.DropConnection, Times = 2 });
            var host = new RecordingHost();

            ScanOperations.ListScans(host, Open(), new ScanListQuery(), 0, ulong.MaxValue);

            Assert.Equal(2, host.Output.Count);
            Assert.Equal(3, ApiRequests.Count);
        }

        [Fact]
        public void A_GET_that_keeps_failing_reports_VendorUnavailable_after_the_retry_budget()
        {
            Server.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.Status, StatusCode = 503, Times = 10, Body = "{\"error\":\"maintenance window\"}" });

            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.ListScans(new RecordingHost(), Open(), new ScanListQuery(), 0, ulong.MaxValue));

            Assert.Equal("VendorUnavailable", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.ResourceUnavailable, ex.Error.Category);
            Assert.Equal(503, ex.Error.StatusCode);
            Assert.Equal("maintenance window", ex.Error.Details);
            Assert.Equal(4, ApiRequests.Count); // 1 + MaxRetries (3)
        }

        [Theory]
        [InlineData(500)]
        [InlineData(502)]
        [InlineData(503)]
        [InlineData(504)]
        public void A_create_that_gets_a_5xx_is_sent_once(int status)
        {
            Server.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Status, StatusCode = status, Times = 5 });
            var host = new RecordingHost();

            ScanOperations.NewScan(host, Open(), Create());

            Assert.Single(ApiRequests);
            var error = Assert.Single(host.Errors);
            Assert.Equal("VendorUnavailable", error.ErrorId);
            Assert.Contains("may or may not have acted", error.RecommendedAction);
            Assert.Empty(host.Output);
        }

        [Fact]
        public void A_create_whose_connection_drops_after_sending_is_sent_once_and_says_it_may_have_been_created()
        {
            Server.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.DropConnection, Times = 5 });

            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.NewScan(new RecordingHost(), Open(), Create()));

            Assert.Equal("ConnectionFailed", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.ConnectionError, ex.Error.Category);
            Assert.Contains("may or may not have acted", ex.Message);
            Assert.Single(ApiRequests);
        }

        [Fact]
        public void A_create_that_times_out_is_not_retried()
        {
            var settings = FastSettings;
            settings.AttemptTimeout = TimeSpan.FromSeconds(1);
            var session = Open(settings: settings);
            // Warm the connection and the server first, so the timeout can only come from the delayed POST.
            ScanOperations.ListScans(new RecordingHost(), session, new ScanListQuery(), 0, ulong.MaxValue);
            Server.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(10), Times = 5 });
            var host = new RecordingHost();

            ScanOperations.NewScan(host, session, Create());

            var error = Assert.Single(host.Errors);
            Assert.Equal("VendorTimeout", error.ErrorId);
            Assert.Equal(ScanPSErrorCategory.OperationTimeout, error.Category);
            Assert.Contains("may or may not have been acted on", error.Message);
            Assert.Single(ApiRequests, r => r.Method == "POST");
        }

        [Fact]
        public void A_create_that_gets_429_is_not_repeated_and_the_error_says_how_long_to_wait()
        {
            Server.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Status, StatusCode = 429, RetryAfter = "7", Body = "{\"error\":\"Too many scans\"}" });
            var host = new RecordingHost();

            ScanOperations.NewScan(host, Open(), Create());

            Assert.Single(ApiRequests, r => r.Method == "POST");
            Assert.Empty(host.Output);
            var error = Assert.Single(host.Errors);
            Assert.Equal(("RateLimitExceeded", ScanPSErrorCategory.LimitsExceeded, 429), (error.ErrorId, error.Category, error.StatusCode));
            Assert.Contains("Too many scans", error.Message + " " + error.Details);
            Assert.Equal("Nothing was created: HostedScan limits the request rate. Wait 7 s (the vendor's Retry-After) and run the command again.", error.RecommendedAction);
        }

        [Fact]
        public void A_create_is_retried_when_the_connection_was_refused_before_sending()
        {
            int port;
            using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            var log = new RequestLog(false);
            var http = new VendorHttpClient("HostedScan", new Uri("http://127.0.0.1:" + port + "/"), new HttpClient(), _ => { }, log, FastSettings);

            var ex = Assert.Throws<ScanPSException>(() =>
                http.SendAsync(new VendorRequest(HttpMethod.Post, "v1/scans", RequestKind.Create) { JsonBody = new byte[] { (byte)'{', (byte)'}' } }, default).GetAwaiter().GetResult());

            Assert.Equal("ConnectionFailed", ex.ErrorId);
            Assert.Contains("after 4 attempts", ex.Message);
            Assert.DoesNotContain("may or may not", ex.Message);
        }

        [Fact]
        public void A_Retry_After_longer_than_the_limit_is_reported_instead_of_waited_for()
        {
            Server.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.Status, StatusCode = 429, RetryAfter = "3600", Body = "{\"error\":\"slow down\"}" });

            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.ListScans(new RecordingHost(), Open(), new ScanListQuery(), 0, ulong.MaxValue));

            Assert.Equal("RateLimitExceeded", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.LimitsExceeded, ex.Error.Category);
            Assert.Equal("slow down", ex.Error.Details);
            Assert.Single(ApiRequests);
        }

        [Fact]
        public void Retry_After_is_read_as_seconds_or_as_an_HTTP_date()
        {
            var now = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
            var seconds = new HttpResponseMessage((HttpStatusCode)429);
            seconds.Headers.TryAddWithoutValidation("Retry-After", "7");
            var date = new HttpResponseMessage((HttpStatusCode)429);
            date.Headers.TryAddWithoutValidation("Retry-After", "Sat, 21 Nov 2026 10:00:30 GMT");
            var past = new HttpResponseMessage((HttpStatusCode)429);
            past.Headers.TryAddWithoutValidation("Retry-After", "Sat, 21 Nov 2026 09:00:00 GMT");

            Assert.Equal(TimeSpan.FromSeconds(7), RetryRules.RetryAfter(seconds, now));
            Assert.Equal(TimeSpan.FromSeconds(30), RetryRules.RetryAfter(date, now));
            Assert.Equal(TimeSpan.Zero, RetryRules.RetryAfter(past, now));
            Assert.Null(RetryRules.RetryAfter(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), now));
        }

        [Theory]
        [InlineData(RequestKind.Read, 429, true)]
        [InlineData(RequestKind.Read, 502, true)]
        [InlineData(RequestKind.Read, 503, true)]
        [InlineData(RequestKind.Read, 504, true)]
        [InlineData(RequestKind.Read, 500, false)]
        [InlineData(RequestKind.Read, 404, false)]
        [InlineData(RequestKind.Create, 429, false)]
        [InlineData(RequestKind.Create, 500, false)]
        [InlineData(RequestKind.Create, 502, false)]
        [InlineData(RequestKind.Create, 503, false)]
        [InlineData(RequestKind.Create, 504, false)]
        public void Retryable_statuses_depend_on_whether_the_request_creates_something(RequestKind kind, int status, bool expected)
        {
            Assert.Equal(expected, RetryRules.IsRetryableStatus(kind, (HttpStatusCode)status));
        }
    }
}
