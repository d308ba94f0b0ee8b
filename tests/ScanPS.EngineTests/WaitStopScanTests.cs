using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using ScanPS.FakeVendors;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Wait-Scan and Stop-Scan in a real engine against the fakes: the exact polls and stops on the wire, the wait loop
    /// (timeout, -Any, Ctrl+C, Retry-After, a failing scan), progress records, refusals with their error ids,
    /// -WhatIf/-Confirm, and binding from every provider's objects and from Import-Csv.
    /// </summary>
    public sealed class WaitStopScanTests : PipelineTest
    {
        private const string Fast = " -PollInterval 0.02";

        // ---- Wait-Scan: the polls on the wire ----

        [Fact]
        public void Waiting_for_a_HostedScan_scan_reads_it_by_id_until_it_succeeds_and_writes_it_once()
        {
            Engine.Run("$scan = New-Scan -Provider HostedScan -Type NMAP -Target example.com").ThrowIfFailed();
            string id = Engine.Run("$scan.Id").ThrowIfFailed().BaseObjects.Cast<string>().Single();
            ForgetRequests();

            var result = Engine.Run("$scan | Wait-Scan" + Fast).ThrowIfFailed();

            Assert.Equal(Enumerable.Repeat("GET /v1/scans/" + id, 2), Wire("HostedScan"));
            var done = Assert.Single(result.Output);
            Assert.Equal("HostedScanScan", done.BaseObject.GetType().Name);
            Assert.Equal(("Completed", "SUCCEEDED"), (Text(done, "State"), Text(done, "VendorState")));
            Assert.Empty(result.Errors);
        }

        [Fact]
        public void Waiting_for_an_Invicti_scan_polls_scans_status_and_reads_the_detail_once_at_the_end()
        {
            Sandbox.Invicti.AddWebsite("https://www.example.com/", "Example");
            string id = Sandbox.Invicti.AddScan("Queued", advances: true);

            var result = Engine.Run("Wait-Scan -Provider Invicti -Id $args[0]" + Fast, id).ThrowIfFailed();

            Assert.Equal(
                Enumerable.Repeat("GET /api/1.0/scans/status/" + id, 3).Append("GET /api/1.0/scans/detail/" + id),
                Wire("Invicti"));
            var done = Assert.Single(result.Output);
            Assert.Equal("InvictiScan", done.BaseObject.GetType().Name);
            Assert.Equal(("Completed", "Complete", "https://www.example.com/"), (Text(done, "State"), Text(done, "VendorState"), Text(done, "TargetUrl")));
        }

        [Fact]
        public void Waiting_for_a_ProjectDiscovery_scan_reads_it_by_id_with_its_team()
        {
            string id = Sandbox.ProjectDiscovery.AddScan("finished", "team-blue");

            var result = Engine.Run("Get-Scan -Provider ProjectDiscovery -TeamId team-blue -Id $args[0] | Wait-Scan" + Fast, id).ThrowIfFailed();

            var polls = Sandbox.ProjectDiscoveryServer.Requests.Skip(1).ToList();
            Assert.Equal(new[] { "GET /v1/scans/" + id }, polls.Select(Line));
            Assert.Equal("team-blue", polls[0].Header("X-Team-Id"));
            Assert.Equal(("Completed", "team-blue"), (Text(result.Output.Single(), "State"), Text(result.Output.Single(), "TeamId")));
        }

        [Fact]
        public void Scans_of_three_providers_are_waited_for_together_and_each_comes_out_once()
        {
            Sandbox.Invicti.AddWebsite("https://www.example.com/", "Example");
            string invicti = Sandbox.Invicti.AddScan("Queued", advances: true);
            var result = Engine.Run(@"
$hs = New-Scan -Provider HostedScan -Type NMAP -Target example.com
$pd = New-Scan -Provider ProjectDiscovery -Target example.com -NoRefresh
$iv = Get-Scan -Provider Invicti -Id $args[0]
$hs, $pd, $iv | Wait-Scan" + Fast + " | ForEach-Object { '{0} {1}' -f $_.Provider, $_.VendorState }", invicti).ThrowIfFailed();

            Assert.Equal(new object[] { "HostedScan SUCCEEDED", "ProjectDiscovery finished", "Invicti Complete" }.OrderBy(s => s), result.BaseObjects.OrderBy(s => s));
            Assert.Empty(result.Errors);
        }

        [Fact]
        public void A_scan_that_fails_is_written_with_its_state_not_as_an_error()
        {
            Sandbox.ProjectDiscovery.Lifecycle.FailNewScans = true;
            Engine.Run("$scan = New-Scan -Provider ProjectDiscovery -Target example.com -NoRefresh").ThrowIfFailed();

            var result = Engine.Run("$scan | Wait-Scan" + Fast).ThrowIfFailed();

            var done = Assert.Single(result.Output);
            Assert.Equal(("Failed", "failed", "no reachable targets"), (Text(done, "State"), Text(done, "VendorState"), Text(done, "FailureReason")));
            Assert.Empty(result.Errors);
            Assert.False(result.HadErrors);
        }

        [Fact]
        public void Csv_rows_with_Provider_and_Id_bind_to_Wait_Scan()
        {
            string pd = Sandbox.ProjectDiscovery.AddScan("finished");
            string hs = Sandbox.HostedScan.SeedScans(1)[0];
            string csv = Csv("scans.csv", "Provider,Id,TeamId,TargetId", "ProjectDiscovery," + pd + ",,", "HostedScan," + hs + ",,");

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | Wait-Scan" + Fast, csv);

            Assert.Equal(new[] { "GET /v1/scans/" + pd }, Wire("ProjectDiscovery"));
            Assert.Equal(new[] { "GET /v1/scans/" + hs }, Wire("HostedScan"));
            Assert.Equal(2, result.Output.Count);
        }

        // ---- progress ----

        [Fact]
        public void Each_scan_has_one_progress_record_with_the_vendors_percent_or_its_state_and_it_is_completed_at_the_end()
        {
            Engine.Run("$scan = New-Scan -Provider HostedScan -Type NMAP -Target example.com").ThrowIfFailed();
            string id = Engine.Run("$scan.Id").ThrowIfFailed().BaseObjects.Cast<string>().Single();

            var result = Engine.Run("$scan | Wait-Scan" + Fast).ThrowIfFailed();

            var records = result.Progress.Where(p => p.Activity.StartsWith("Waiting for", StringComparison.Ordinal)).ToList();
            Assert.All(records, r => Assert.Equal(1, r.ActivityId));
            Assert.All(records, r => Assert.Equal("Waiting for HostedScan scan " + id, r.Activity));
            Assert.Equal(
                new[] { "Processing RUNNING (50 %) 50", "Processing SUCCEEDED (100 %) 100", "Completed SUCCEEDED (100 %) 100" },
                records.Select(r => r.RecordType + " " + r.StatusDescription + " " + r.PercentComplete));
        }

        [Fact]
        public void Invicti_progress_is_its_completed_steps_of_the_estimated_steps()
        {
            Sandbox.Invicti.AddWebsite("https://www.example.com/", "Example");
            string id = Sandbox.Invicti.AddScan("Queued", advances: true);

            var result = Engine.Run("Wait-Scan -Provider Invicti -Id $args[0]" + Fast, id).ThrowIfFailed();

            Assert.Equal(
                new[] { "Processing Scanning (50 %)", "Processing Archiving (100 %)", "Processing Complete (100 %)", "Completed Complete (100 %)" },
                result.Progress.Select(r => r.RecordType + " " + r.StatusDescription));
        }

        // ---- timeout, -Any, Ctrl+C, Retry-After ----

        [Fact]
        public void A_scan_still_running_at_the_timeout_is_a_WaitTimeout_error_with_the_last_seen_scan_and_the_others_still_come_out()
        {
            string held = Sandbox.ProjectDiscovery.AddScan("running");
            string done = Sandbox.HostedScan.SeedScans(1)[0];
            var watch = Stopwatch.StartNew();

            var result = Engine.Run(@"
$held = Get-Scan -Provider ProjectDiscovery -Id $args[0]
$done = Get-Scan -Provider HostedScan -Id $args[1]
$held, $done | Wait-Scan -Timeout 0.3" + Fast + " -ErrorVariable waitErrors", held, done);
            watch.Stop();

            Assert.Null(result.Terminating);
            Assert.Equal(done, Text(result.Output.Single(), "Id"));
            var error = result.Errors.Single();
            Assert.Equal("WaitTimeout,ScanPS.Commands.WaitScanCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Equal("ProjectDiscoveryScan", error.TargetObject.GetType().Name);
            var last = PSObject.AsPSObject(error.TargetObject);
            Assert.Equal((held, "running", "Running"), (Text(last, "Id"), Text(last, "VendorState"), Text(last, "State")));
            Assert.InRange(watch.Elapsed.TotalSeconds, 0.3, 10);
            int polls = Wire("ProjectDiscovery").Count(l => l == "GET /v1/scans/" + held);
            Assert.InRange(polls, 3, 40);
        }

        [Fact]
        public void Timeout_and_PollInterval_take_a_TimeSpan_or_seconds_and_a_poll_interval_of_zero_is_refused_before_any_request()
        {
            string held = Sandbox.ProjectDiscovery.AddScan("running");

            var timeSpan = Engine.Run("Wait-Scan -Provider ProjectDiscovery -Id $args[0] -Timeout (New-TimeSpan -Seconds 0) -PollInterval ([timespan]'00:00:00.05')", held);
            Assert.Equal("WaitTimeout,ScanPS.Commands.WaitScanCommand", timeSpan.SingleError().FullyQualifiedErrorId);
            ForgetRequests();

            var zero = Engine.Run("Wait-Scan -Provider ProjectDiscovery -Id $args[0] -PollInterval 0", held);
            Assert.Equal(("InvalidPollInterval,ScanPS.Commands.WaitScanCommand", ErrorCategory.InvalidArgument), ErrorOf(zero));
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void Any_returns_when_one_scan_finishes_and_writes_only_the_finished_one()
        {
            Sandbox.ProjectDiscovery.Lifecycle.ReadsPerStep = 0; // ProjectDiscovery scans never finish
            var result = Engine.Run(@"
$pd = New-Scan -Provider ProjectDiscovery -Target example.com -NoRefresh
$hs = New-Scan -Provider HostedScan -Type NMAP -Target example.com
$pd, $hs | Wait-Scan -Any" + Fast).ThrowIfFailed();

            var only = Assert.Single(result.Output);
            Assert.Equal(("HostedScan", "Completed"), (Text(only, "Provider"), Text(only, "State")));
            Assert.Empty(result.Errors);
            Assert.All(result.Progress.GroupBy(p => p.ActivityId), g => Assert.Equal(ProgressRecordType.Completed, g.Last().RecordType));
        }

        [Fact]
        public void Ctrl_C_stops_the_wait_within_a_second_and_nothing_more_is_sent()
        {
            Sandbox.HostedScan.Lifecycle.ReadsPerStep = 0;
            string id = CreateHostedScan();
            var server = Sandbox.HostedScanServer;
            server.ClearRequests();
            using var ps = Engine.Create("Wait-Scan -Provider HostedScan -Id '" + id + "' -PollInterval 0.1");
            var output = new PSDataCollection<PSObject>();

            var invocation = ps.BeginInvoke<PSObject, PSObject>(null, output);
            WaitFor(() => server.Requests.Count >= 2, "two polls");
            var stopping = Stopwatch.StartNew();
            ps.Stop();
            stopping.Stop();
            int atStop = server.Requests.Count;

            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(1), "Stop() took " + stopping.Elapsed);
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(invocation));
            Assert.Empty(output);
            Thread.Sleep(400);
            Assert.Equal(atStop, server.Requests.Count);
        }

        [Fact]
        public void A_429_with_Retry_After_on_a_poll_is_retried_and_the_next_poll_waits_at_least_that_long()
        {
            Sandbox.Invicti.AddWebsite("https://www.example.com/", "Example");
            string id = Sandbox.Invicti.AddScan("Queued", advances: true);
            Sandbox.InvictiServer.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/api/1.0/scans/status/", StatusCode = 429, RetryAfter = "1" });

            var result = Engine.Run("Wait-Scan -Provider Invicti -Id $args[0] -Verbose" + Fast, id).ThrowIfFailed();

            var statuses = Sandbox.InvictiServer.Requests.Where(r => r.Path.StartsWith("/api/1.0/scans/status/", StringComparison.Ordinal)).ToList();
            // The 429 never reached the fake's state machine: 1 refused + 3 counted reads.
            Assert.Equal(4, statuses.Count);
            Assert.True(statuses[1].ReceivedAt - statuses[0].ReceivedAt >= TimeSpan.FromSeconds(0.9), "the transport honours Retry-After");
            Assert.True(statuses[2].ReceivedAt - statuses[1].ReceivedAt >= TimeSpan.FromSeconds(0.9), "the next poll honours Retry-After too");
            Assert.True(statuses[3].ReceivedAt - statuses[2].ReceivedAt < TimeSpan.FromSeconds(0.9), "then the given interval again");
            Assert.Contains(result.Verbose, v => v.Contains("(Retry-After): the next poll of scan " + id, StringComparison.Ordinal));
            Assert.Equal("Complete", Text(result.Output.Single(), "VendorState"));
        }

        // ---- Stop-Scan ----

        [Fact]
        public void Stop_Scan_stops_a_ProjectDiscovery_scan_and_PassThru_writes_it_as_stopped()
        {
            Engine.Run("$scan = New-Scan -Provider ProjectDiscovery -Target example.com -NoRefresh").ThrowIfFailed();
            string id = Engine.Run("$scan.Id").ThrowIfFailed().BaseObjects.Cast<string>().Single();
            ForgetRequests();

            var result = Engine.Run("$scan | Stop-Scan -PassThru").ThrowIfFailed();

            Assert.Equal(new[] { "POST /v1/scans/" + id + "/stop", "GET /v1/scans/" + id }, Wire("ProjectDiscovery"));
            Assert.Equal(string.Empty, Sandbox.ProjectDiscoveryServer.Requests[0].Body);
            Assert.Equal(("Cancelled", "stopped"), (Text(result.Output.Single(), "State"), Text(result.Output.Single(), "VendorState")));
        }

        [Fact]
        public void Stop_Scan_cancels_an_Invicti_scan_with_the_bare_id_string_and_without_PassThru_writes_nothing()
        {
            Sandbox.Invicti.AddWebsite("https://www.example.com/", "Example");
            string id = Sandbox.Invicti.AddScan("Scanning");

            var result = Engine.Run("Get-Scan -Provider Invicti -Id $args[0] | Stop-Scan", id).ThrowIfFailed();

            Assert.Empty(result.Output);
            Assert.Equal(new[] { "GET /api/1.0/scans/detail/" + id, "POST /api/1.0/scans/cancel" }, Wire("Invicti"));
            Assert.Equal("\"" + id + "\"", Sandbox.InvictiServer.Requests[1].Body);
            Assert.Equal("Cancelled", Engine.Run("(Get-Scan -Provider Invicti -Id $args[0]).VendorState", id).ThrowIfFailed().BaseObjects.Single());
        }

        [Theory]
        [InlineData("Complete", "ScanCompleted")]
        [InlineData("Delayed", "ScanNotRunning")]
        [InlineData("Cancelled", "ScanCancelled")]
        public void An_Invicti_cancel_answered_with_anything_but_Ok_is_ScanNotStopped_with_that_reason(string state, string reason)
        {
            Sandbox.Invicti.AddWebsite("https://www.example.com/", "Example");
            string id = Sandbox.Invicti.AddScan(state);

            var result = Engine.Run("Stop-Scan -Provider Invicti -Id $args[0], $args[0] -PassThru", id);

            Assert.Equal(2, result.Errors.Count);
            var error = result.Errors[0];
            Assert.Equal(("ScanNotStopped,ScanPS.Commands.StopScanCommand", ErrorCategory.InvalidOperation), (error.FullyQualifiedErrorId, error.CategoryInfo.Category));
            Assert.Contains("it answered " + reason + ".", error.ErrorDetails.Message, StringComparison.Ordinal);
            Assert.Equal(id, error.TargetObject);
            Assert.Empty(result.Output);
            Assert.Equal(new[] { "POST /api/1.0/scans/cancel", "POST /api/1.0/scans/cancel" }, Wire("Invicti"));
        }

        [Fact]
        public void An_unknown_Invicti_scan_is_ScanNotFound()
        {
            var result = Engine.Run("Stop-Scan -Provider Invicti -Id 5ca70000-0000-4000-8000-0000000000ff");

            Assert.Equal(("ScanNotFound,ScanPS.Commands.StopScanCommand", ErrorCategory.ObjectNotFound), ErrorOf(result));
        }

        [Fact]
        public void A_ProjectDiscovery_scan_that_is_not_running_surfaces_the_vendors_refusal_and_ok_false_is_ScanNotStopped()
        {
            string id = Sandbox.ProjectDiscovery.AddScan("finished");

            var refused = Engine.Run("Stop-Scan -Provider ProjectDiscovery -Id $args[0]", id);
            Assert.Contains("scan is not running", refused.SingleError().ErrorDetails.Message, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.InvalidArgument, refused.SingleError().CategoryInfo.Category);

            Sandbox.ProjectDiscovery.StopRefusal = PdcpStopRefusal.OkFalse;
            var okFalse = Engine.Run("Stop-Scan -Provider ProjectDiscovery -Id $args[0]", id);
            Assert.Equal(("ScanNotStopped,ScanPS.Commands.StopScanCommand", ErrorCategory.InvalidOperation), ErrorOf(okFalse));
            Assert.Contains("scan is not running", okFalse.SingleError().ErrorDetails.Message, StringComparison.Ordinal);
            Assert.Equal(new[] { "POST /v1/scans/" + id + "/stop", "POST /v1/scans/" + id + "/stop" }, Wire("ProjectDiscovery"));
        }

        [Fact]
        public void A_stop_answered_503_is_not_retried()
        {
            string id = Sandbox.ProjectDiscovery.AddScan("running");
            Sandbox.ProjectDiscoveryServer.Faults.Enqueue(new Fault { Method = "POST", PathPrefix = "/v1/scans/", StatusCode = 503, Times = 3 });

            var result = Engine.Run("Stop-Scan -Provider ProjectDiscovery -Id $args[0]", id);

            Assert.Equal("VendorUnavailable,ScanPS.Commands.StopScanCommand", result.SingleError().FullyQualifiedErrorId);
            Assert.Equal(new[] { "POST /v1/scans/" + id + "/stop" }, Wire("ProjectDiscovery"));
        }

        [Fact]
        public void A_HostedScan_scan_is_refused_with_StopNotSupported_before_any_request_and_other_piped_scans_still_stop()
        {
            string pd = Sandbox.ProjectDiscovery.AddScan("running");
            Engine.Run("$hs = New-Scan -Provider HostedScan -Type NMAP -Target example.com; $pd = Get-Scan -Provider ProjectDiscovery -Id $args[0]", pd).ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("$hs, $pd | Stop-Scan");

            var error = result.SingleError();
            Assert.Equal(("StopNotSupported,ScanPS.Commands.StopScanCommand", ErrorCategory.InvalidOperation), (error.FullyQualifiedErrorId, error.CategoryInfo.Category));
            Assert.Contains("HostedScan's API documents no call that stops a scan", error.ErrorDetails.Message, StringComparison.Ordinal);
            Assert.Empty(Wire("HostedScan"));
            Assert.Equal(new[] { "POST /v1/scans/" + pd + "/stop" }, Wire("ProjectDiscovery"));
        }

        [Fact]
        public void A_malformed_Invicti_id_is_InvalidScanId_before_any_request()
        {
            var result = Engine.Run("Stop-Scan -Provider Invicti -Id not-a-guid");

            Assert.Equal("InvalidScanId,ScanPS.Commands.StopScanCommand", result.SingleError().FullyQualifiedErrorId);
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void WhatIf_sends_nothing_and_names_each_scan()
        {
            string pd = Sandbox.ProjectDiscovery.AddScan("running");
            Sandbox.Invicti.AddWebsite("https://www.example.com/", "Example");
            string iv = Sandbox.Invicti.AddScan("Scanning");
            Engine.Run("$iv = Get-Scan -Provider Invicti -Id $args[0]", iv).ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("Stop-Scan -Provider ProjectDiscovery -Id $args[0] -WhatIf; $iv | Stop-Scan -WhatIf", pd).ThrowIfFailed();

            Assert.Empty(result.Output);
            Assert.Equal(0, Sandbox.RequestCount);
            Assert.Equal(
                new[]
                {
                    "What if: Performing the operation \"Stop the scan\" on target \"scan " + pd + " on ProjectDiscovery (" + Sandbox.BaseUri("ProjectDiscovery") + "/)\".",
                    "What if: Performing the operation \"Stop the scan\" on target \"scan " + iv + " of https://www.example.com/ on Invicti (" + Sandbox.BaseUri("Invicti") + "/)\".",
                },
                WhatIfLines().Select(l => l.TrimEnd('\r')));
        }

        [Fact]
        public void Confirm_declined_sends_nothing()
        {
            string pd = Sandbox.ProjectDiscovery.AddScan("running");
            Engine.Host.ChoiceAnswers.Enqueue(2); // No
            var declined = Engine.Run("Stop-Scan -Provider ProjectDiscovery -Id $args[0] -Confirm", pd).ThrowIfFailed();

            Assert.Empty(declined.Output);
            Assert.Equal(0, Sandbox.RequestCount);
            Assert.Contains("Performing the operation \"Stop the scan\" on target \"scan " + pd + " on ProjectDiscovery", Assert.Single(Engine.Host.Prompts), StringComparison.Ordinal);

            Engine.Host.ChoiceAnswers.Enqueue(0); // Yes
            Engine.Run("Stop-Scan -Provider ProjectDiscovery -Id $args[0] -Confirm", pd).ThrowIfFailed();
            Assert.Equal(new[] { "POST /v1/scans/" + pd + "/stop" }, Wire("ProjectDiscovery"));
        }

        [Fact]
        public void A_TeamId_is_refused_for_a_provider_without_teams_before_any_request()
        {
            var result = Engine.Run("Stop-Scan -Provider Invicti -Id 5ca70000-0000-4000-8000-000000000001 -TeamId team-blue");

            Assert.Equal(("ParameterNotValidForProvider,ScanPS.Commands.StopScanCommand", ErrorCategory.InvalidArgument), ErrorOf(result));
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void A_team_scan_is_stopped_in_its_team()
        {
            string id = Sandbox.ProjectDiscovery.AddScan("running", "team-blue");
            string csv = Csv("stop.csv", "Provider,Id,TeamId", "ProjectDiscovery," + id + ",team-blue");

            Engine.Run("Import-Csv -LiteralPath $args[0] | Stop-Scan", csv).ThrowIfFailed();

            var stop = Assert.Single(Sandbox.ProjectDiscoveryServer.Requests);
            Assert.Equal(("POST /v1/scans/" + id + "/stop", "team-blue"), (Line(stop), stop.Header("X-Team-Id")));
        }

        // ---- Probely ----

        [Fact]
        public void Waiting_for_a_piped_Probely_scan_reads_it_under_its_target_and_progress_shows_the_state()
        {
            Sandbox.Probely.AddTarget("3epwuyBoKQKN", "Example shop", "https://shop.example.com/");
            string id = Sandbox.Probely.AddScan("3epwuyBoKQKN", "queued", moves: true);
            Engine.Run("$scan = Get-Scan -Provider Probely -Id $args[0]", id).ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("$scan | Wait-Scan" + Fast).ThrowIfFailed();

            // Get-Scan's read moved the scan to started; two more reads finish it.
            Assert.Equal(Enumerable.Repeat("GET /targets/3epwuyBoKQKN/scans/" + id + "/", 2), Wire("Probely"));
            var done = Assert.Single(result.Output);
            Assert.Equal(("ProbelyScan", "Completed", "completed", "3epwuyBoKQKN"), (done.BaseObject.GetType().Name, Text(done, "State"), Text(done, "VendorState"), Text(done, "TargetId")));
            Assert.Equal(
                new[] { "Processing finishing_up -1", "Processing completed -1", "Completed completed -1" },
                result.Progress.Select(r => r.RecordType + " " + r.StatusDescription + " " + r.PercentComplete));
        }

        [Fact]
        public void A_Probely_scan_named_by_id_alone_is_polled_with_the_account_level_read()
        {
            Sandbox.Probely.AddTarget("3epwuyBoKQKN", "Example shop", "https://shop.example.com/");
            string id = Sandbox.Probely.AddScan("3epwuyBoKQKN", "completed");

            Engine.Run("Wait-Scan -Provider Probely -Id $args[0]" + Fast, id).ThrowIfFailed();

            Assert.Equal(new[] { "GET /scans/" + id + "/" }, Wire("Probely"));
        }

        [Fact]
        public void Stop_Scan_cancels_a_piped_Probely_scan_under_its_target_and_PassThru_writes_the_cancels_answer()
        {
            Sandbox.Probely.AddTarget("3epwuyBoKQKN", "Example shop", "https://shop.example.com/");
            string id = Sandbox.Probely.AddScan("3epwuyBoKQKN", "started");
            Engine.Run("$scan = Get-Scan -Provider Probely -Id $args[0]", id).ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("$scan | Stop-Scan -PassThru").ThrowIfFailed();

            var cancel = Assert.Single(Sandbox.ProbelyServer.Requests);
            Assert.Equal(("POST /targets/3epwuyBoKQKN/scans/" + id + "/cancel/", string.Empty), (Line(cancel), cancel.Body));
            Assert.Equal(("Running", "canceling"), (Text(result.Output.Single(), "State"), Text(result.Output.Single(), "VendorState")));
            Assert.Equal("canceled", Engine.Run("(Get-Scan -Provider Probely -Id $args[0]).VendorState", id).ThrowIfFailed().BaseObjects.Single());
        }

        [Fact]
        public void A_Probely_scan_without_its_target_is_MissingTargetId_before_any_request_and_a_finished_one_is_refused_with_Probelys_message()
        {
            Sandbox.Probely.AddTarget("3epwuyBoKQKN", "Example shop", "https://shop.example.com/");
            string done = Sandbox.Probely.AddScan("3epwuyBoKQKN", "completed");

            var missing = Engine.Run("Stop-Scan -Provider Probely -Id $args[0]", done);
            Assert.Equal(("MissingTargetId,ScanPS.Commands.StopScanCommand", ErrorCategory.InvalidArgument), ErrorOf(missing));
            Assert.Equal(0, Sandbox.RequestCount);

            string csv = Csv("probely.csv", "Provider,Id,TargetId", "Probely," + done + ",3epwuyBoKQKN");
            var refused = Engine.Run("Import-Csv -LiteralPath $args[0] | Stop-Scan", csv);
            Assert.Contains("Scan cannot be canceled: its status is completed.", refused.SingleError().ErrorDetails.Message, StringComparison.Ordinal);
            Assert.Equal(new[] { "POST /targets/3epwuyBoKQKN/scans/" + done + "/cancel/" }, Wire("Probely"));
        }

        private string CreateHostedScan() =>
            Engine.Run("(New-Scan -Provider HostedScan -Type NMAP -Target example.com).Id").ThrowIfFailed().BaseObjects.Cast<string>().Single();

        private static void WaitFor(Func<bool> condition, string what)
        {
            var watch = Stopwatch.StartNew();
            while (!condition())
            {
                if (watch.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException("Waited 20 s for " + what + ".");
                Thread.Sleep(10);
            }
        }
    }
}
