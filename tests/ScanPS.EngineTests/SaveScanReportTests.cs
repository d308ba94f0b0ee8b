using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using ScanPS.FakeVendors;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Save-ScanReport in a real engine against the four fakes: the exact requests per vendor, the saved bytes equal to
    /// the fake's file, progress records in bytes, a download cut off part way (no file, no temporary file), -Force,
    /// folder and file -Path, -WhatIf, pipeline input from Get-Scan and Import-Csv, refusals before any request, completion.
    /// </summary>
    public sealed class SaveScanReportTests : PipelineTest
    {
        private const string HostedScanScan = FakeHostedScan.FindingsScanId;
        private const string HostedScanPdfResult = "f1c000000000000000000002";
        private const string PdcpScan = FakeProjectDiscovery.FindingsScanId;
        private const string InvictiScan = FakeInvicti.FindingsScanId;
        private const string ProbelyScan = FakeProbely.FindingsScanId;
        private const string ProbelyTarget = FakeProbely.FindingsTargetId;

        /// <summary>A folder of its own for each test's reports, so "nothing else is left" can be checked.</summary>
        private string Reports()
        {
            string folder = PathOf("reports");
            Directory.CreateDirectory(folder);
            Engine.Set("reports", folder);
            return folder;
        }

        private static void AssertSameBytes(FakeReportFile expected, string path)
        {
            Assert.Equal(expected.Length, new FileInfo(path).Length);
            using var want = expected.OpenRead();
            using var got = File.OpenRead(path);
            var a = new byte[65536];
            var b = new byte[65536];
            long offset = 0;
            while (true)
            {
                int n = want.ReadAtLeast(a, a.Length, throwOnEndOfStream: false);
                int m = got.ReadAtLeast(b, b.Length, throwOnEndOfStream: false);
                Assert.Equal(n, m);
                if (n == 0) break;
                Assert.True(a.AsSpan(0, n).SequenceEqual(b.AsSpan(0, m)), "bytes differ in the block at " + offset);
                offset += n;
            }
        }

        private static string[] Files(string folder) => Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

        private static FileInfo SingleFile(EngineResult result) => Assert.IsType<FileInfo>(Assert.Single(result.Output).BaseObject);

        [Fact]
        public void HostedScan_reads_the_scan_for_its_results_and_saves_the_pdf_result_under_provider_and_scan_id()
        {
            Sandbox.HostedScan.SeedFindingScans();
            Sandbox.HostedScan.ReportLength = 1_000_003;
            string folder = Reports();
            var result = Engine.Run("Save-ScanReport -Provider HostedScan -ScanId $args[0] -Path $reports", HostedScanScan).ThrowIfFailed();

            var file = SingleFile(result);
            Assert.Equal(Path.Combine(folder, "HostedScan-" + HostedScanScan + ".pdf"), file.FullName);
            Assert.Equal(new[] { "GET /v1/scans/" + HostedScanScan, "GET /v1/results/" + HostedScanPdfResult }, Wire("HostedScan"));
            Assert.Equal(Sandbox.ApiKey, Sandbox.HostedScanServer.Requests[1].Header("X-HOSTEDSCAN-API-KEY"));
            AssertSameBytes(Sandbox.HostedScan.ResultFile(HostedScanPdfResult, "application/pdf"), file.FullName);
            Assert.Equal(new[] { "HostedScan-" + HostedScanScan + ".pdf" }, Files(folder));
        }

        [Theory]
        [InlineData("Html", "f1c000000000000000000001", "text/html", "html")]
        [InlineData("xml", "f1c000000000000000000003", "application/xml", "xml")]
        [InlineData("Json", "f1c000000000000000000004", "application/json", "json")]
        public void HostedScan_Format_picks_the_result_by_content_type(string format, string resultId, string contentType, string extension)
        {
            Sandbox.HostedScan.SeedFindingScans();
            Sandbox.HostedScan.ReportLength = 200_000;
            string folder = Reports();
            var file = SingleFile(Engine.Run("Save-ScanReport -Provider HostedScan -ScanId $args[0] -Path $reports -Format $args[1]", HostedScanScan, format).ThrowIfFailed());
            Assert.Equal(Path.Combine(folder, "HostedScan-" + HostedScanScan + "." + extension), file.FullName);
            Assert.Equal("GET /v1/results/" + resultId, Wire("HostedScan")[1]);
            AssertSameBytes(Sandbox.HostedScan.ResultFile(resultId, contentType), file.FullName);
        }

        [Fact]
        public void HostedScan_without_a_result_in_the_format_is_ReportNotFound_naming_what_the_scan_has()
        {
            Sandbox.HostedScan.SeedFindingScans();
            Reports();
            var result = Engine.Run("Save-ScanReport -Provider HostedScan -ScanId $args[0] -Path $reports -Format Pdf", FakeHostedScan.ManyRisksScanId);
            Assert.Equal(("ReportNotFound,ScanPS.Commands.SaveScanReportCommand", ErrorCategory.ObjectNotFound), ErrorOf(result));
            Assert.Contains("only Html", result.SingleError().ToString());
            Assert.Equal(new[] { "GET /v1/scans/" + FakeHostedScan.ManyRisksScanId }, Wire("HostedScan"));
        }

        [Fact]
        public void ProjectDiscovery_saves_the_pdf_export()
        {
            Sandbox.ProjectDiscovery.SeedFindingScans();
            Sandbox.ProjectDiscovery.ReportLength = 777_777;
            string folder = Reports();
            var file = SingleFile(Engine.Run("Save-ScanReport -Provider ProjectDiscovery -ScanId $args[0] -Path $reports", PdcpScan).ThrowIfFailed());
            Assert.Equal(Path.Combine(folder, "ProjectDiscovery-" + PdcpScan + ".pdf"), file.FullName);
            Assert.Equal(new[] { "GET /v1/scans/" + PdcpScan + "/export?type=pdf" }, Wire("ProjectDiscovery"));
            Assert.Equal(Sandbox.ApiKey, Sandbox.ProjectDiscoveryServer.Requests[0].Header("X-API-Key"));
            AssertSameBytes(Sandbox.ProjectDiscovery.PdfExport(PdcpScan), file.FullName);
        }

        [Fact]
        public void ProjectDiscovery_csv_export_is_saved_as_the_vendor_sent_it()
        {
            Sandbox.ProjectDiscovery.SeedFindingScans();
            string folder = Reports();
            var file = SingleFile(Engine.Run("Save-ScanReport -Provider ProjectDiscovery -ScanId $args[0] -Path $reports -Format csv", PdcpScan).ThrowIfFailed());
            Assert.Equal("ProjectDiscovery-" + PdcpScan + ".csv", file.Name);
            Assert.Equal(new[] { "GET /v1/scans/" + PdcpScan + "/export?type=csv" }, Wire("ProjectDiscovery"));
            var lines = File.ReadAllLines(file.FullName);
            Assert.StartsWith("vuln_id,scan_id,template_id,", lines[0]);
            Assert.Equal(9, lines.Length);
        }

        [Fact]
        public void ProjectDiscovery_export_not_ready_is_asked_again_with_backoff_until_it_answers()
        {
            Sandbox.ProjectDiscovery.SeedFindingScans();
            Sandbox.ProjectDiscovery.ReportLength = 100_000;
            Sandbox.ProjectDiscovery.ExportNotReadyTimes = 2;
            string folder = Reports();
            var result = Engine.Run("Save-ScanReport -Provider ProjectDiscovery -ScanId $args[0] -Path $reports -Verbose", PdcpScan).ThrowIfFailed();
            var file = SingleFile(result);
            string line = "GET /v1/scans/" + PdcpScan + "/export?type=pdf";
            Assert.Equal(new[] { line, line, line }, Wire("ProjectDiscovery"));
            var times = Sandbox.ProjectDiscoveryServer.Requests.Select(r => r.ReceivedAt).ToList();
            Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(0.9), "first wait " + (times[1] - times[0]));
            Assert.True(times[2] - times[1] >= TimeSpan.FromSeconds(1.9), "second wait " + (times[2] - times[1]));
            string exportId = FakeProjectDiscovery.ExportId(PdcpScan, "pdf");
            Assert.Equal(2, result.Verbose.Count(v => v.Contains("export " + exportId + " of scan " + PdcpScan + " is not ready (201)")));
            AssertSameBytes(Sandbox.ProjectDiscovery.PdfExport(PdcpScan), file.FullName);
        }

        [Fact]
        public void ProjectDiscovery_export_still_not_ready_at_Timeout_is_ReportNotReady_naming_the_export_id()
        {
            Sandbox.ProjectDiscovery.SeedFindingScans();
            Sandbox.ProjectDiscovery.ExportNotReadyTimes = 1000;
            string folder = Reports();
            var result = Engine.Run("Save-ScanReport -Provider ProjectDiscovery -ScanId $args[0] -Path $reports -Timeout 2", PdcpScan);
            Assert.Equal(("ReportNotReady,ScanPS.Commands.SaveScanReportCommand", ErrorCategory.OperationTimeout), ErrorOf(result));
            string exportId = FakeProjectDiscovery.ExportId(PdcpScan, "pdf");
            Assert.Contains("export id " + exportId, result.SingleError().ToString());
            Assert.Equal(exportId, result.SingleError().TargetObject);
            // Asked at 0 s and 1 s; the next wait (2 s) would pass the 2 s limit.
            Assert.Equal(2, Wire("ProjectDiscovery").Count);
            Assert.Empty(Files(folder));
        }

        [Fact]
        public void Invicti_pdf_is_the_ScanDetail_report_by_default()
        {
            Sandbox.Invicti.SeedFindingScans();
            Sandbox.Invicti.ReportLength = 654_321;
            string folder = Reports();
            var file = SingleFile(Engine.Run("Save-ScanReport -Provider Invicti -ScanId $args[0] -Path $reports", InvictiScan).ThrowIfFailed());
            Assert.Equal(Path.Combine(folder, "Invicti-" + InvictiScan + "-ScanDetail.pdf"), file.FullName);
            Assert.Equal(new[] { "GET /api/1.0/scans/report/?id=" + InvictiScan + "&type=ScanDetail&format=Pdf" }, Wire("Invicti"));
            Assert.StartsWith("Basic ", Sandbox.InvictiServer.Requests[0].Header("Authorization"));
            AssertSameBytes(Sandbox.Invicti.ReportFile(InvictiScan, "ScanDetail", "Pdf"), file.FullName);
        }

        [Fact]
        public void Invicti_ReportType_and_Format_go_as_the_vendor_spells_them()
        {
            Sandbox.Invicti.SeedFindingScans();
            string folder = Reports();
            var file = SingleFile(Engine.Run("Save-ScanReport -Provider Invicti -ScanId $args[0] -Path $reports -Format json -ReportType vulnerabilities", InvictiScan).ThrowIfFailed());
            Assert.Equal("Invicti-" + InvictiScan + "-Vulnerabilities.json", file.Name);
            Assert.Equal(new[] { "GET /api/1.0/scans/report/?id=" + InvictiScan + "&type=Vulnerabilities&format=Json" }, Wire("Invicti"));
            using var json = JsonDocument.Parse(File.ReadAllText(file.FullName));
            Assert.Equal(9, json.RootElement.GetProperty("Vulnerabilities").GetArrayLength());

            // Json without -ReportType means Vulnerabilities too; ExecutiveSummary in Html.
            ForgetRequests();
            Assert.Equal("Invicti-" + InvictiScan + "-ExecutiveSummary.html",
                SingleFile(Engine.Run("Save-ScanReport -Provider Invicti -ScanId $args[0] -Path $reports -Format Html -ReportType ExecutiveSummary", InvictiScan).ThrowIfFailed()).Name);
            Assert.Equal(new[] { "GET /api/1.0/scans/report/?id=" + InvictiScan + "&type=ExecutiveSummary&format=Html" }, Wire("Invicti"));
        }

        [Fact]
        public void Invicti_refusals_surface_the_vendor_message()
        {
            Sandbox.Invicti.SeedFindingScans();
            string folder = Reports();
            // A scan that has not finished: 404 with the vendor's words.
            var unfinished = Engine.Run("Save-ScanReport -Provider Invicti -ScanId $args[0] -Path $reports", FakeInvicti.UnfinishedFindingsScanId);
            Assert.Equal(("ReportNotFound,ScanPS.Commands.SaveScanReportCommand", ErrorCategory.ObjectNotFound), ErrorOf(unfinished));
            Assert.Contains("the scan is Scanning", unfinished.SingleError().ToString());

            // A type the vendor does not serve in that format: its 400, not a guess of ScanPS's.
            var pair = Engine.Run("Save-ScanReport -Provider Invicti -ScanId $args[0] -Path $reports -Format Pdf -ReportType Crawled", InvictiScan);
            Assert.Equal(ErrorCategory.InvalidArgument, pair.SingleError().CategoryInfo.Category);
            Assert.Equal(2, Wire("Invicti").Count);
            Assert.Empty(Files(folder));
        }

        [Fact]
        public void Probely_saves_the_scan_report_of_the_target_with_the_extension_of_its_content_type()
        {
            Sandbox.Probely.SeedFindingScans();
            Sandbox.Probely.ReportLength = 300_001;
            string folder = Reports();
            var file = SingleFile(Engine.Run("Save-ScanReport -Provider Probely -ScanId $args[0] -TargetId $args[1] -Path $reports", ProbelyScan, ProbelyTarget).ThrowIfFailed());
            Assert.Equal(Path.Combine(folder, "Probely-" + ProbelyScan + ".pdf"), file.FullName);
            Assert.Equal(new[] { "GET /targets/" + ProbelyTarget + "/scans/" + ProbelyScan + "/report/" }, Wire("Probely"));
            Assert.Equal("JWT " + Sandbox.ApiKey, Sandbox.ProbelyServer.Requests[0].Header("Authorization"));
            AssertSameBytes(Sandbox.Probely.ScanReport(ProbelyScan), file.FullName);
        }

        [Fact]
        public void Probely_without_a_target_id_is_refused_before_any_request()
        {
            Reports();
            var result = Engine.Run("Save-ScanReport -Provider Probely -ScanId $args[0] -Path $reports", ProbelyScan);
            Assert.Equal(("MissingTargetId,ScanPS.Commands.SaveScanReportCommand", ErrorCategory.InvalidArgument), ErrorOf(result));
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void Progress_is_written_in_bytes_with_a_percentage_and_completed_at_the_end()
        {
            Sandbox.HostedScan.SeedFindingScans();
            Reports();
            var result = Engine.Run("Save-ScanReport -Provider HostedScan -ScanId $args[0] -Path $reports", HostedScanScan).ThrowIfFailed();
            var records = result.Progress.Where(p => p.ActivityId == 19).ToList();
            string length = Sandbox.HostedScan.ResultFile(HostedScanPdfResult, "application/pdf").Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(records.Count >= 3, records.Count + " progress records");
            Assert.All(records, r => Assert.Equal("Save-ScanReport HostedScan scan " + HostedScanScan, r.Activity));
            Assert.Equal("0 of " + length + " bytes to HostedScan-" + HostedScanScan + ".pdf", records[0].StatusDescription);
            Assert.Equal(0, records[0].PercentComplete);
            var last = records[^2];
            Assert.Equal(length + " of " + length + " bytes to HostedScan-" + HostedScanScan + ".pdf", last.StatusDescription);
            Assert.Equal(100, last.PercentComplete);
            Assert.Equal(ProgressRecordType.Completed, records[^1].RecordType);
            Assert.All(records.Take(records.Count - 1), r => Assert.Equal(ProgressRecordType.Processing, r.RecordType));
        }

        [Theory]
        [InlineData("HostedScan", "/v1/results/")]
        [InlineData("ProjectDiscovery", "/v1/scans/")]
        [InlineData("Invicti", "/api/1.0/scans/report/")]
        [InlineData("Probely", "/targets/")]
        public void A_download_cut_off_half_way_leaves_no_file_and_no_temporary_file(string provider, string prefix)
        {
            SeedFor(provider);
            string folder = Reports();
            Sandbox.Server(provider).Faults.Enqueue(new Fault { Method = "GET", PathPrefix = prefix, Kind = FaultKind.CutOffAfterBytes, AfterBytes = FakeReportFile.DefaultLength / 2 });
            var result = Engine.Run("Save-ScanReport -Provider $args[0] -ScanId $args[1] -TargetId $args[2] -Path $reports", provider, ScanOf(provider), provider == "Probely" ? ProbelyTarget : null);
            Assert.Equal(("ReportDownloadInterrupted,ScanPS.Commands.SaveScanReportCommand", ErrorCategory.ConnectionError), ErrorOf(result));
            Assert.Contains("No file was written", result.SingleError().ToString());
            Assert.Empty(result.Output);
            Assert.Empty(Directory.GetFileSystemEntries(folder));
            // Not retried part way: one request for the file.
            Assert.Single(Wire(provider), l => l.StartsWith("GET " + prefix, StringComparison.Ordinal) && l != "GET /v1/scans/" + HostedScanScan);
        }

        [Fact]
        public void An_existing_file_is_refused_without_Force_before_any_request_and_replaced_with_Force()
        {
            Sandbox.Probely.SeedFindingScans();
            Sandbox.Probely.ReportLength = 50_000;
            string folder = Reports();
            string existing = Path.Combine(folder, "Probely-" + ProbelyScan + ".pdf");
            File.WriteAllText(existing, "old");
            var refused = Engine.Run("Save-ScanReport -Provider Probely -ScanId $args[0] -TargetId $args[1] -Path $reports", ProbelyScan, ProbelyTarget);
            Assert.Equal(("ReportFileExists,ScanPS.Commands.SaveScanReportCommand", ErrorCategory.ResourceExists), ErrorOf(refused));
            Assert.Equal(existing, refused.SingleError().TargetObject);
            Assert.Equal(0, Sandbox.RequestCount);
            Assert.Equal("old", File.ReadAllText(existing));

            var forced = Engine.Run("Save-ScanReport -Provider Probely -ScanId $args[0] -TargetId $args[1] -Path $reports -Force", ProbelyScan, ProbelyTarget).ThrowIfFailed();
            Assert.Equal(existing, SingleFile(forced).FullName);
            AssertSameBytes(Sandbox.Probely.ScanReport(ProbelyScan), existing);
            Assert.Equal(new[] { Path.GetFileName(existing) }, Files(folder));
        }

        [Fact]
        public void Path_names_a_file_relative_to_the_current_location_or_a_folder()
        {
            Sandbox.Invicti.SeedFindingScans();
            Sandbox.Invicti.ReportLength = 10_000;
            string folder = Reports();
            var named = SingleFile(Engine.Run("Push-Location $reports; try { Save-ScanReport -Provider Invicti -ScanId $args[0] -Path ./weekly.pdf } finally { Pop-Location }", InvictiScan).ThrowIfFailed());
            Assert.Equal(Path.Combine(folder, "weekly.pdf"), named.FullName);
            AssertSameBytes(Sandbox.Invicti.ReportFile(InvictiScan, "ScanDetail", "Pdf"), named.FullName);

            // No -Path: the current folder, named from provider, scan id and report type.
            var here = SingleFile(Engine.Run("Push-Location $reports; try { Save-ScanReport -Provider Invicti -ScanId $args[0] -ReportType FullScanDetail } finally { Pop-Location }", InvictiScan).ThrowIfFailed());
            Assert.Equal(Path.Combine(folder, "Invicti-" + InvictiScan + "-FullScanDetail.pdf"), here.FullName);

            // A folder that does not exist (a trailing separator means a folder) or a file in one: refused, nothing sent.
            ForgetRequests();
            var missing = Engine.Run("Save-ScanReport -Provider Invicti -ScanId $args[0] -Path (Join-Path $reports 'nope/')", InvictiScan);
            Assert.Equal(("InvalidReportPath,ScanPS.Commands.SaveScanReportCommand", ErrorCategory.InvalidArgument), ErrorOf(missing));
            var missingParent = Engine.Run("Save-ScanReport -Provider Invicti -ScanId $args[0] -Path (Join-Path $reports 'nope/x.pdf')", InvictiScan);
            Assert.Equal(("InvalidReportPath,ScanPS.Commands.SaveScanReportCommand", ErrorCategory.InvalidArgument), ErrorOf(missingParent));
            Assert.Equal(0, Sandbox.RequestCount);
            Assert.Equal(new[] { "Invicti-" + InvictiScan + "-FullScanDetail.pdf", "weekly.pdf" }, Files(folder));
        }

        [Fact]
        public void WhatIf_sends_nothing_and_writes_no_file()
        {
            string folder = Reports();
            var result = Engine.Run("Save-ScanReport -Provider HostedScan -ScanId $args[0] -Path $reports -WhatIf", HostedScanScan).ThrowIfFailed();
            Assert.Empty(result.Output);
            Assert.Equal(0, Sandbox.RequestCount);
            Assert.Empty(Directory.GetFileSystemEntries(folder));
            string expected = "What if: Performing the operation \"Save the Pdf report of scan " + HostedScanScan + "\" on target \"" +
                Path.Combine(folder, "HostedScan-" + HostedScanScan + ".pdf") + " (from HostedScan (" + Sandbox.BaseUri("HostedScan") + "/))\".";
            Assert.Equal(expected, Assert.Single(WhatIfLines()).TrimEnd());
        }

        [Fact]
        public void Scans_piped_from_Get_Scan_of_every_provider_and_from_Import_Csv_bind_by_property_name()
        {
            Sandbox.HostedScan.SeedFindingScans();
            Sandbox.ProjectDiscovery.SeedFindingScans();
            Sandbox.Invicti.SeedFindingScans();
            Sandbox.Probely.SeedFindingScans();
            foreach (var fake in new dynamic[] { Sandbox.HostedScan, Sandbox.ProjectDiscovery, Sandbox.Invicti, Sandbox.Probely }) fake.ReportLength = 20_000L;
            string folder = Reports();
            string csv = Csv("scans.csv", "Provider,Id,TargetId", "Probely," + ProbelyScan + "," + ProbelyTarget, "Probely," + FakeProbely.FirstFindingsScanId + "," + ProbelyTarget);
            Engine.Set("csv", csv);
            var result = Engine.Run(@"
$scans = @(
    Get-Scan -Provider HostedScan -Id $args[0]
    Get-Scan -Provider ProjectDiscovery -Id $args[1]
    Get-Scan -Provider Invicti -Id $args[2]
)
@($scans) + @(Import-Csv $csv) | Save-ScanReport -Path $reports", HostedScanScan, PdcpScan, InvictiScan).ThrowIfFailed();
            Assert.Equal(new[]
            {
                "HostedScan-" + HostedScanScan + ".pdf",
                "ProjectDiscovery-" + PdcpScan + ".pdf",
                "Invicti-" + InvictiScan + "-ScanDetail.pdf",
                "Probely-" + ProbelyScan + ".pdf",
                "Probely-" + FakeProbely.FirstFindingsScanId + ".pdf",
            }, result.Output.Select(o => ((FileInfo)o.BaseObject).Name).ToArray());
            Assert.Equal(5, Files(folder).Length);
            Assert.Equal("GET /v1/results/" + HostedScanPdfResult, Wire("HostedScan").Last());
            Assert.Equal("GET /targets/" + ProbelyTarget + "/scans/" + FakeProbely.FirstFindingsScanId + "/report/", Wire("Probely").Last());
        }

        [Theory]
        [InlineData("-Provider HostedScan -ScanId f1d000000000000000000001 -ReportType ScanDetail", "ParameterNotValidForProvider")]
        [InlineData("-Provider HostedScan -ScanId f1d000000000000000000001 -Format Csv", "InvalidReportFormat")]
        [InlineData("-Provider Probely -ScanId F1ndScanAAA2 -TargetId F1ndTargetAb -Format Html", "InvalidReportFormat")]
        [InlineData("-Provider Invicti -ScanId f1d00000-0000-4000-8000-000000000001 -ReportType Nope", "InvalidReportType")]
        [InlineData("-Provider Invicti -ScanId f1d00000-0000-4000-8000-000000000001 -Timeout 30", "ParameterNotValidForProvider")]
        [InlineData("-Provider HostedScan -ScanId f1d000000000000000000001 -TargetId abc", "ParameterNotValidForProvider")]
        [InlineData("-Provider Invicti -ScanId not-a-guid", "InvalidScanId")]
        [InlineData("-Provider Probely -ScanId ../x -TargetId F1ndTargetAb", "InvalidScanId")]
        [InlineData("-Provider Probely -ScanId F1ndScanAAA2 -TargetId a/b", "InvalidTargetId")]
        public void Invalid_combinations_are_refused_before_any_request(string arguments, string errorId)
        {
            Reports();
            var result = Engine.Run("Save-ScanReport " + arguments + " -Path $reports");
            Assert.Equal((errorId + ",ScanPS.Commands.SaveScanReportCommand", ErrorCategory.InvalidArgument), ErrorOf(result));
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Theory]
        [InlineData("Save-ScanReport -Provider Invicti -Format ", "Csv,Html,Json,Pdf,Txt,Xml")]
        [InlineData("Save-ScanReport -Provider ProjectDiscovery -Format ", "Csv,Json,Pdf")]
        [InlineData("Save-ScanReport -Provider Probely -Format ", "Pdf")]
        [InlineData("Save-ScanReport -Provider Invicti -ReportType Owasp", "OwaspApiTop10,OwaspApiTopTen2023,OwaspTopTen2013,OwaspTopTen2017,OwaspTopTen2021")]
        [InlineData("Save-ScanReport -Provider HostedScan -ReportType ", "")]
        [InlineData("Save-ScanReport -Provider ", "HostedScan,Invicti,Probely,ProjectDiscovery")]
        public void Format_ReportType_and_Provider_complete_from_the_provider_definitions(string line, string expected)
        {
            var result = Engine.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object CompletionText", line).ThrowIfFailed();
            var got = result.Output.Select(o => (string)o.BaseObject).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            Assert.Equal(expected.Length == 0 ? Array.Empty<string>() : expected.Split(','), got);
        }

        private void SeedFor(string provider)
        {
            switch (provider)
            {
                case "HostedScan": Sandbox.HostedScan.SeedFindingScans(); break;
                case "ProjectDiscovery": Sandbox.ProjectDiscovery.SeedFindingScans(); break;
                case "Invicti": Sandbox.Invicti.SeedFindingScans(); break;
                default: Sandbox.Probely.SeedFindingScans(); break;
            }
        }

        private static string ScanOf(string provider) => provider switch
        {
            "HostedScan" => HostedScanScan,
            "ProjectDiscovery" => PdcpScan,
            "Invicti" => InvictiScan,
            _ => ProbelyScan,
        };
    }
}
