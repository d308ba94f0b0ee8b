using ScanPS.Errors;
using ScanPS.Http;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>The vendor's own words reach the user: every part of an error body that says something.</summary>
    public sealed class VendorMessageTests
    {
        [Theory]
        // ProjectDiscovery ErrorResponse: message plus error (the status text again is left out).
        [InlineData("{\"message\":\"bad request\",\"error\":\"templates: at least one required\"}", "bad request (templates: at least one required)")]
        [InlineData("{\"message\":\"template not found\",\"error\":\"Bad Request\",\"kind\":\"bad_request\"}", "template not found")]
        [InlineData("{\"message\":\"x failed\",\"error\":\"x failed\"}", "x failed")]
        // Invicti (ASP.NET): Message plus ModelState field errors.
        [InlineData("{\"Message\":\"The request is invalid.\",\"ModelState\":{\"model.ScanId\":[\"The ScanId field is required.\",\"Not a GUID.\"]}}",
            "The request is invalid. (model.ScanId: The ScanId field is required.; Not a GUID.)")]
        // Probely / DRF and others.
        [InlineData("{\"detail\":\"Not found.\"}", "Not found.")]
        [InlineData("{\"error\":\"only this\"}", "only this")]
        [InlineData("\"ScanNotFound\"", "ScanNotFound")]
        [InlineData("{\"unexpected\":1}", "{\"unexpected\":1}")]
        public void Error_bodies_keep_every_part_that_says_something(string body, string expected)
        {
            Assert.Equal(expected, VendorErrors.ExtractMessage(body));
        }

        [Fact]
        public void The_shown_error_carries_the_vendor_request_id_once()
        {
            var withId = new ScanPS.Errors.ScanPSError("VendorUnavailable", ScanPS.Errors.ScanPSErrorCategory.ResourceUnavailable, "HostedScan answered 503.") { VendorRequestId = "req-42" };
            var alreadyThere = new ScanPS.Errors.ScanPSError("InvalidRequest", ScanPS.Errors.ScanPSErrorCategory.InvalidArgument, "Refused (error id 01hx).") { VendorRequestId = "01hx" };
            var without = new ScanPS.Errors.ScanPSError("ScanNotFound", ScanPS.Errors.ScanPSErrorCategory.ObjectNotFound, "No scan x.");

            Assert.Equal("HostedScan answered 503. (request id req-42)", withId.DetailsMessage);
            Assert.Equal("Refused (error id 01hx).", alreadyThere.DetailsMessage);
            Assert.Equal("No scan x.", without.DetailsMessage);
        }
    }
}
