using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ScanPS.FakeVendors;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// The findings and report endpoints of the four fakes, over HTTP: the seeded ids resolve, filters and paging work
    /// as documented, files stream with the declared length and bytes, and the CutOffAfterBytes fault ends a download
    /// part way. Responses are checked against the vendor specs where one exists (PDCP OpenAPI, Invicti Swagger).
    /// </summary>
    public sealed class FakeFindingsTests
    {
        private static async Task<(HttpStatusCode Status, string? ContentType, JsonDocument? Json, string Text)> Get(FakeVendorServer server, string path, Action<HttpRequestMessage> auth)
        {
            using var http = new HttpClient { BaseAddress = server.BaseUri };
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            auth(request);
            using var response = await http.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            string? type = response.Content.Headers.ContentType?.MediaType;
            JsonDocument? json = type != null && type.Contains("json") ? JsonDocument.Parse(text) : null;
            return (response.StatusCode, type, json, text);
        }

        /// <summary>Downloads a file without holding it, returning the status, Content-Type, Content-Length, bytes read and their SHA-256.</summary>
        private static async Task<(HttpStatusCode Status, string? ContentType, long? Declared, long Read, string Sha)> Download(FakeVendorServer server, string path, Action<HttpRequestMessage> auth)
        {
            using var http = new HttpClient { BaseAddress = server.BaseUri };
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            auth(request);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            using var stream = await response.Content.ReadAsStreamAsync();
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long total = 0;
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                sha.AppendData(buffer, 0, n);
                total += n;
            }

            return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), response.Content.Headers.ContentLength, total, Convert.ToHexStringLower(sha.GetHashAndReset()));
        }

        private static string Sha(FakeReportFile file)
        {
            using var stream = file.OpenRead();
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        private static Action<HttpRequestMessage> HostedScanKey => r => r.Headers.Add(FakeHostedScan.ApiKeyHeaderName, "test-key");
        private static Action<HttpRequestMessage> PdcpKey => r => r.Headers.Add(FakeProjectDiscovery.ApiKeyHeaderName, "test-key");
        private static Action<HttpRequestMessage> PdcpTeam => r => { r.Headers.Add(FakeProjectDiscovery.ApiKeyHeaderName, "test-key"); r.Headers.Add("X-Team-Id", "team-blue"); };
        private static Action<HttpRequestMessage> InvictiAuth => r => r.Headers.TryAddWithoutValidation("Authorization", InvictiServerTest.BasicHeader);
        private static Action<HttpRequestMessage> ProbelyKey => r => r.Headers.TryAddWithoutValidation("Authorization", "JWT test-key");

        private static string[] Ids(JsonElement scan, string list) => scan.GetProperty("risks").GetProperty(list).EnumerateArray().Select(r => r.GetProperty("risk_id").GetString()!).ToArray();

        [Fact]
        public async Task HostedScan_the_seeded_scan_lists_risks_of_every_level_and_each_id_resolves()
        {
            await using var server = await FakeVendorServer.StartAsync(new FakeHostedScan());
            var fake = (FakeHostedScan)server.Vendor;
            Assert.Equal(new[] { FakeHostedScan.FindingsScanId, FakeHostedScan.ManyRisksScanId }, fake.SeedFindingScans());
            Assert.Throws<InvalidOperationException>(() => fake.SeedFindingScans());

            var scan = (await Get(server, "/v1/scans/" + FakeHostedScan.FindingsScanId, HostedScanKey)).Json!.RootElement.GetProperty("data");
            Assert.Equal(new[] { "f1e000000000000000000001", "f1e000000000000000000002" }, Ids(scan, "new_open"));
            Assert.Equal(new[] { "f1e000000000000000000003", "f1e000000000000000000004", "f1e000000000000000000005", "f1e000000000000000000007" }, Ids(scan, "still_open"));
            Assert.Equal(new[] { "f1e000000000000000000006" }, Ids(scan, "closed"));
            Assert.Equal(new[] { "text/html", "application/pdf", "application/xml", "application/json" },
                scan.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("content_type").GetString()));

            var levels = new List<string>();
            foreach (var id in Ids(scan, "new_open").Concat(Ids(scan, "still_open")).Concat(Ids(scan, "closed")))
            {
                var (status, _, json, _) = await Get(server, "/v1/risks/" + id, HostedScanKey);
                Assert.Equal(HttpStatusCode.OK, status);
                var risk = json!.RootElement.GetProperty("data");
                Assert.Equal(id, risk.GetProperty("id").GetString());
                levels.Add(risk.GetProperty("risk_definition").GetProperty("threat_level").GetString()!);
                foreach (var key in new[] { "target_id", "target", "target_label", "tags", "status", "is_accepted", "accepted_by", "first_detected_at", "last_detected_at" })
                    Assert.True(risk.TryGetProperty(key, out _), key);
            }

            Assert.Equal(new[] { "CRITICAL", "HIGH", "INFO", "LOW", "MEDIUM" }, levels.Distinct().OrderBy(l => l, StringComparer.Ordinal));
            var closed = (await Get(server, "/v1/risks/f1e000000000000000000006", HostedScanKey)).Json!.RootElement.GetProperty("data");
            Assert.Equal("CLOSED", closed.GetProperty("status").GetString());
            var accepted = (await Get(server, "/v1/risks/f1e000000000000000000007", HostedScanKey)).Json!.RootElement.GetProperty("data");
            Assert.True(accepted.GetProperty("is_accepted").GetBoolean());
            Assert.Single(accepted.GetProperty("accepted_by").EnumerateArray());
            Assert.Equal(HttpStatusCode.NotFound, (await Get(server, "/v1/risks/nosuchrisk", HostedScanKey)).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await Get(server, "/v1/risks/f1e000000000000000000001", _ => { })).Status);
        }

        [Fact]
        public async Task HostedScan_risks_filter_by_target_and_type_and_page_500_at_a_time_with_a_cursor()
        {
            await using var server = await FakeVendorServer.StartAsync(new FakeHostedScan());
            ((FakeHostedScan)server.Vendor).SeedFindingScans();

            string filters = Uri.EscapeDataString("{\"target_id\":[\"f1a000000000000000000001\",\"f1a000000000000000000002\"],\"risk_definition.scan_type\":[\"OPENVAS\"]}");
            var page = (await Get(server, "/v1/risks?filters=" + filters, HostedScanKey)).Json!.RootElement;
            // The seven of the scan and f1e...08, which is on the same target and type but in none of the scan's lists.
            Assert.Equal(8, page.GetProperty("data").GetArrayLength());
            Assert.False(page.TryGetProperty("next_page_token", out _));

            string many = Uri.EscapeDataString("{\"target_id\":[\"f1a000000000000000000003\"]}");
            var sizes = new List<int>();
            string? token = null;
            var seen = new HashSet<string>();
            do
            {
                var json = (await Get(server, "/v1/risks?filters=" + many + (token == null ? "" : "&page_token=" + token), HostedScanKey)).Json!.RootElement;
                sizes.Add(json.GetProperty("data").GetArrayLength());
                foreach (var risk in json.GetProperty("data").EnumerateArray()) Assert.True(seen.Add(risk.GetProperty("id").GetString()!));
                token = json.TryGetProperty("next_page_token", out var next) ? next.GetString() : null;
            }
            while (token != null);
            Assert.Equal(new[] { 500, 500, 234 }, sizes);

            var high = (await Get(server, "/v1/risks?filters=" + Uri.EscapeDataString("{\"risk_definition.threat_level\":[\"HIGH\"],\"status\":[\"OPEN\"],\"target_id\":[\"f1a000000000000000000001\"]}"), HostedScanKey)).Json!.RootElement;
            Assert.Equal(new[] { "f1e000000000000000000001" }, high.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
            Assert.Equal(HttpStatusCode.BadRequest, (await Get(server, "/v1/risks?filters=" + Uri.EscapeDataString("{\"scan_id\":[\"x\"]}"), HostedScanKey)).Status);
            Assert.Equal(HttpStatusCode.BadRequest, (await Get(server, "/v1/risks?filters=" + Uri.EscapeDataString("{\"status\":\"OPEN\"}"), HostedScanKey)).Status);
            Assert.Equal(HttpStatusCode.BadRequest, (await Get(server, "/v1/risks?page_token=made-up", HostedScanKey)).Status);
        }

        [Fact]
        public async Task HostedScan_result_files_stream_in_their_content_type_with_the_declared_length_and_bytes()
        {
            await using var server = await FakeVendorServer.StartAsync(new FakeHostedScan());
            var fake = (FakeHostedScan)server.Vendor;
            fake.SeedFindingScans();
            foreach (var (id, type, start) in new[]
            {
                ("f1c000000000000000000001", "text/html", "<!DOCTYPE html>"), ("f1c000000000000000000002", "application/pdf", "%PDF-1.7"),
                ("f1c000000000000000000003", "application/xml", "<?xml"), ("f1c000000000000000000004", "application/json", "{"),
            })
            {
                var file = fake.ResultFile(id, type);
                var got = await Download(server, "/v1/results/" + id, HostedScanKey);
                Assert.Equal(HttpStatusCode.OK, got.Status);
                Assert.Equal(type, got.ContentType);
                Assert.InRange(file.Length, FakeReportFile.DefaultLength - 64, FakeReportFile.DefaultLength);
                Assert.Equal(file.Length, got.Declared);
                Assert.Equal(file.Length, got.Read);
                Assert.Equal(Sha(file), got.Sha);
                using var reader = new StreamReader(file.OpenRead());
                Assert.StartsWith(start, reader.ReadLine());
            }

            using (var json = JsonDocument.Parse(fake.ResultFile("f1c000000000000000000004", "application/json").OpenRead())) Assert.Equal("f1c000000000000000000004", json.RootElement.GetProperty("report").GetString());
            Assert.Equal(HttpStatusCode.NotFound, (await Get(server, "/v1/results/nosuchresult", HostedScanKey)).Status);

            // A scan created and polled to SUCCEEDED gets a risk that resolves too.
            using var http = new HttpClient { BaseAddress = server.BaseUri };
            http.DefaultRequestHeaders.Add(FakeHostedScan.ApiKeyHeaderName, "test-key");
            var created = JsonDocument.Parse(await (await http.PostAsync("/v1/scans", new StringContent("{\"type\":\"NMAP\",\"targets\":[\"example.com\"]}", Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync());
            string scanId = created.RootElement.GetProperty("data").GetProperty("id").GetString()!;
            JsonElement done = default;
            for (int i = 0; i < 2; i++) done = JsonDocument.Parse(await http.GetStringAsync("/v1/scans/" + scanId)).RootElement.GetProperty("data");
            Assert.Equal("SUCCEEDED", done.GetProperty("state").GetString());
            string riskId = Assert.Single(Ids(done, "new_open"));
            Assert.Equal("MEDIUM", JsonDocument.Parse(await http.GetStringAsync("/v1/risks/" + riskId)).RootElement.GetProperty("data").GetProperty("risk_definition").GetProperty("threat_level").GetString());
        }

        [Fact]
        public async Task The_CutOffAfterBytes_fault_ends_a_download_part_way_after_the_full_headers()
        {
            await using var server = await FakeVendorServer.StartAsync(new FakeHostedScan());
            var fake = (FakeHostedScan)server.Vendor;
            fake.SeedFindingScans();
            var file = fake.ResultFile("f1c000000000000000000002", "application/pdf");
            long half = file.Length / 2;
            server.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/v1/results/", Kind = FaultKind.CutOffAfterBytes, AfterBytes = half });
            Assert.Throws<ArgumentOutOfRangeException>(() => server.Faults.Enqueue(new Fault { Kind = FaultKind.CutOffAfterBytes, AfterBytes = -1 }));

            using var http = new HttpClient { BaseAddress = server.BaseUri };
            http.DefaultRequestHeaders.Add(FakeHostedScan.ApiKeyHeaderName, "test-key");
            using var response = await http.GetAsync("/v1/results/f1c000000000000000000002", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(file.Length, response.Content.Headers.ContentLength);
            using var stream = await response.Content.ReadAsStreamAsync();
            long read = 0;
            var buffer = new byte[65536];
            var error = await Record.ExceptionAsync(async () =>
            {
                int n;
                while ((n = await stream.ReadAsync(buffer)) > 0) read += n;
            });
            Assert.True(error is IOException or HttpRequestException, error?.ToString() ?? "the download ended without an error");
            Assert.InRange(read, 0, half);

            // The fault was used up: the next download is whole.
            var again = await Download(server, "/v1/results/f1c000000000000000000002", HostedScanKey);
            Assert.Equal(file.Length, again.Read);
            Assert.Equal(Sha(file), again.Sha);
        }

        [Fact]
        public async Task ProjectDiscovery_results_page_by_offset_filter_server_side_and_validate_against_the_spec()
        {
            await using var server = await FakeVendorServer.StartAsync(new FakeProjectDiscovery());
            var fake = (FakeProjectDiscovery)server.Vendor;
            Assert.Equal(4, fake.SeedFindingScans().Count);
            var schema = PdcpOpenApi.OperationResponse("/v1/scans/results", "get", "200");

            var all = new List<JsonElement>();
            for (int offset = 0; ; offset += 100)
            {
                var (status, type, json, text) = await Get(server, "/v1/scans/results?offset=" + offset + "&limit=100&severity=info,unknown,low,medium,high,critical", PdcpKey);
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Equal("application/json", type);
                Assert.Empty(schema.Validate(text).Select(e => e.ToString()));
                var root = json!.RootElement;
                Assert.Equal(161, root.GetProperty("total_results").GetInt32());
                Assert.Equal(2, root.GetProperty("total_pages").GetInt32());
                all.AddRange(root.GetProperty("data").EnumerateArray().Select(e => e.Clone()));
                if (offset + 100 >= 161) break;
            }

            Assert.Equal(161, all.Select(r => r.GetProperty("vuln_id").GetString()).Distinct().Count());
            Assert.Equal(8, all.Count(r => r.GetProperty("scan_id").GetString() == FakeProjectDiscovery.FindingsScanId));
            var first = all.Where(r => r.GetProperty("scan_id").GetString() == FakeProjectDiscovery.FindingsScanId).ToList();
            Assert.Equal(new[] { "critical", "high", "info", "low", "medium", "unknown" },
                first.Select(r => r.GetProperty("event")[0].GetProperty("info").GetProperty("severity").GetString()).Distinct().OrderBy(s => s, StringComparer.Ordinal));
            var log4j = first.Single(r => r.GetProperty("template_id").GetString() == "CVE-2021-44228");
            var classification = log4j.GetProperty("event")[0].GetProperty("info").GetProperty("classification");
            Assert.Equal("CVE-2021-44228", classification.GetProperty("cve-id")[0].GetString());
            Assert.Equal("CWE-502", classification.GetProperty("cwe-id")[0].GetString());
            Assert.Equal(10.0, classification.GetProperty("cvss-score").GetDouble());
            Assert.Equal("https://app.example.com/api/login", log4j.GetProperty("event")[0].GetProperty("matched-at").GetString());

            async Task<int> Total(string query) => (await Get(server, "/v1/scans/results?" + query, PdcpKey)).Json!.RootElement.GetProperty("total_results").GetInt32();
            Assert.Equal(161 - 76, await Total("limit=1")); // the spec's default severity leaves info out
            Assert.Equal(76, await Total("severity=info"));
            Assert.Equal(1, await Total("vuln_status=fixed&severity=info,unknown,low,medium,high,critical"));
            Assert.Equal(1, await Total("is_regression=true"));
            Assert.Equal(3, await Total("host=app.example.com&severity=critical,high")); // log4j, F5 and the fixed Confluence one
            Assert.Equal(1, await Total("templates=CVE-2021-41773"));
            Assert.Equal(2, (await Get(server, "/v1/scans/results", PdcpTeam)).Json!.RootElement.GetProperty("total_results").GetInt32());
            Assert.Equal(HttpStatusCode.BadRequest, (await Get(server, "/v1/scans/results?limit=x", PdcpKey)).Status);
        }

        [Fact]
        public async Task ProjectDiscovery_export_serves_json_csv_and_pdf_as_octet_stream_and_201_while_not_ready()
        {
            await using var server = await FakeVendorServer.StartAsync(new FakeProjectDiscovery());
            var fake = (FakeProjectDiscovery)server.Vendor;
            fake.SeedFindingScans();
            string path = "/v1/scans/" + FakeProjectDiscovery.FindingsScanId + "/export";

            var json = await Get(server, path + "?type=json", PdcpKey);
            Assert.Equal(HttpStatusCode.OK, json.Status);
            Assert.Equal("application/octet-stream", json.ContentType);
            using (var rows = JsonDocument.Parse(json.Text))
            {
                Assert.Equal(8, rows.RootElement.GetArrayLength());
                var resultSchema = PdcpOpenApi.OperationResponse("/v1/scans/results", "get", "200");
                string wrapped = "{\"current_page\":1,\"result_count\":8,\"total_results\":8,\"total_pages\":1,\"message\":\"\",\"data\":" + json.Text + "}";
                Assert.Empty(resultSchema.Validate(wrapped).Select(e => e.ToString()));
            }

            Assert.Equal(8, (await Get(server, path, PdcpKey)).Text.Length > 0 ? JsonDocument.Parse((await Get(server, path, PdcpKey)).Text).RootElement.GetArrayLength() : 0);
            fake.ExportJsonLines = true;
            var lines = (await Get(server, path + "?type=json", PdcpKey)).Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(8, lines.Length);
            Assert.All(lines, l => Assert.Equal(FakeProjectDiscovery.FindingsScanId, JsonDocument.Parse(l).RootElement.GetProperty("scan_id").GetString()));

            var csv = (await Get(server, path + "?type=csv", PdcpKey)).Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("vuln_id,scan_id,template_id,name,severity", csv[0]);
            Assert.Equal(9, csv.Length);

            var pdf = await Download(server, path + "?type=pdf", PdcpKey);
            Assert.Equal("application/octet-stream", pdf.ContentType);
            Assert.Equal(fake.PdfExport(FakeProjectDiscovery.FindingsScanId).Length, pdf.Read);
            Assert.Equal(Sha(fake.PdfExport(FakeProjectDiscovery.FindingsScanId)), pdf.Sha);

            fake.ExportNotReadyTimes = 2;
            string second = "/v1/scans/" + FakeProjectDiscovery.SecondFindingsScanId + "/export?type=csv";
            var statuses = new List<HttpStatusCode>();
            for (int i = 0; i < 3; i++)
            {
                var answer = await Get(server, second, PdcpKey);
                statuses.Add(answer.Status);
                if (answer.Status == HttpStatusCode.Created) Assert.Equal(FakeProjectDiscovery.ExportId(FakeProjectDiscovery.SecondFindingsScanId, "csv"), answer.Json!.RootElement.GetProperty("export_id").GetString());
            }

            Assert.Equal(new[] { HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.OK }, statuses);
            fake.ExportNotReadyTimes = 0;
            Assert.Equal(HttpStatusCode.Created, (await Get(server, path + "?type=json&async=true", PdcpKey)).Status);
            Assert.Equal(HttpStatusCode.BadRequest, (await Get(server, path + "?type=xlsx", PdcpKey)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await Get(server, "/v1/scans/nosuchscan/export?type=json", PdcpKey)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await Get(server, "/v1/scans/" + FakeProjectDiscovery.TeamFindingsScanId + "/export", PdcpKey)).Status);
            Assert.Equal(HttpStatusCode.OK, (await Get(server, "/v1/scans/" + FakeProjectDiscovery.TeamFindingsScanId + "/export", PdcpTeam)).Status);
        }

        [Fact]
        public async Task Invicti_report_json_has_the_Vulnerabilities_shape_with_locale_dates_and_refuses_bad_type_format_and_unknown_scans()
        {
            await using var server = await FakeVendorServer.StartAsync(new FakeInvicti());
            var fake = (FakeInvicti)server.Vendor;
            Assert.Equal(3, fake.SeedFindingScans().Count);
            string report = "/api/1.0/scans/report/?id=" + FakeInvicti.FindingsScanId + "&type=Vulnerabilities&format=Json";

            var (status, type, json, _) = await Get(server, report, InvictiAuth);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("application/json", type);
            var root = json!.RootElement;
            Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2} (AM|PM)$", root.GetProperty("Generated").GetString());
            Assert.Equal(FakeInvicti.FindingsScanId.Replace("-", ""), root.GetProperty("Target").GetProperty("ScanId").GetString());
            var vulnerabilities = root.GetProperty("Vulnerabilities").EnumerateArray().ToList();
            Assert.Equal(9, vulnerabilities.Count);
            Assert.Equal(new[] { "BestPractice", "Critical", "High", "Information", "Low", "Medium" },
                vulnerabilities.Select(v => v.GetProperty("Severity").GetString()).Distinct().OrderBy(s => s, StringComparer.Ordinal));
            Assert.Equal(new[] { "AcceptedRisk", "FalsePositive", "Present" }, vulnerabilities.Select(v => v.GetProperty("State").GetString()).Distinct().OrderBy(s => s, StringComparer.Ordinal));
            var cookie = vulnerabilities.Single(v => v.GetProperty("Type").GetString() == "CookieNotMarkedAsHttpOnly");
            Assert.Equal("5.7", cookie.GetProperty("Classification").GetProperty("Cvss").GetProperty("BaseScore").GetProperty("Value").GetString());
            Assert.Equal(JsonValueKind.Null, cookie.GetProperty("Classification").GetProperty("Cvss31").ValueKind);
            Assert.True(Guid.TryParse(cookie.GetProperty("LookupId").GetString(), out _));
            foreach (var key in new[] { "Name", "Confirmed", "Certainty", "FirstSeenDate", "LastSeenDate", "Url", "HttpRequest", "HttpResponse", "Description", "RemedialProcedure" })
                Assert.True(cookie.TryGetProperty(key, out _), key);

            // The same issue in the later scan keeps its LookupId.
            var later = (await Get(server, "/api/1.0/scans/report/?id=" + FakeInvicti.SecondFindingsScanId + "&type=Vulnerabilities&format=Json", InvictiAuth)).Json!.RootElement;
            Assert.Contains(cookie.GetProperty("LookupId").GetString(), later.GetProperty("Vulnerabilities").EnumerateArray().Select(v => v.GetProperty("LookupId").GetString()));
            var confirmed = (await Get(server, report + "&onlyConfirmedIssues=true&excludeAddressedIssues=true", InvictiAuth)).Json!.RootElement;
            Assert.All(confirmed.GetProperty("Vulnerabilities").EnumerateArray(), v => { Assert.True(v.GetProperty("Confirmed").GetBoolean()); Assert.Equal("Present", v.GetProperty("State").GetString()); });

            fake.ReportDateFormat = "MM/dd/yyyy hh:mm tt";
            Assert.Matches(@"^01/\d{2}/2026", (await Get(server, report, InvictiAuth)).Json!.RootElement.GetProperty("Vulnerabilities")[0].GetProperty("FirstSeenDate").GetString());

            foreach (var bad in new[] { "?id=" + FakeInvicti.FindingsScanId + "&format=Json", "?id=" + FakeInvicti.FindingsScanId + "&type=Vulnerabilities&format=Docx",
                "?id=" + FakeInvicti.FindingsScanId + "&type=Vulnerabilities&format=Pdf", "?id=nope&type=Vulnerabilities&format=Json", "?id=" + FakeInvicti.FindingsScanId + "&type=ScanDetail&format=Pdf&onlyConfirmedIssues=yes" })
            {
                var answer = await Get(server, "/api/1.0/scans/report/" + bad, InvictiAuth);
                Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
                Assert.True(answer.Json!.RootElement.GetProperty("Message").GetString()!.Length > 0);
            }

            Assert.Equal(HttpStatusCode.NotFound, (await Get(server, "/api/1.0/scans/report/?id=0badbad0-0000-4000-8000-000000000000&type=Vulnerabilities&format=Json", InvictiAuth)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await Get(server, "/api/1.0/scans/report/?id=" + FakeInvicti.UnfinishedFindingsScanId + "&type=ScanDetail&format=Pdf", InvictiAuth)).Status);
        }

        [Fact]
        public async Task Invicti_report_files_scan_result_and_vulnerability_list_conform_to_the_Swagger_document()
        {
            await using var server = await FakeVendorServer.StartAsync(new FakeInvicti());
            var fake = (FakeInvicti)server.Vendor;
            fake.SeedFindingScans();
            var spec = InvictiSwagger.Default;
            Assert.Equal(spec.Find("GET", "/api/1.0/scans/report/")!.Value.Operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()), FakeInvicti.ReportTypes);

            foreach (var (reportType, format, mediaType) in new[] { ("ScanDetail", "Pdf", "application/pdf"), ("ExecutiveSummary", "Html", "text/html"), ("Vulnerabilities", "Xml", "application/xml"), ("Vulnerabilities", "Csv", "text/csv"), ("Crawled", "Txt", "text/plain") })
            {
                var got = await Download(server, "/api/1.0/scans/report/?id=" + FakeInvicti.FindingsScanId + "&type=" + reportType + "&format=" + format, InvictiAuth);
                var file = fake.ReportFile(FakeInvicti.FindingsScanId, reportType, format);
                Assert.Equal(HttpStatusCode.OK, got.Status);
                Assert.Equal(mediaType, got.ContentType);
                Assert.Equal(file.Length, got.Read);
                Assert.Equal(Sha(file), got.Sha);
            }

            var result = await Get(server, "/api/1.0/scans/result/" + FakeInvicti.FindingsScanId, InvictiAuth);
            Assert.Empty(spec.ValidateResponse("GET", "/api/1.0/scans/result/" + FakeInvicti.FindingsScanId, (int)result.Status, "application/json", result.Text));
            var rows = result.Json!.RootElement.EnumerateArray().ToList();
            Assert.Equal(9, rows.Count);
            Assert.All(rows, r => Assert.Equal(new[] { "IssueUrl", "Title", "Type", "Url" }, r.EnumerateObject().Select(p => p.Name)));

            var list = await Get(server, "/api/1.0/vulnerability/list?reportPolicyId=6f6cc5b1-3e28-4c3b-8d47-000000000002", InvictiAuth);
            Assert.Empty(spec.ValidateResponse("GET", "/api/1.0/vulnerability/list", (int)list.Status, "application/json", list.Text));
            var templates = list.Json!.RootElement.EnumerateArray().ToList();
            Assert.Equal(10, templates.Count);
            Assert.Equal("Medium", templates.Single(t => t.GetProperty("Type").GetString() == "HstsNotEnabled").GetProperty("Severity").GetString());
            var report = await Get(server, "/api/1.0/scans/report/?id=" + FakeInvicti.FindingsScanId + "&type=Vulnerabilities&format=Json", InvictiAuth);
            Assert.Equal("Low", report.Json!.RootElement.GetProperty("Vulnerabilities").EnumerateArray().Single(v => v.GetProperty("Type").GetString() == "HstsNotEnabled").GetProperty("Severity").GetString());

            Assert.Equal(HttpStatusCode.NotFound, (await Get(server, "/api/1.0/scans/result/0badbad0-0000-4000-8000-000000000000", InvictiAuth)).Status);
            Assert.Equal(HttpStatusCode.BadRequest, (await Get(server, "/api/1.0/vulnerability/list?reportPolicyId=nope", InvictiAuth)).Status);
            var requests = server.Requests.Where(r => r.Path.StartsWith("/api/1.0/", StringComparison.Ordinal) && !r.RawQuery.Contains("nope")).ToList();
            Assert.All(requests, r => Assert.Empty(spec.ValidateRequest(r)));
            Assert.Equal(HttpStatusCode.Unauthorized, (await Get(server, "/api/1.0/scans/result/" + FakeInvicti.FindingsScanId, _ => { })).Status);
        }

        [Fact]
        public async Task Probely_findings_filter_by_scan_severity_state_and_new_page_by_length_and_the_report_is_a_pdf()
        {
            await using var server = await FakeVendorServer.StartAsync(new FakeProbely());
            var fake = (FakeProbely)server.Vendor;
            Assert.Equal(3, fake.SeedFindingScans().Count);

            async Task<JsonElement> Page(string path) { var got = await Get(server, path, ProbelyKey); Assert.Equal(HttpStatusCode.OK, got.Status); return got.Json!.RootElement; }
            int[] Ids(JsonElement page) => page.GetProperty("results").EnumerateArray().Select(f => f.GetProperty("id").GetInt32()).ToArray();

            var scan = await Page("/findings/?scan=" + FakeProbely.FindingsScanId + "&length=100");
            Assert.Equal(new[] { 7001, 7003, 7004, 7005, 7006, 7007 }, Ids(scan));
            Assert.Equal(6, scan.GetProperty("count").GetInt32());
            Assert.Equal(1, scan.GetProperty("page_total").GetInt32());
            var finding = scan.GetProperty("results")[0];
            Assert.Equal(new[] { FakeProbely.FirstFindingsScanId, FakeProbely.FindingsScanId }, finding.GetProperty("scans").EnumerateArray().Select(s => s.GetString()));
            Assert.Equal("89", finding.GetProperty("definition").GetProperty("cwe_id").GetString());
            Assert.False(finding.TryGetProperty("first_found", out _));
            foreach (var key in new[] { "target", "labels", "fix", "requests", "url", "path", "method", "insertion_point", "parameter", "state", "severity", "cvss_score", "cvss_vector", "last_found", "retesting", "new", "changed" })
                Assert.True(finding.TryGetProperty(key, out _), key);

            Assert.Equal(new[] { 10, 20, 30, 40 }, scan.GetProperty("results").EnumerateArray().Select(f => f.GetProperty("severity").GetInt32()).Distinct().OrderBy(s => s));
            Assert.Equal(new[] { 7004 }, Ids(await Page("/findings/?scan=" + FakeProbely.FindingsScanId + "&severity=40")));
            Assert.Equal(new[] { 7001, 7004, 7007 }, Ids(await Page("/findings/?scan=" + FakeProbely.FindingsScanId + "&severity=30&severity=40")));
            Assert.Equal(new[] { 7005, 7006 }, Ids(await Page("/findings/?scan=" + FakeProbely.FindingsScanId + "&state=invalid&state=retesting")));
            Assert.Equal(new[] { 7004, 7005, 7006, 7007 }, Ids(await Page("/findings/?scan=" + FakeProbely.FindingsScanId + "&new=true")));
            Assert.Equal(new[] { 7001, 7002, 7003 }, Ids(await Page("/targets/" + FakeProbely.FindingsTargetId + "/findings/?scan=" + FakeProbely.FirstFindingsScanId)));
            Assert.Equal(new[] { 7007, 7004, 7001 }, Ids(await Page("/findings/?scan=" + FakeProbely.FindingsScanId + "&severity=30&severity=40&ordering=-id")));

            var pages = new List<int>();
            for (int p = 1; p <= 5; p++)
            {
                var page = await Page("/targets/" + FakeProbely.FindingsTargetId + "/findings/?scan=" + FakeProbely.ManyFindingsScanId + "&page=" + p);
                Assert.Equal(45, page.GetProperty("count").GetInt32());
                Assert.Equal(5, page.GetProperty("page_total").GetInt32());
                Assert.Equal(10, page.GetProperty("length").GetInt32());
                pages.Add(page.GetProperty("results").GetArrayLength());
            }

            Assert.Equal(new[] { 10, 10, 10, 10, 5 }, pages);
            var past = await Get(server, "/findings/?scan=" + FakeProbely.ManyFindingsScanId + "&page=6", ProbelyKey);
            Assert.Equal(HttpStatusCode.NotFound, past.Status);
            Assert.Equal("Invalid page.", past.Json!.RootElement.GetProperty("detail").GetString());
            var badSeverity = await Get(server, "/findings/?severity=50", ProbelyKey);
            Assert.Equal(HttpStatusCode.BadRequest, badSeverity.Status);
            Assert.StartsWith("Select a valid choice.", badSeverity.Json!.RootElement.GetProperty("severity")[0].GetString());
            Assert.Equal(HttpStatusCode.BadRequest, (await Get(server, "/findings/?state=open", ProbelyKey)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await Get(server, "/targets/nosuchtarget/findings/", ProbelyKey)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await Get(server, "/findings", ProbelyKey)).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await Get(server, "/findings/", _ => { })).Status);

            var report = await Download(server, "/targets/" + FakeProbely.FindingsTargetId + "/scans/" + FakeProbely.FindingsScanId + "/report/", ProbelyKey);
            Assert.Equal(HttpStatusCode.OK, report.Status);
            Assert.Equal("application/pdf", report.ContentType);
            Assert.Equal(fake.ScanReport(FakeProbely.FindingsScanId).Length, report.Read);
            Assert.Equal(Sha(fake.ScanReport(FakeProbely.FindingsScanId)), report.Sha);
            Assert.Equal(HttpStatusCode.NotFound, (await Get(server, "/targets/" + FakeProbely.FindingsTargetId + "/scans/nosuchscan/report/", ProbelyKey)).Status);
        }

        [Fact]
        public async Task The_standalone_sandboxes_serve_findings_without_changing_their_scan_lists()
        {
            var invicti = FakeInvicti.CreateSandbox();
            Assert.Equal(45, invicti.ScanCount);
            await using (var server = await FakeVendorServer.StartAsync(invicti))
            {
                var report = (await Get(server, "/api/1.0/scans/report/?id=5ca70000-0000-4000-8000-000000000001&type=Vulnerabilities&format=Json", InvictiAuth)).Json!.RootElement;
                Assert.Equal(9, report.GetProperty("Vulnerabilities").GetArrayLength());
                Assert.StartsWith("https://www.example.com/", report.GetProperty("Vulnerabilities")[0].GetProperty("Url").GetString());
                Assert.Equal(4, (await Get(server, "/api/1.0/scans/result/5ca70000-0000-4000-8000-000000000007", InvictiAuth)).Json!.RootElement.GetArrayLength());
            }

            await using (var server = await FakeVendorServer.StartAsync(FakeProjectDiscovery.CreateSandbox()))
            {
                // The finding scans are the oldest, so the newest-first scan list starts as before (with the lifecycle sandbox's scans).
                var first = (await Get(server, "/v1/scans?limit=1", PdcpKey)).Json!.RootElement.GetProperty("data")[0];
                Assert.Equal("d100000000000000001e", first.GetProperty("scan_id").GetString());
                Assert.Equal(161, (await Get(server, "/v1/scans/results?severity=info,unknown,low,medium,high,critical", PdcpKey)).Json!.RootElement.GetProperty("total_results").GetInt32());
            }

            await using (var server = await FakeVendorServer.StartAsync(FakeProbely.CreateSandbox()))
            {
                Assert.Equal(6, (await Get(server, "/findings/?scan=" + FakeProbely.FindingsScanId, ProbelyKey)).Json!.RootElement.GetProperty("count").GetInt32());
            }
        }

        [Fact]
        public void A_report_file_is_generated_to_the_byte_the_same_every_time_and_sized_as_asked()
        {
            var big = new FakeReportFile("bench", "application/pdf", 100L * 1024 * 1024);
            Assert.InRange(big.Length, 100L * 1024 * 1024 - 64, 100L * 1024 * 1024);
            var small = new FakeReportFile("s", "text/csv", 1000);
            using var a = small.OpenRead();
            using var b = new FakeReportFile("s", "text/csv", 1000).OpenRead();
            var x = new MemoryStream();
            var y = new MemoryStream();
            a.CopyTo(x);
            b.CopyTo(y);
            Assert.Equal(small.Length, x.Length);
            Assert.Equal(x.ToArray(), y.ToArray());
            Assert.StartsWith("seed,line,text\ns,s line 0000000001 ", Encoding.ASCII.GetString(x.ToArray()));
            Assert.NotEqual(Sha(small), Sha(new FakeReportFile("t", "text/csv", 1000)));
        }
    }
}
