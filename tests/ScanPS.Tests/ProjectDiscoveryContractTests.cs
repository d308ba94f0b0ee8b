using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using NJsonSchema;
using ScanPS.Operations;
using ScanPS.Providers;
using ScanPS.Providers.ProjectDiscovery;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// Contract tests against the vendor's own openapi.yaml (the byte-identical copy under tests/ScanPS.Tests/Specs):
    /// every body New-Scan sends validates against TriggerUserScanRequest, every answer of the fake against its response schema.
    /// </summary>
    public sealed class ProjectDiscoveryContractTests : ProjectDiscoveryServerTest
    {
        private static JsonSchema RequestSchema => PdcpOpenApi.RequestBody("TriggerUserScanRequest");

        public static TheoryData<string> Requests() => new TheoryData<string>
        {
            "Nightly", "Everything", "AssetsOnly", "EnumerationAllAssets", "FiltersOnly", "AllSwitchesFalse", "ScheduleOnlyRecommended", "PipelineRows",
        };

        private static ProjectDiscoveryNewScanRequest Build(string name)
        {
            switch (name)
            {
                case "Nightly": return ProjectDiscoveryRequests.Nightly();
                case "Everything": return ProjectDiscoveryRequests.Everything();
                case "AssetsOnly": return new ProjectDiscoveryNewScanRequest { Assets = { "asset-9" }, AllTemplates = true };
                case "EnumerationAllAssets": return new ProjectDiscoveryNewScanRequest { EnumerationIds = { "e-1", "e-2" }, ScanAllAssets = true, EarlyTemplates = { "dns/" } };
                case "FiltersOnly":
                    return new ProjectDiscoveryNewScanRequest
                    {
                        AssetFilters = new Hashtable
                        {
                            ["is_tech"] = true, ["is_favicon"] = false, ["is_screenshot"] = "true", ["only_dns"] = true, ["only_ip"] = false,
                            ["labels"] = "p1", ["status_code"] = new object[] { 200, 301 }, ["content_length"] = "0", ["title"] = "Login",
                            ["cname"] = "cdn.example.net", ["technologies"] = "nginx", ["ip"] = "203.0.113.5", ["custom_filter"] = "a%3Db",
                            ["search"] = "admin", ["enumeration_ids"] = new[] { "e-1" }, ["time"] = "ALL_TIME",
                        },
                    };
                case "AllSwitchesFalse":
                    return new ProjectDiscoveryNewScanRequest
                    {
                        Targets = { "10.0.0.0/24" }, Recommended = false, AllTemplates = false, ScanAllAssets = false, DisableGlobalAlertConfig = false,
                        DisableGlobalReportConfig = false, DisableGlobalScanConfig = false, ScheduleOnly = false, AutomaticScan = false, AgentBehavior = "distribute",
                    };
                case "ScheduleOnlyRecommended": return new ProjectDiscoveryNewScanRequest { Targets = { "example.com" }, Recommended = true, ScheduleOnly = true, Name = "weekly" };
                default:
                    var collector = new NewScanCollector();
                    collector.Add("ProjectDiscovery", new[] { "web1.example.com" }, null, null);
                    collector.Add("projectdiscovery", new[] { "web2.example.com" }, null, null);
                    var request = NewScanRequests.ProjectDiscovery(collector);
                    request.Templates.Add("http/cves/");
                    return request;
            }
        }

        [Fact]
        public void The_spec_copy_is_byte_identical_to_the_vendor_document()
        {
            Assert.Equal(PdcpOpenApi.Sha256, PdcpOpenApi.FileSha256());
            Assert.Equal("3.1.0", (string?)PdcpOpenApi.Root["openapi"]);
        }

        [Theory]
        [MemberData(nameof(Requests))]
        public void Every_body_New_Scan_sends_validates_against_TriggerUserScanRequest_and_the_fake_accepts_it(string name)
        {
            var host = new RecordingHost();

            ScanOperations.NewScan(host, Open(), Build(name));

            Assert.Empty(host.Errors);
            var body = ApiRequests[0].Body;
            Assert.Equal("POST", ApiRequests[0].Method);
            Assert.Empty(RequestSchema.Validate(body).Select(e => e.ToString()));
        }

        [Theory]
        [InlineData("{\"targets\":\"example.com\"}", "ArrayExpected", "#/targets")]
        [InlineData("{\"recommended\":\"yes\"}", "BooleanExpected", "#/recommended")]
        [InlineData("{\"agent_behavior\":\"spread\"}", "NotInEnumeration", "#/agent_behavior")]
        [InlineData("{\"asset_filters\":{\"hostname\":\"a\"}}", "NoAdditionalPropertiesAllowed", "#/asset_filters.hostname")]
        [InlineData("{\"asset_filters\":{\"start_date\":\"02/01/2025\"}}", "DateExpected", "#/asset_filters.start_date")]
        [InlineData("{\"enumeration_ids\":[\"e-1\"]}", "ArrayItemNotValid", "#/enumeration_ids[0]")]
        public void The_check_can_fail_a_body_with_a_wrong_type_is_rejected(string body, string kind, string path)
        {
            var error = Assert.Single(RequestSchema.Validate(body));
            Assert.Equal(kind, error.Kind.ToString());
            Assert.Equal(path, error.Path);
        }

        [Fact]
        public async Task Every_answer_of_the_fake_validates_against_the_documented_response_schema()
        {
            var ids = Vendor.SeedScans(7);
            Vendor.MaxTargetsPerScan = 1;
            using var http = new HttpClient { BaseAddress = Server.BaseUri };
            var checkedCount = 0;

            async Task Check(HttpMethod method, string path, string pathTemplate, string? body = null, string key = Key, string? team = null)
            {
                using var message = new HttpRequestMessage(method, path);
                message.Headers.Add("X-API-Key", key);
                if (team != null) message.Headers.Add("X-Team-Id", team);
                if (body != null) message.Content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await http.SendAsync(message);
                string status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var operation = PdcpOpenApi.Root["paths"]![pathTemplate]![method.Method.ToLowerInvariant()]!;
                string documented = operation["responses"]![status] != null ? status : "default";
                var schema = PdcpOpenApi.OperationResponse(pathTemplate, method.Method.ToLowerInvariant(), documented);
                string json = await response.Content.ReadAsStringAsync();
                Assert.True(response.Content.Headers.ContentType!.MediaType == "application/json", method + " " + path);
                var errors = schema.Validate(json).Select(e => e.ToString()).ToList();
                Assert.True(errors.Count == 0, method + " " + path + " -> " + status + ": " + string.Join("; ", errors) + "\n" + json);
                checkedCount++;
            }

            string create = "{\"name\":\"c\",\"targets\":[\"a.example\",\"b.example\"],\"templates\":[\"dns/\"]}";
            await Check(HttpMethod.Post, "/v1/scans", "/v1/scans", create);
            await Check(HttpMethod.Post, "/v1/scans", "/v1/scans", "{\"targets\":\"a.example\"}");
            await Check(HttpMethod.Post, "/v1/scans", "/v1/scans", "{\"templates\":[\"dns/\"]}");
            await Check(HttpMethod.Post, "/v1/scans", "/v1/scans", create, key: "wrong");
            await Check(HttpMethod.Get, "/v1/scans?offset=0&limit=3", "/v1/scans");
            await Check(HttpMethod.Get, "/v1/scans?offset=6&limit=3&status=scheduled&search=nightly", "/v1/scans");
            await Check(HttpMethod.Get, "/v1/scans?offset=-1", "/v1/scans");
            await Check(HttpMethod.Get, "/v1/scans", "/v1/scans", team: "team-red");
            foreach (var id in ids) await Check(HttpMethod.Get, "/v1/scans/" + id, "/v1/scans/{scan_id}");
            const string created = "d1000000000000000008"; // the 8th scan: 7 seeded, then the one created above
            for (int i = 0; i < 3; i++) await Check(HttpMethod.Get, "/v1/scans/" + created, "/v1/scans/{scan_id}"); // queued -> running -> finished
            await Check(HttpMethod.Get, "/v1/scans/nope", "/v1/scans/{scan_id}");

            Assert.Equal(19, checkedCount);
            // The statuses the fake walked through, so the check covered a scan in each of them.
            var host = new RecordingHost();
            ScanOperations.ListScans(host, Open(), new ScanListQuery(), 0, ulong.MaxValue);
            Assert.Equal(new[] { "failed", "finished", "queued", "running", "scheduled", "starting", "uploaded" },
                host.Output.Cast<Models.ProjectDiscoveryScan>().Select(s => s.VendorState!).Distinct().OrderBy(s => s, StringComparer.Ordinal));
        }

        [Fact]
        public void The_vocabulary_matches_the_spec()
        {
            var root = PdcpOpenApi.Root;
            var assetFilters = (Newtonsoft.Json.Linq.JObject)root["components"]!["schemas"]!["AssetFilters"]!["properties"]!;
            Assert.Equal(assetFilters.Properties().Select(p => p.Name), ProjectDiscoveryAssetFilters.KeyNames);
            Assert.Equal(root["components"]!["schemas"]!["TimeRangeQueryParameter"]!["enum"]!.Select(t => (string)t!), ProjectDiscoveryAssetFilters.TimeRanges);
            Assert.Equal(root.SelectToken("components.requestBodies.TriggerUserScanRequest.content['application/json'].schema.properties.agent_behavior.enum")!.Select(t => (string)t!),
                ProjectDiscoveryVocabulary.AgentBehaviors);
            var statusParameter = root["paths"]!["/v1/scans"]!["get"]!["parameters"]!.Single(p => (string?)p["name"] == "status");
            var match = System.Text.RegularExpressions.Regex.Match((string)statusParameter["description"]!, @"^filter by status \((.*)\)$");
            Assert.True(match.Success);
            // "stopped" is not in the filter's description but is a status of the spec's ScanStatsResponse.scan_status
            // (what a stopped scan reads): the vocabulary adds it.
            Assert.Equal(match.Groups[1].Value.Split(", ").Append("stopped").OrderBy(s => s, StringComparer.Ordinal), ProjectDiscoveryVocabulary.VendorStates.OrderBy(s => s, StringComparer.Ordinal));
            Assert.Contains("stopped", root.SelectTokens("$..scan_status.required[*]").Select(t => (string)t!));
            Assert.Equal("X-API-Key", (string?)root["components"]!["securitySchemes"]!["X-API-Key"]!["name"]);
        }
    }
}
