using System.Linq;
using System.Management.Automation;
using ScanPS.FakeVendors;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// New-Scan for Probely (scan_now per target) and Invicti (scans/new per URL, scans/newwithprofile, -PolicyName
    /// resolved first), Start-ScanFromScan for ProjectDiscovery (rescan), Probely (scan_now of the scan's target and
    /// profile) and HostedScan (a new scan of the same type and targets), in a real engine against the fakes: exact
    /// requests and bodies, pipeline binding from scans and Import-Csv, -WhatIf, refusals before any request, and a
    /// create that is not retried.
    /// </summary>
    public sealed class ScanLifecycleCommandTests : PipelineTest
    {
        private const string Shop = "3epwuyBoKQKN";
        private const string Api = "5zJkQ8cQn2Pw";

        private bool _probelyTargets;

        private void AddProbelyTargets()
        {
            if (_probelyTargets) return;
            _probelyTargets = true;
            Sandbox.Probely.AddTarget(Shop, "Example shop", "https://shop.example.com/");
            Sandbox.Probely.AddTarget(Api, "Example API", "https://api.example.com/");
        }

        // ---- New-Scan -Provider Probely ----

        [Fact]
        public void New_Scan_for_Probely_starts_one_scan_now_per_target_with_the_profile()
        {
            AddProbelyTargets();

            var result = Engine.Run("New-Scan -Provider Probely -TargetId " + Shop + ", " + Api + " -ScanProfile safe").ThrowIfFailed();

            Assert.Equal(new[] { "POST /targets/" + Shop + "/scan_now/", "POST /targets/" + Api + "/scan_now/" }, Wire("Probely"));
            Assert.Equal(new[] { "{\"scan_profile\":\"safe\"}", "{\"scan_profile\":\"safe\"}" }, Bodies("Probely"));
            Assert.All(Sandbox.ProbelyServer.Requests, r => Assert.StartsWith("application/json", r.Header("Content-Type")));
            Assert.Equal(new[] { Shop, Api }, Column(result, "TargetId"));
            Assert.All(result.Output, s => Assert.Equal(("ScanPS.Models.ProbelyScan", "Queued", "queued", "safe"), (s.BaseObject.GetType().FullName, Text(s, "State"), Text(s, "VendorState"), Text(s, "ScanProfile"))));
        }

        [Fact]
        public void Csv_rows_with_an_id_column_piped_into_New_Scan_for_Probely_start_a_scan_each_with_the_targets_own_profile()
        {
            AddProbelyTargets();
            string csv = Csv("targets.csv", "id,Note", Shop + ",web", "," , Api + ",api");

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | New-Scan -Provider Probely", csv).ThrowIfFailed();

            Assert.Empty(Engine.Host.Prompts);
            Assert.Equal(new[] { "POST /targets/" + Shop + "/scan_now/", "POST /targets/" + Api + "/scan_now/" }, Wire("Probely"));
            Assert.Equal(new[] { "{}", "{}" }, Bodies("Probely"));
            Assert.Equal(new[] { "normal", "normal" }, Column(result, "ScanProfile"));
        }

        [Fact]
        public void A_Probely_scan_piped_into_New_Scan_is_refused_as_ambiguous_and_nothing_is_sent()
        {
            // A ProbelyScan has TargetId (Probely's set) and TargetUrl (Invicti's -TargetUri): PowerShell cannot pick a
            // set. Start-ScanFromScan is the command that runs a scan again (docs/New-Scan.md says so).
            AddProbelyTargets();
            Sandbox.Probely.AddScan(Api, "completed");
            Engine.Run("$scans = Get-Scan -Provider Probely").ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("$scans | New-Scan -Provider Probely");

            Assert.Equal("AmbiguousParameterSet,ScanPS.Commands.NewScanCommand", ErrorIds(result).First());
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void New_Scan_for_Probely_WhatIf_names_each_target_and_sends_nothing()
        {
            var result = Engine.Run("New-Scan -Provider Probely -TargetId " + Shop + ", " + Api + " -WhatIf").ThrowIfFailed();

            Assert.Empty(result.Output);
            string target = " on target \"Probely (" + Sandbox.BaseUri("Probely") + "/)\".";
            Assert.Equal(new[]
            {
                "What if: Performing the operation \"Start a scan of target " + Shop + " now with its own scan profile\"" + target,
                "What if: Performing the operation \"Start a scan of target " + Api + " now with its own scan profile\"" + target,
            }, WhatIfLines());
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void An_unknown_Probely_target_is_TargetNotFound_and_the_next_target_is_still_scanned()
        {
            AddProbelyTargets();

            var result = Engine.Run("New-Scan -Provider Probely -TargetId NoSuchTarget, " + Shop);

            Assert.Equal(new[] { "POST /targets/NoSuchTarget/scan_now/", "POST /targets/" + Shop + "/scan_now/" }, Wire("Probely"));
            var error = result.SingleError();
            ErrorAssert.Is(error, "TargetNotFound", "NewScanCommand", ErrorCategory.ObjectNotFound);
            Assert.Equal("NoSuchTarget", error.TargetObject);
            Assert.Equal(new[] { Shop }, Column(result, "TargetId"));
        }

        [Fact]
        public void An_unknown_Probely_scan_profile_is_refused_with_the_vendors_field_message()
        {
            AddProbelyTargets();

            var result = Engine.Run("New-Scan -Provider Probely -TargetId " + Shop + " -ScanProfile nosuch");

            Assert.Single(Wire("Probely"));
            var error = result.SingleError();
            ErrorAssert.Is(error, "InvalidRequest", "NewScanCommand", ErrorCategory.InvalidArgument);
            Assert.Contains("Invalid pk \\\"nosuch\\\" - object does not exist.".Replace("\\\"", "\""), error.ErrorDetails.Message);
        }

        [Fact]
        public void A_Probely_scan_now_answered_503_is_not_sent_again()
        {
            AddProbelyTargets();
            Sandbox.ProbelyServer.Faults.Enqueue(new Fault { Method = "POST", PathPrefix = "/targets/", Kind = FaultKind.Status, StatusCode = 503, Times = 5 });

            var result = Engine.Run("New-Scan -Provider Probely -TargetId " + Shop);

            Assert.Equal(new[] { "POST /targets/" + Shop + "/scan_now/" }, Wire("Probely"));
            ErrorAssert.Is(result.SingleError(), "VendorUnavailable", "NewScanCommand", ErrorCategory.ResourceUnavailable);
        }

        [Theory]
        [InlineData("New-Scan -Provider Probely", "NoScanTargets", ErrorCategory.InvalidArgument)]
        [InlineData("New-Scan -Provider Probely -TargetId '../x'", "InvalidTargetId", ErrorCategory.InvalidArgument)]
        [InlineData("New-Scan -Provider Probely -TargetId a1 -Template http/cves/", "AmbiguousParameterSet", ErrorCategory.InvalidArgument)]
        [InlineData("New-Scan -Provider Invicti", "NoScanTargets", ErrorCategory.InvalidArgument)]
        [InlineData("New-Scan -Provider Invicti -TargetUri www.example.com", "InvalidTargetUri", ErrorCategory.InvalidArgument)]
        [InlineData("New-Scan -Provider Invicti -TargetUri https://www.example.com/ -ProfileName 'Nightly quick' -PolicyName 'Quick Scan'", "ConflictingScanSettings", ErrorCategory.InvalidArgument)]
        [InlineData("New-Scan -Provider Invicti -TargetUri https://www.example.com/ -ProfileName 'Nightly quick' -PolicyId 6f6cc5b1-3e28-4c3b-8d47-000000000001", "ConflictingScanSettings", ErrorCategory.InvalidArgument)]
        [InlineData("New-Scan -Provider Invicti -TargetUri https://www.example.com/ -PolicyName 'Quick Scan' -PolicyId 6f6cc5b1-3e28-4c3b-8d47-000000000001", "ConflictingScanSettings", ErrorCategory.InvalidArgument)]
        [InlineData("New-Scan -Provider Invicti -TargetUri https://www.example.com/ -ScanProfile safe", "AmbiguousParameterSet", ErrorCategory.InvalidArgument)]
        [InlineData("New-Scan -Provider Probely -TargetId a1 -PolicyName x", "AmbiguousParameterSet", ErrorCategory.InvalidArgument)]
        public void Invalid_combinations_are_refused_before_any_request(string command, string id, ErrorCategory category)
        {
            var result = Engine.Run(command);

            ErrorAssert.Is(result.Terminating?.ErrorRecord ?? result.SingleError(), id, "NewScanCommand", category);
            Assert.Equal(0, Sandbox.RequestCount);
        }

        // ---- New-Scan -Provider Invicti ----

        [Fact]
        public void New_Scan_for_Invicti_resolves_PolicyName_once_and_sends_one_scans_new_per_TargetUri()
        {
            Sandbox.Invicti.AddWebsite("https://www.example.com/", "Example");
            Sandbox.Invicti.AddWebsite("https://staging.example.com/", "Example staging");
            string policy = Sandbox.Invicti.AddScanPolicy("Weekly deep");

            var result = Engine.Run("New-Scan -Provider Invicti -TargetUri https://www.example.com/, https://staging.example.com/ -PolicyName 'weekly deep' -Scope WholeDomain").ThrowIfFailed();

            Assert.Equal(new[] { "GET /api/1.0/scanpolicies/get?name=weekly%20deep", "POST /api/1.0/scans/new", "POST /api/1.0/scans/new" }, Wire("Invicti"));
            Assert.Equal(new[]
            {
                "{\"TargetUri\":\"https://www.example.com/\",\"PolicyId\":\"" + policy + "\",\"Scope\":\"WholeDomain\"}",
                "{\"TargetUri\":\"https://staging.example.com/\",\"PolicyId\":\"" + policy + "\",\"Scope\":\"WholeDomain\"}",
            }, Bodies("Invicti"));
            Assert.Equal(new[] { "https://www.example.com/", "https://staging.example.com/" }, Column(result, "TargetUrl"));
            Assert.All(result.Output, s => Assert.Equal(("ScanPS.Models.InvictiScan", "Queued"), (s.BaseObject.GetType().FullName, Text(s, "State"))));
        }

        [Fact]
        public void New_Scan_for_Invicti_with_PolicyId_sends_it_as_given_without_a_lookup()
        {
            Sandbox.Invicti.AddWebsite("https://www.example.com/", "Example");

            Engine.Run("New-Scan -Provider Invicti -TargetUri https://www.example.com/ -PolicyId " + FakeInvicti.DefaultPolicyId).ThrowIfFailed();

            Assert.Equal(new[] { "POST /api/1.0/scans/new" }, Wire("Invicti"));
            Assert.Equal(new[] { "{\"TargetUri\":\"https://www.example.com/\",\"PolicyId\":\"" + FakeInvicti.DefaultPolicyId + "\"}" }, Bodies("Invicti"));
        }

        [Fact]
        public void New_Scan_for_Invicti_with_ProfileName_uses_scans_newwithprofile()
        {
            Sandbox.Invicti.AddWebsite("https://www.example.com/", "Example");
            Sandbox.Invicti.AddScanProfile("Nightly quick");

            var result = Engine.Run("New-Scan -Provider Invicti -TargetUri https://www.example.com/ -ProfileName 'Nightly quick'").ThrowIfFailed();

            Assert.Equal(new[] { "POST /api/1.0/scans/newwithprofile" }, Wire("Invicti"));
            Assert.Equal(new[] { "{\"ProfileName\":\"Nightly quick\",\"TargetUri\":\"https://www.example.com/\"}" }, Bodies("Invicti"));
            Assert.Equal("https://www.example.com/", Text(result.Output.Single(), "TargetUrl"));
        }

        [Fact]
        public void An_unknown_PolicyName_is_ScanPolicyNotFound_and_no_scan_is_created()
        {
            Sandbox.Invicti.AddWebsite("https://www.example.com/", "Example");

            var result = Engine.Run("New-Scan -Provider Invicti -TargetUri https://www.example.com/ -PolicyName Nope");

            Assert.Equal(new[] { "GET /api/1.0/scanpolicies/get?name=Nope" }, Wire("Invicti"));
            var error = result.SingleError();
            ErrorAssert.Is(error, "ScanPolicyNotFound", "NewScanCommand", ErrorCategory.ObjectNotFound);
            Assert.Empty(result.Output);
        }

        [Fact]
        public void Csv_rows_with_a_TargetUrl_column_piped_into_New_Scan_for_Invicti_start_a_scan_each()
        {
            Sandbox.Invicti.AddWebsite("https://www.example.com/", "Example");
            Sandbox.Invicti.AddWebsite("https://staging.example.com/", "Example staging");
            string csv = Csv("sites.csv", "TargetUrl,Owner", "https://www.example.com/,web", "https://staging.example.com/,qa");

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | New-Scan -Provider Invicti", csv).ThrowIfFailed();

            Assert.Empty(Engine.Host.Prompts);
            Assert.Equal(new[] { "{\"TargetUri\":\"https://www.example.com/\"}", "{\"TargetUri\":\"https://staging.example.com/\"}" }, Bodies("Invicti"));
            Assert.Equal(2, result.Output.Count);
        }

        [Fact]
        public void New_Scan_for_Invicti_WhatIf_names_each_URL_and_sends_nothing_not_even_the_policy_lookup()
        {
            var result = Engine.Run("New-Scan -Provider Invicti -TargetUri https://www.example.com/, https://staging.example.com/ -PolicyName 'Quick Scan' -WhatIf").ThrowIfFailed();

            string target = " on target \"Invicti (" + Sandbox.BaseUri("Invicti") + "/)\".";
            Assert.Equal(new[]
            {
                "What if: Performing the operation \"Start a scan of https://www.example.com/ with scan policy 'Quick Scan'\"" + target,
                "What if: Performing the operation \"Start a scan of https://staging.example.com/ with scan policy 'Quick Scan'\"" + target,
            }, WhatIfLines());
            Assert.Equal(0, Sandbox.RequestCount);
        }

        // ---- Start-ScanFromScan for ProjectDiscovery, Probely and HostedScan ----

        [Fact]
        public void Completed_ProjectDiscovery_scans_piped_into_Start_ScanFromScan_are_rescanned_and_read()
        {
            var ids = Sandbox.ProjectDiscovery.SeedScans(6);
            Engine.Run("$done = Get-Scan -Provider ProjectDiscovery -State Completed -First 2").ThrowIfFailed();
            var sources = Engine.Run("$done.Id").ThrowIfFailed().BaseObjects.Cast<string>().ToList();
            ForgetRequests();

            var result = Engine.Run("$done | Start-ScanFromScan").ThrowIfFailed();

            var wire = Wire("ProjectDiscovery");
            Assert.Equal(4, wire.Count);
            Assert.Equal("POST /v1/scans/" + sources[0] + "/rescan", wire[0]);
            Assert.Equal("GET /v1/scans/" + Text(result.Output[0], "Id"), wire[1]);
            Assert.Equal("POST /v1/scans/" + sources[1] + "/rescan", wire[2]);
            Assert.Equal("GET /v1/scans/" + Text(result.Output[1], "Id"), wire[3]);
            Assert.Empty(Bodies("ProjectDiscovery"));
            Assert.All(result.Output, s => Assert.Equal("ScanPS.Models.ProjectDiscoveryScan", s.BaseObject.GetType().FullName));
            Assert.All(result.Output, s => Assert.Equal("True", Text(s, "IsRescan")));
        }

        [Fact]
        public void A_ProjectDiscovery_team_scan_is_rescanned_in_its_team()
        {
            Sandbox.ProjectDiscovery.AddScan("finished", "team-blue");
            Engine.Run("$scan = Get-Scan -Provider ProjectDiscovery -TeamId team-blue").ThrowIfFailed();
            ForgetRequests();

            Engine.Run("$scan | Start-ScanFromScan").ThrowIfFailed();

            Assert.Equal(2, Sandbox.ProjectDiscoveryServer.Requests.Count);
            Assert.All(Sandbox.ProjectDiscoveryServer.Requests, r => Assert.Equal("team-blue", r.Header("X-Team-Id")));
        }

        [Fact]
        public void A_running_ProjectDiscovery_scan_is_refused_by_the_vendor_and_not_retried()
        {
            string running = Sandbox.ProjectDiscovery.AddScan("running");

            var result = Engine.Run("Start-ScanFromScan -Provider ProjectDiscovery -Id " + running);

            Assert.Equal(new[] { "POST /v1/scans/" + running + "/rescan" }, Wire("ProjectDiscovery"));
            var error = result.SingleError();
            ErrorAssert.Is(error, "InvalidRequest", "StartScanFromScanCommand", ErrorCategory.InvalidArgument);
            Assert.Contains("scan is already running", error.ErrorDetails.Message);
        }

        [Fact]
        public void A_Probely_scan_piped_into_Start_ScanFromScan_starts_a_scan_of_its_target_with_its_profile()
        {
            AddProbelyTargets();
            string earlier = Sandbox.Probely.AddScan(Api, "completed", "full");
            Engine.Run("$scan = Get-Scan -Provider Probely -Id " + earlier).ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("$scan | Start-ScanFromScan").ThrowIfFailed();

            Assert.Equal(new[] { "GET /scans/" + earlier + "/", "POST /targets/" + Api + "/scan_now/" }, Wire("Probely"));
            Assert.Equal(new[] { "{\"scan_profile\":\"full\"}" }, Bodies("Probely"));
            var scan = result.Output.Single();
            Assert.Equal((Api, "full", "queued"), (Text(scan, "TargetId"), Text(scan, "ScanProfile"), Text(scan, "VendorState")));
            Assert.NotEqual(earlier, Text(scan, "Id"));
        }

        [Fact]
        public void Csv_rows_of_Probely_scan_ids_piped_into_Start_ScanFromScan_are_run_again()
        {
            AddProbelyTargets();
            string earlier = Sandbox.Probely.AddScan(Shop, "failed", "lightning");
            string csv = Csv("rerun.csv", "Provider,Id", "Probely," + earlier);

            Engine.Run("Import-Csv -LiteralPath $args[0] | Start-ScanFromScan", csv).ThrowIfFailed();

            Assert.Equal(new[] { "GET /scans/" + earlier + "/", "POST /targets/" + Shop + "/scan_now/" }, Wire("Probely"));
            Assert.Equal(new[] { "{\"scan_profile\":\"lightning\"}" }, Bodies("Probely"));
        }

        [Fact]
        public void A_HostedScan_scan_piped_into_Start_ScanFromScan_is_created_again_with_its_type_and_targets()
        {
            Engine.Run("$scan = New-Scan -Provider HostedScan -Type SSLYZE -Target example.com, 10.0.0.1").ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("$scan | Start-ScanFromScan").ThrowIfFailed();

            var wire = Wire("HostedScan");
            Assert.Equal(new[] { "GET /v1/scans/000000000000000000000001", "POST /v1/scans" }, wire);
            string body = Bodies("HostedScan").Single();
            Assert.StartsWith("{\"type\":\"SSLYZE\",\"target_ids\":[", body);
            var scan = result.Output.Single();
            Assert.Equal(("000000000000000000000002", "SSLYZE"), (Text(scan, "Id"), Text(scan, "Type")));
            Assert.Equal(new[] { "example.com", "10.0.0.1" }, (System.Collections.Generic.IEnumerable<string>)Property(scan, "Targets")!);
        }

        [Theory]
        [InlineData("ProjectDiscovery")]
        [InlineData("Probely")]
        [InlineData("HostedScan")]
        public void Start_ScanFromScan_WhatIf_sends_nothing_for_any_provider(string provider)
        {
            string id = provider switch
            {
                "ProjectDiscovery" => Sandbox.ProjectDiscovery.AddScan("finished"),
                "HostedScan" => Sandbox.HostedScan.SeedScans(1)[0],
                _ => AddProbelyScan(),
            };

            var result = Engine.Run("Start-ScanFromScan -Provider " + provider + " -Id " + id + " -WhatIf").ThrowIfFailed();

            Assert.Equal(new[] { "What if: Performing the operation \"Start a new scan with the same configuration\" on target \"scan " + id + " on " + provider + " (" + Sandbox.BaseUri(provider) + "/)\"." }, WhatIfLines());
            Assert.Empty(result.Output);
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void Scans_of_three_providers_in_one_pipeline_are_each_run_again_on_their_own_service()
        {
            AddProbelyTargets();
            AddProbelyScan();
            Sandbox.ProjectDiscovery.AddScan("finished");
            Sandbox.HostedScan.SeedScans(1);
            Engine.Run("$all = @(Get-Scan -Provider ProjectDiscovery) + @(Get-Scan -Provider Probely) + @(Get-Scan -Provider HostedScan)").ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("$all | Start-ScanFromScan").ThrowIfFailed();

            Assert.Equal(new[] { "ProjectDiscovery", "Probely", "HostedScan" }, Column(result, "Provider"));
            Assert.Contains(Wire("ProjectDiscovery"), l => l.EndsWith("/rescan", System.StringComparison.Ordinal));
            Assert.Contains(Wire("Probely"), l => l.EndsWith("/scan_now/", System.StringComparison.Ordinal));
            Assert.Contains("POST /v1/scans", Wire("HostedScan"));
            Assert.Empty(Sandbox.InvictiServer.Requests);
        }

        [Fact]
        public void A_team_for_a_provider_without_teams_is_refused_before_any_request()
        {
            var result = Engine.Run("Start-ScanFromScan -Provider Probely -Id Sc1111111112 -TeamId team-blue");

            ErrorAssert.Is(result.Terminating?.ErrorRecord ?? result.SingleError(), "ParameterNotValidForProvider", "StartScanFromScanCommand", ErrorCategory.InvalidArgument);
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void A_stopped_ProjectDiscovery_scan_is_Cancelled_and_State_Cancelled_lists_status_stopped()
        {
            string stopped = Sandbox.ProjectDiscovery.AddScan("stopped");

            var result = Engine.Run("Get-Scan -Provider ProjectDiscovery -State Cancelled").ThrowIfFailed();

            Assert.Equal(new[] { "GET /v1/scans?offset=0&limit=100&status=stopped" }, Wire("ProjectDiscovery"));
            var scan = result.Output.Single();
            Assert.Equal((stopped, "Cancelled", "stopped", "True"), (Text(scan, "Id"), Text(scan, "State"), Text(scan, "VendorState"), Text(scan, "IsFinished")));
        }

        private string AddProbelyScan()
        {
            AddProbelyTargets();
            return Sandbox.Probely.AddScan(Shop, "completed", "safe");
        }
    }
}
