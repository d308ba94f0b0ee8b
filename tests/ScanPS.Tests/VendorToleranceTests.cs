using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.FakeVendors;
using ScanPS.Http;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers.HostedScan;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// Answers a server may give that the vendor documents allow, though our fakes do not give them by default:
    /// ScanPS reads them instead of refusing them.
    /// </summary>
    public sealed class HostedScanToleranceTests : HostedScanServerTest
    {
        [Fact]
        public void A_null_data_with_no_next_page_is_an_empty_listing()
        {
            Server.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.Status, StatusCode = 200, Body = "{\"data\":null}" });
            var host = new RecordingHost();

            ScanOperations.ListScans(host, Open(), new ScanListQuery(), 0, ulong.MaxValue);

            Assert.Empty(host.Output);
            Assert.Empty(host.Errors);
            Assert.Single(ApiRequests);
        }

        [Theory]
        [InlineData("text/plain", "{\"data\":[{\"id\":\"a\",\"state\":\"QUEUED\"}]}", true)]
        [InlineData("text/html; charset=utf-8", "{\"data\":[{\"id\":\"a\",\"state\":\"QUEUED\"}]}", true)]
        [InlineData("text/html", "<!DOCTYPE html><html><head><title>Sign in</title></head></html>", false)]
        [InlineData("text/plain", "{\"data\":[{\"id\":5}]}", false)]
        public void A_2xx_labelled_as_text_is_read_when_it_is_the_expected_json(string contentType, string body, bool read)
        {
            var handler = new FixedAnswer(contentType, body);
            var log = new RequestLog(false);
            var http = new VendorHttpClient("HostedScan", new Uri("http://127.0.0.1:9/"), new HttpClient(handler), _ => { }, log);
            var client = new HostedScanClient(http);

            if (read)
            {
                var scans = client.ListScansAsync(new ScanListQuery(), default).ToListAsync().AsTask().GetAwaiter().GetResult();
                Assert.Equal("a", Assert.Single(scans).Id);
                return;
            }

            var ex = Assert.Throws<ScanPSException>(() => client.ListScansAsync(new ScanListQuery(), default).ToListAsync().AsTask().GetAwaiter().GetResult());
            Assert.Equal("InvalidVendorResponse", ex.ErrorId);
            Assert.Contains("the body is " + contentType.Split(';')[0], ex.Message);
        }

        private sealed class FixedAnswer : HttpMessageHandler
        {
            private readonly string _contentType;
            private readonly string _body;

            public FixedAnswer(string contentType, string body)
            {
                _contentType = contentType;
                _body = body;
            }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(_body)), RequestMessage = request };
                response.Content.Headers.TryAddWithoutValidation("Content-Type", _contentType);
                return Task.FromResult(response);
            }
        }
    }

    public sealed class ProjectDiscoveryToleranceTests : ProjectDiscoveryServerTest
    {
        [Fact]
        public void A_null_data_with_no_results_is_an_empty_listing_with_a_total_of_zero()
        {
            Server.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/v1/scans", Kind = FaultKind.Status, StatusCode = 200, Body = "{\"data\":null,\"total_results\":0,\"total_pages\":0}" });
            var host = new RecordingHost();
            var totals = new System.Collections.Generic.List<long?>();

            ScanOperations.ListScans(host, Open(), new ScanListQuery(), 0, ulong.MaxValue, totals.Add);

            Assert.Empty(host.Output);
            Assert.Empty(host.Errors);
            Assert.Equal(new long?[] { 0 }, totals);
        }

        [Theory]
        [InlineData("{\"message\":\"ok\"}")]
        [InlineData("{\"data\":null}")]
        [InlineData("{\"data\":null,\"total_results\":5}")]
        public void An_answer_without_a_listing_is_InvalidVendorResponse_not_an_empty_listing(string body)
        {
            Server.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/v1/scans", Kind = FaultKind.Status, StatusCode = 200, Body = body });

            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.ListScans(new RecordingHost(), Open(), new ScanListQuery(), 0, ulong.MaxValue));

            Assert.Equal("InvalidVendorResponse", ex.ErrorId);
            Assert.Contains("no \"data\" array", ex.Message);
        }

        [Fact]
        public void A_create_answered_with_a_message_and_no_id_warns_that_the_scan_was_accepted_and_writes_nothing()
        {
            Server.Faults.Enqueue(new Fault { Method = "POST", PathPrefix = "/v1/scans", Kind = FaultKind.Status, StatusCode = 200, Body = "{\"message\":\"scan scheduled\"}" });
            var host = new RecordingHost();
            var request = ProjectDiscoveryRequests.Nightly();

            ScanOperations.NewScan(host, Open(), request);

            Assert.Empty(host.Output);
            Assert.Empty(host.Errors);
            Assert.Single(ApiRequests); // no GET: there is no id to refresh
            Assert.Equal(
                "ProjectDiscovery accepted the scan (\"scan scheduled\") but its answer names no scan id, so New-Scan has no scan to write. " +
                "Find it with Get-Scan -Provider ProjectDiscovery -Search '" + request.Name + "' before running New-Scan again.",
                Assert.Single(host.Warnings));
        }
    }

    public sealed class InvictiToleranceTests : InvictiServerTest
    {
        [Fact]
        public void Paging_goes_on_by_PageNumber_and_PageCount_when_HasNextPage_is_left_out()
        {
            var ids = Vendor.SeedScans(250);
            Server.Faults.Enqueue(new Fault
            {
                Method = "GET",
                PathPrefix = "/api/1.0/scans/list",
                Kind = FaultKind.Status,
                StatusCode = 200,
                Body = "{\"List\":[{\"Id\":\"" + ids[0] + "\",\"State\":\"Complete\"}],\"PageNumber\":1,\"PageCount\":2,\"PageSize\":200,\"TotalItemCount\":250}",
            });
            var host = new RecordingHost();

            ScanOperations.ListScans(host, Open(), new ScanListQuery(), 0, ulong.MaxValue);

            Assert.Equal(new[] { "page=1", "page=2" }, ApiRequests.Select(r => r.RawQuery.TrimStart('?').Split('&')[0]));
            Assert.Empty(host.Errors);
            // Page 1 is the fault's one scan; page 2 is the fake's (scans 201 to 250).
            Assert.Equal(1 + 50, host.Output.Count);
        }

        [Fact]
        public void A_server_that_ignores_page_is_asked_PageCount_times_and_no_more()
        {
            var ids = Vendor.SeedScans(3);
            string samePage = "{\"List\":[{\"Id\":\"" + ids[0] + "\",\"State\":\"Complete\"}],\"PageNumber\":1,\"PageCount\":3}";
            Server.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/api/1.0/scans/list", Kind = FaultKind.Status, StatusCode = 200, Body = samePage, Times = 10 });
            var host = new RecordingHost();

            ScanOperations.ListScans(host, Open(), new ScanListQuery(), 0, ulong.MaxValue);

            Assert.Equal(new[] { "page=1", "page=2", "page=3" }, ApiRequests.Select(r => r.RawQuery.TrimStart('?').Split('&')[0]));
            Assert.Equal(3, host.Output.Count);
        }
    }
}
