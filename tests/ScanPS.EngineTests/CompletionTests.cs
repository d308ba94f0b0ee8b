using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Tab completion as PowerShell's TabExpansion2 does it on a typed line: the ArgumentCompleters of
    /// src/ScanPS/Completers and the [ValidateSet] parameters, with the exact completion texts (quoted where needed).
    /// </summary>
    public sealed class CompletionTests : IAsyncLifetime
    {
        // Scan ids from this class's fakes start at a number of their own: the -Id completer sees every scan ScanPS
        // wrote in this process, and other test classes run fakes whose counters start at 1.
        private static readonly long IdBase = 0x7c0000000000L + (Random.Shared.NextInt64(0x10000) << 16);

        private Sandbox _sandbox = null!;

        public async Task InitializeAsync()
        {
            _sandbox = await Sandbox.StartAsync();
            _sandbox.HostedScan.StartScanIdsAfter(IdBase);
            _sandbox.Invicti.StartScanIdsAfter(IdBase);
        }

        public async Task DisposeAsync() => await _sandbox.DisposeAsync();

        private static string[] Complete(Engine engine, string line)
        {
            var result = engine.Run(
                "(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object CompletionText", line).ThrowIfFailed();
            return result.Output.Select(o => (string)o.BaseObject).ToArray();
        }

        [Theory]
        [InlineData("Get-Scan -Provider HostedScan -State ", "Queued,Running,Completed,Failed,SUCCEEDED,OVER_LIMIT")]
        [InlineData("Get-Scan -Provider HostedScan -State r", "Running")]
        [InlineData("Get-Scan -Provider Invicti -State ", "Queued,Running,Completed,Failed,Cancelled,Paused,Scanning,Archiving,Complete,Delayed,Pausing,Resuming,AsyncArchiving")]
        [InlineData("Get-Scan -Provider Invicti -State Pa", "Paused,Pausing")]
        [InlineData("Get-Scan Invicti -State Comp", "Completed,Complete")]
        [InlineData("Get-Scan -Provider ProjectDiscovery -State ", "Queued,Running,Completed,Failed,Cancelled,starting,finished,uploaded,scheduled,stopped")]
        [InlineData("Get-Scan -Provider ProjectDiscovery -State Running, F", "Failed,finished")]
        public void State_completes_the_names_of_the_typed_provider_once_each(string line, string expected)
        {
            // Names that differ only in case mean the same filter (-State is not case-sensitive), so each is offered once.
            using var engine = new Engine();
            Assert.Equal(expected.Split(','), Complete(engine, line));
        }

        [Theory]
        [InlineData("Get-Scan -Provider ", "HostedScan,Invicti,Probely,ProjectDiscovery")]
        [InlineData("New-Scan -Provider ", "HostedScan,Invicti,Probely,ProjectDiscovery")]
        [InlineData("Start-ScanFromScan -Provider ", "HostedScan,Invicti,Probely,ProjectDiscovery")]
        [InlineData("Connect-ScanProvider -Provider P", "Probely,ProjectDiscovery")]
        [InlineData("Get-ScanProviderConnection -Provider ", "HostedScan,Invicti,Probely,ProjectDiscovery")]
        [InlineData("Disconnect-ScanProvider -Provider i", "Invicti")]
        [InlineData("Connect-ScanProvider -Provider Probely -Region ", "AU,Default,EU,US")]
        [InlineData("Get-Scan -Provider HostedScan -Type OW", "OWASP_ZAP,OWASP_ZAP_ACTIVE")]
        [InlineData("New-Scan -Provider HostedScan -Type OW", "OWASP_ZAP")]
        [InlineData("New-Scan -Provider ProjectDiscovery -AgentBehavior ", "distribute,mirror")]
        public void ValidateSet_parameters_complete_their_values(string line, string expected)
        {
            // PowerShell offers [ValidateSet] values sorted.
            using var engine = new Engine();
            Assert.Equal(expected.Split(','), Complete(engine, line));
        }

        [Theory]
        [InlineData("New-ScheduledScanBulk -TimeZone Europe/L", "Europe/Lisbon,Europe/Ljubljana,Europe/London,Europe/Luxembourg")]
        [InlineData("New-ScheduledScanBulk -TimeZone america/new", "America/New_York")]
        [InlineData("New-ScheduledScanBulk -TimeZone 'Asia/Kol", "Asia/Kolkata")]
        [InlineData("New-ScheduledScanBulk -TimeZone Etc/GMT+1", "Etc/GMT+1,Etc/GMT+10,Etc/GMT+11,Etc/GMT+12")]
        [InlineData("New-ScheduledScanBulk -ScanProfile ", "lightning,safe,normal,full,api_normal")]
        [InlineData("New-ScheduledScanBulk -ScanProfile N", "normal")]
        public void TimeZone_and_ScanProfile_complete_known_names(string line, string expected)
        {
            using var engine = new Engine();
            Assert.Equal(expected.Split(','), Complete(engine, line));
        }

        [Fact]
        public void Connection_and_Name_complete_the_session_connections_quoted_where_needed()
        {
            using var engine = _sandbox.Connect(new Engine(), "HostedScan", "ProjectDiscovery");
            engine.Run(@"
Connect-ScanProvider -Provider HostedScan -Name 'my lab' -ApiKey $ScanPSKey -SkipValidation
Connect-ScanProvider -Provider Invicti -Name ""bob's"" -Credential $ScanPSInvicti -SkipValidation
Connect-ScanProvider -Provider Invicti -Name 'team(eu)' -Credential $ScanPSInvicti -SkipValidation
Connect-ScanProvider -Provider Invicti -Name '-old' -Credential $ScanPSInvicti -SkipValidation
Connect-ScanProvider -Provider Invicti -Name 'eu-west' -Credential $ScanPSInvicti -SkipValidation").ThrowIfFailed();

            Assert.Equal(new[] { "HostedScan", "ProjectDiscovery", "'my lab'", "'bob''s'", "'team(eu)'", "'-old'", "eu-west" }, Complete(engine, "Get-ScanProviderConnection -Name "));
            Assert.Equal(new[] { "HostedScan", "'my lab'" }, Complete(engine, "Get-Scan -Provider HostedScan -Connection "));
            Assert.Equal(new[] { "'my lab'" }, Complete(engine, "Disconnect-ScanProvider -Name 'my"));
            Assert.Equal(new[] { "'bob''s'" }, Complete(engine, "Start-ScanFromScan -Id x -Connection b"));
            Assert.Equal(new[] { "ProjectDiscovery" }, Complete(engine, "New-Scan -Provider ProjectDiscovery -Target a -Connection "));

            // Each completion is a value the command takes back as it is.
            var result = engine.Run("Get-ScanProviderConnection -Name 'bob''s', 'team(eu)', '-old', eu-west | ForEach-Object Name").ThrowIfFailed();
            Assert.Equal(new object[] { "bob's", "team(eu)", "-old", "eu-west" }, result.BaseObjects);
        }

        [Fact]
        public void Id_completes_the_scans_of_a_command_that_a_downstream_Select_Object_First_stopped()
        {
            // The scans a command writes are remembered when it ends, also when the pipeline stops it early.
            using var engine = _sandbox.Connect(new Engine(), "Invicti");
            string[] made = { _sandbox.Invicti.AddScan("Complete"), _sandbox.Invicti.AddScan("Complete"), _sandbox.Invicti.AddScan("Complete") };
            string prefix = made[0].Substring(0, 24);

            var written = engine.Run("(Get-Scan -Provider Invicti -Id $args[0], $args[1], $args[2] | Select-Object -First 2).Id", made[0], made[1], made[2]).ThrowIfFailed();

            Assert.Equal(new[] { made[0], made[1] }, written.Output.Select(o => (string)o.BaseObject));
            var offered = Complete(engine, "Get-Scan -Provider Invicti -Id " + prefix);
            Assert.Equal(new[] { made[1], made[0] }, offered.Where(made.Contains));
        }

        [Fact]
        public void Id_completes_the_scans_seen_in_this_process_newest_first_of_the_typed_provider()
        {
            using var engine = _sandbox.Connect(new Engine(), "HostedScan", "Invicti");
            string hostedPrefix = IdBase.ToString("x24").Substring(0, 20);
            string invictiPrefix = "5ca70000-0000-4000-8000-" + IdBase.ToString("x12").Substring(0, 8);
            string firstInvicti = _sandbox.Invicti.AddScan("Complete");
            string secondInvicti = _sandbox.Invicti.AddScan("Failed");
            var made = engine.Run(@"
(New-Scan -Provider HostedScan -Type NMAP -Target a.example.com).Id
(New-Scan -Provider HostedScan -Type NMAP -Target b.example.com).Id
(Get-Scan -Provider Invicti -Id $args[0], $args[1]).Id", firstInvicti, secondInvicti).ThrowIfFailed();
            var ids = made.Output.Select(o => (string)o.BaseObject).ToArray();
            Assert.Equal(new[] { (IdBase + 1).ToString("x24"), (IdBase + 2).ToString("x24"), firstInvicti, secondInvicti }, ids);

            Assert.Equal(new[] { ids[1], ids[0] }, Complete(engine, "Get-Scan -Provider HostedScan -Id " + hostedPrefix));
            Assert.Equal(new[] { ids[1] }, Complete(engine, "Get-Scan -Provider HostedScan -Id " + ids[1]));
            Assert.Equal(new[] { ids[3], ids[2] }, Complete(engine, "Get-Scan -Provider Invicti -Id " + invictiPrefix));

            // Without -Provider, Start-ScanFromScan relaunches on Invicti (its default -Provider): no HostedScan ids.
            Assert.Equal(new[] { ids[3], ids[2] }, Complete(engine, "Start-ScanFromScan -Id " + invictiPrefix));
            Assert.Empty(Complete(engine, "Start-ScanFromScan -Id " + hostedPrefix));

            // The ids are remembered per process, so another runspace completes them too.
            using var other = new Engine();
            Assert.Equal(new[] { ids[1], ids[0] }, Complete(other, "Get-Scan -Provider HostedScan -Id " + hostedPrefix));
        }
    }
}
