using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ScanPS.FakeVendors;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// The scan lifecycle endpoints of the four sandbox fakes (issue 18), driven over HTTP: exact answers, the
    /// read-driven state machines, the /_sandbox/ control routes and faults on status reads. Invicti and ProjectDiscovery
    /// answers are validated against the vendors' own Swagger/OpenAPI documents; Probely has no public spec, so its scan
    /// object is checked against the field list of vendor-apis.md §4.
    /// </summary>
    public sealed class FakeLifecycleTests
    {
        private const string InvictiBasic = "Basic dGVzdC11c2VyLWlkOnRlc3QtdG9rZW4=";
        private const string Json = "application/json";

        private sealed class Answer
        {
            public Answer(HttpStatusCode status, string? contentType, string body, HttpResponseMessage response)
            {
                Status = status;
                ContentType = contentType;
                Body = body;
                RetryAfter = response.Headers.RetryAfter?.ToString();
            }

            public HttpStatusCode Status { get; }
            public int Code => (int)Status;
            public string? ContentType { get; }
            public string Body { get; }
            public string? RetryAfter { get; }
            public JsonNode Node => JsonNode.Parse(Body)!;
        }

        private static async Task<Answer> Send(FakeVendorServer server, HttpMethod method, string pathAndQuery, string? body = null,
            IDictionary<string, string>? headers = null, string contentType = Json)
        {
            using var http = new HttpClient { BaseAddress = server.BaseUri };
            using var message = new HttpRequestMessage(method, pathAndQuery);
            message.Headers.Accept.ParseAdd(Json);
            foreach (var header in headers ?? new Dictionary<string, string>()) message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            if (body != null) message.Content = new StringContent(body, Encoding.UTF8, contentType);
            using var response = await http.SendAsync(message);
            string text = await response.Content.ReadAsStringAsync();
            return new Answer(response.StatusCode, response.Content.Headers.ContentType?.ToString(), text, response);
        }

        // ---------------------------------------------------------------- Invicti

        private static readonly Dictionary<string, string> InvictiAuth = new Dictionary<string, string> { ["Authorization"] = InvictiBasic };

        private static Task<Answer> Invicti(FakeVendorServer server, HttpMethod method, string path, string? body = null) =>
            Send(server, method, path, body, InvictiAuth);

        private static void AssertInvictiValid(string method, string path, Answer answer)
        {
            var errors = InvictiSwagger.Default.ValidateResponse(method, path.Split('?')[0], answer.Code, answer.ContentType, answer.Body);
            Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + answer.Body);
        }

        [Fact]
        public async Task Invicti_scans_new_answers_201_with_one_ScanTaskModel_per_website_and_status_reads_move_it_to_Complete()
        {
            var fake = FakeInvicti.CreateSandbox();
            await using var server = await FakeVendorServer.StartAsync(fake);
            string body = "{\"TargetUri\":\"https://www.example.com/shop/\",\"AdditionalWebsites\":[{\"Canonical\":false,\"TargetUrl\":\"https://staging.example.com/\"}],"
                + "\"PolicyId\":\"6f6cc5b1-3e28-4c3b-8d47-000000000004\",\"Tags\":[\"nightly\"]}";

            var created = await Invicti(server, HttpMethod.Post, "/api/1.0/scans/new", body);

            Assert.Equal(HttpStatusCode.Created, created.Status);
            AssertInvictiValid("POST", "/api/1.0/scans/new", created);
            var scans = created.Node.AsArray();
            Assert.Equal(2, scans.Count);
            Assert.Equal(new[] { "https://www.example.com/", "https://staging.example.com/" }, scans.Select(s => (string)s!["WebsiteUrl"]!));
            Assert.All(scans, s => Assert.Equal("Queued", (string)s!["State"]!));
            Assert.All(scans, s => Assert.Equal("Quick Scan", (string)s!["PolicyName"]!));
            Assert.All(scans, s => Assert.Equal("nightly", (string)s!["Tags"]![0]!));
            string id = (string)scans[0]!["Id"]!;

            var seen = new List<(string State, int CompletedSteps)>();
            for (int i = 0; i < 4; i++)
            {
                var status = await Invicti(server, HttpMethod.Get, "/api/1.0/scans/status/" + id);
                Assert.Equal(HttpStatusCode.OK, status.Status);
                AssertInvictiValid("GET", "/api/1.0/scans/status/" + id, status);
                Assert.Equal(new[] { "CompletedSteps", "EstimatedLaunchTime", "EstimatedSteps", "State" }, status.Node.AsObject().Select(p => p.Key));
                seen.Add(((string)status.Node["State"]!, (int)status.Node["CompletedSteps"]!));
            }

            Assert.Equal(new[] { ("Scanning", 2000), ("Archiving", 4000), ("Complete", 4000), ("Complete", 4000) }, seen);
            var detail = await Invicti(server, HttpMethod.Get, "/api/1.0/scans/detail/" + id);
            AssertInvictiValid("GET", "/api/1.0/scans/detail/" + id, detail);
            Assert.Equal("Complete", (string)detail.Node["State"]!);
            Assert.True((bool)detail.Node["IsCompleted"]!);
            // The second website's scan was not read, so it has not moved.
            Assert.Equal("Queued", fake.StateOf((string)scans[1]!["Id"]!));
        }

        [Theory]
        [InlineData("{\"AdditionalWebsites\":[]}", 400, "TargetUri must be an absolute http or https URL")]
        [InlineData("{\"TargetUri\":\"www.example.com\"}", 400, "TargetUri must be an absolute http or https URL")]
        [InlineData("{\"TargetUri\":\"https://unknown.example.org/\"}", 400, "No website was found for 'https://unknown.example.org/'")]
        [InlineData("{\"TargetUri\":\"https://www.example.com/\",\"PolicyId\":\"6f6cc5b1-3e28-4c3b-8d47-0000000000ff\"}", 400, "scan policy '6f6cc5b1-3e28-4c3b-8d47-0000000000ff' was not found")]
        [InlineData("{\"TargetUri\":\"https://www.example.com/\",\"PolicyId\":\"Quick Scan\"}", 400, "PolicyId must be a GUID")]
        [InlineData("\"https://www.example.com/\"", 400, "The body must be a JSON object")]
        public async Task Invicti_scans_new_refuses_a_bad_model_with_a_Message_and_creates_nothing(string body, int status, string message)
        {
            var fake = FakeInvicti.CreateSandbox();
            int before = fake.ScanCount;
            await using var server = await FakeVendorServer.StartAsync(fake);

            var answer = await Invicti(server, HttpMethod.Post, "/api/1.0/scans/new", body);

            Assert.Equal(status, answer.Code);
            AssertInvictiValid("POST", "/api/1.0/scans/new", answer);
            Assert.Contains(message, (string)answer.Node["Message"]!, StringComparison.Ordinal);
            Assert.Equal(before, fake.ScanCount);
        }

        [Fact]
        public async Task Invicti_newwithprofile_answers_one_ScanTaskModel_and_an_unknown_profile_is_404()
        {
            var fake = FakeInvicti.CreateSandbox();
            await using var server = await FakeVendorServer.StartAsync(fake);

            var created = await Invicti(server, HttpMethod.Post, "/api/1.0/scans/newwithprofile", "{\"ProfileName\":\"Nightly quick\",\"TargetUri\":\"https://api.staging.example.com/v2/\"}");
            var unknown = await Invicti(server, HttpMethod.Post, "/api/1.0/scans/newwithprofile", "{\"ProfileName\":\"Nope\",\"TargetUri\":\"https://www.example.com/\"}");
            var wrongSite = await Invicti(server, HttpMethod.Post, "/api/1.0/scans/newwithprofile", "{\"ProfileName\":\"Example profile\",\"TargetUri\":\"https://staging.example.com/\"}");
            var missing = await Invicti(server, HttpMethod.Post, "/api/1.0/scans/newwithprofile", "{\"ProfileName\":\"Nightly quick\"}");

            Assert.Equal(HttpStatusCode.Created, created.Status);
            AssertInvictiValid("POST", "/api/1.0/scans/newwithprofile", created);
            Assert.IsType<JsonObject>(created.Node);
            Assert.Equal("https://api.staging.example.com/", (string)created.Node["WebsiteUrl"]!);
            Assert.Equal("Quick Scan", (string)created.Node["PolicyName"]!);
            Assert.Equal("Queued", (string)created.Node["State"]!);
            Assert.Equal((404, "The scan profile 'Nope' was not found."), (unknown.Code, (string)unknown.Node["Message"]!));
            Assert.Equal(400, wrongSite.Code);
            Assert.Equal(400, missing.Code);
            foreach (var answer in new[] { unknown, wrongSite, missing }) AssertInvictiValid("POST", "/api/1.0/scans/newwithprofile", answer);
        }

        [Fact]
        public async Task Invicti_scanpolicies_get_finds_a_policy_by_name_and_answers_404_for_an_unknown_one()
        {
            var fake = FakeInvicti.CreateSandbox();
            string added = fake.AddScanPolicy("Team policy");
            await using var server = await FakeVendorServer.StartAsync(fake);

            var found = await Invicti(server, HttpMethod.Get, "/api/1.0/scanpolicies/get?name=Quick%20Scan");
            var addedFound = await Invicti(server, HttpMethod.Get, "/api/1.0/scanpolicies/get?name=team%20policy");
            var unknown = await Invicti(server, HttpMethod.Get, "/api/1.0/scanpolicies/get?name=Nope");
            var noName = await Invicti(server, HttpMethod.Get, "/api/1.0/scanpolicies/get");

            Assert.Equal(HttpStatusCode.OK, found.Status);
            Assert.Equal("6f6cc5b1-3e28-4c3b-8d47-000000000004", (string)found.Node["Id"]!);
            Assert.Equal("Quick Scan", (string)found.Node["Name"]!);
            Assert.Equal(added, (string)addedFound.Node["Id"]!);
            // The document requires SsrfSettingsModel but never declares it; every other rule holds.
            Assert.Equal(new[] { "GET /api/1.0/scanpolicies/get -> 200 body: required property 'SsrfSettingsModel' is missing." },
                InvictiSwagger.Default.ValidateResponse("GET", "/api/1.0/scanpolicies/get", 200, found.ContentType, found.Body));
            Assert.Equal((404, "The scan policy 'Nope' was not found."), (unknown.Code, (string)unknown.Node["Message"]!));
            AssertInvictiValid("GET", "/api/1.0/scanpolicies/get", unknown);
            Assert.Equal(400, noName.Code);
        }

        [Fact]
        public async Task Invicti_cancel_answers_Ok_for_a_running_scan_then_the_documented_refusal_strings()
        {
            var fake = FakeInvicti.CreateSandbox();
            string running = fake.AddScan("Scanning");
            string complete = fake.AddScan("Complete");
            string failed = fake.AddScan("Failed");
            string delayed = fake.AddScan("Delayed");
            await using var server = await FakeVendorServer.StartAsync(fake);

            async Task<string> Cancel(string body)
            {
                var answer = await Invicti(server, HttpMethod.Post, "/api/1.0/scans/cancel", body);
                Assert.Equal(HttpStatusCode.OK, answer.Status);
                AssertInvictiValid("POST", "/api/1.0/scans/cancel", answer);
                return (string)answer.Node!;
            }

            Assert.Equal("Ok", await Cancel("\"" + running + "\""));
            Assert.Equal("Cancelled", fake.StateOf(running));
            Assert.Equal("ScanCancelled", await Cancel("\"" + running + "\""));
            Assert.Equal("ScanCompleted", await Cancel("\"" + complete + "\""));
            Assert.Equal("ScanFailed", await Cancel("\"" + failed + "\""));
            Assert.Equal("ScanNotRunning", await Cancel("\"" + delayed + "\""));
            Assert.Equal("ScanNotFound", await Cancel("\"" + Guid.Empty + "\""));
            Assert.Equal(("Complete", "Failed", "Delayed"), (fake.StateOf(complete), fake.StateOf(failed), fake.StateOf(delayed)));

            fake.CancelResults["Complete"] = "ScanNotRunning";
            Assert.Equal("ScanNotRunning", await Cancel("\"" + complete + "\""));

            var objectBody = await Invicti(server, HttpMethod.Post, "/api/1.0/scans/cancel", "{\"id\":\"" + running + "\"}");
            Assert.Equal(400, objectBody.Code);
            AssertInvictiValid("POST", "/api/1.0/scans/cancel", objectBody);
            var status = await Invicti(server, HttpMethod.Get, "/api/1.0/scans/status/" + running);
            Assert.Equal("Cancelled", (string)status.Node["State"]!);
        }

        [Fact]
        public async Task Invicti_reads_per_step_failing_outcome_and_faulted_status_reads_are_deterministic()
        {
            var fake = new FakeInvicti();
            await using var server = await FakeVendorServer.StartAsync(fake);
            fake.Lifecycle.ReadsPerStep = 2;
            fake.Lifecycle.FailNewScans = true;
            var created = await Invicti(server, HttpMethod.Post, "/api/1.0/scans/new", "{\"TargetUri\":\"https://www.example.com/\"}");
            string id = (string)created.Node[0]!["Id"]!;
            server.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/api/1.0/scans/status/", StatusCode = 429, RetryAfter = "2" });

            var states = new List<string>();
            var throttled = await Invicti(server, HttpMethod.Get, "/api/1.0/scans/status/" + id);
            for (int i = 0; i < 5; i++) states.Add((string)(await Invicti(server, HttpMethod.Get, "/api/1.0/scans/status/" + id)).Node["State"]!);

            Assert.Equal((429, "2"), (throttled.Code, throttled.RetryAfter));
            Assert.Equal(new[] { "Queued", "Scanning", "Scanning", "Failed", "Failed" }, states);
            var detail = await Invicti(server, HttpMethod.Get, "/api/1.0/scans/detail/" + id);
            Assert.Equal("ScanTargetNotReachable", (string)detail.Node["FailureReason"]!);
            Assert.True((bool)detail.Node["IsCompleted"]!);

            fake.Lifecycle.ReadsPerStep = 0;
            var held = await Invicti(server, HttpMethod.Post, "/api/1.0/scans/newfromscan", "\"" + id + "\"");
            string heldId = (string)held.Node["Id"]!;
            for (int i = 0; i < 3; i++) Assert.Equal("Queued", (string)(await Invicti(server, HttpMethod.Get, "/api/1.0/scans/status/" + heldId)).Node["State"]!);
        }

        [Fact]
        public async Task Invicti_sandbox_control_peeks_advances_and_sets_states_without_authentication()
        {
            var fake = FakeInvicti.CreateSandbox();
            await using var server = await FakeVendorServer.StartAsync(fake);
            var created = await Invicti(server, HttpMethod.Post, "/api/1.0/scans/new", "{\"TargetUri\":\"https://www.example.com/\"}");
            string id = (string)created.Node[0]!["Id"]!;

            var peek = await Send(server, HttpMethod.Get, "/_sandbox/scans/" + id);
            var advanced = await Send(server, HttpMethod.Post, "/_sandbox/scans/" + id + "/advance?steps=2");
            var set = await Send(server, HttpMethod.Post, "/_sandbox/scans/" + id + "/state?value=Paused");
            var badState = await Send(server, HttpMethod.Post, "/_sandbox/scans/" + id + "/state?value=Stopped");
            var unknown = await Send(server, HttpMethod.Get, "/_sandbox/scans/" + Guid.Empty);
            var lifecycle = await Send(server, HttpMethod.Post, "/_sandbox/lifecycle?readsPerStep=3&failNewScans=true");
            var badLifecycle = await Send(server, HttpMethod.Post, "/_sandbox/lifecycle?readsPerStep=-1");

            Assert.Equal("{\"id\":\"" + id + "\",\"state\":\"Queued\",\"percentage\":0,\"reads\":0,\"moves\":true}", peek.Body);
            Assert.Equal("Archiving", (string)advanced.Node["state"]!);
            Assert.Equal("Paused", (string)set.Node["state"]!);
            Assert.Equal(400, badState.Code);
            Assert.Equal(404, unknown.Code);
            Assert.Equal("{\"readsPerStep\":3,\"failNewScans\":true}", lifecycle.Body);
            Assert.Equal((3, true), (fake.Lifecycle.ReadsPerStep, fake.Lifecycle.FailNewScans));
            Assert.Equal(400, badLifecycle.Code);
            Assert.Equal("Paused", fake.StateOf(id));
            fake.Lifecycle.Reset();
            Assert.Equal("{\"readsPerStep\":1,\"failNewScans\":false}", (await Send(server, HttpMethod.Get, "/_sandbox/lifecycle")).Body);
        }

        // ---------------------------------------------------------------- ProjectDiscovery

        private static readonly Dictionary<string, string> PdcpAuth = new Dictionary<string, string> { ["X-API-Key"] = "test-key" };

        private static void AssertPdcpValid(string template, string method, Answer answer)
        {
            var operation = PdcpOpenApi.Root["paths"]![template]![method]!;
            string code = answer.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string documented = operation["responses"]![code] != null ? code : "default";
            var errors = PdcpOpenApi.OperationResponse(template, method, documented).Validate(answer.Body).Select(e => e.ToString()).ToList();
            Assert.True(errors.Count == 0, method + " " + template + " -> " + code + ": " + string.Join("; ", errors) + "\n" + answer.Body);
            Assert.StartsWith(Json, answer.ContentType, StringComparison.Ordinal);
        }

        [Fact]
        public async Task ProjectDiscovery_stop_stops_a_running_scan_which_then_reads_stopped_and_refuses_other_states()
        {
            var fake = new FakeProjectDiscovery();
            string running = fake.AddScan("running");
            string finished = fake.AddScan("finished");
            string queued = fake.AddScan("queued");
            await using var server = await FakeVendorServer.StartAsync(fake);

            var stop = await Send(server, HttpMethod.Post, "/v1/scans/" + running + "/stop", headers: PdcpAuth);
            var read = await Send(server, HttpMethod.Get, "/v1/scans/" + running, headers: PdcpAuth);
            var again = await Send(server, HttpMethod.Post, "/v1/scans/" + running + "/stop", headers: PdcpAuth);
            var done = await Send(server, HttpMethod.Post, "/v1/scans/" + finished + "/stop", headers: PdcpAuth);
            var unknown = await Send(server, HttpMethod.Post, "/v1/scans/d10000000000000000ff/stop", headers: PdcpAuth);
            var stoppedList = await Send(server, HttpMethod.Get, "/v1/scans?status=stopped", headers: PdcpAuth);
            fake.StopRefusal = PdcpStopRefusal.OkFalse;
            var okFalse = await Send(server, HttpMethod.Post, "/v1/scans/" + finished + "/stop", headers: PdcpAuth);
            var stopQueued = await Send(server, HttpMethod.Post, "/v1/scans/" + queued + "/stop", headers: PdcpAuth);

            Assert.Equal((200, "{\"message\":\"scan stopped\",\"ok\":true}"), (stop.Code, stop.Body));
            AssertPdcpValid("/v1/scans/{scan_id}/stop", "post", stop);
            Assert.Equal("stopped", (string)read.Node["status"]!);
            AssertPdcpValid("/v1/scans/{scan_id}", "get", read);
            Assert.Equal((400, "scan is not running"), (again.Code, (string)again.Node["message"]!));
            Assert.Equal((400, "scan is not running"), (done.Code, (string)done.Node["message"]!));
            Assert.Equal((404, "scan not found"), (unknown.Code, (string)unknown.Node["message"]!));
            foreach (var answer in new[] { again, done, unknown, okFalse, stopQueued }) AssertPdcpValid("/v1/scans/{scan_id}/stop", "post", answer);
            Assert.Equal(new[] { running }, stoppedList.Node["data"]!.AsArray().Select(s => (string)s!["scan_id"]!));
            Assert.Equal((200, "{\"message\":\"scan is not running\",\"ok\":false}"), (okFalse.Code, okFalse.Body));
            Assert.Equal(200, stopQueued.Code);
            Assert.Equal("stopped", (string)fake.PeekScan(queued)!["state"]!);
        }

        [Fact]
        public async Task ProjectDiscovery_rescan_starts_a_new_scan_with_the_source_settings_and_refuses_one_in_progress()
        {
            var fake = new FakeProjectDiscovery();
            string source = fake.SeedScans(4)[3]; // the 4th seeded status is "finished"
            string running = fake.AddScan("running");
            string teamScan = fake.AddScan("finished", "team-blue");
            await using var server = await FakeVendorServer.StartAsync(fake);

            var rescan = await Send(server, HttpMethod.Post, "/v1/scans/" + source + "/rescan", headers: PdcpAuth);
            string newId = (string)rescan.Node["id"]!;
            var first = await Send(server, HttpMethod.Get, "/v1/scans/" + newId, headers: PdcpAuth);
            var second = await Send(server, HttpMethod.Get, "/v1/scans/" + newId, headers: PdcpAuth);
            var sourceRead = await Send(server, HttpMethod.Get, "/v1/scans/" + source, headers: PdcpAuth);
            var busy = await Send(server, HttpMethod.Post, "/v1/scans/" + running + "/rescan", headers: PdcpAuth);
            var otherWorkspace = await Send(server, HttpMethod.Post, "/v1/scans/" + teamScan + "/rescan", headers: PdcpAuth);
            var badKey = await Send(server, HttpMethod.Post, "/v1/scans/" + source + "/rescan", headers: new Dictionary<string, string> { ["X-API-Key"] = "nope" });

            Assert.Equal("finished", (string)sourceRead.Node["status"]!);
            Assert.Equal(200, rescan.Code);
            AssertPdcpValid("/v1/scans/{scan_id}/rescan", "post", rescan);
            Assert.Equal("d1000000000000000007", newId);
            Assert.Equal(("rescan started", 0), ((string)rescan.Node["message"]!, (int)rescan.Node["truncated-scan-targets"]!));
            Assert.Equal(("running", 50, true), ((string)first.Node["status"]!, (int)first.Node["progress"]!, (bool)first.Node["is_rescan"]!));
            Assert.Equal(("finished", 100), ((string)second.Node["status"]!, (int)second.Node["progress"]!));
            Assert.Equal((string)sourceRead.Node["name"]!, (string)second.Node["name"]!);
            Assert.Equal(1, (int)sourceRead.Node["rescan_count"]!);
            Assert.Equal((400, "scan is already running"), (busy.Code, (string)busy.Node["message"]!));
            Assert.Equal(404, otherWorkspace.Code);
            Assert.Equal(401, badKey.Code);
            foreach (var answer in new[] { busy, otherWorkspace, badKey }) AssertPdcpValid("/v1/scans/{scan_id}/rescan", "post", answer);
        }

        [Fact]
        public async Task ProjectDiscovery_failing_scans_and_reads_per_step_follow_the_lifecycle_options()
        {
            var fake = new FakeProjectDiscovery();
            fake.Lifecycle.FailNewScans = true;
            fake.Lifecycle.ReadsPerStep = 2;
            await using var server = await FakeVendorServer.StartAsync(fake);
            var created = await Send(server, HttpMethod.Post, "/v1/scans", "{\"targets\":[\"a.example\"],\"templates\":[\"dns/\"]}", PdcpAuth);
            string id = (string)created.Node["id"]!;
            server.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/v1/scans/" + id, StatusCode = 503, Times = 2 });

            var statuses = new List<string>();
            for (int i = 0; i < 6; i++)
            {
                var read = await Send(server, HttpMethod.Get, "/v1/scans/" + id, headers: PdcpAuth);
                statuses.Add(read.Code == 200 ? (string)read.Node["status"]! : read.Code.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            Assert.Equal(new[] { "503", "503", "queued", "running", "running", "failed" }, statuses);
            var last = await Send(server, HttpMethod.Get, "/v1/scans/" + id, headers: PdcpAuth);
            AssertPdcpValid("/v1/scans/{scan_id}", "get", last);
            Assert.Equal("no reachable targets", (string)last.Node["failure_reason"]!);
        }

        [Fact]
        public void ProjectDiscovery_sandbox_has_scans_in_every_status_including_stopped()
        {
            var fake = FakeProjectDiscovery.CreateSandbox();
            var states = Enumerable.Range(1, 30).Select(n => fake.PeekScan("d1" + n.ToString("x18", System.Globalization.CultureInfo.InvariantCulture))).Where(p => p != null).Select(p => (string)p!["state"]!).ToHashSet();
            Assert.Equal(FakeProjectDiscovery.Statuses.OrderBy(s => s), states.OrderBy(s => s));
        }

        // ---------------------------------------------------------------- Probely

        private static readonly Dictionary<string, string> ProbelyAuth = new Dictionary<string, string> { ["Authorization"] = "JWT test-key" };

        /// <summary>The scan object's fields as vendor-apis.md §4 lists them ("Scan object (key fields)").</summary>
        private static readonly string[] ProbelyScanFields =
        {
            "id", "target", "status", "started", "completed", "created", "changed", "changed_by", "created_by", "scan_profile", "lows", "mediums",
            "highs", "criticals", "unlimited", "incremental", "reduced_scope", "crawl_sequences_only", "ignore_blackout_period",
            "has_sequence_navigation", "user_data", "target_options", "crawler", "fingerprinter", "scanner", "stack", "runtime",
        };

        private static void AssertProbelyScan(JsonNode scan, string targetId, string status)
        {
            Assert.Equal(ProbelyScanFields, scan.AsObject().Select(p => p.Key));
            Assert.Equal(targetId, (string)scan["target"]!["id"]!);
            Assert.Equal(status, (string)scan["status"]!);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$", (string)scan["created"]!);
            Assert.Matches("^[1-9A-HJ-NP-Za-km-z]{12}$", (string)scan["id"]!);
        }

        [Fact]
        public async Task Probely_scan_now_answers_the_queued_scan_and_reads_by_id_move_it_to_completed()
        {
            var fake = FakeProbely.CreateSandbox();
            await using var server = await FakeVendorServer.StartAsync(fake);

            var created = await Send(server, HttpMethod.Post, "/targets/3epwuyBoKQKN/scan_now/", "{\"scan_profile\":\"full\",\"incremental\":true}", ProbelyAuth);
            var noBody = await Send(server, HttpMethod.Post, "/targets/5zJkQ8cQn2Pw/scan_now/", headers: ProbelyAuth);

            Assert.Equal(HttpStatusCode.OK, created.Status);
            AssertProbelyScan(created.Node, "3epwuyBoKQKN", "queued");
            Assert.Equal(("full", true, false), ((string)created.Node["scan_profile"]!, (bool)created.Node["incremental"]!, (bool)created.Node["reduced_scope"]!));
            Assert.Null(created.Node["started"]);
            Assert.Equal("normal", (string)noBody.Node["scan_profile"]!);
            string id = (string)created.Node["id"]!;

            var states = new List<string>();
            for (int i = 0; i < 4; i++) states.Add((string)(await Send(server, HttpMethod.Get, "/targets/3epwuyBoKQKN/scans/" + id + "/", headers: ProbelyAuth)).Node["status"]!);
            var account = await Send(server, HttpMethod.Get, "/scans/" + id + "/", headers: ProbelyAuth);
            var wrongTarget = await Send(server, HttpMethod.Get, "/targets/5zJkQ8cQn2Pw/scans/" + id + "/", headers: ProbelyAuth);

            Assert.Equal(new[] { "started", "finishing_up", "completed", "completed" }, states);
            AssertProbelyScan(account.Node, "3epwuyBoKQKN", "completed");
            Assert.NotNull((string?)account.Node["completed"]);
            Assert.Equal((404, "Not found."), (wrongTarget.Code, (string)wrongTarget.Node["detail"]!));
        }

        [Fact]
        public async Task Probely_scan_now_refusals()
        {
            var fake = FakeProbely.CreateSandbox();
            await using var server = await FakeVendorServer.StartAsync(fake);

            var badProfile = await Send(server, HttpMethod.Post, "/targets/3epwuyBoKQKN/scan_now/", "{\"scan_profile\":\"turbo\"}", ProbelyAuth);
            var unknownTarget = await Send(server, HttpMethod.Post, "/targets/nosuchtarget/scan_now/", "{}", ProbelyAuth);
            var refused = await Send(server, HttpMethod.Post, "/targets/2wPxCv6ZbNmt/scan_now/", "{}", ProbelyAuth);
            var noSlash = await Send(server, HttpMethod.Post, "/targets/3epwuyBoKQKN/scan_now", "{}", ProbelyAuth);
            var noKey = await Send(server, HttpMethod.Post, "/targets/3epwuyBoKQKN/scan_now/", "{}");

            Assert.Equal((400, "{\"scan_profile\":[\"Invalid pk \\\"turbo\\\" - object does not exist.\"]}"), (badProfile.Code, badProfile.Body));
            Assert.Equal((404, "{\"detail\":\"Not found.\"}"), (unknownTarget.Code, unknownTarget.Body));
            Assert.Equal((400, "{\"error\":\"The target's domain is not verified.\"}"), (refused.Code, refused.Body));
            Assert.Equal(404, noSlash.Code);
            Assert.Equal(401, noKey.Code);
        }

        [Fact]
        public async Task Probely_scan_listing_pages_with_count_page_total_and_filters_by_status()
        {
            var fake = FakeProbely.CreateSandbox();
            await using var server = await FakeVendorServer.StartAsync(fake);

            var first = await Send(server, HttpMethod.Get, "/scans/?page=1&length=5", headers: ProbelyAuth);
            var last = await Send(server, HttpMethod.Get, "/scans/?page=6&length=5", headers: ProbelyAuth);
            var past = await Send(server, HttpMethod.Get, "/scans/?page=7&length=5", headers: ProbelyAuth);
            var completed = await Send(server, HttpMethod.Get, "/scans/?status=completed&status=canceled&length=50", headers: ProbelyAuth);
            var comma = await Send(server, HttpMethod.Get, "/scans/?status=completed,canceled&length=50", headers: ProbelyAuth);
            var bogus = await Send(server, HttpMethod.Get, "/scans/?status=done", headers: ProbelyAuth);
            var byTarget = await Send(server, HttpMethod.Get, "/targets/3epwuyBoKQKN/scans/?length=50", headers: ProbelyAuth);
            var all = await Send(server, HttpMethod.Get, "/scans/?length=100&ordering=created", headers: ProbelyAuth);

            Assert.Equal(new[] { "count", "page_total", "page", "length", "results" }, first.Node.AsObject().Select(p => p.Key));
            // 24 seeded scans (two in each status) and the three completed scans that carry the seeded findings.
            Assert.Equal((27, 6, 1, 5, 5), ((int)first.Node["count"]!, (int)first.Node["page_total"]!, (int)first.Node["page"]!, (int)first.Node["length"]!, first.Node["results"]!.AsArray().Count));
            Assert.Equal(2, last.Node["results"]!.AsArray().Count);
            Assert.Equal((404, "Invalid page."), (past.Code, (string)past.Node["detail"]!));
            Assert.Equal(7, (int)completed.Node["count"]!);
            Assert.All(completed.Node["results"]!.AsArray(), s => Assert.Contains((string)s!["status"]!, new[] { "completed", "canceled" }));
            Assert.Equal(completed.Body, comma.Body);
            Assert.Equal(400, bogus.Code);
            Assert.All(byTarget.Node["results"]!.AsArray(), s => Assert.Equal("3epwuyBoKQKN", (string)s!["target"]!["id"]!));
            var statuses = all.Node["results"]!.AsArray().Select(s => (string)s!["status"]!).ToList();
            Assert.Equal(FakeProbely.ScanStatuses.Concat(FakeProbely.ScanStatuses).Concat(new[] { "completed", "completed", "completed" }), statuses);
            // Newest first by default: the default order is the reverse of ordering=created.
            Assert.Equal(all.Node["results"]!.AsArray().Select(s => (string)s!["id"]!).Reverse().Take(5), first.Node["results"]!.AsArray().Select(s => (string)s!["id"]!));
        }

        [Fact]
        public async Task Probely_cancel_answers_canceling_then_the_scan_reads_canceled_and_a_finished_scan_is_refused()
        {
            var fake = new FakeProbely();
            fake.AddTarget("3epwuyBoKQKN", "Example shop", "https://shop.example.com/");
            fake.AddTarget("5zJkQ8cQn2Pw", "Example API", "https://api.example.com/");
            string running = fake.AddScan("3epwuyBoKQKN", "started");
            string done = fake.AddScan("3epwuyBoKQKN", "completed", id: "F1ndScanAAA1");
            await using var server = await FakeVendorServer.StartAsync(fake);

            var wrongTarget = await Send(server, HttpMethod.Post, "/targets/5zJkQ8cQn2Pw/scans/" + running + "/cancel/", headers: ProbelyAuth);
            var cancel = await Send(server, HttpMethod.Post, "/targets/3epwuyBoKQKN/scans/" + running + "/cancel/", headers: ProbelyAuth);
            var read = await Send(server, HttpMethod.Get, "/targets/3epwuyBoKQKN/scans/" + running + "/", headers: ProbelyAuth);
            var again = await Send(server, HttpMethod.Post, "/targets/3epwuyBoKQKN/scans/" + running + "/cancel/", headers: ProbelyAuth);
            var finished = await Send(server, HttpMethod.Post, "/targets/3epwuyBoKQKN/scans/" + done + "/cancel/", headers: ProbelyAuth);

            Assert.Equal("F1ndScanAAA1", done);
            Assert.Throws<ArgumentException>(() => fake.AddScan("3epwuyBoKQKN", "queued", id: done));
            Assert.Equal(404, wrongTarget.Code);
            Assert.Equal(200, cancel.Code);
            AssertProbelyScan(cancel.Node, "3epwuyBoKQKN", "canceling");
            AssertProbelyScan(read.Node, "3epwuyBoKQKN", "canceled");
            Assert.Equal((400, "{\"error\":\"Scan cannot be canceled: its status is canceled.\"}"), (again.Code, again.Body));
            Assert.Equal((400, "{\"error\":\"Scan cannot be canceled: its status is completed.\"}"), (finished.Code, finished.Body));
        }

        [Fact]
        public async Task Probely_failing_outcome_and_sandbox_control()
        {
            var fake = FakeProbely.CreateSandbox();
            await using var server = await FakeVendorServer.StartAsync(fake);
            await Send(server, HttpMethod.Post, "/_sandbox/lifecycle?failNewScans=true");
            var created = await Send(server, HttpMethod.Post, "/targets/3epwuyBoKQKN/scan_now/", headers: ProbelyAuth);
            string id = (string)created.Node["id"]!;

            var advanced = await Send(server, HttpMethod.Post, "/_sandbox/scans/" + id + "/advance?steps=2");
            var read = await Send(server, HttpMethod.Get, "/scans/" + id + "/", headers: ProbelyAuth);
            var set = await Send(server, HttpMethod.Post, "/_sandbox/scans/" + id + "/state?value=paused");

            Assert.Equal("failed", (string)advanced.Node["state"]!);
            AssertProbelyScan(read.Node, "3epwuyBoKQKN", "failed");
            Assert.Equal("The target could not be reached.", (string)read.Node["scanner"]!["error"]![0]!);
            Assert.Equal("paused", (string)set.Node["state"]!);
        }

        // ---------------------------------------------------------------- HostedScan

        private static readonly Dictionary<string, string> HostedScanAuth = new Dictionary<string, string> { ["X-HOSTEDSCAN-API-KEY"] = "test-key" };

        [Fact]
        public async Task HostedScan_scans_progress_with_reads_fail_when_told_and_no_stop_endpoint_exists()
        {
            var fake = new FakeHostedScan();
            await using var server = await FakeVendorServer.StartAsync(fake);
            fake.Lifecycle.ReadsPerStep = 2;
            var ok = await Send(server, HttpMethod.Post, "/v1/scans", "{\"type\":\"NMAP\",\"targets\":[\"example.com\"]}", HostedScanAuth);
            fake.Lifecycle.FailNewScans = true;
            var bad = await Send(server, HttpMethod.Post, "/v1/scans", "{\"type\":\"NMAP\",\"targets\":[\"example.com\"]}", HostedScanAuth);
            string okId = (string)ok.Node["data"]!["id"]!;
            string badId = (string)bad.Node["data"]!["id"]!;

            async Task<List<string>> Reads(string id)
            {
                var seen = new List<string>();
                for (int i = 0; i < 5; i++)
                {
                    var data = (await Send(server, HttpMethod.Get, "/v1/scans/" + id, headers: HostedScanAuth)).Node["data"]!;
                    seen.Add((string)data["state"]! + " " + (int)data["progress"]!);
                }

                return seen;
            }

            Assert.Equal(new[] { "QUEUED 0", "RUNNING 50", "RUNNING 50", "SUCCEEDED 100", "SUCCEEDED 100" }, await Reads(okId));
            Assert.Equal(new[] { "QUEUED 0", "RUNNING 50", "RUNNING 50", "FAILED 100", "FAILED 100" }, await Reads(badId));
            var stop = await Send(server, HttpMethod.Post, "/v1/scans/" + okId + "/stop", headers: HostedScanAuth);
            Assert.Equal((404, "{\"error\":\"Not found\"}"), (stop.Code, stop.Body));

            var set = await Send(server, HttpMethod.Post, "/_sandbox/scans/" + okId + "/state?value=RUNNING");
            Assert.Equal("{\"id\":\"" + okId + "\",\"state\":\"RUNNING\",\"progress\":50,\"reads\":0,\"moves\":true}", set.Body);
            var peek = await Send(server, HttpMethod.Get, "/_sandbox/lifecycle");
            Assert.Equal("{\"readsPerStep\":2,\"failNewScans\":true}", peek.Body);

            // A re-run (Start-ScanFromScan) sends the same type and the first scan's target ids: the target keeps its name.
            string targetId = (string)ok.Node["data"]!["requested_targets"]![0]!["target_id"]!;
            var rerun = await Send(server, HttpMethod.Post, "/v1/scans", "{\"type\":\"NMAP\",\"target_ids\":[\"" + targetId + "\"]}", HostedScanAuth);
            Assert.Equal("[{\"target_id\":\"" + targetId + "\",\"target\":\"example.com\"}]", rerun.Node["data"]!["requested_targets"]!.ToJsonString());
        }
    }
}
