using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Threading.Tasks;
using ScanPS.FakeVendors;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Issue 17 item 8: New-ScheduledScanBulk takes Probely target ids only (another provider's piped object is
    /// ProviderMismatch before anything is sent; plain CSV rows still bind), and re-running the same CSV warns about
    /// the schedules each target already has with the same time and recurrence (GET /scheduledscans/) but still creates them.
    /// </summary>
    public sealed class ProbelyInputTests : IClassFixture<ProbelyInputTests.Fixture>
    {
        private const string ErrorIdSuffix = ",ScanPS.Commands.NewScheduledScanBulkCommand";
        private const string Start = "2031-03-04 02:00";

        private readonly Fixture _fixture;

        public ProbelyInputTests(Fixture fixture) => _fixture = fixture;

        private Sandbox Sandbox => _fixture.Sandbox;

        private FakeVendorServer Probely => Sandbox.ProbelyServer;

        [Theory]
        [InlineData("HostedScan", "")]
        [InlineData("Invicti", "")]
        [InlineData("HostedScan", "-WhatIf")]
        public void Another_providers_scan_is_ProviderMismatch_and_nothing_is_sent(string provider, string whatIf)
        {
            using var engine = Sandbox.Connect(new Engine());
            var scan = engine.Run("Get-Scan -Provider " + provider + " -First 1").ThrowIfFailed().Output.Single();
            string id = (string)scan.Properties["Id"].Value;
            int before = Probely.Requests.Count;

            // A Probely row first: its id is collected, then the other provider's object stops the command.
            var result = engine.Run("@([pscustomobject]@{ Id = 'pT1target0001' }, $args[0]) | New-ScheduledScanBulk -StartTime $args[1] -Recurrence Weekly -TimeZone UTC " + whatIf, scan, Start);

            var error = result.SingleError();
            Assert.Equal("ProviderMismatch" + ErrorIdSuffix, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("New-ScheduledScanBulk schedules Probely targets, but the pipeline gave a " + provider + " object (Id " + id + "), whose Id is not a Probely target id. Nothing was sent.",
                error.ErrorDetails?.Message ?? error.Exception.Message);
            Assert.Equal(id, error.TargetObject);
            Assert.Empty(result.Output);
            Assert.DoesNotContain("What if:", engine.Host.Console);
            Assert.Equal(before, Probely.Requests.Count);
        }

        [Theory]
        [InlineData("Id\npT1target0002\npT1target0003")]
        [InlineData("TargetId,Name\npT1target0002,shop\npT1target0003,api")]
        [InlineData("Provider,Id\nProbely,pT1target0002\nprobely,pT1target0003")]
        [InlineData("Provider,Id\n,pT1target0002\n,pT1target0003")]
        public void Csv_rows_with_an_id_column_still_bind(string csv)
        {
            using var engine = Sandbox.Connect(new Engine(), "Probely");
            int before = Probely.Requests.Count;

            var result = engine.Run("$args[0] | ConvertFrom-Csv | New-ScheduledScanBulk -StartTime $args[1] -Recurrence Daily -TimeZone UTC -WhatIf", csv, Start).ThrowIfFailed();

            Assert.Empty(result.Output);
            Assert.Contains("What if: Performing the operation \"Schedule scans of 2 targets (pT1target0002, pT1target0003): every day from 2031-03-04 02:00 UTC (UTC+00:00)\"", engine.Host.Console);
            Assert.Equal(before, Probely.Requests.Count);
        }

        [Fact]
        public void Running_the_same_csv_again_warns_per_target_with_the_existing_schedule_and_still_schedules()
        {
            using var engine = Sandbox.Connect(new Engine(), "Probely");
            const string Csv = "Id\npT2target0001\npT2target0002";
            const string Script = "$args[0] | ConvertFrom-Csv | New-ScheduledScanBulk -StartTime $args[1] -Recurrence Weekly -TimeZone Europe/Lisbon";
            int before = Probely.Requests.Count;

            var first = engine.Run(Script, Csv, Start).ThrowIfFailed();
            var firstIds = first.Output.Select(o => (string)o.Properties["Id"].Value).ToList();
            Assert.Equal(2, firstIds.Count);
            Assert.Empty(first.Warnings);

            var second = engine.Run(Script, Csv, Start).ThrowIfFailed();

            Assert.Equal(new[] { "pT2target0001", "pT2target0002" }, second.Output.Select(o => (string)o.Properties["TargetId"].Value));
            Assert.Equal(
                new[]
                {
                    "Target pT2target0001 (Shop 6) already has scheduled scan " + firstIds[0] + " with the same start and recurrence (every week, next run 2031-03-04 02:00 +00:00 Europe/Lisbon); another one is created.",
                    "Target pT2target0002 (Shop 7) already has scheduled scan " + firstIds[1] + " with the same start and recurrence (every week, next run 2031-03-04 02:00 +00:00 Europe/Lisbon); another one is created.",
                },
                second.Warnings);
            var requests = Probely.Requests.Skip(before).Select(r => r.Method + " " + r.Path + r.RawQuery).ToList();
            string list = "GET /scheduledscans/?page=1&length=100";
            Assert.Equal(new[] { list, "POST /scheduledscans/bulk/", list, "POST /scheduledscans/bulk/" }, requests);
            Assert.Equal(4, Sandbox.Probely.ScheduledScans.Count(s => ((string?)s["target"]!["id"])!.StartsWith("pT2", System.StringComparison.Ordinal)));
        }

        [Fact]
        public void Only_the_same_start_and_recurrence_is_a_repeat_and_every_page_of_schedules_is_read()
        {
            using var engine = Sandbox.Connect(new Engine(), "Probely");
            const string Script = "New-ScheduledScanBulk -TargetId $args[0] -StartTime $args[1] -Recurrence $args[2] -TimeZone UTC";
            engine.Run(Script, new[] { "pT3target0001", "pT3target0002" }, Start, "Weekly").ThrowIfFailed();
            string existing = (string)Sandbox.Probely.ScheduledScans.Single(s => (string?)s["target"]!["id"] == "pT3target0002")["id"]!;
            Sandbox.Probely.MaxPageLength = 1;
            try
            {
                int count = Sandbox.Probely.ScheduledScans.Count;
                int before = Probely.Requests.Count;

                var otherTime = engine.Run(Script, "pT3target0001", "2031-03-04 03:00", "Weekly").ThrowIfFailed();
                var otherRecurrence = engine.Run(Script, "pT3target0001", Start, "Daily").ThrowIfFailed();
                var same = engine.Run(Script, "pT3target0002", Start, "Weekly").ThrowIfFailed();

                Assert.Empty(otherTime.Warnings);
                Assert.Empty(otherRecurrence.Warnings);
                var warning = Assert.Single(same.Warnings);
                Assert.Equal("Target pT3target0002 (Shop 12) already has scheduled scan " + existing + " with the same start and recurrence (every week, next run 2031-03-04 02:00 +00:00 UTC); another one is created.", warning);
                Assert.Single(same.Output);

                // One page per scheduled scan (length clamped to 1), then the create, for each run.
                var gets = Probely.Requests.Skip(before).Where(r => r.Method == "GET").Select(r => r.QueryValue("page")).ToList();
                var expectedPages = Enumerable.Range(1, count).Concat(Enumerable.Range(1, count + 1)).Concat(Enumerable.Range(1, count + 2)).Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(expectedPages, gets);
                Assert.Equal(3, Probely.Requests.Skip(before).Count(r => r.Method == "POST"));
            }
            finally
            {
                Sandbox.Probely.MaxPageLength = 100;
            }
        }

        [Theory]
        [InlineData(404, "{\"detail\":\"Not found.\"}", "ResourceNotFound: Probely answered 404 Not Found to GET /scheduledscans/: Not found.")]
        // A key that may schedule but not list (a role without read access) still schedules: the read is only a check.
        [InlineData(403, "{\"detail\":\"You do not have permission to perform this action.\"}", "PermissionDenied: Probely answered 403 Forbidden to GET /scheduledscans/: You do not have permission to perform this action.")]
        public void A_listing_that_fails_is_a_warning_and_the_schedules_are_still_created(int status, string body, string reason)
        {
            using var engine = Sandbox.Connect(new Engine(), "Probely");
            Probely.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/scheduledscans/", Kind = FaultKind.Status, StatusCode = status, Body = body });
            int before = Probely.Requests.Count;

            var result = engine.Run("New-ScheduledScanBulk -TargetId pT4target0001 -StartTime $args[0] -Recurrence Weekly -TimeZone UTC", Start);

            Probely.Faults.Clear();
            Assert.True(result.Errors.Count == 0 && result.Terminating == null, result.Describe());
            Assert.Equal("pT4target0001", Assert.Single(result.Output).Properties["TargetId"].Value);
            var warning = Assert.Single(result.Warnings);
            Assert.Equal("Could not check the targets' existing scheduled scans (" + reason + "); they are scheduled without that check.", warning);
            Assert.Equal(new[] { "GET /scheduledscans/", "POST /scheduledscans/bulk/" }, Probely.Requests.Skip(before).Select(r => r.Method + " " + r.Path));
        }

        public sealed class Fixture : IAsyncLifetime
        {
            public Sandbox Sandbox { get; private set; } = null!;

            public async Task InitializeAsync()
            {
                Sandbox = await Sandbox.StartAsync();
                Sandbox.HostedScan.SeedScans(2);
                Sandbox.Invicti.SeedScans(2);
                int n = 0;
                foreach (string prefix in new[] { "pT1", "pT2", "pT3", "pT4" })
                {
                    for (int i = 1; i <= 5; i++)
                    {
                        n++;
                        Sandbox.Probely.AddTarget(prefix + "target000" + i, "Shop " + n, "https://shop" + n + ".example.com/");
                    }
                }
            }

            public async Task DisposeAsync() => await Sandbox.DisposeAsync();
        }
    }
}
