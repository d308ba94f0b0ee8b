using System;
using System.Linq;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    public sealed class PagingTests : HostedScanServerTest
    {
        [Fact]
        public void Listing_follows_next_page_token_and_returns_1200_scans_in_order_from_three_pages()
        {
            var seeded = Vendor.SeedScans(1200);
            var host = new RecordingHost();

            ScanOperations.ListScans(host, Open(), new ScanListQuery(), 0, ulong.MaxValue);

            Assert.Equal(seeded, host.Output.Cast<HostedScanScan>().Select(s => s.Id).ToList());
            var requests = ApiRequests;
            Assert.Equal(3, requests.Count);
            Assert.Null(requests[0].QueryValue("page_token"));
            string? second = requests[1].QueryValue("page_token");
            string? third = requests[2].QueryValue("page_token");
            Assert.False(string.IsNullOrEmpty(second));
            Assert.False(string.IsNullOrEmpty(third));
            Assert.NotEqual(second, third);
            Assert.All(requests, r => Assert.Equal("/v1/scans", r.Path));
        }

        [Fact]
        public void Page_token_is_sent_together_with_the_same_filters()
        {
            Vendor.PageSize = 5;
            Vendor.SeedScans(60);
            var host = new RecordingHost();

            ScanOperations.ListScans(host, Open(), new ScanListQuery { Types = new[] { "NMAP" } }, 0, ulong.MaxValue);

            Assert.Equal(10, host.Output.Count); // every 6th seeded scan is NMAP
            var requests = ApiRequests;
            Assert.Equal(2, requests.Count);
            Assert.All(requests, r => Assert.Equal("{\"type\":[\"NMAP\"]}", r.QueryValue("filters")));
            Assert.StartsWith("?filters=%7B%22type%22%3A%5B%22NMAP%22%5D%7D&page_token=", requests[1].RawQuery, StringComparison.Ordinal);
        }

        [Fact]
        public void First_10_fetches_one_page_only()
        {
            Vendor.SeedScans(1200);
            var host = new RecordingHost();

            ScanOperations.ListScans(host, Open(), new ScanListQuery(), 0, 10);

            Assert.Equal(10, host.Output.Count);
            Assert.Single(ApiRequests);
        }

        [Fact]
        public void Skip_and_First_cross_a_page_boundary_and_stop_as_soon_as_enough_were_emitted()
        {
            var seeded = Vendor.SeedScans(1200);
            var host = new RecordingHost();

            ScanOperations.ListScans(host, Open(), new ScanListQuery(), 495, 10);

            Assert.Equal(seeded.Skip(495).Take(10), host.Output.Cast<HostedScanScan>().Select(s => s.Id));
            Assert.Equal(2, ApiRequests.Count);
        }

        [Fact]
        public void The_first_object_is_emitted_before_the_second_page_is_requested()
        {
            Vendor.SeedScans(1200);
            int requestsAtFirstObject = -1;
            var host = new RecordingHost();
            host.OnObject = _ => { if (requestsAtFirstObject < 0) requestsAtFirstObject = ApiRequests.Count; };

            ScanOperations.ListScans(host, Open(), new ScanListQuery(), 0, ulong.MaxValue);

            Assert.Equal(1, requestsAtFirstObject);
            Assert.Equal(1200, host.Output.Count);
        }

        [Fact]
        public void First_0_sends_nothing()
        {
            Vendor.SeedScans(3);
            ScanOperations.ListScans(new RecordingHost(), Open(), new ScanListQuery(), 0, 0);
            Assert.Empty(ApiRequests);
        }
    }
}
