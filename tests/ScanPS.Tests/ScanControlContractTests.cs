using System;
using System.Linq;
using System.Threading;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>Wait-Scan's and Stop-Scan's Invicti requests (scans/status, scans/cancel) and answers, checked against the vendor's Swagger document.</summary>
    public sealed class InvictiScanControlContractTests : InvictiServerTest
    {
        [Fact]
        public void Status_polls_and_cancels_conform_to_the_Swagger_document()
        {
            string moving = Vendor.AddScan("Queued", advances: true);
            string done = Vendor.AddScan("Complete");
            var (client, responses) = OpenRecording();
            var token = CancellationToken.None;

            var polls = Enumerable.Range(0, 3).Select(_ => client.PollScanAsync(new ScanReference(moving), token).GetAwaiter().GetResult()).ToList();
            var detail = client.FinishedScanAsync(new ScanReference(moving), polls[2], token).GetAwaiter().GetResult();
            string running = Vendor.AddScan("Scanning");
            Assert.Null(client.StopScanAsync(new ScanReference(running), token).GetAwaiter().GetResult());
            var refused = Assert.Throws<ScanPSException>(() => client.StopScanAsync(new ScanReference(done), token).GetAwaiter().GetResult());

            Assert.Equal(new[] { "Scanning", "Archiving", "Complete" }, polls.Select(p => p.Scan.VendorState));
            Assert.Equal(new int?[] { 50, 100, 100 }, polls.Select(p => p.Percent));
            Assert.Equal(ScanState.Completed, detail.State);
            Assert.Equal((ErrorIds.ScanNotStopped, "ScanCompleted"), (refused.Error.ErrorId, refused.Error.Details));
            Assert.All(Server.Requests, r => Assert.Empty(InvictiSwagger.Default.ValidateRequest(r)));
            Assert.All(responses, e => Assert.Empty(InvictiSwagger.Default.ValidateResponse(e.Method, e.Path, e.Status, e.ContentType, e.Body)));
            Assert.Equal(
                new[] { "GET /api/1.0/scans/status/" + moving, "GET /api/1.0/scans/status/" + moving, "GET /api/1.0/scans/status/" + moving, "GET /api/1.0/scans/detail/" + moving, "POST /api/1.0/scans/cancel", "POST /api/1.0/scans/cancel" },
                Server.Requests.Select(r => r.Method + " " + r.Path));
            Assert.Equal("\"" + done + "\"", Server.Requests.Last().Body);
        }

        [Theory]
        [InlineData("\"Ok\"", "Ok")]
        [InlineData("Ok", "Ok")]
        [InlineData("\"ScanNotRunning\"", "ScanNotRunning")]
        [InlineData("{\"Message\":\"x\"}", null)]
        [InlineData("", null)]
        public void A_cancel_answer_is_read_as_a_JSON_string_or_a_bare_word(string body, string? expected)
        {
            Assert.Equal(expected, Providers.Invicti.InvictiClient.CancelResult(body));
        }
    }

    /// <summary>The wait loop's interval rule.</summary>
    public sealed class WaitIntervalTests
    {
        [Theory]
        [InlineData(null, 0, null, 5)]
        [InlineData(null, 49, null, 5)]
        [InlineData(null, 120, null, 12)]
        [InlineData(null, 3600, null, 60)]
        [InlineData(2.0, 3600, null, 2)]
        [InlineData(0.05, 0, 1.0, 1)]
        [InlineData(null, 0, 30.0, 30)]
        public void The_default_grows_with_the_time_waited_a_given_interval_is_kept_and_Retry_After_is_a_floor(double? given, int waitedSeconds, double? retryAfter, double expectedSeconds)
        {
            var interval = Operations.WaitScanOperations.NextInterval(
                given.HasValue ? TimeSpan.FromSeconds(given.Value) : (TimeSpan?)null,
                TimeSpan.FromSeconds(waitedSeconds),
                retryAfter.HasValue ? TimeSpan.FromSeconds(retryAfter.Value) : (TimeSpan?)null);

            Assert.Equal(expectedSeconds, interval.TotalSeconds, 3);
        }
    }
}
