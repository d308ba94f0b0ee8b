using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Get-Scan's -First, -Skip and -IncludeTotalCount as a script sees them, for each listing provider: which
    /// scans come out, the total-count object PowerShell writes first, and how many pages were requested.
    /// </summary>
    public sealed class ListingPagingTests : PipelineTest
    {
        // What a script sees of the total-count object: its text, its Accuracy and the number it wraps, then the scans' ids.
        private const string Describe = @"
$out = @(Invoke-Expression $args[0])
if ($out.Count -gt 0 -and $out[0] -is [uint64]) { 'total'; $out[0].ToString(); $out[0].Accuracy; [uint64]$out[0]; $out = @($out | Select-Object -Skip 1) }
'scans'; $out.Count; $out | ForEach-Object Id";

        // ---- HostedScan: cursor paging (next_page_token), no total ----

        [Fact]
        public void HostedScan_without_paging_parameters_follows_every_page_token()
        {
            var ids = SeedHostedScan(12);

            var result = Engine.Run("Get-Scan -Provider HostedScan").ThrowIfFailed();

            Assert.Equal(ids, Column(result, "Id"));
            var wire = Wire("HostedScan");
            Assert.Equal(3, wire.Count);
            Assert.Equal("GET /v1/scans", wire[0]);
            Assert.All(wire.Skip(1), line => Assert.Matches("^GET /v1/scans\\?page_token=[0-9a-f]{32}$", line));
            Assert.NotEqual(wire[1], wire[2]);
        }

        [Fact]
        public void HostedScan_page_tokens_are_sent_with_the_same_filters()
        {
            // A token is valid only with the filters it was issued for; every sixth seeded scan is NMAP.
            SeedHostedScan(60);

            var result = Engine.Run("Get-Scan -Provider HostedScan -Type NMAP").ThrowIfFailed();

            Assert.Equal(10, result.Output.Count);
            Assert.All(result.Output, scan => Assert.Equal("NMAP", Text(scan, "Type")));
            var wire = Wire("HostedScan");
            Assert.Equal(2, wire.Count);
            Assert.Equal("GET /v1/scans?filters=%7B%22type%22%3A%5B%22NMAP%22%5D%7D", wire[0]);
            Assert.Matches("^GET /v1/scans\\?filters=%7B%22type%22%3A%5B%22NMAP%22%5D%7D&page_token=[0-9a-f]{32}$", wire[1]);
        }

        [Fact]
        public void The_first_scan_reaches_the_pipeline_before_the_second_page_is_requested()
        {
            SeedHostedScan(12);
            Engine.Set("requestsSoFar", (System.Func<int>)(() => Sandbox.HostedScanServer.Requests.Count));

            var result = Engine.Run("Get-Scan -Provider HostedScan | ForEach-Object -Begin { $atFirst = $null; $n = 0 } -Process { if ($n++ -eq 0) { $atFirst = $requestsSoFar.Invoke() } } -End { $atFirst; $n }").ThrowIfFailed();

            Assert.Equal(new object[] { 1, 12 }, result.BaseObjects);
            Assert.Equal(3, Wire("HostedScan").Count);
        }

        [Theory]
        [InlineData("-First 5", 0, 5, 1)]
        [InlineData("-First 7", 0, 7, 2)]
        [InlineData("-Skip 3 -First 4", 3, 4, 2)]
        [InlineData("-Skip 10", 10, 2, 3)]
        [InlineData("-Skip 12", 12, 0, 3)]
        public void HostedScan_First_and_Skip_take_the_right_scans_and_stop_fetching_pages(string paging, int skip, int count, int requests)
        {
            var ids = SeedHostedScan(12);

            var result = Engine.Run("Get-Scan -Provider HostedScan " + paging).ThrowIfFailed();

            Assert.Equal(ids.Skip(skip).Take(count), Column(result, "Id"));
            Assert.Equal(requests, Wire("HostedScan").Count);
        }

        [Fact]
        public void HostedScan_First_0_sends_nothing()
        {
            SeedHostedScan(12);

            var result = Engine.Run("Get-Scan -Provider HostedScan -First 0").ThrowIfFailed();

            Assert.Empty(result.Output);
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void HostedScan_IncludeTotalCount_writes_Unknown_total_count_first()
        {
            var ids = SeedHostedScan(12);

            var result = Engine.Run(Describe, "Get-Scan -Provider HostedScan -IncludeTotalCount -First 2").ThrowIfFailed();

            Assert.Equal(Expect(total: ("Unknown total count", 0.0, 0UL), ids.Take(2)), Strings(result));
            Assert.Single(Wire("HostedScan"));
        }

        [Fact]
        public void Select_Object_First_downstream_stops_the_listing_after_the_first_page()
        {
            var ids = SeedHostedScan(12);

            var result = Engine.Run("Get-Scan -Provider HostedScan | Select-Object -First 3").ThrowIfFailed();

            Assert.Equal(ids.Take(3), Column(result, "Id"));
            Assert.Equal(new[] { "GET /v1/scans" }, Wire("HostedScan"));
        }

        [Fact]
        public void Paging_parameters_are_ignored_with_Id()
        {
            // docs/Get-Scan.md: -First, -Skip and -IncludeTotalCount apply to listing; ignored with -Id.
            var ids = SeedHostedScan(3);

            var result = Engine.Run("Get-Scan -Provider HostedScan -Id $args[0], $args[1] -First 1 -Skip 1 -IncludeTotalCount", ids[0], ids[2]).ThrowIfFailed();

            Assert.Equal(new[] { ids[0], ids[2] }, Column(result, "Id"));
            Assert.Equal(new[] { "GET /v1/scans/" + ids[0], "GET /v1/scans/" + ids[2] }, Wire("HostedScan"));
        }

        // ---- ProjectDiscovery: offset/limit paging, total_results ----

        [Theory]
        [InlineData("-First 5", 0, 5, new[] { 0 })]
        [InlineData("-First 7", 0, 7, new[] { 0, 5 })]
        [InlineData("-Skip 9 -First 2", 9, 2, new[] { 0, 5, 10 })]
        public void ProjectDiscovery_First_and_Skip_request_only_the_pages_needed(string paging, int skip, int count, int[] offsets)
        {
            var ids = SeedProjectDiscovery(12);

            var result = Engine.Run("Get-Scan -Provider ProjectDiscovery " + paging).ThrowIfFailed();

            Assert.Equal(ids.Skip(skip).Take(count), Column(result, "Id"));
            Assert.Equal(offsets.Select(o => "GET /v1/scans?offset=" + o + "&limit=100"), Wire("ProjectDiscovery"));
        }

        [Fact]
        public void ProjectDiscovery_IncludeTotalCount_writes_the_exact_total_from_the_first_page()
        {
            // docs/Get-Scan.md example 8: "Total count: 12" from total_results.
            var ids = SeedProjectDiscovery(12);

            var result = Engine.Run(Describe, "Get-Scan -Provider ProjectDiscovery -IncludeTotalCount -First 1").ThrowIfFailed();

            Assert.Equal(Expect(total: ("Total count: 12", 1.0, 12UL), ids.Take(1)), Strings(result));
            Assert.Equal(new[] { "GET /v1/scans?offset=0&limit=100" }, Wire("ProjectDiscovery"));
        }

        [Fact]
        public void ProjectDiscovery_IncludeTotalCount_with_Skip_counts_the_whole_listing()
        {
            var ids = SeedProjectDiscovery(12);

            var result = Engine.Run(Describe, "Get-Scan -Provider ProjectDiscovery -IncludeTotalCount -Skip 10").ThrowIfFailed();

            Assert.Equal(Expect(total: ("Total count: 12", 1.0, 12UL), ids.Skip(10)), Strings(result));
            Assert.Equal(3, Wire("ProjectDiscovery").Count);
        }

        [Fact]
        public void ProjectDiscovery_IncludeTotalCount_of_a_state_with_two_statuses_is_unknown()
        {
            // Running is starting and running: two listings, no single total. Seeded statuses cycle queued, starting, running, ...
            SeedProjectDiscovery(12);

            var result = Engine.Run(Describe, "Get-Scan -Provider ProjectDiscovery -State Running -IncludeTotalCount").ThrowIfFailed();

            var lines = Strings(result);
            Assert.Equal(new[] { "total", "Unknown total count", "0", "0", "scans", "4" }, lines.Take(6));
            Assert.Equal(new[] { "GET /v1/scans?offset=0&limit=100&status=starting", "GET /v1/scans?offset=0&limit=100&status=running" }, Wire("ProjectDiscovery"));
        }

        [Fact]
        public void ProjectDiscovery_IncludeTotalCount_of_one_status_is_exact()
        {
            // failed: seeded scans 5 and 12.
            SeedProjectDiscovery(12);

            var result = Engine.Run(Describe, "Get-Scan -Provider ProjectDiscovery -State failed -IncludeTotalCount -First 1").ThrowIfFailed();

            Assert.Equal(Expect(total: ("Total count: 2", 1.0, 2UL), new[] { PdId(12) }), Strings(result));
            Assert.Equal(new[] { "GET /v1/scans?offset=0&limit=100&status=failed" }, Wire("ProjectDiscovery"));
        }

        [Theory]
        [InlineData(2, new[] { 11, 4 }, new[] { "finished" })]
        [InlineData(3, new[] { 11, 4, 6 }, new[] { "finished", "uploaded" })]
        public void ProjectDiscovery_First_across_the_statuses_of_one_state_lists_the_next_status_only_when_needed(int first, int[] scans, string[] statuses)
        {
            // README: Get-Scan -Provider ProjectDiscovery -State Completed -First 5. Completed is finished (scans 4, 11), then uploaded (6).
            SeedProjectDiscovery(12);

            var result = Engine.Run("Get-Scan -Provider ProjectDiscovery -State Completed -First " + first).ThrowIfFailed();

            Assert.Equal(scans.Select(PdId), Column(result, "Id"));
            Assert.Equal(statuses.Select(s => "GET /v1/scans?offset=0&limit=100&status=" + s), Wire("ProjectDiscovery"));
        }

        // ---- Invicti: page/pageSize=200, TotalItemCount ----

        [Fact]
        public void Invicti_First_with_a_state_of_several_Invicti_states_stops_once_enough_were_written()
        {
            // docs/Get-Scan.md example 7: Running is Scanning (scans 24, 2), Archiving (26, 4), AsyncArchiving, Resuming.
            var ids = SeedInvicti(30);

            var result = Engine.Run("Get-Scan -Provider Invicti -State Running -First 3").ThrowIfFailed();

            Assert.Equal(new[] { 24, 2, 26 }.Select(n => ids[30 - n]), Column(result, "Id"));
            Assert.Equal(new[] { "Scanning", "Scanning", "Archiving" }, Column(result, "VendorState"));
            Assert.Equal(new[] { "Scanning", "Archiving" }.Select(s => "GET /api/1.0/scans/listbystate?scanTaskState=" + s + "&page=1&pageSize=200"), Wire("Invicti"));
        }

        [Fact]
        public void Invicti_First_stops_after_the_page_that_holds_the_last_scan_wanted()
        {
            var ids = SeedInvicti(450);

            var first200 = Engine.Run("Get-Scan -Provider Invicti -First 200").ThrowIfFailed();
            var wire200 = Wire("Invicti");
            ForgetRequests();
            var first201 = Engine.Run("Get-Scan -Provider Invicti -First 201 -Skip 0").ThrowIfFailed();

            Assert.Equal(ids.Take(200), Column(first200, "Id"));
            Assert.Equal(new[] { "GET /api/1.0/scans/list?page=1&pageSize=200" }, wire200);
            Assert.Equal(ids.Take(201), Column(first201, "Id"));
            Assert.Equal(new[] { "GET /api/1.0/scans/list?page=1&pageSize=200", "GET /api/1.0/scans/list?page=2&pageSize=200" }, Wire("Invicti"));
        }

        [Fact]
        public void Invicti_Skip_pages_through_to_the_last_page()
        {
            var ids = SeedInvicti(450);

            var result = Engine.Run("Get-Scan -Provider Invicti -Skip 440").ThrowIfFailed();

            Assert.Equal(ids.Skip(440), Column(result, "Id"));
            Assert.Equal(Enumerable.Range(1, 3).Select(p => "GET /api/1.0/scans/list?page=" + p + "&pageSize=200"), Wire("Invicti"));
        }

        [Fact]
        public void Invicti_IncludeTotalCount_writes_TotalItemCount()
        {
            var ids = SeedInvicti(450);

            var result = Engine.Run(Describe, "Get-Scan -Provider Invicti -IncludeTotalCount -First 2").ThrowIfFailed();

            Assert.Equal(Expect(total: ("Total count: 450", 1.0, 450UL), ids.Take(2)), Strings(result));
            Assert.Single(Wire("Invicti"));
        }

        [Fact]
        public void Invicti_IncludeTotalCount_of_a_state_with_several_Invicti_states_is_unknown()
        {
            // Running is Scanning, Archiving, AsyncArchiving and Resuming: one listbystate series each.
            SeedInvicti(30);

            var result = Engine.Run(Describe, "Get-Scan -Provider Invicti -State Running -IncludeTotalCount -First 1").ThrowIfFailed();

            Assert.Equal(new[] { "total", "Unknown total count", "0", "0", "scans", "1" }, Strings(result).Take(6));
            Assert.Equal(new[] { "GET /api/1.0/scans/listbystate?scanTaskState=Scanning&page=1&pageSize=200" }, Wire("Invicti"));
        }

        private List<string> SeedHostedScan(int count)
        {
            Sandbox.HostedScan.PageSize = 5;
            return Sandbox.HostedScan.SeedScans(count).ToList();
        }

        /// <summary>Seeds scans 1..count, 5 per page; returns their ids newest first, the listing's order.</summary>
        private List<string> SeedProjectDiscovery(int count)
        {
            Sandbox.ProjectDiscovery.MaxLimit = 5;
            return Sandbox.ProjectDiscovery.SeedScans(count).Reverse().ToList();
        }

        private static string PdId(int n) => "d1" + n.ToString("x18", CultureInfo.InvariantCulture);

        /// <summary>Seeds scans 1..count; returns their ids newest first, the listing's order.</summary>
        private List<string> SeedInvicti(int count)
        {
            Sandbox.Invicti.AddWebsite("https://www.example.com/", "Example");
            return Sandbox.Invicti.SeedScans(count).Reverse().ToList();
        }

        private static List<string> Strings(EngineResult result) => result.Output.Select(o => string.Format(CultureInfo.InvariantCulture, "{0}", o.BaseObject)).ToList();

        private static List<string> Expect((string Text, double Accuracy, ulong Count) total, IEnumerable<string> ids)
        {
            var scans = ids.ToList();
            var lines = new List<string> { "total", total.Text, total.Accuracy.ToString(CultureInfo.InvariantCulture), total.Count.ToString(CultureInfo.InvariantCulture), "scans", scans.Count.ToString(CultureInfo.InvariantCulture) };
            lines.AddRange(scans);
            return lines;
        }
    }
}
