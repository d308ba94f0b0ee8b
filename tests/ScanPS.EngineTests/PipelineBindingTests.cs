using System.Linq;
using System.Management.Automation;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// The pipelines of README.md and docs/*.md through PowerShell's own parameter binder: which parameter set each
    /// piped object lands in, proven by the request it causes (method, path, query, body), and the objects that
    /// must be refused rather than quietly bound to something else.
    /// </summary>
    public sealed class PipelineBindingTests : PipelineTest
    {
        // ---- Get-Scan: a piped scan is fetched by its id, never a listing ----

        [Fact]
        public void New_Scan_piped_into_Get_Scan_refreshes_the_new_scan_by_its_id()
        {
            // README: New-Scan -Provider HostedScan -Type NMAP -Target example.com, 10.0.0.1 | Get-Scan
            var result = Engine.Run("New-Scan -Provider HostedScan -Type NMAP -Target example.com, 10.0.0.1 | Get-Scan").ThrowIfFailed();

            Assert.Equal(new[] { "POST /v1/scans", "GET /v1/scans/000000000000000000000001" }, Wire("HostedScan"));
            var scan = Assert.Single(result.Output);
            Assert.Equal("ScanPS.Models.HostedScanScan", scan.BaseObject.GetType().FullName);
            Assert.Equal(("000000000000000000000001", "Running", "RUNNING", "50"), (Text(scan, "Id"), Text(scan, "State"), Text(scan, "VendorState"), Text(scan, "Progress")));
            Assert.Equal(new[] { "example.com", "10.0.0.1" }, (System.Collections.Generic.IEnumerable<string>)Property(scan, "Targets")!);
        }

        [Fact]
        public void A_HostedScan_scan_in_a_variable_piped_into_Get_Scan_follows_its_state()
        {
            // README: $scan | Get-Scan   # QUEUED -> RUNNING -> SUCCEEDED on later calls
            Engine.Run("$scan = New-Scan -Provider HostedScan -Type NMAP -Target example.com, 10.0.0.1").ThrowIfFailed();
            ForgetRequests();

            var states = Engine.Run("($scan | Get-Scan).VendorState; $scan = $scan | Get-Scan; $scan.VendorState; $scan.State.ToString()").ThrowIfFailed();

            Assert.Equal(new object[] { "RUNNING", "SUCCEEDED", "Completed" }, states.BaseObjects);
            Assert.Equal(new[] { "GET /v1/scans/000000000000000000000001", "GET /v1/scans/000000000000000000000001" }, Wire("HostedScan"));
        }

        [Fact]
        public void A_ProjectDiscovery_scan_piped_into_Get_Scan_is_read_by_its_id()
        {
            // docs/Get-Scan.md example 9: New-Scan ... -NoRefresh, then $scan | Get-Scan | Format-List ...
            Engine.Run("$scan = New-Scan -Provider ProjectDiscovery -Target example.com -Template http/cves/ -NoRefresh").ThrowIfFailed();
            Assert.Equal(new[] { "POST /v1/scans" }, Wire("ProjectDiscovery"));
            ForgetRequests();

            var result = Engine.Run("$scan | Get-Scan").ThrowIfFailed();

            Assert.Equal(new[] { "GET /v1/scans/d1000000000000000001" }, Wire("ProjectDiscovery"));
            Assert.Null(Sandbox.ProjectDiscoveryServer.Requests.Single().Header("X-Team-Id"));
            var scan = Assert.Single(result.Output);
            Assert.Equal(("ProjectDiscovery", "d1000000000000000001", "Running", "running", "50"), (Text(scan, "Provider"), Text(scan, "Id"), Text(scan, "State"), Text(scan, "VendorState"), Text(scan, "Progress")));
            Assert.Empty(Sandbox.HostedScanServer.Requests);
        }

        [Fact]
        public void A_ProjectDiscovery_team_scan_piped_into_Get_Scan_is_read_from_its_team()
        {
            // Before the fix the scan carried no team, Get-Scan sent no X-Team-Id and the platform answered 404.
            var result = Engine.Run("New-Scan -Provider ProjectDiscovery -TeamId team-blue -Target example.com -NoRefresh | Get-Scan").ThrowIfFailed();

            Assert.Equal(new[] { "POST /v1/scans", "GET /v1/scans/d1000000000000000001" }, Wire("ProjectDiscovery"));
            Assert.All(Sandbox.ProjectDiscoveryServer.Requests, r => Assert.Equal("team-blue", r.Header("X-Team-Id")));
            var scan = Assert.Single(result.Output);
            Assert.Equal(("d1000000000000000001", "team-blue", "running"), (Text(scan, "Id"), Text(scan, "TeamId"), Text(scan, "VendorState")));
        }

        [Fact]
        public void A_scan_read_through_a_team_connection_piped_into_Get_Scan_is_read_from_that_team()
        {
            Sandbox.ProjectDiscovery.SeedScans(1, "team-blue");
            Engine.Run("Connect-ScanProvider -Provider ProjectDiscovery -Name blue -TeamId team-blue -ApiKey $ScanPSKey -BaseUri $args[0] -SkipValidation", Sandbox.BaseUri("ProjectDiscovery")).ThrowIfFailed();
            Engine.Run("$scan = Get-Scan -Provider ProjectDiscovery -Connection blue").ThrowIfFailed();
            ForgetRequests();

            // No -Connection here: the default connection (no team) sends the scan's own team.
            var result = Engine.Run("$scan | Get-Scan").ThrowIfFailed();

            var request = Assert.Single(Sandbox.ProjectDiscoveryServer.Requests);
            Assert.Equal(("GET /v1/scans/d1000000000000000001", "team-blue"), (Line(request), request.Header("X-Team-Id")));
            Assert.Equal("team-blue", Text(result.Output.Single(), "TeamId"));
        }

        [Fact]
        public void Scans_of_a_team_the_own_workspace_and_another_provider_in_one_pipeline_are_each_read_where_they_live()
        {
            Sandbox.ProjectDiscovery.SeedScans(1);
            Sandbox.ProjectDiscovery.SeedScans(1, "team-blue");
            Sandbox.HostedScan.SeedScans(1);
            Engine.Run("$own = Get-Scan -Provider ProjectDiscovery; $team = Get-Scan -Provider ProjectDiscovery -TeamId team-blue; $hs = Get-Scan -Provider HostedScan").ThrowIfFailed();
            ForgetRequests();

            // A team scan first: PowerShell then keeps TeamId (reset to null) bound for the records after it.
            var result = Engine.Run("$team, $own, $hs, $team | Get-Scan").ThrowIfFailed();

            Assert.Equal(new[] { "d1000000000000000002", "d1000000000000000001", "000000000000000000000001", "d1000000000000000002" }, Column(result, "Id"));
            var pd = Sandbox.ProjectDiscoveryServer.Requests;
            Assert.Equal(new[] { "GET /v1/scans/d1000000000000000002", "GET /v1/scans/d1000000000000000001", "GET /v1/scans/d1000000000000000002" }, pd.Select(Line));
            Assert.Equal(new[] { "team-blue", null, "team-blue" }, pd.Select(r => r.Header("X-Team-Id")));
            Assert.Equal(new[] { "GET /v1/scans/000000000000000000000001" }, Wire("HostedScan"));
        }

        [Fact]
        public void ProjectDiscovery_team_scans_exported_to_csv_and_imported_again_are_read_from_their_team()
        {
            Sandbox.ProjectDiscovery.SeedScans(2, "team-blue");
            string csv = PathOf("scans.csv");
            Engine.Run("Get-Scan -Provider ProjectDiscovery -TeamId team-blue | Export-Csv -LiteralPath $args[0]", csv).ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | Get-Scan", csv).ThrowIfFailed();

            Assert.Equal(new[] { "GET /v1/scans/d1000000000000000002", "GET /v1/scans/d1000000000000000001" }, Wire("ProjectDiscovery"));
            Assert.All(Sandbox.ProjectDiscoveryServer.Requests, r => Assert.Equal("team-blue", r.Header("X-Team-Id")));
            Assert.Equal(new[] { "team-blue", "team-blue" }, Column(result, "TeamId"));
        }

        [Fact]
        public void An_Invicti_scan_piped_into_Get_Scan_is_read_from_scans_detail()
        {
            SeedInvicti();
            Engine.Run("$scan = Get-Scan -Provider Invicti -First 1").ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("$scan | Get-Scan").ThrowIfFailed();

            string newest = InvictiId(6);
            Assert.Equal(new[] { "GET /api/1.0/scans/detail/" + newest }, Wire("Invicti"));
            var scan = Assert.Single(result.Output);
            Assert.Equal(("ScanPS.Models.InvictiScan", newest), (scan.BaseObject.GetType().FullName, Text(scan, "Id")));
        }

        [Fact]
        public void A_relaunched_Invicti_scan_piped_into_Get_Scan_is_followed_until_it_finishes()
        {
            // docs/Start-ScanFromScan.md example 6: while (-not $scan.IsFinished) { ...; $scan = $scan | Get-Scan }
            SeedInvicti();
            var result = Engine.Run(@"
$scan = Start-ScanFromScan -Id $args[0]
$scan.VendorState
while (-not $scan.IsFinished) { $scan = $scan | Get-Scan; $scan.VendorState }", InvictiId(1)).ThrowIfFailed();

            Assert.Equal(new object[] { "Queued", "Scanning", "Archiving", "Complete" }, result.BaseObjects);
            string relaunched = Engine.Run("$scan.Id").ThrowIfFailed().BaseObjects.Cast<string>().Single();
            Assert.StartsWith("1a0c0000-", relaunched);
            Assert.Equal(new[] { "POST /api/1.0/scans/newfromscan" }.Concat(Enumerable.Repeat("GET /api/1.0/scans/detail/" + relaunched, 3)), Wire("Invicti"));
        }

        [Theory]
        [InlineData("HostedScan", "GET /v1/scans/000000000000000000000001")]
        [InlineData("ProjectDiscovery", "GET /v1/scans/d1000000000000000001")]
        public void A_scan_piped_into_Get_Scan_with_its_provider_named_is_still_read_by_id(string provider, string expected)
        {
            string create = provider == "HostedScan" ? "New-Scan -Provider HostedScan -Type NMAP -Target example.com" : "New-Scan -Provider ProjectDiscovery -Target example.com -NoRefresh";
            Engine.Run("$scan = " + create).ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("$scan | Get-Scan -Provider " + provider).ThrowIfFailed();

            Assert.Equal(new[] { expected }, Wire(provider));
            Assert.Single(result.Output);
        }

        [Fact]
        public void Scans_of_two_providers_in_one_pipeline_are_each_read_from_their_own_service()
        {
            // -Provider binds from each piped object in the ById set, so one Get-Scan serves both.
            Engine.Run("$hs = New-Scan -Provider HostedScan -Type NMAP -Target example.com; $pd = New-Scan -Provider ProjectDiscovery -Target example.com -NoRefresh").ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("$hs, $pd | Get-Scan").ThrowIfFailed();

            Assert.Equal(new[] { "HostedScan", "ProjectDiscovery" }, Column(result, "Provider"));
            Assert.Equal(new[] { "GET /v1/scans/000000000000000000000001" }, Wire("HostedScan"));
            Assert.Equal(new[] { "GET /v1/scans/d1000000000000000001" }, Wire("ProjectDiscovery"));
        }

        [Fact]
        public void Csv_rows_of_ids_piped_into_Get_Scan_are_fetched_by_id_in_order()
        {
            Sandbox.HostedScan.SeedScans(3);
            string csv = Csv("ids.csv", "ID,Note", "000000000000000000000003,last", "000000000000000000000001,first");

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | Get-Scan -Provider HostedScan", csv).ThrowIfFailed();

            Assert.Equal(new[] { "000000000000000000000003", "000000000000000000000001" }, Column(result, "Id"));
            Assert.Equal(new[] { "GET /v1/scans/000000000000000000000003", "GET /v1/scans/000000000000000000000001" }, Wire("HostedScan"));
        }

        [Fact]
        public void Csv_rows_with_Provider_and_ScanId_columns_bind_by_the_alias_without_a_provider_on_the_command_line()
        {
            // docs/Get-Scan.md INPUTS: any object with Provider and Id (or ScanId) properties.
            Sandbox.HostedScan.SeedScans(2);
            Sandbox.ProjectDiscovery.SeedScans(1);
            string csv = Csv("ids.csv", "provider,ScanId", "HostedScan,000000000000000000000002", "projectdiscovery,d1000000000000000001");

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | Get-Scan", csv).ThrowIfFailed();

            Assert.Equal(new[] { "HostedScan", "ProjectDiscovery" }, Column(result, "Provider"));
            Assert.Equal(new[] { "GET /v1/scans/000000000000000000000002" }, Wire("HostedScan"));
            Assert.Equal(new[] { "GET /v1/scans/d1000000000000000001" }, Wire("ProjectDiscovery"));
        }

        [Fact]
        public void A_listing_piped_into_Get_Scan_reads_each_listed_scan_by_id()
        {
            Sandbox.HostedScan.PageSize = 2;
            Sandbox.HostedScan.SeedScans(3);

            var result = Engine.Run("Get-Scan -Provider HostedScan | Get-Scan").ThrowIfFailed();

            Assert.Equal(new[] { "000000000000000000000001", "000000000000000000000002", "000000000000000000000003" }, Column(result, "Id"));
            var wire = Wire("HostedScan");
            Assert.Equal(
                new[] { "GET /v1/scans", "GET /v1/scans/000000000000000000000001", "GET /v1/scans/000000000000000000000002", "GET /v1/scans/000000000000000000000003" },
                wire.Where(l => !l.StartsWith("GET /v1/scans?page_token=", System.StringComparison.Ordinal)));
            // Streaming: the first two are read by id before the listing asks for its second page.
            Assert.StartsWith("GET /v1/scans?page_token=", wire[3]);
        }

        [Fact]
        public void A_csv_row_with_an_empty_id_is_refused_by_validation_and_the_other_rows_are_still_fetched()
        {
            Sandbox.HostedScan.SeedScans(2);
            string csv = Csv("ids.csv", "Id,Note", "000000000000000000000001,a", ",blank", "000000000000000000000002,b");

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | Get-Scan -Provider HostedScan", csv);

            Assert.Equal(("ParameterArgumentValidationError,ScanPS.Commands.GetScanCommand", ErrorCategory.InvalidData), ErrorOf(result));
            Assert.Equal(new[] { "000000000000000000000001", "000000000000000000000002" }, Column(result, "Id"));
            Assert.Equal(new[] { "GET /v1/scans/000000000000000000000001", "GET /v1/scans/000000000000000000000002" }, Wire("HostedScan"));
        }

        [Fact]
        public void Get_Scan_without_pipeline_input_lists_and_with_an_id_gets_one()
        {
            Sandbox.HostedScan.SeedScans(2);

            Engine.Run("Get-Scan -Provider HostedScan | Out-Null; Get-Scan HostedScan 000000000000000000000002 | Out-Null").ThrowIfFailed();

            Assert.Equal(new[] { "GET /v1/scans", "GET /v1/scans/000000000000000000000002" }, Wire("HostedScan"));
        }

        // ---- objects that must be refused ----

        [Theory]
        [InlineData("HostedScan", "InputObjectMissingMandatory,ScanPS.Commands.GetScanCommand", ErrorCategory.InvalidArgument)]
        [InlineData("ProjectDiscovery", "InputObjectMissingMandatory,ScanPS.Commands.GetScanCommand", ErrorCategory.InvalidArgument)]
        [InlineData("Invicti", "InputObjectMissingMandatory,ScanPS.Commands.GetScanCommand", ErrorCategory.InvalidArgument)]
        [InlineData("Probely", "InputObjectMissingMandatory,ScanPS.Commands.GetScanCommand", ErrorCategory.InvalidArgument)]
        public void A_connection_piped_into_Get_Scan_is_refused_rather_than_listing_with_the_default_connection(string provider, string errorId, ErrorCategory category)
        {
            var result = Engine.Run("Get-ScanProviderConnection -Provider " + provider + " | Get-Scan");

            Assert.Equal((errorId, category), ErrorOf(result));
            Assert.Empty(result.Output);
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Theory]
        [InlineData("HostedScan", "New-Scan -Type NMAP -Target example.com")]
        [InlineData("ProjectDiscovery", "New-Scan -Target example.com")]
        public void A_connection_piped_into_New_Scan_is_refused_rather_than_replaced_by_the_default_connection(string provider, string command)
        {
            // Before the fix the connection's Provider bound from the pipeline and the scan was created through the
            // provider's DEFAULT connection, not the piped one: here "prod", a second connection to another address.
            Engine.Run("Connect-ScanProvider -Provider " + provider + " -Name prod -ApiKey $ScanPSKey -BaseUri http://127.0.0.1:9 -SkipValidation").ThrowIfFailed();

            var result = Engine.Run("Get-ScanProviderConnection -Name prod | " + command);

            // -Provider never comes from the pipeline, so PowerShell asks for it (and the test host does not answer).
            Assert.Equal(("MissingMandatoryParameter,ScanPS.Commands.NewScanCommand", ErrorCategory.InvalidArgument), ErrorOf(result));
            Assert.Empty(result.Output);
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Theory]
        [InlineData("New-Scan -Provider HostedScan -Type NMAP -Target example.com", "InputObjectNotBound")]
        // PowerShell keeps HostedScan's set (TargetId and Tag could still come from the pipeline) and asks for -Type.
        [InlineData("New-Scan -Provider ProjectDiscovery -Target example.com", "MissingMandatoryParameter")]
        public void A_connection_piped_into_New_Scan_with_a_provider_named_is_refused(string command, string errorId)
        {
            var result = Engine.Run("Get-ScanProviderConnection -Name HostedScan | " + command);

            Assert.Equal((errorId + ",ScanPS.Commands.NewScanCommand", ErrorCategory.InvalidArgument), ErrorOf(result));
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void A_connection_piped_into_Start_ScanFromScan_is_refused()
        {
            var result = Engine.Run("Get-ScanProviderConnection -Provider Invicti | Start-ScanFromScan");

            Assert.Equal(("InputObjectMissingMandatory,ScanPS.Commands.StartScanFromScanCommand", ErrorCategory.InvalidArgument), ErrorOf(result));
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void A_connection_piped_into_New_ScheduledScanBulk_binds_no_target_and_nothing_is_scheduled()
        {
            var result = Engine.Run("Get-ScanProviderConnection -Provider Probely | New-ScheduledScanBulk -StartTime '2030-12-01 02:00' -TimeZone UTC");

            // The connection's Provider binds -Provider; it has no TargetId or Id, so PowerShell refuses the record.
            Assert.Equal(new[] { "InputObjectMissingMandatory,ScanPS.Commands.NewScheduledScanBulkCommand", "NoScanTargets,ScanPS.Commands.NewScheduledScanBulkCommand" }, ErrorIds(result));
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void A_HostedScan_scan_piped_into_Start_ScanFromScan_is_run_again_on_HostedScan_not_Invicti()
        {
            // Before issue 18 Start-ScanFromScan served Invicti only and refused it; now the piped Provider picks HostedScan.
            Engine.Run("$scan = New-Scan -Provider HostedScan -Type NMAP -Target example.com").ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("$scan | Start-ScanFromScan").ThrowIfFailed();

            Assert.Equal(new[] { "GET /v1/scans/000000000000000000000001", "POST /v1/scans" }, Wire("HostedScan"));
            Assert.Equal("HostedScan", Text(result.Output.Single(), "Provider"));
            Assert.Empty(Sandbox.InvictiServer.Requests);
        }

        [Fact]
        public void A_row_with_nothing_New_Scan_can_use_is_InputObjectNotBound_and_nothing_is_sent()
        {
            string csv = Csv("hosts.csv", "Host,Owner", "example.com,ops");

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | New-Scan -Provider HostedScan -Type NMAP", csv);

            Assert.Equal(("InputObjectNotBound,ScanPS.Commands.NewScanCommand", ErrorCategory.InvalidArgument), ErrorOf(result));
            Assert.Equal(0, Sandbox.RequestCount);
        }

        // ---- New-Scan from Import-Csv ----

        [Fact]
        public void Csv_rows_of_targets_piped_into_New_Scan_for_ProjectDiscovery_make_one_scan()
        {
            // docs/New-Scan.md example 9: Import-Csv .\hosts.csv | New-Scan -Provider ProjectDiscovery -Recommended
            string csv = Csv("hosts.csv", "Target,Owner", "www.contoso.com,web", "mail.contoso.com,", "203.0.113.25,ops");

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | New-Scan -Provider ProjectDiscovery -Recommended", csv).ThrowIfFailed();

            Assert.Equal(new[] { "POST /v1/scans", "GET /v1/scans/d1000000000000000001" }, Wire("ProjectDiscovery"));
            Assert.Equal(new[] { "{\"targets\":[\"www.contoso.com\",\"mail.contoso.com\",\"203.0.113.25\"],\"recommended\":true}" }, Bodies("ProjectDiscovery"));
            Assert.Equal(("d1000000000000000001", "3"), (Text(result.Output.Single(), "Id"), Text(result.Output.Single(), "TargetCount")));
        }

        [Fact]
        public void Csv_rows_of_targets_piped_into_New_Scan_for_ProjectDiscovery_need_no_other_parameter()
        {
            // The brief's Import-Csv targets.csv | New-Scan -Provider ProjectDiscovery: the default set, nothing asked.
            string csv = Csv("targets.csv", "Url,Owner", "https://www.contoso.com/,web", "https://shop.contoso.com/,");

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | New-Scan -Provider ProjectDiscovery", csv).ThrowIfFailed();

            Assert.Empty(Engine.Host.Prompts);
            Assert.Equal(new[] { "{\"targets\":[\"https://www.contoso.com/\",\"https://shop.contoso.com/\"]}" }, Bodies("ProjectDiscovery"));
            Assert.Equal(new[] { "POST /v1/scans", "GET /v1/scans/d1000000000000000001" }, Wire("ProjectDiscovery"));
            Assert.Equal("ProjectDiscovery", Text(result.Output.Single(), "Provider"));
        }

        [Fact]
        public void Csv_rows_piped_into_New_Scan_for_HostedScan_bind_Target_TargetId_and_Tag_whatever_the_header_case()
        {
            // Empty cells (Import-Csv gives "") and columns New-Scan does not know (Note) are fine.
            string csv = Csv("targets.csv", "target,TARGETID,tag,Note", "example.com,,,first", ",5f0a00000000000000000002,,", ",,prod,third", "10.0.0.1,,prod,");

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | New-Scan -Provider HostedScan -Type NMAP", csv).ThrowIfFailed();

            Assert.Equal(new[] { "POST /v1/scans" }, Wire("HostedScan"));
            Assert.Equal(new[] { "{\"type\":\"NMAP\",\"targets\":[\"example.com\",\"10.0.0.1\"],\"target_ids\":[\"5f0a00000000000000000002\"],\"tags\":[\"prod\"]}" }, Bodies("HostedScan"));
            Assert.Equal("000000000000000000000001", Text(result.Output.Single(), "Id"));
        }

        [Fact]
        public void A_command_line_Tag_with_piped_rows_is_sent_once_and_repeated_or_blank_cells_count_once_or_not_at_all()
        {
            string csv = Csv("targets.csv", "Target,TargetId", "web1.example.com,", ",5f1e0a7b0000000000000001", " web1.example.com ,5f1e0a7b0000000000000001");
            const string Command = "Import-Csv -LiteralPath $args[0] | New-Scan -Provider HostedScan -Type NMAP -Tag prod";

            Engine.Run(Command + " -WhatIf", csv).ThrowIfFailed();
            var result = Engine.Run(Command, csv).ThrowIfFailed();

            Assert.Equal(
                new[] { "What if: Performing the operation \"Create NMAP scan of 1 target (web1.example.com) and 1 target id (5f1e0a7b0000000000000001) and targets tagged prod\" on target \"HostedScan (" + Sandbox.BaseUri("HostedScan") + "/)\"." },
                WhatIfLines());
            Assert.Equal(new[] { "{\"type\":\"NMAP\",\"targets\":[\"web1.example.com\"],\"target_ids\":[\"5f1e0a7b0000000000000001\"],\"tags\":[\"prod\"]}" }, Bodies("HostedScan"));
            Assert.Single(result.Output);
        }

        [Fact]
        public void Csv_rows_of_hosts_piped_into_New_Scan_WhatIf_describe_one_scan_and_send_nothing()
        {
            // docs/Get-Scan.md example 9, with the CSV of docs/New-Scan.md example 3.
            string csv = Csv("hosts.csv", "Target", "www.contoso.com", "mail.contoso.com", "203.0.113.25");

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | New-Scan -Provider HostedScan -Type NMAP -WhatIf", csv).ThrowIfFailed();

            Assert.Empty(result.Output);
            Assert.Equal(
                new[] { "What if: Performing the operation \"Create NMAP scan of 3 targets (www.contoso.com, mail.contoso.com, 203.0.113.25)\" on target \"HostedScan (" + Sandbox.BaseUri("HostedScan") + "/)\"." },
                WhatIfLines());
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void Csv_rows_piped_into_New_Scan_with_ForEach_Object_make_one_scan_per_row()
        {
            // docs/New-Scan.md example 3, last command.
            string csv = Csv("hosts.csv", "Target", "www.contoso.com", "mail.contoso.com");

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | ForEach-Object { New-Scan -Provider HostedScan -Type SSLYZE -Target $_.Target }", csv).ThrowIfFailed();

            Assert.Equal(2, result.Output.Count);
            Assert.Equal(new[] { "{\"type\":\"SSLYZE\",\"targets\":[\"www.contoso.com\"]}", "{\"type\":\"SSLYZE\",\"targets\":[\"mail.contoso.com\"]}" }, Bodies("HostedScan"));
        }

        [Fact]
        public void Csv_rows_with_a_HostedScan_column_piped_into_New_Scan_for_ProjectDiscovery_send_only_the_targets()
        {
            // TargetId is HostedScan's: in the ProjectDiscovery set it is just another column.
            string csv = Csv("targets.csv", "Target,TargetId", "example.com,5f0a00000000000000000002", "api.example.com,");

            Engine.Run("Import-Csv -LiteralPath $args[0] | New-Scan -Provider ProjectDiscovery -NoRefresh", csv).ThrowIfFailed();

            Assert.Equal(new[] { "{\"targets\":[\"example.com\",\"api.example.com\"]}" }, Bodies("ProjectDiscovery"));
            Assert.Empty(Sandbox.HostedScanServer.Requests);
        }

        // ---- Start-ScanFromScan ----

        [Fact]
        public void Completed_staging_scans_filtered_by_Where_Object_are_relaunched_by_id()
        {
            // README and docs/Start-ScanFromScan.md example 2.
            SeedInvicti();

            var result = Engine.Run("Get-Scan -Provider Invicti -State Complete | Where-Object TargetUrl -like '*staging*' | Start-ScanFromScan").ThrowIfFailed();

            Assert.Equal(
                new[]
                {
                    "GET /api/1.0/scans/listbystate?scanTaskState=Complete&page=1&pageSize=200",
                    "POST /api/1.0/scans/newfromscan",
                    "POST /api/1.0/scans/newfromscan",
                    "POST /api/1.0/scans/newfromscan",
                },
                Wire("Invicti"));
            // Newest first; scan 1 (Complete, www) is filtered out by Where-Object.
            Assert.Equal(new[] { Quoted(6), Quoted(5), Quoted(3) }, Bodies("Invicti"));
            Assert.Equal(new[] { "https://api.staging.example.com/", "https://staging.example.com/", "https://api.staging.example.com/" }, Column(result, "TargetUrl"));
            Assert.Equal(new[] { "Queued", "Queued", "Queued" }, Column(result, "VendorState"));
            Assert.All(result.Output, o => Assert.StartsWith("1a0c0000-", Text(o, "Id")));
        }

        [Fact]
        public void Completed_staging_scans_piped_into_Start_ScanFromScan_WhatIf_are_named_and_not_launched()
        {
            // README and docs/Start-ScanFromScan.md example 3.
            SeedInvicti();

            var result = Engine.Run("Get-Scan -Provider Invicti -State Complete | Where-Object TargetUrl -like '*staging*' | Start-ScanFromScan -WhatIf").ThrowIfFailed();

            Assert.Empty(result.Output);
            string on = " on Invicti (" + Sandbox.BaseUri("Invicti") + "/)\".";
            // Each line names the piped scan's id and its staging site.
            var lines = WhatIfLines();
            Assert.Equal(3, lines.Count);
            foreach (var (line, id) in lines.Zip(new[] { InvictiId(6), InvictiId(5), InvictiId(3) }))
            {
                Assert.Matches(
                    "^" + System.Text.RegularExpressions.Regex.Escape("What if: Performing the operation \"Start a new scan with the same configuration\" on target \"scan " + id + " of ") + "https://[^ ]*staging[^ ]*/" + System.Text.RegularExpressions.Regex.Escape(on) + "$",
                    line);
            }
            Assert.Equal(new[] { "GET /api/1.0/scans/listbystate?scanTaskState=Complete&page=1&pageSize=200" }, Wire("Invicti"));
        }

        [Fact]
        public void Csv_rows_with_only_a_ScanId_column_are_relaunched_on_Invicti_the_default_provider()
        {
            // docs/Start-ScanFromScan.md INPUTS: Id (or ScanId) and, optionally, Provider.
            SeedInvicti();
            string csv = Csv("relaunch.csv", "ScanId,Why", InvictiId(1) + ",weekly", InvictiId(3) + ",");

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | Start-ScanFromScan", csv).ThrowIfFailed();

            Assert.Equal(new[] { Quoted(1), Quoted(3) }, Bodies("Invicti"));
            Assert.Equal(2, result.Output.Count);
        }

        // ---- Export-Csv / Import-Csv round trips ----

        [Fact]
        public void HostedScan_scans_exported_to_csv_and_imported_again_are_read_by_id()
        {
            Sandbox.HostedScan.SeedScans(3);
            string csv = PathOf("scans.csv");
            Engine.Run("Get-Scan -Provider HostedScan -First 2 | Export-Csv -LiteralPath $args[0]", csv).ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | Get-Scan", csv).ThrowIfFailed();

            Assert.Equal(new[] { "GET /v1/scans/000000000000000000000001", "GET /v1/scans/000000000000000000000002" }, Wire("HostedScan"));
            Assert.Equal(new[] { "ScanPS.Models.HostedScanScan", "ScanPS.Models.HostedScanScan" }, result.Output.Select(o => o.BaseObject.GetType().FullName));
        }

        [Fact]
        public void A_selected_csv_export_of_scan_ids_is_read_back_by_id()
        {
            // docs/Get-Scan.md example 6 exports Id, Type, Targets and NewRisks; the Id column reads them back.
            Sandbox.HostedScan.SeedScans(6);
            string csv = PathOf("scans.csv");
            Engine.Run(@"Get-Scan -Provider HostedScan -State Completed -First 20 |
  Select-Object Id, Type, @{ n = 'Targets'; e = { $_.Targets -join ';' } }, @{ n = 'NewRisks'; e = { $_.NewOpenRiskIds.Count } } |
  Export-Csv -Path $args[0] -NoTypeInformation", csv).ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | Get-Scan -Provider HostedScan", csv).ThrowIfFailed();

            // Seeded scans 1 and 6 are the SUCCEEDED ones.
            Assert.Equal(new[] { "GET /v1/scans/000000000000000000000001", "GET /v1/scans/000000000000000000000006" }, Wire("HostedScan"));
            Assert.Equal(new[] { "Completed", "Completed" }, Column(result, "State"));
        }

        [Fact]
        public void ProjectDiscovery_scans_exported_to_csv_and_imported_again_are_read_by_id()
        {
            Sandbox.ProjectDiscovery.SeedScans(2);
            string csv = PathOf("scans.csv");
            Engine.Run("Get-Scan -Provider ProjectDiscovery | Export-Csv -LiteralPath $args[0]", csv).ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | Get-Scan", csv).ThrowIfFailed();

            // The listing is newest first; the TeamId column is empty (the key owner's own workspace), so no team is sent.
            Assert.Equal(new[] { "GET /v1/scans/d1000000000000000002", "GET /v1/scans/d1000000000000000001" }, Wire("ProjectDiscovery"));
            Assert.All(Sandbox.ProjectDiscoveryServer.Requests, r => Assert.Null(r.Header("X-Team-Id")));
            Assert.Equal(new[] { "ProjectDiscovery", "ProjectDiscovery" }, Column(result, "Provider"));
        }

        [Fact]
        public void Invicti_scans_exported_to_csv_and_imported_again_are_relaunched_by_id()
        {
            SeedInvicti();
            string csv = PathOf("scans.csv");
            Engine.Run("Get-Scan -Provider Invicti -State Complete -First 2 | Export-Csv -LiteralPath $args[0]", csv).ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | Start-ScanFromScan", csv).ThrowIfFailed();

            Assert.Equal(new[] { "POST /api/1.0/scans/newfromscan", "POST /api/1.0/scans/newfromscan" }, Wire("Invicti"));
            Assert.Equal(new[] { Quoted(6), Quoted(5) }, Bodies("Invicti"));
            Assert.Equal(2, result.Output.Count);
        }

        // ---- New-ScheduledScanBulk from Import-Csv ----

        [Fact]
        public void Csv_rows_with_an_Id_column_are_scheduled_in_one_request()
        {
            // docs/New-ScheduledScanBulk.md example 2 (a date in the future, as the command requires).
            SeedProbely();
            string csv = Csv("targets.csv", "Id,Name", "3epwuyBoKQKN,Example shop", "5zJkQ8cQn2Pw,Example API", "7MNbRt2yYpXs,Intranet portal");

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | New-ScheduledScanBulk -StartTime '2030-12-10 22:00' -Recurrence Monthly -DayOfWeek Tuesday -WeekIndex Second -TimeZone 'America/New_York' -ScanProfile safe", csv).ThrowIfFailed();

            Assert.Equal(new[] { "GET /scheduledscans/?page=1&length=100", "POST /scheduledscans/bulk/" }, Wire("Probely"));
            Assert.Equal(
                new[] { "{\"targets\":[{\"id\":\"3epwuyBoKQKN\"},{\"id\":\"5zJkQ8cQn2Pw\"},{\"id\":\"7MNbRt2yYpXs\"}],\"scheduledscan\":{\"date_time\":\"2030-12-10T22:00:00-05:00\",\"recurrence\":\"m\",\"timezone\":\"America/New_York\",\"run_on_day_of_week\":true,\"scheduled_day_of_week\":2,\"week_index\":\"second\",\"partial_scan\":false,\"override_target_settings\":false,\"incremental\":false,\"reduced_scope\":false,\"scan_profile\":\"safe\"}}" },
                Bodies("Probely"));
            Assert.Equal(new[] { "3epwuyBoKQKN", "5zJkQ8cQn2Pw", "7MNbRt2yYpXs" }, Column(result, "TargetId"));
        }

        [Fact]
        public void Csv_rows_with_empty_and_repeated_ids_schedule_each_id_once_without_an_error()
        {
            // docs/New-ScheduledScanBulk.md: "blank and repeated ids are dropped". Before the fix, [ValidateNotNullOrEmpty]
            // on -TargetId refused the blank row with a ParameterArgumentValidationError.
            SeedProbely();
            string csv = Csv("targets.csv", "Id,Name", "3epwuyBoKQKN,Example shop", ",Not yet registered", "5zJkQ8cQn2Pw,Example API", "3epwuyBoKQKN,Example shop again");

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | New-ScheduledScanBulk -StartTime '2030-12-01 02:00' -Recurrence Weekly -TimeZone Europe/Lisbon -Verbose", csv);

            Assert.True(result.Errors.Count == 0 && result.Terminating == null, result.Describe());
            Assert.Contains("1 repeated target id will be scheduled once.", result.Verbose);
            Assert.Equal(new[] { "GET /scheduledscans/?page=1&length=100", "POST /scheduledscans/bulk/" }, Wire("Probely"));
            Assert.StartsWith("{\"targets\":[{\"id\":\"3epwuyBoKQKN\"},{\"id\":\"5zJkQ8cQn2Pw\"}],\"scheduledscan\":{\"date_time\":\"2030-12-01T02:00:00+00:00\",\"recurrence\":\"w\",\"timezone\":\"Europe/Lisbon\"", Bodies("Probely").Single());
            Assert.Equal(new[] { "3epwuyBoKQKN", "5zJkQ8cQn2Pw" }, Column(result, "TargetId"));
        }

        [Fact]
        public void Csv_rows_with_only_empty_ids_are_NoScanTargets_before_anything_is_sent()
        {
            string csv = Csv("targets.csv", "TargetId,Name", ",a", " ,b");

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | New-ScheduledScanBulk -StartTime '2030-12-01 02:00' -TimeZone UTC", csv);

            Assert.Equal(("NoScanTargets,ScanPS.Commands.NewScheduledScanBulkCommand", ErrorCategory.InvalidArgument), ErrorOf(result));
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void A_TargetId_column_in_any_letter_case_wins_over_an_Id_column()
        {
            // -TargetId is the parameter's name and Id its alias: PowerShell binds the name first.
            SeedProbely();
            string csv = Csv("targets.csv", "TARGETID,id", "3epwuyBoKQKN,not-this", "5zJkQ8cQn2Pw,nor-this");

            Engine.Run("Import-Csv -LiteralPath $args[0] | New-ScheduledScanBulk -StartTime '2030-12-01 02:00' -TimeZone UTC", csv).ThrowIfFailed();

            Assert.StartsWith("{\"targets\":[{\"id\":\"3epwuyBoKQKN\"},{\"id\":\"5zJkQ8cQn2Pw\"}],", Bodies("Probely").Single());
        }

        [Fact]
        public void Csv_rows_piped_with_WhatIf_and_BatchSize_show_one_line_per_batch_and_send_nothing()
        {
            // docs/New-ScheduledScanBulk.md example 3.
            string csv = Csv("targets.csv", "Id,Name", "3epwuyBoKQKN,Example shop", "5zJkQ8cQn2Pw,Example API", "7MNbRt2yYpXs,Intranet portal");

            Engine.Run("Import-Csv -LiteralPath $args[0] | New-ScheduledScanBulk -StartTime '2030-12-01 02:00' -Recurrence Daily -TimeZone UTC -BatchSize 2 -WhatIf", csv).ThrowIfFailed();

            string on = "\" on target \"Probely (" + Sandbox.BaseUri("Probely") + "/)\".";
            Assert.Equal(
                new[]
                {
                    "What if: Performing the operation \"Schedule scans of 2 targets (3epwuyBoKQKN, 5zJkQ8cQn2Pw): every day from 2030-12-01 02:00 UTC (UTC+00:00) (batch 1 of 2)" + on,
                    "What if: Performing the operation \"Schedule scans of 1 target (7MNbRt2yYpXs): every day from 2030-12-01 02:00 UTC (UTC+00:00) (batch 2 of 2)" + on,
                },
                WhatIfLines());
            Assert.Equal(0, Sandbox.RequestCount);
        }

        // ---- connections ----

        [Fact]
        public void Every_connection_piped_into_Disconnect_ScanProvider_is_removed()
        {
            // docs/Disconnect-ScanProvider.md example 2.
            var result = Engine.Run("Get-ScanProviderConnection | Disconnect-ScanProvider; @(Get-ScanProviderConnection).Count").ThrowIfFailed();

            Assert.Equal(new object[] { 0 }, result.BaseObjects);
            var after = Engine.Run("Get-Scan -Provider HostedScan");
            Assert.Equal(("NoCredentialResolved,ScanPS.Commands.GetScanCommand", ErrorCategory.AuthenticationError), ErrorOf(after));
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void A_connection_made_with_PassThru_piped_into_Disconnect_ScanProvider_is_removed()
        {
            // docs/Disconnect-ScanProvider.md INPUTS: connection objects from Connect-ScanProvider -PassThru.
            var result = Engine.Run("Connect-ScanProvider -Provider HostedScan -Name temp -ApiKey $ScanPSKey -BaseUri $args[0] -SkipValidation -PassThru | Disconnect-ScanProvider; (Get-ScanProviderConnection).Name", Sandbox.BaseUri("HostedScan")).ThrowIfFailed();

            Assert.Equal(new object[] { "HostedScan", "ProjectDiscovery", "Invicti", "Probely" }, result.BaseObjects);
        }

        [Fact]
        public void Objects_with_a_Name_property_piped_into_Get_ScanProviderConnection_bind_Name()
        {
            // docs/Get-ScanProviderConnection.md INPUTS; a name that matches nothing is ConnectionNotFound for that object.
            var result = Engine.Run("'invicti', 'HostedScan', 'nope' | ForEach-Object { [pscustomobject]@{ Name = $_ } } | Get-ScanProviderConnection");

            Assert.Equal(new[] { "Invicti", "HostedScan" }, Column(result, "Name"));
            Assert.Equal(("ConnectionNotFound,ScanPS.Commands.GetScanProviderConnectionCommand", ErrorCategory.ObjectNotFound), ErrorOf(result));
            Assert.Equal("nope", result.Errors.Single().TargetObject);
        }

        [Fact]
        public void Connections_chosen_by_a_name_pattern_are_the_only_ones_removed()
        {
            // docs/Disconnect-ScanProvider.md example 6: pipe Get-ScanProviderConnection -Name <pattern>.
            Engine.Run("Connect-ScanProvider -Provider HostedScan -Name staging-eu -ApiKey $ScanPSKey -BaseUri $args[0] -SkipValidation; Connect-ScanProvider -Provider Probely -Name staging-us -ApiKey $ScanPSKey -BaseUri $args[0] -SkipValidation", Sandbox.BaseUri("HostedScan")).ThrowIfFailed();

            var result = Engine.Run("Get-ScanProviderConnection -Name staging-* | Disconnect-ScanProvider; (Get-ScanProviderConnection).Name").ThrowIfFailed();

            Assert.Equal(new object[] { "HostedScan", "ProjectDiscovery", "Invicti", "Probely" }, result.BaseObjects);
        }

        [Fact]
        public void Connections_filtered_by_Where_Object_are_removed_after_confirmation()
        {
            // docs/Disconnect-ScanProvider.md example 5.
            Engine.Run("Connect-ScanProvider -Provider Invicti -Name onprem -Credential $ScanPSInvicti -BaseUri $args[0] -SkipCertificateCheck -SkipValidation -WarningAction SilentlyContinue", Sandbox.BaseUri("Invicti")).ThrowIfFailed();
            Engine.Host.ChoiceAnswers.Enqueue(0);

            var result = Engine.Run("Get-ScanProviderConnection | Where-Object SkipCertificateCheck | Disconnect-ScanProvider -Confirm; (Get-ScanProviderConnection -Provider Invicti).Name").ThrowIfFailed();

            Assert.Equal(new object[] { "Invicti" }, result.BaseObjects);
            string prompt = Assert.Single(Engine.Host.Prompts);
            Assert.Contains("Performing the operation \"Remove the connection from this session\" on target \"Invicti connection 'onprem' (", prompt);
        }

        [Fact]
        public void A_scan_piped_into_Disconnect_ScanProvider_is_refused_and_no_connection_is_removed()
        {
            Engine.Run("$scan = New-Scan -Provider HostedScan -Type NMAP -Target example.com").ThrowIfFailed();

            var result = Engine.Run("$scan | Disconnect-ScanProvider");

            Assert.Equal(("InputObjectNotBound,ScanPS.Commands.DisconnectScanProviderCommand", ErrorCategory.InvalidArgument), ErrorOf(result));
            Assert.Equal(4, Engine.Run("@(Get-ScanProviderConnection).Count").ThrowIfFailed().BaseObjects.Cast<int>().Single());
        }

        // ---- parameter sets chosen with -Provider, and what is missing ----

        [Theory]
        [InlineData("Get-Scan -Provider Invicti -State Complete", "Invicti", "GET /api/1.0/scans/listbystate?scanTaskState=Complete&page=1&pageSize=200")]
        [InlineData("Get-Scan -Provider ProjectDiscovery -State failed", "ProjectDiscovery", "GET /v1/scans?offset=0&limit=100&status=failed")]
        [InlineData("Get-Scan -Provider HostedScan -State Completed", "HostedScan", "GET /v1/scans?filters=%7B%22state%22%3A%5B%22SUCCEEDED%22%5D%7D")]
        [InlineData("Get-Scan -Provider ProjectDiscovery -Id d1000000000000000001 -TeamId team-blue", "ProjectDiscovery", "GET /v1/scans/d1000000000000000001")]
        public void A_parameter_shared_by_several_sets_lands_in_the_set_of_the_named_provider(string command, string provider, string expected)
        {
            // -State is in three listing sets and PowerShell alone picks the default (HostedScan) set.
            var result = Engine.Run(command);

            Assert.True(result.Terminating == null, result.Describe());
            Assert.Equal(new[] { expected }, Wire(provider));
            Assert.Equal(1, Sandbox.RequestCount);
        }

        [Fact]
        public void TeamId_with_Id_is_sent_as_the_team_header()
        {
            Sandbox.ProjectDiscovery.SeedScans(1, "team-blue");

            var result = Engine.Run("Get-Scan -Provider ProjectDiscovery -Id d1000000000000000001 -TeamId team-blue").ThrowIfFailed();

            Assert.Equal("team-blue", Sandbox.ProjectDiscoveryServer.Requests.Single().Header("X-Team-Id"));
            Assert.Equal("d1000000000000000001", Text(result.Output.Single(), "Id"));
        }

        [Theory]
        [InlineData("Get-Scan -Provider ProjectDiscovery -Type NMAP", "GetScanCommand")]
        [InlineData("Get-Scan -Provider HostedScan -TeamId team-blue", "GetScanCommand")]
        [InlineData("Get-Scan -Provider HostedScan -Id 000000000000000000000001 -TeamId team-blue", "GetScanCommand")]
        [InlineData("Get-Scan -Provider Invicti -Search nightly", "GetScanCommand")]
        [InlineData("New-Scan -Provider ProjectDiscovery -Type NMAP -Target example.com", "NewScanCommand")]
        [InlineData("New-Scan -Provider HostedScan -Target example.com -Name nightly", "NewScanCommand")]
        public void A_parameter_of_another_provider_is_ParameterNotValidForProvider_before_any_request(string command, string cmdlet)
        {
            var result = Engine.Run(command);

            Assert.Equal(("ParameterNotValidForProvider,ScanPS.Commands." + cmdlet, ErrorCategory.InvalidArgument), ErrorOf(result));
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Theory]
        [InlineData("New-Scan -Provider HostedScan -Type NMAP -Target example.com -Template http/cves/", "NewScanCommand")]
        // -Id without -Provider fits ById and ProjectDiscoveryById, and neither is the default set.
        [InlineData("Get-Scan -Id 000000000000000000000001", "GetScanCommand")]
        public void Parameters_PowerShell_cannot_place_in_one_set_are_AmbiguousParameterSet(string command, string cmdlet)
        {
            var result = Engine.Run(command);

            Assert.Equal(("AmbiguousParameterSet,ScanPS.Commands." + cmdlet, ErrorCategory.InvalidArgument), ErrorOf(result));
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void New_Scan_for_HostedScan_without_Type_is_MissingProviderParameter_also_with_piped_rows()
        {
            string csv = Csv("hosts.csv", "Target", "example.com");

            var direct = Engine.Run("New-Scan -Provider HostedScan -Target example.com");
            var piped = Engine.Run("Import-Csv -LiteralPath $args[0] | New-Scan -Provider HostedScan", csv);

            Assert.Equal(("MissingProviderParameter,ScanPS.Commands.NewScanCommand", ErrorCategory.InvalidArgument), ErrorOf(direct));
            Assert.Equal(("MissingProviderParameter,ScanPS.Commands.NewScanCommand", ErrorCategory.InvalidArgument), ErrorOf(piped));
            Assert.Equal("New-Scan -Provider HostedScan needs -Type.", direct.SingleError().ErrorDetails.Message);
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Theory]
        [InlineData("Get-Scan", "GetScanCommand", "Provider")]
        [InlineData("New-Scan -Target example.com", "NewScanCommand", "Provider")]
        [InlineData("Start-ScanFromScan", "StartScanFromScanCommand", "Id")]
        [InlineData("New-ScheduledScanBulk -TargetId 3epwuyBoKQKN", "NewScheduledScanBulkCommand", "StartTime")]
        [InlineData("Disconnect-ScanProvider", "DisconnectScanProviderCommand", "Name")]
        public void A_missing_mandatory_parameter_is_asked_for_and_without_an_answer_nothing_is_sent(string command, string cmdlet, string missing)
        {
            // The test host answers no parameter prompt, as a non-interactive session would not.
            var result = Engine.Run(command);

            Assert.Equal(("MissingMandatoryParameter,ScanPS.Commands." + cmdlet, ErrorCategory.InvalidArgument), ErrorOf(result));
            Assert.EndsWith("missing mandatory parameters: " + missing + ".", result.SingleError().Exception.Message);
            Assert.Single(Engine.Host.Prompts);
            Assert.Equal(0, Sandbox.RequestCount);
            Assert.Equal(4, Engine.Run("@(Get-ScanProviderConnection).Count").ThrowIfFailed().BaseObjects.Cast<int>().Single());
        }

        private static string InvictiId(int n) => "5ca70000-0000-4000-8000-" + n.ToString("x12", System.Globalization.CultureInfo.InvariantCulture);

        private static string Quoted(int n) => "\"" + InvictiId(n) + "\"";

        private void SeedInvicti()
        {
            // Scans 1..6 cycle over the three websites; 1, 3, 5 and 6 are Complete: 1 www, 3 api.staging, 5 staging, 6 api.staging.
            Sandbox.Invicti.AddWebsite("https://www.example.com/", "Example");
            Sandbox.Invicti.AddWebsite("https://staging.example.com/", "Example staging");
            Sandbox.Invicti.AddWebsite("https://api.staging.example.com/", "Example API staging");
            Sandbox.Invicti.SeedScans(6);
        }

        private void SeedProbely()
        {
            Sandbox.Probely.AddTarget("3epwuyBoKQKN", "Example shop", "https://shop.example.com/");
            Sandbox.Probely.AddTarget("5zJkQ8cQn2Pw", "Example API", "https://api.example.com/");
            Sandbox.Probely.AddTarget("7MNbRt2yYpXs", "Intranet portal", "https://portal.example.org/");
        }
    }
}
