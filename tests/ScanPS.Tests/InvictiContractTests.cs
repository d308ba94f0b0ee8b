using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using ScanPS.Errors;
using ScanPS.FakeVendors;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// The client's requests and every response of the fake, checked against Invicti's own Swagger document;
    /// and proof that the check rejects what the document does not allow.
    /// </summary>
    public sealed class InvictiContractTests : InvictiServerTest
    {
        private static InvictiSwagger Spec => InvictiSwagger.Default;

        [Fact]
        public void The_document_is_the_vendor_file_byte_for_byte()
        {
            byte[] bytes = File.ReadAllBytes(InvictiSwagger.DefaultPath);
            Assert.Equal(InvictiSwagger.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            // Where the shared vendor-spec folder exists (the team's machines), the copy must equal it too.
            string shared = Path.Combine(RepoRoot.Path, "..", "shared", "vendor-specs", "invicti", InvictiSwagger.FileName);
            string sharedFromWorktree = Path.Combine(RepoRoot.Path, "..", "..", "shared", "vendor-specs", "invicti", InvictiSwagger.FileName);
            foreach (var path in new[] { shared, sharedFromWorktree }.Where(File.Exists)) Assert.Equal(File.ReadAllBytes(path), bytes);
        }

        [Fact]
        public void Every_request_and_response_of_a_full_session_conforms_to_the_Swagger_document()
        {
            Vendor.SeedScans(230); // two pages of scans/list
            string queued = Vendor.AddScan("Queued", advances: true);
            var (client, responses) = OpenRecording();
            var token = CancellationToken.None;

            var all = Drain(client.ListScansAsync(new ScanListQuery(), token));
            var byState = Drain(client.ListScansAsync(new ScanListQuery { States = new[] { "Running", "Complete" } }, token));
            for (int i = 0; i < 4; i++) client.GetScanAsync(queued, token).GetAwaiter().GetResult();
            var launched = client.RelaunchScanAsync(queued, token).GetAwaiter().GetResult();
            foreach (var answer in new[] { InvictiUnknownScanAnswer.NotFoundMessage, InvictiUnknownScanAnswer.NotFoundBareString })
            {
                Vendor.UnknownScanAnswer = answer;
                Assert.Throws<ScanPSException>(() => client.RelaunchScanAsync("0badbad0-0000-4000-8000-000000000000", token).GetAwaiter().GetResult());
                Assert.Throws<ScanPSException>(() => client.GetScanAsync("0badbad0-0000-4000-8000-000000000000", token).GetAwaiter().GetResult());
            }

            var (stranger, strangerResponses) = OpenRecording(token: "wrong-token");
            Assert.Throws<ScanPSException>(() => Drain(stranger.ListScansAsync(new ScanListQuery(), token)));

            Assert.Equal(231, all.Count);
            Assert.Equal(ScanState.Queued, launched.State);
            Assert.NotEmpty(byState);
            var requests = Server.Requests;
            var exchanges = responses.Concat(strangerResponses).ToList();
            Assert.Equal(requests.Count, exchanges.Count);
            Assert.Equal(2 + 5 + 4 + 1 + 4 + 1, requests.Count); // list: 2 pages; listbystate: Scanning, Archiving, AsyncArchiving, Resuming, Complete; detail ×4; launch; unknowns ×4; 401
            Assert.Equal(new[] { 200, 201, 401, 404 }, exchanges.Select(e => e.Status).Distinct().OrderBy(s => s));
            Assert.All(requests, r => Assert.Empty(Spec.ValidateRequest(r)));
            Assert.All(exchanges, e => Assert.Empty(Spec.ValidateResponse(e.Method, e.Path, e.Status, e.ContentType, e.Body)));
        }

        [Fact]
        public void The_check_rejects_an_object_body_where_the_document_wants_the_bare_id_string()
        {
            string id = Vendor.AddScan("Complete");
            client().RelaunchScanAsync(id, CancellationToken.None).GetAwaiter().GetResult();
            var sent = Assert.Single(Server.Requests);
            var wrong = sent with { Body = "{\"id\":\"" + id + "\"}" };
            var notAGuid = sent with { Body = "\"scan-42\"" };

            Assert.Empty(Spec.ValidateRequest(sent));
            Assert.Equal(new[] { "POST /api/1.0/scans/newfromscan body: expected a string, found Object." }, Spec.ValidateRequest(wrong));
            Assert.Equal(new[] { "POST /api/1.0/scans/newfromscan body: 'scan-42' is not a uuid." }, Spec.ValidateRequest(notAGuid));
            Assert.Contains("POST /api/1.0/scans/newfromscan: no Basic Authorization header.",
                Spec.ValidateRequest(sent with { Headers = sent.Headers.Where(h => h.Key != "Authorization").ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase) }));

            Providers.Invicti.InvictiClient client() => OpenRecording().Client;
        }

        [Fact]
        public void The_check_rejects_bad_query_parameters()
        {
            var sent = new RecordedRequest("GET", "/api/1.0/scans/listbystate", "?scanTaskState=Running&page=one&pageSize=200&size=5",
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = BasicHeader, ["Accept"] = "application/json" }, "", "c", DateTimeOffset.UtcNow);

            Assert.Equal(new[]
            {
                "GET /api/1.0/scans/listbystate query scanTaskState: 'Running' is not one of the enum values.",
                "GET /api/1.0/scans/listbystate query page: 'one' is not an integer.",
                "GET /api/1.0/scans/listbystate: query parameter 'size' is not declared.",
            }, Spec.ValidateRequest(sent));
            Assert.Contains("GET /api/1.0/scans/listbystate: required query parameter 'scanTaskState' is missing.", Spec.ValidateRequest(sent with { RawQuery = "?page=1" }));
            Assert.Equal(new[] { "GET /api/1.0/scans/launch: no such operation in the Swagger document." }, Spec.ValidateRequest(sent with { Path = "/api/1.0/scans/launch" }));
        }

        [Fact]
        public void The_check_rejects_a_scan_task_with_wrong_types_unknown_fields_enum_values_or_formats()
        {
            string id = Vendor.AddScan("Complete");
            var good = JsonNode.Parse(Vendor.ScanJson(id)!)!.AsObject();
            var bad = good.DeepClone().AsObject();
            bad["State"] = "Running";
            bad["Percentage"] = "50";
            bad["Progress"] = 50;
            bad["InitiatedAt"] = "28/03/2024 06:08";
            bad["Id"] = "scan-1";
            bad["Tags"] = new JsonArray(1);
            bad["AgentName"] = null;
            bad["ScanTaskProfile"]!["IsMine"] = "yes";

            Assert.Empty(Spec.ValidateResponse("GET", "/api/1.0/scans/detail/" + id, 200, "application/json; charset=utf-8", good.ToJsonString()));
            Assert.Equal(new[]
            {
                "x.AgentName: null is not allowed (Swagger 2.0 has no nullable).",
                "x.InitiatedAt: '28/03/2024 06:08' is not an RFC 3339 date-time.",
                "x.ScanTaskProfile.IsMine: expected a boolean, found String.",
                "x.Id: 'scan-1' is not a uuid.",
                "x.Percentage: expected an integer, found String \"50\".",
                "x.State: 'Running' is not one of the enum values.",
                "x.Tags[0]: expected a string, found Number.",
                "x: property 'Progress' is not declared by the schema.",
            }, Spec.ValidateValue(Spec.Definition("ScanTaskModel"), JsonDocument.Parse(bad.ToJsonString()).RootElement, "x"));
        }

        [Fact]
        public void The_check_rejects_a_status_or_media_type_the_operation_does_not_document()
        {
            string id = Vendor.AddScan("Complete");
            string scan = Vendor.ScanJson(id)!;
            const string path = "/api/1.0/scans/newfromscan";

            Assert.Empty(Spec.ValidateResponse("POST", path, 201, "application/json; charset=utf-8", scan));
            Assert.Equal(new[] { "POST " + path + " -> 200: status 200 is not documented for this operation." },
                Spec.ValidateResponse("POST", path, 200, "application/json", "\"ScanNotFound\""));
            Assert.Equal(new[] { "POST " + path + " -> 201 Content-Type 'text/html' is not in the operation's produces." },
                Spec.ValidateResponse("POST", path, 201, "text/html", scan));
            Assert.Equal(new[] { "POST " + path + " -> 404 error body: property 'error' is not declared by the schema." },
                Spec.ValidateResponse("POST", path, 404, "application/json", "{\"error\":\"not found\"}"));
            Assert.Equal(new[] { "GET /api/1.0/scans/list -> 200 body.List: expected an array, found Object." },
                Spec.ValidateResponse("GET", "/api/1.0/scans/list", 200, "application/json", "{\"List\":{}}"));
        }

        [Fact]
        public void The_sandbox_seed_conforms_and_spans_pages()
        {
            var sandbox = FakeInvicti.CreateSandbox();
            Assert.Equal(45, sandbox.ScanCount);
            for (int n = 1; n <= 45; n++)
            {
                string id = "5ca70000-0000-4000-8000-" + n.ToString("x12");
                using var document = JsonDocument.Parse(sandbox.ScanJson(id)!);
                Assert.Empty(Spec.ValidateValue(Spec.Definition("ScanTaskModel"), document.RootElement, id));
            }

            Assert.Equal(FakeInvicti.States.OrderBy(s => s), Enumerable.Range(1, 45).Select(n => sandbox.StateOf("5ca70000-0000-4000-8000-" + n.ToString("x12"))!).Distinct().OrderBy(s => s));
        }

        private static List<Scan> Drain(IAsyncEnumerable<Scan> scans)
        {
            var result = new List<Scan>();
            var enumerator = scans.GetAsyncEnumerator();
            try
            {
                while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult()) result.Add(enumerator.Current);
            }
            finally
            {
                enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            return result;
        }
    }
}
