using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ScanPS.FakeVendors;
using ScanPS.Models;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>Get-ScanFinding's Invicti requests (report, and the scans/result + detail + vulnerability/list fallback) checked against the vendor's Swagger document.</summary>
    public sealed class InvictiFindingContractTests : InvictiServerTest
    {
        [Fact]
        public void Report_and_fallback_requests_and_answers_conform_to_the_Swagger_document()
        {
            Vendor.SeedFindingScans();
            var (client, responses) = OpenRecording();
            var report = Drain(client.ReadFindingsAsync(new FindingQuery(FakeInvicti.FindingsScanId), CancellationToken.None));
            Server.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/api/1.0/scans/report/", Kind = FaultKind.Status, StatusCode = 404, Body = "{\"Message\":\"Not found\"}" });
            var fallback = Drain(client.ReadFindingsAsync(new FindingQuery(FakeInvicti.SecondFindingsScanId), CancellationToken.None));

            Assert.Equal(9, report.Count);
            Assert.Equal(4, fallback.Count);
            var requests = ApiRequests;
            Assert.Equal(new[] { "/api/1.0/scans/report/", "/api/1.0/scans/report/", "/api/1.0/scans/result/" + FakeInvicti.SecondFindingsScanId, "/api/1.0/scans/detail/" + FakeInvicti.SecondFindingsScanId, "/api/1.0/vulnerability/list" },
                requests.Select(r => r.Path));
            Assert.Equal("Vulnerabilities", requests[0].QueryValue("type"));
            Assert.Equal("Json", requests[0].QueryValue("format"));
            Assert.Equal(FakeInvicti.FindingsScanId, requests[0].QueryValue("id"));
            Assert.False(string.IsNullOrEmpty(requests[4].QueryValue("reportPolicyId")));
            Assert.All(requests, r => Assert.Empty(InvictiSwagger.Default.ValidateRequest(r)));
            Assert.All(responses.Where(e => e.Status == 200 && e.ContentType != null && e.ContentType.Contains("json") && !e.Path.Contains("/scans/report")),
                e => Assert.Empty(InvictiSwagger.Default.ValidateResponse(e.Method, e.Path, e.Status, e.ContentType, e.Body)));
        }

        internal static List<ScanFinding> Drain(IAsyncEnumerable<ScanFinding> findings)
        {
            var result = new List<ScanFinding>();
            var enumerator = findings.GetAsyncEnumerator();
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

    /// <summary>Get-ScanFinding's ProjectDiscovery requests (the export, and the /v1/scans/results fallback) checked against the vendor's OpenAPI document.</summary>
    public sealed class ProjectDiscoveryFindingContractTests : ProjectDiscoveryServerTest
    {
        [Fact]
        public void Export_and_results_requests_use_only_the_documented_query_parameters()
        {
            Vendor.SeedFindingScans();
            var reader = Open().FindingReader("Get-ScanFinding");
            var exported = InvictiFindingContractTests.Drain(reader.ReadFindingsAsync(new FindingQuery(FakeProjectDiscovery.FindingsScanId), CancellationToken.None));
            Vendor.ExportNotReadyTimes = 1000;
            var listed = InvictiFindingContractTests.Drain(reader.ReadFindingsAsync(new FindingQuery(FakeProjectDiscovery.SecondFindingsScanId)
            {
                Severities = new[] { FindingSeverity.Info, FindingSeverity.High },
                Statuses = new[] { FindingStatus.Open },
            }, CancellationToken.None));

            Assert.Equal(8, exported.Count);
            Assert.Equal(new[] { "f1v00000000000000011" }, listed.Select(f => f.Id));
            var requests = ApiRequests;
            Assert.Equal(new[] { "/v1/scans/" + FakeProjectDiscovery.FindingsScanId + "/export" }.Concat(Enumerable.Repeat("/v1/scans/" + FakeProjectDiscovery.SecondFindingsScanId + "/export", 4)).Concat(new[] { "/v1/scans/results" }),
                requests.Select(r => r.Path));
            Assert.Equal("info,unknown,high", requests.Last().QueryValue("severity"));
            Assert.Equal("open", requests.Last().QueryValue("vuln_status"));
            foreach (var request in requests)
            {
                string template = request.Path.EndsWith("/export", System.StringComparison.Ordinal) ? "/v1/scans/{scan_id}/export" : request.Path;
                var documented = ((Newtonsoft.Json.Linq.JArray)PdcpOpenApi.Root["paths"]![template]!["get"]!["parameters"]!)
                    .Where(p => (string?)p["in"] == "query").Select(p => (string)p["name"]!).ToList();
                var sent = request.RawQuery.TrimStart('?').Split('&').Select(part => part.Split('=')[0]).ToList();
                Assert.All(sent, name => Assert.Contains(name, documented));
                Assert.DoesNotContain("async", sent);
            }
        }
    }
}
