using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ScanPS.FakeVendors;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Issue 17 item 9, the smaller usability defects: completion quoting and scope, -State completion without
    /// repeats, consistent table views and times, list columns in Export-Csv, Format-List * order, plurals,
    /// Get-Help -Online, about_ScanPS, the README's Start-ScanFromScan example and its WhatIf text, build.ps1 Demo's port check.
    /// </summary>
    public sealed class UsabilityTests : IClassFixture<UsabilityTests.Fixture>
    {
        private const string DocsBase = "https://github.com/scanps/ScanPS/blob/main/docs/";

        private readonly Fixture _fixture;

        public UsabilityTests(Fixture fixture) => _fixture = fixture;

        private Sandbox Sandbox => _fixture.Sandbox;

        private static string[] Completions(Engine engine, string line) =>
            engine.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object CompletionText", line)
                .ThrowIfFailed().Output.Select(o => (string)o.BaseObject).ToArray();

        [Fact]
        public void A_numeric_looking_id_completes_quoted_and_the_completed_line_asks_for_that_id()
        {
            using var engine = Sandbox.Connect(new Engine(), "HostedScan");
            Assert.Equal("000000000000000000000001", _fixture.HostedScanId);
            engine.Run("Get-Scan -Provider HostedScan -Id $args[0] | Out-Null", _fixture.HostedScanId).ThrowIfFailed();

            // Other test classes' fakes hand out ids from the same counter (the list of ids seen is per process),
            // so look for this one among the completions rather than expecting it alone.
            string line = "Get-Scan -Provider HostedScan -Id 00000000000000000000000";
            var completions = Completions(engine, line);
            Assert.Contains("'000000000000000000000001'", completions);
            Assert.DoesNotContain("000000000000000000000001", completions);

            // Accept the completion and run the line: the id must reach the wire as typed, not as the number 1.
            int before = Sandbox.HostedScanServer.Requests.Count;
            string completed = line.Substring(0, line.LastIndexOf(' ') + 1) + "'000000000000000000000001'";
            var result = engine.Run(completed).ThrowIfFailed();
            Assert.Equal(_fixture.HostedScanId, Assert.Single(result.Output).Properties["Id"].Value);
            var request = Assert.Single(Sandbox.HostedScanServer.Requests.Skip(before));
            Assert.Equal("GET /v1/scans/000000000000000000000001", request.Method + " " + request.Path);
        }

        [Fact]
        public void Start_ScanFromScan_Id_completes_only_Invicti_ids_unless_Provider_says_otherwise()
        {
            using var engine = Sandbox.Connect(new Engine(), "HostedScan", "Invicti");
            string invictiId = Sandbox.Invicti.AddScan("Complete", _fixture.StagingSiteId);
            engine.Run("Get-Scan -Provider HostedScan -Id $args[0] | Out-Null; Get-Scan -Provider Invicti -Id $args[1] | Out-Null", _fixture.HostedScanId, invictiId).ThrowIfFailed();

            var tips = engine.Run("(TabExpansion2 -inputScript 'Start-ScanFromScan -Id ' -cursorColumn 23).CompletionMatches | ForEach-Object ToolTip")
                .ThrowIfFailed().Output.Select(o => (string)o.BaseObject).ToList();

            Assert.Contains(tips, t => t.StartsWith("Invicti " + invictiId, StringComparison.Ordinal));
            Assert.All(tips, t => Assert.StartsWith("Invicti ", t));
            Assert.DoesNotContain("'" + _fixture.HostedScanId + "'", Completions(engine, "Start-ScanFromScan -Id 0000"));
        }

        [Theory]
        [InlineData("Invicti", "Queued,Running,Completed,Failed,Cancelled,Paused,Scanning,Archiving,Complete,Delayed,Pausing,Resuming,AsyncArchiving")]
        [InlineData("ProjectDiscovery", "Queued,Running,Completed,Failed,Cancelled,starting,finished,uploaded,scheduled,stopped")]
        [InlineData("Probely", "Queued,Running,Completed,Failed,Cancelled,Paused,started,under_review,finishing_up,completed_with_errors,canceling,canceled,pausing,resuming")]
        public void State_completion_lists_each_value_once(string provider, string expected)
        {
            using var engine = new Engine();

            var completions = Completions(engine, "Get-Scan -Provider " + provider + " -State ");

            Assert.Equal(expected.Split(','), completions);
        }

        [Fact]
        public void The_Invicti_table_has_State_and_Progress_like_the_others_and_times_are_local_with_their_offset()
        {
            using var engine = Sandbox.Connect(new Engine(), "Invicti");
            string id = Sandbox.Invicti.AddScan("Scanning", _fixture.StagingSiteId);

            var result = engine.Run("$s = Get-Scan -Provider Invicti -Id $args[0]; $s; ($s | Format-Table | Out-String -Width 200)", id).ThrowIfFailed();

            var scan = result.Output[0];
            var initiated = (DateTime)scan.Properties["InitiatedAt"].Value;
            Assert.Equal(DateTimeKind.Local, initiated.Kind);
            // The fake's InitiatedDate/InitiatedTime texts are in UTC.
            var utc = initiated.ToUniversalTime();
            Assert.Equal(scan.Properties["InitiatedDate"].Value, utc.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(scan.Properties["InitiatedTime"].Value, utc.ToString("h:mm tt", System.Globalization.CultureInfo.InvariantCulture));

            var lines = ((string)result.Output[1].BaseObject).Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
            Assert.Equal(new[] { "Id", "TargetUrl", "State", "Progress", "ThreatLevel", "InitiatedAt" }, lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            string row = lines[2];
            Assert.StartsWith(id + " https://staging.example.com/", row);
            Assert.Contains(" Running ", row);
            Assert.EndsWith(initiated.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture), row);
        }

        [Fact]
        public void The_scan_table_views_share_State_and_Progress_columns()
        {
            using var engine = new Engine();

            var result = engine.Run(@"
foreach ($type in 'HostedScanScan', 'ProjectDiscoveryScan', 'InvictiScan') {
    $view = Get-FormatData -TypeName ""ScanPS.Models.$type""
    ($view.FormatViewDefinition[0].Control.Headers | ForEach-Object Label) -join ','
}").ThrowIfFailed();

            Assert.All(result.Output.Select(o => (string)o.BaseObject), header => Assert.Matches("^Id,.*State,Progress,", header));
        }

        [Fact]
        public void Export_Csv_writes_list_columns_as_their_values_and_the_rows_pipe_back_into_Get_Scan()
        {
            using var engine = Sandbox.Connect(new Engine(), "HostedScan");

            var result = engine.Run(@"
$scan = New-Scan -Provider HostedScan -Type NMAP -Target a.example.com, b.example.com
$csv = $scan | ConvertTo-Csv -NoTypeInformation
$rows = $csv | ConvertFrom-Csv
$rows[0].Targets
$rows[0].RequestedTargets
$rows | Get-Scan
$scan.Targets.Count
$scan.Targets[1]
$scan.Targets.Length").ThrowIfFailed();

            Assert.Equal("a.example.com; b.example.com", result.Output[0].BaseObject);
            Assert.Equal("a.example.com; b.example.com", result.Output[1].BaseObject);
            var again = result.Output[2];
            Assert.Equal("ScanPS.Models.HostedScanScan", again.BaseObject.GetType().FullName);
            Assert.Equal(2, result.Output[3].BaseObject);
            Assert.Equal("b.example.com", result.Output[4].BaseObject);
            Assert.Equal(2, result.Output[5].BaseObject);
            string id = (string)again.Properties["Id"].Value;
            var last = Sandbox.HostedScanServer.Requests.Last(r => r.Method == "GET" && r.Path.StartsWith("/v1/scans/", StringComparison.Ordinal));
            Assert.Equal("/v1/scans/" + id, last.Path);
        }

        [Theory]
        [InlineData("HostedScanScan")]
        [InlineData("ProjectDiscoveryScan")]
        [InlineData("InvictiScan")]
        [InlineData("ProbelyScheduledScan")]
        public void Format_List_star_starts_with_Provider_Id_State(string type)
        {
            using var engine = new Engine();

            var result = engine.Run("[ScanPS.Models." + type + "]::new('id1') | Format-List * | Out-String -Width 200").ThrowIfFailed();

            var names = ((string)result.Output.Single().BaseObject).Split('\n').Where(l => l.Contains(" : ") || l.TrimEnd().EndsWith(" :", StringComparison.Ordinal))
                .Select(l => l.Split(':')[0].Trim()).ToList();
            var expected = type == "ProbelyScheduledScan" ? new[] { "Provider", "Id" } : new[] { "Provider", "Id", "State", "VendorState" };
            Assert.Equal(expected, names.Take(expected.Length));
        }

        [Fact]
        public void One_refused_target_is_reported_in_the_singular()
        {
            using var engine = Sandbox.Connect(new Engine(), "Probely");

            var result = engine.Run("New-ScheduledScanBulk -TargetId nOtArEaLiD1 -StartTime '2031-03-04 02:00' -Recurrence Weekly -TimeZone UTC");

            var error = result.SingleError();
            Assert.Equal("InvalidRequest,ScanPS.Commands.NewScheduledScanBulkCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.StartsWith("1 target was not scheduled: nOtArEaLiD1. Probely answered 400", error.ErrorDetails?.Message ?? error.Exception.Message);
        }

        [Theory]
        [InlineData("Connect-ScanProvider")]
        [InlineData("Disconnect-ScanProvider")]
        [InlineData("Get-Scan")]
        [InlineData("Get-ScanProviderConnection")]
        [InlineData("New-Scan")]
        [InlineData("New-ScheduledScanBulk")]
        [InlineData("Start-ScanFromScan")]
        public void Get_Help_Online_opens_the_ScanPS_page_of_the_command(string command)
        {
            using var engine = new Engine();

            // What Get-Help -Online opens: the first related link whose uri is an absolute URI.
            var result = engine.Run(@"
$links = @((Get-Help -Name $args[0] -Full).relatedLinks.navigationLink)
foreach ($link in $links) {
    $uri = $null
    if ($link.uri -and [Uri]::TryCreate($link.uri.Trim(), 'Absolute', [ref]$uri)) { $uri.AbsoluteUri; break }
}", command).ThrowIfFailed();

            Assert.Equal(DocsBase + command + ".md", Assert.Single(result.Output).BaseObject);
        }

        [Fact]
        public void About_ScanPS_lists_each_error_id_once()
        {
            using var engine = new Engine();

            string text = (string)engine.Run("Get-Help about_ScanPS | Out-String -Width 200").ThrowIfFailed().Output.Single().BaseObject;

            // The error table's rows: "    <ErrorId>    <ErrorCategory>    <when>".
            var ids = Regex.Matches(text, @"^[ \t]+([A-Z][A-Za-z]+)[ \t]{2,}([A-Z][A-Za-z]+)[ \t]{2,}", RegexOptions.Multiline)
                .Where(m => Enum.TryParse<ErrorCategory>(m.Groups[2].Value, out _)).Select(m => m.Groups[1].Value).ToList();
            Assert.Contains("VendorError", ids);
            Assert.Contains("CertificateNotTrusted", ids);
            Assert.Empty(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key));
        }

        [Fact]
        public void The_README_relaunch_example_names_the_latest_scan_of_each_site_with_its_url()
        {
            using var engine = Sandbox.Connect(new Engine(), "Invicti");
            // Two staging sites, each with an older and a newer completed scan (the fake's clock moves on per scan).
            string oldStaging = Sandbox.Invicti.AddScan("Complete", _fixture.StagingSiteId);
            string oldApi = Sandbox.Invicti.AddScan("Complete", _fixture.ApiSiteId);
            string newStaging = Sandbox.Invicti.AddScan("Complete", _fixture.StagingSiteId);
            string newApi = Sandbox.Invicti.AddScan("Complete", _fixture.ApiSiteId);

            var readme = File.ReadAllLines(Path.Combine(StagedModule.RepoRoot, "README.md"));
            var examples = readme.Select(l => l.Trim()).Where(l => l.Contains("| Start-ScanFromScan -WhatIf", StringComparison.Ordinal)).Select(l => l.StartsWith("PS> ", StringComparison.Ordinal) ? l.Substring(4) : l).ToList();
            Assert.Equal(2, examples.Count);
            Assert.Equal(examples[0], examples[1]);
            int before = Sandbox.InvictiServer.Requests.Count;

            engine.Run(examples[0]).ThrowIfFailed();

            var whatIf = engine.Host.Console.Split('\n').Select(l => l.TrimEnd()).Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).ToList();
            string display = "on Invicti (" + Sandbox.BaseUri("Invicti") + "/)";
            Assert.Equal(
                new[]
                {
                    "What if: Performing the operation \"Start a new scan with the same configuration\" on target \"scan " + newApi + " of https://api.staging.example.com/ " + display + "\".",
                    "What if: Performing the operation \"Start a new scan with the same configuration\" on target \"scan " + newStaging + " of https://staging.example.com/ " + display + "\".",
                }.OrderBy(l => l),
                whatIf.OrderBy(l => l));
            Assert.DoesNotContain(oldStaging, engine.Host.Console);
            Assert.DoesNotContain(oldApi, engine.Host.Console);
            Assert.DoesNotContain(Sandbox.InvictiServer.Requests.Skip(before), r => r.Path.Contains("newfromscan", StringComparison.Ordinal));
        }

        [Fact]
        public void Build_Demo_stops_before_building_when_something_answers_on_its_port()
        {
            using var engine = new Engine(importModule: false);
            TcpListener? listener = new TcpListener(IPAddress.Loopback, 5099);
            try
            {
                listener.Start();
            }
            catch (SocketException)
            {
                listener = null;   // something else already listens there, which is the case under test too
            }

            try
            {
                // A dotnet that fails loudly: Demo must stop before it builds anything.
                var result = engine.Run("function global:dotnet { throw 'dotnet was run' }; & $args[0] Demo", Path.Combine(StagedModule.RepoRoot, "build.ps1"));

                Assert.NotNull(result.Terminating);
                Assert.Equal("Something already answers on http://127.0.0.1:5099 (port 5099), perhaps a sandbox from an earlier Demo. Stop it and run the Demo again.", result.Terminating!.Message);
                Assert.DoesNotContain("> dotnet", engine.Host.Console);
            }
            finally
            {
                listener?.Stop();
            }
        }

        public sealed class Fixture : IAsyncLifetime
        {
            public Sandbox Sandbox { get; private set; } = null!;

            public string HostedScanId { get; private set; } = string.Empty;

            public string StagingSiteId { get; private set; } = string.Empty;

            public string ApiSiteId { get; private set; } = string.Empty;

            public async Task InitializeAsync()
            {
                Sandbox = await Sandbox.StartAsync();
                HostedScanId = Sandbox.HostedScan.SeedScans(1).Single();
                StagingSiteId = Sandbox.Invicti.AddWebsite("https://staging.example.com/", "Staging");
                ApiSiteId = Sandbox.Invicti.AddWebsite("https://api.staging.example.com/", "API staging");
            }

            public async Task DisposeAsync() => await Sandbox.DisposeAsync();
        }
    }
}
