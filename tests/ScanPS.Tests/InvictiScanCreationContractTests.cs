using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Providers.Invicti;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// New-Scan's Invicti requests (scans/new, scans/newwithprofile, scanpolicies/get) and the fake's answers, checked
    /// against Invicti's own Swagger document; and the checks that run before any request.
    /// </summary>
    public sealed class InvictiScanCreationContractTests : InvictiServerTest
    {
        private static InvictiSwagger Spec => InvictiSwagger.Default;

        [Fact]
        public void Every_create_request_and_answer_conforms_to_the_Swagger_document()
        {
            Vendor.AddWebsite("https://www.example.com/", "Example");
            string policy = Vendor.AddScanPolicy("Weekly deep");
            Vendor.AddScanProfile("Nightly quick");
            var (client, responses) = OpenRecording();
            var token = CancellationToken.None;

            var byName = client.CreateScansAsync(Request("https://www.example.com/", policyName: "Weekly deep", scope: "OnlyEnteredUrl"), token).GetAwaiter().GetResult();
            var byId = client.CreateScansAsync(Request("https://www.example.com/app/", policyId: Guid.Parse(policy)), token).GetAwaiter().GetResult();
            var plain = client.CreateScansAsync(Request("https://www.example.com/"), token).GetAwaiter().GetResult();
            var profiled = client.CreateScansAsync(Request("https://www.example.com/", profile: "Nightly quick"), token).GetAwaiter().GetResult();
            var unknownPolicy = Assert.Throws<ScanPSException>(() => client.CreateScansAsync(Request("https://www.example.com/", policyName: "Nope"), token).GetAwaiter().GetResult());
            var unknownProfile = Assert.Throws<ScanPSException>(() => client.CreateScansAsync(Request("https://www.example.com/", profile: "Nope"), token).GetAwaiter().GetResult());

            Assert.Equal((ErrorIds.ScanPolicyNotFound, ScanPSErrorCategory.ObjectNotFound), (unknownPolicy.ErrorId, unknownPolicy.Error.Category));
            Assert.Equal((ErrorIds.ScanProfileNotFound, ScanPSErrorCategory.ObjectNotFound), (unknownProfile.ErrorId, unknownProfile.Error.Category));
            Assert.All(byName.Concat(byId).Concat(plain).Concat(profiled), s => Assert.Equal(ScanState.Queued, s.State));
            var requests = Server.Requests;
            Assert.Equal(new[]
            {
                "GET /api/1.0/scanpolicies/get?name=Weekly%20deep", "POST /api/1.0/scans/new", "POST /api/1.0/scans/new", "POST /api/1.0/scans/new",
                "POST /api/1.0/scans/newwithprofile", "GET /api/1.0/scanpolicies/get?name=Nope", "POST /api/1.0/scans/newwithprofile",
            }, requests.Select(r => r.Method + " " + r.Path + r.RawQuery));
            Assert.Equal(new[]
            {
                "{\"TargetUri\":\"https://www.example.com/\",\"PolicyId\":\"" + policy + "\",\"Scope\":\"OnlyEnteredUrl\"}",
                "{\"TargetUri\":\"https://www.example.com/app/\",\"PolicyId\":\"" + policy + "\"}",
                "{\"TargetUri\":\"https://www.example.com/\"}",
                "{\"ProfileName\":\"Nightly quick\",\"TargetUri\":\"https://www.example.com/\"}",
                "{\"ProfileName\":\"Nope\",\"TargetUri\":\"https://www.example.com/\"}",
            }, requests.Where(r => r.Body.Length > 0).Select(r => r.Body));
            Assert.All(requests, r => Assert.Empty(Spec.ValidateRequest(r)));
            // The swagger requires SsrfSettingsModel in ScanPolicySettingApiModel but never declares it, so no policy answer
            // can satisfy it (FakeVendors/LIFECYCLE.md); the policy answers are left out of this check.
            Assert.All(responses.Where(e => e.Status < 300 && e.Path != "/api/1.0/scanpolicies/get"), e => Assert.Empty(Spec.ValidateResponse(e.Method, e.Path, e.Status, e.ContentType, e.Body)));
        }

        [Fact]
        public void The_check_rejects_a_profile_body_without_its_required_fields()
        {
            Vendor.AddWebsite("https://www.example.com/", "Example");
            Vendor.AddScanProfile("Nightly quick");
            OpenRecording().Client.CreateScansAsync(Request("https://www.example.com/", profile: "Nightly quick"), CancellationToken.None).GetAwaiter().GetResult();
            var sent = Assert.Single(Server.Requests);

            Assert.Empty(Spec.ValidateRequest(sent));
            Assert.NotEmpty(Spec.ValidateRequest(sent with { Body = "{\"TargetUri\":\"https://www.example.com/\"}" }));
        }

        [Theory]
        [InlineData(null, null, null, null, ErrorIds.NoScanTargets)]
        [InlineData("ftp://example.com/", null, null, null, ErrorIds.InvalidTargetUri)]
        [InlineData("https://www.example.com/", "P", "Quick Scan", null, ErrorIds.ConflictingScanSettings)]
        [InlineData("https://www.example.com/", "P", null, "WholeDomain", ErrorIds.ConflictingScanSettings)]
        [InlineData("https://www.example.com/", null, "Quick Scan", null, null)]
        public void Validate_refuses_bad_combinations_before_any_request(string? uri, string? profile, string? policyName, string? scope, string? errorId)
        {
            var request = new InvictiNewScanRequest
            {
                TargetUris = uri == null ? new List<string>() : new List<string> { uri },
                ProfileName = profile,
                PolicyName = policyName,
                Scope = scope,
            };
            if (errorId == null)
            {
                request.Validate();
                Assert.Single(request.Parts());
                return;
            }

            var ex = Assert.Throws<ScanPSException>(request.Validate);
            Assert.Equal((errorId, ScanPSErrorCategory.InvalidArgument), (ex.ErrorId, ex.Error.Category));
            Assert.Empty(Server.Requests);
        }

        private static InvictiNewScanRequest Request(string uri, string? profile = null, string? policyName = null, Guid? policyId = null, string? scope = null) =>
            new InvictiNewScanRequest { TargetUris = new List<string> { uri }, ProfileName = profile, PolicyName = policyName, PolicyId = policyId, Scope = scope };
    }
}
