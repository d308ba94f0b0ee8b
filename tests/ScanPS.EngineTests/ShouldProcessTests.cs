using System.Linq;
using System.Management.Automation;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// -WhatIf, -Confirm, $ConfirmPreference and $WhatIfPreference as PowerShell applies them to the commands that
    /// change something (New-Scan, Start-ScanFromScan, New-ScheduledScanBulk, Disconnect-ScanProvider): the exact
    /// "What if:" text on the console, the prompts, and the requests the fakes received (none unless the user said yes).
    /// </summary>
    public sealed class ShouldProcessTests : IClassFixture<FakesFixture>
    {
        private const int Yes = 0;
        private const int YesToAll = 1;
        private const int No = 2;
        private const string Probely3 = "New-ScheduledScanBulk -TargetId sp-t1, sp-t2, sp-t3 -StartTime '2030-12-01 02:00' -Recurrence Daily -TimeZone UTC -BatchSize 2";

        private readonly Sandbox _sandbox;

        public ShouldProcessTests(FakesFixture fixture)
        {
            _sandbox = fixture.Reset();
            foreach (var id in new[] { "sp-t1", "sp-t2", "sp-t3" }) _sandbox.Probely.AddTarget(id, id, "https://" + id + ".example.com/");
        }

        private string Root(string provider) => _sandbox.Server(provider).BaseUri.ToString();

        private static string WhatIf(string action, string target) => "What if: Performing the operation \"" + action + "\" on target \"" + target + "\".\n";

        private static string Prompt(string action, string target) => "Confirm: Are you sure you want to perform this action?\nPerforming the operation \"" + action + "\" on target \"" + target + "\".";

        private Engine Connected(params string[] providers) => _sandbox.Connect(new Engine(), providers);

        [Fact]
        public void NewScan_HostedScan_WhatIf_prints_the_scan_and_sends_nothing()
        {
            using var engine = Connected("HostedScan");

            var result = engine.Run("New-Scan -Provider HostedScan -Type NMAP -Target example.com, 10.0.0.1 -WhatIf").ThrowIfFailed();

            Assert.Empty(result.Output);
            Assert.Equal(WhatIf("Create NMAP scan of 2 targets (example.com, 10.0.0.1)", "HostedScan (" + Root("HostedScan") + ")"), engine.Host.Console);
            Assert.Equal(0, _sandbox.RequestCount);
        }

        [Fact]
        public void NewScan_ProjectDiscovery_WhatIf_prints_targets_and_templates_and_sends_nothing()
        {
            using var engine = Connected("ProjectDiscovery");

            var result = engine.Run("New-Scan -Provider ProjectDiscovery -Name nightly -Target example.com, api.example.com -Template http/cves/, dns/ -WhatIf").ThrowIfFailed();

            Assert.Empty(result.Output);
            Assert.Equal(WhatIf("Create scan 'nightly' of 2 targets (example.com, api.example.com) with 2 templates (http/cves/, dns/)", "ProjectDiscovery (" + Root("ProjectDiscovery") + ")"), engine.Host.Console);
            Assert.Equal(0, _sandbox.RequestCount);
        }

        [Fact]
        public void StartScanFromScan_WhatIf_names_each_scan_and_sends_nothing()
        {
            var ids = _sandbox.Invicti.SeedScans(2);
            using var engine = Connected("Invicti");

            var result = engine.Run("Start-ScanFromScan -Id $args[0], $args[1] -WhatIf", ids[0], ids[1]).ThrowIfFailed();

            Assert.Empty(result.Output);
            string target = " on Invicti (" + Root("Invicti") + ")";
            Assert.Equal(
                WhatIf("Start a new scan with the same configuration", "scan " + ids[0] + target) + WhatIf("Start a new scan with the same configuration", "scan " + ids[1] + target),
                engine.Host.Console);
            Assert.Equal(0, _sandbox.RequestCount);
        }

        [Fact]
        public void NewScheduledScanBulk_WhatIf_prints_one_line_per_batch_and_sends_nothing()
        {
            using var engine = Connected("Probely");

            var result = engine.Run(Probely3 + " -WhatIf").ThrowIfFailed();

            Assert.Empty(result.Output);
            string target = "Probely (" + Root("Probely") + ")";
            Assert.Equal(
                WhatIf("Schedule scans of 2 targets (sp-t1, sp-t2): every day from 2030-12-01 02:00 UTC (UTC+00:00) (batch 1 of 2)", target) +
                WhatIf("Schedule scans of 1 target (sp-t3): every day from 2030-12-01 02:00 UTC (UTC+00:00) (batch 2 of 2)", target),
                engine.Host.Console);
            Assert.Equal(0, _sandbox.RequestCount);
        }

        [Fact]
        public void DisconnectScanProvider_WhatIf_keeps_the_connection()
        {
            using var engine = Connected("HostedScan");

            var result = engine.Run("Disconnect-ScanProvider -Name HostedScan -WhatIf; (Get-ScanProviderConnection).Name").ThrowIfFailed();

            Assert.Equal(new object[] { "HostedScan" }, result.BaseObjects);
            Assert.Equal(WhatIf("Remove the connection from this session", "HostedScan connection 'HostedScan' (****)"), engine.Host.Console);
        }

        [Fact]
        public void NewScan_Confirm_answered_No_sends_nothing_and_Yes_sends_the_scan()
        {
            using var engine = Connected("HostedScan");
            string target = "HostedScan (" + Root("HostedScan") + ")";

            engine.Host.ChoiceAnswers.Enqueue(No);
            var declined = engine.Run("New-Scan -Provider HostedScan -Type NMAP -Target example.com -Confirm; $?").ThrowIfFailed();

            Assert.Equal(new object[] { true }, declined.BaseObjects); // declining is not an error
            Assert.Equal(0, _sandbox.RequestCount);
            Assert.Equal(new[] { Prompt("Create NMAP scan of 1 target (example.com)", target) }, engine.Host.Prompts);

            engine.Host.ChoiceAnswers.Enqueue(Yes);
            var accepted = engine.Run("New-Scan -Provider HostedScan -Type NMAP -Target example.com -Confirm").ThrowIfFailed();

            var request = Assert.Single(_sandbox.HostedScanServer.Requests);
            Assert.Equal(("POST", "/v1/scans", "{\"type\":\"NMAP\",\"targets\":[\"example.com\"]}"), (request.Method, request.Path, request.Body));
            Assert.Equal("NMAP", Assert.Single(accepted.Output).Properties["Type"].Value);
            Assert.Equal(2, engine.Host.Prompts.Count);
        }

        [Fact]
        public void StartScanFromScan_Confirm_No_then_Yes_to_All_launches_only_the_ones_accepted_and_asks_no_more()
        {
            var ids = _sandbox.Invicti.SeedScans(3);
            using var engine = Connected("Invicti");
            engine.Host.ChoiceAnswers.Enqueue(No);
            engine.Host.ChoiceAnswers.Enqueue(YesToAll);

            var result = engine.Run("Start-ScanFromScan -Id $args[0], $args[1], $args[2] -Confirm", ids[0], ids[1], ids[2]).ThrowIfFailed();

            string target = " on Invicti (" + Root("Invicti") + ")";
            Assert.Equal(
                new[] { Prompt("Start a new scan with the same configuration", "scan " + ids[0] + target), Prompt("Start a new scan with the same configuration", "scan " + ids[1] + target) },
                engine.Host.Prompts);
            Assert.Equal(new[] { "\"" + ids[1] + "\"", "\"" + ids[2] + "\"" }, _sandbox.InvictiServer.Requests.Select(r => r.Body));
            Assert.All(_sandbox.InvictiServer.Requests, r => Assert.Equal(("POST", "/api/1.0/scans/newfromscan"), (r.Method, r.Path)));
            Assert.Equal(2, result.Output.Count);
        }

        [Fact]
        public void NewScheduledScanBulk_Confirm_asks_once_per_batch_and_sends_the_accepted_batches()
        {
            using var engine = Connected("Probely");
            engine.Host.ChoiceAnswers.Enqueue(No);
            engine.Host.ChoiceAnswers.Enqueue(Yes);

            var result = engine.Run(Probely3 + " -Confirm").ThrowIfFailed();

            Assert.Equal(2, engine.Host.Prompts.Count);
            // The existing schedules are read once, before the first accepted batch is sent (duplicate warning).
            var requests = _sandbox.ProbelyServer.Requests;
            Assert.Equal(new[] { "GET /scheduledscans/", "POST /scheduledscans/bulk/" }, requests.Select(r => r.Method + " " + r.Path));
            var request = requests[1];
            Assert.Contains("\"sp-t3\"", request.Body);
            Assert.DoesNotContain("\"sp-t1\"", request.Body);
            Assert.Equal("sp-t3", Assert.Single(result.Output).Properties["TargetId"].Value);
        }

        [Fact]
        public void DisconnectScanProvider_Confirm_answered_No_keeps_the_connection()
        {
            using var engine = Connected("HostedScan");
            engine.Host.ChoiceAnswers.Enqueue(No);

            var result = engine.Run("Disconnect-ScanProvider -Provider HostedScan -Confirm; (Get-ScanProviderConnection).Name").ThrowIfFailed();

            Assert.Equal(new object[] { "HostedScan" }, result.BaseObjects);
            Assert.Equal(new[] { Prompt("Remove the connection from this session", "HostedScan connection 'HostedScan' (****)") }, engine.Host.Prompts);
        }

        /// <summary>Creates are ConfirmImpact Medium, removing a session connection Low; PowerShell prompts when the impact reaches $ConfirmPreference.</summary>
        [Theory]
        [InlineData("High", false, false)]
        [InlineData("Medium", true, false)]
        [InlineData("Low", true, true)]
        [InlineData("None", false, false)]
        public void ConfirmPreference_decides_who_asks(string preference, bool createAsks, bool disconnectAsks)
        {
            using var engine = Connected("HostedScan");
            if (createAsks) engine.Host.ChoiceAnswers.Enqueue(No);
            if (disconnectAsks) engine.Host.ChoiceAnswers.Enqueue(No);

            var result = engine.Run(
                "$ConfirmPreference = $args[0]; New-Scan -Provider HostedScan -Type NMAP -Target example.com | Out-Null; Disconnect-ScanProvider -Name HostedScan; @(Get-ScanProviderConnection).Count",
                preference).ThrowIfFailed();

            Assert.Equal((createAsks ? 1 : 0) + (disconnectAsks ? 1 : 0), engine.Host.Prompts.Count);
            Assert.Equal(createAsks ? 0 : 1, _sandbox.HostedScanServer.Requests.Count);
            Assert.Equal(disconnectAsks ? 1 : 0, result.BaseObjects.Single());
        }

        [Fact]
        public void Confirm_false_overrides_a_low_ConfirmPreference()
        {
            using var engine = Connected("HostedScan");

            var result = engine.Run("$ConfirmPreference = 'Low'; New-Scan -Provider HostedScan -Type NMAP -Target example.com -Confirm:$false").ThrowIfFailed();

            Assert.Empty(engine.Host.Prompts);
            Assert.Single(result.Output);
            Assert.Equal("POST", Assert.Single(_sandbox.HostedScanServer.Requests).Method);
        }

        [Fact]
        public void WhatIfPreference_in_the_session_stops_creates_but_not_reads_and_WhatIf_false_overrides_it()
        {
            var id = _sandbox.HostedScan.SeedScans(1)[0];
            using var engine = Connected("HostedScan");

            var result = engine.Run(
                "$WhatIfPreference = $true; New-Scan -Provider HostedScan -Type NMAP -Target example.com; (Get-Scan -Provider HostedScan -Id $args[0]).Id",
                id).ThrowIfFailed();

            Assert.Equal(new object[] { id }, result.BaseObjects);
            Assert.Equal(WhatIf("Create NMAP scan of 1 target (example.com)", "HostedScan (" + Root("HostedScan") + ")"), engine.Host.Console);
            Assert.Equal(new[] { "GET" }, _sandbox.HostedScanServer.Requests.Select(r => r.Method));

            var sent = engine.Run("New-Scan -Provider HostedScan -Type NMAP -Target example.com -WhatIf:$false").ThrowIfFailed();

            Assert.Single(sent.Output);
            Assert.Equal(new[] { "GET", "POST" }, _sandbox.HostedScanServer.Requests.Select(r => r.Method));
        }

        [Fact]
        public void Each_command_declares_the_impact_it_has()
        {
            using var engine = new Engine();

            var result = engine.Run(@"
Get-Command -Module ScanPS | Sort-Object Name | ForEach-Object {
    $metadata = [System.Management.Automation.CommandMetadata]::new($_)
    '{0} {1} {2}' -f $_.Name, $metadata.SupportsShouldProcess, $metadata.ConfirmImpact
}").ThrowIfFailed();

            Assert.Equal(
                new object[]
                {
                    "Assert-ScanFinding False None",
                    "Compare-ScanFinding False None",
                    "Connect-ScanProvider False None",
                    "ConvertTo-ScanJUnit False None",
                    "ConvertTo-ScanSarif False None",
                    "Disconnect-ScanProvider True Low",
                    "Get-Scan False None",
                    "Get-ScanFinding False None",
                    "Get-ScanProviderConnection False None",
                    "New-Scan True Medium",
                    "New-ScheduledScanBulk True Medium",
                    "Start-ScanFromScan True Medium",
                },
                result.BaseObjects);
        }

        [Fact]
        public void WhatIf_works_with_no_credential_anywhere_and_sending_stops_with_NoCredentialResolved()
        {
            var ids = _sandbox.Invicti.SeedScans(1);
            using var engine = new Engine();
            engine.Set("hs", _sandbox.BaseUri("HostedScan")).Set("pd", _sandbox.BaseUri("ProjectDiscovery")).Set("iv", _sandbox.BaseUri("Invicti")).Set("pb", _sandbox.BaseUri("Probely")).Set("id", ids[0]);

            var whatIf = engine.Run(@"
New-Scan -Provider HostedScan -Type nmap -Target example.com -BaseUri $hs -WhatIf
New-Scan -Provider ProjectDiscovery -Target example.com -BaseUri $pd -WhatIf
Start-ScanFromScan -Id $id -BaseUri $iv -WhatIf
" + Probely3 + " -BaseUri $pb -WhatIf").ThrowIfFailed();

            Assert.Empty(whatIf.Output);
            Assert.Equal(
                WhatIf("Create NMAP scan of 1 target (example.com)", "HostedScan (" + Root("HostedScan") + ")") +
                WhatIf("Create scan of 1 target (example.com) with no templates named", "ProjectDiscovery (" + Root("ProjectDiscovery") + ")") +
                WhatIf("Start a new scan with the same configuration", "scan " + ids[0] + " on Invicti (" + Root("Invicti") + ")") +
                WhatIf("Schedule scans of 2 targets (sp-t1, sp-t2): every day from 2030-12-01 02:00 UTC (UTC+00:00) (batch 1 of 2)", "Probely (" + Root("Probely") + ")") +
                WhatIf("Schedule scans of 1 target (sp-t3): every day from 2030-12-01 02:00 UTC (UTC+00:00) (batch 2 of 2)", "Probely (" + Root("Probely") + ")"),
                engine.Host.Console);

            var sent = engine.Run(@"
foreach ($command in
    { New-Scan -Provider HostedScan -Type NMAP -Target example.com -BaseUri $hs },
    { New-Scan -Provider ProjectDiscovery -Target example.com -BaseUri $pd },
    { Start-ScanFromScan -Id $id -BaseUri $iv },
    { " + Probely3 + @" -BaseUri $pb }) {
    try { & $command; 'not stopped' } catch { '{0} {1} {2}' -f $_.FullyQualifiedErrorId, $_.CategoryInfo.Category, ($_.TargetObject -join ' ') }
}");

            Assert.Equal(
                new object[]
                {
                    "NoCredentialResolved,ScanPS.Commands.NewScanCommand AuthenticationError HostedScan",
                    "NoCredentialResolved,ScanPS.Commands.NewScanCommand AuthenticationError ProjectDiscovery",
                    "NoCredentialResolved,ScanPS.Commands.StartScanFromScanCommand AuthenticationError Invicti",
                    "NoCredentialResolved,ScanPS.Commands.NewScheduledScanBulkCommand AuthenticationError sp-t1 sp-t2 sp-t3", // the ids not scheduled
                },
                sent.BaseObjects);
            Assert.Equal(0, _sandbox.RequestCount);
        }
    }
}
