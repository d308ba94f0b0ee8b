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
    }
}
