using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Newtonsoft.Json.Linq;
using ScanPS.FakeVendors;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// Save-ScanReport's facts and requests against the vendors' own documents: Invicti's scans/report enums and every
    /// request the client sends for them (the Swagger check), ProjectDiscovery's export type enum, and the check itself
    /// rejecting a request the document does not allow.
    /// </summary>
    public sealed class ReportContractTests : InvictiServerTest
    {
        private static JsonElement ReportParameter(string name) =>
            InvictiSwagger.Default.Find("GET", "/api/1.0/scans/report/")!.Value.Operation.GetProperty("parameters").EnumerateArray()
                .Single(p => p.GetProperty("name").GetString() == name);

        private static string[] Enum(JsonElement parameter) => parameter.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToArray();

        [Fact]
        public void Invicti_formats_and_report_types_are_the_Swagger_enums()
        {
            var facts = ProviderDefinition.Get("Invicti").Reports!;
            Assert.Equal(Enum(ReportParameter("type")), facts.Types);
            Assert.Equal(Enum(ReportParameter("format")).OrderBy(f => f), facts.Formats.OrderBy(f => f));
            Assert.True(ReportParameter("id").GetProperty("required").GetBoolean());
            Assert.Contains(facts.DefaultFormat, facts.Formats);
            Assert.All(facts.Formats, f => Assert.Contains(facts.DefaultType(f), facts.Types));
        }

        [Theory]
        [InlineData("Pdf", null, "ScanDetail")]
        [InlineData("Html", "ExecutiveSummary", "ExecutiveSummary")]
        [InlineData("Json", null, "Vulnerabilities")]
        [InlineData("Xml", null, "Vulnerabilities")]
        [InlineData("Csv", "Crawled", "Crawled")]
        [InlineData("Txt", null, "ModSecurityWafRules")]
        public void Every_Invicti_report_request_conforms_to_the_Swagger_document(string format, string? type, string sentType)
        {
            Vendor.SeedFindingScans();
            var downloader = Open().ReportDownloader("Save-ScanReport");
            var facts = ProviderDefinition.Get("Invicti").Reports!;
            var request = new ReportRequest(FakeInvicti.FindingsScanId, format) { ReportType = facts.NormaliseType(type, format) };
            using (var report = downloader.OpenReportAsync(request, CancellationToken.None).GetAwaiter().GetResult())
            {
                Assert.Equal(200, (int)report.Response.StatusCode);
            }

            var sent = Assert.Single(ApiRequests);
            Assert.Equal("?id=" + FakeInvicti.FindingsScanId + "&type=" + sentType + "&format=" + format, sent.RawQuery);
            Assert.Empty(InvictiSwagger.Default.ValidateRequest(sent));
            Assert.Equal(BasicHeader, sent.Header("Authorization"));
        }

        [Fact]
        public void The_check_rejects_a_report_request_without_a_type_or_with_an_undocumented_format()
        {
            Vendor.SeedFindingScans();
            var downloader = Open().ReportDownloader("Save-ScanReport");
            using (downloader.OpenReportAsync(new ReportRequest(FakeInvicti.FindingsScanId, "Pdf") { ReportType = "ScanDetail" }, CancellationToken.None).GetAwaiter().GetResult())
            {
            }

            var sent = Assert.Single(ApiRequests);
            Assert.NotEmpty(InvictiSwagger.Default.ValidateRequest(sent with { RawQuery = "?id=" + FakeInvicti.FindingsScanId + "&format=Pdf" }));
            Assert.NotEmpty(InvictiSwagger.Default.ValidateRequest(sent with { RawQuery = "?id=" + FakeInvicti.FindingsScanId + "&type=ScanDetail&format=Docx" }));
        }

        [Fact]
        public void ProjectDiscovery_formats_are_the_export_type_enum_of_the_OpenAPI()
        {
            var operation = PdcpOpenApi.Root["paths"]!["/v1/scans/{scan_id}/export"]!["get"]!;
            Assert.Equal("get-v1-scans-scan_id-export", (string?)operation["operationId"]);
            var type = ((JArray)operation["parameters"]!).Single(p => (string?)p["name"] == "type" && (string?)p["in"] == "query");
            var values = type["schema"]!["enum"]!.Select(v => (string)v!).OrderBy(v => v);
            var facts = ProviderDefinition.Get("ProjectDiscovery").Reports!;
            Assert.Equal(values, facts.Formats.Select(f => f.ToLowerInvariant()).OrderBy(v => v));
            Assert.True(facts.WaitsForReport);
            Assert.Empty(facts.Types);
            // The 201 answer carries export_id, the id ReportNotReady names.
            Assert.Equal("export_id", (string?)operation["responses"]!["201"]!["content"]!["application/json"]!["schema"]!["required"]![0]);
        }
    }
}
