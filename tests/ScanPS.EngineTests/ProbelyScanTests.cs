using System.Linq;
using System.Management.Automation;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Get-Scan -Provider Probely in a real engine against the Probely fake: the listing's exact requests (page/length
    /// paging, newest first, the status filter), totals, -First/-Skip, reads by id (GET /scans/{id}/), piped scans and
    /// CSV rows, and the refusals before any request.
    /// </summary>
    public sealed class ProbelyScanTests : PipelineTest
    {
        private const string Shop = "3epwuyBoKQKN";
        private const string Api = "5zJkQ8cQn2Pw";

        private void AddTargets()
        {
            Sandbox.Probely.AddTarget(Shop, "Example shop", "https://shop.example.com/");
            Sandbox.Probely.AddTarget(Api, "Example API", "https://api.example.com/");
        }

        [Fact]
        public void Get_Scan_lists_the_accounts_scans_newest_first_as_ProbelyScan_objects()
        {
            AddTargets();
            string first = Sandbox.Probely.AddScan(Shop, "completed", "safe");
            string second = Sandbox.Probely.AddScan(Api, "started", "full");

            var result = Engine.Run("Get-Scan -Provider Probely").ThrowIfFailed();

            Assert.Equal(new[] { "GET /scans/?page=1&length=100&ordering=-created" }, Wire("Probely"));
            Assert.Equal(new[] { second, first }, Column(result, "Id"));
            var scan = result.Output[1];
            Assert.Equal("ScanPS.Models.ProbelyScan", scan.BaseObject.GetType().FullName);
            Assert.Equal(("Probely", "Completed", "completed", Shop, "Example shop", "https://shop.example.com/", "safe"),
                (Text(scan, "Provider"), Text(scan, "State"), Text(scan, "VendorState"), Text(scan, "TargetId"), Text(scan, "TargetName"), Text(scan, "TargetUrl"), Text(scan, "ScanProfile")));
            Assert.Equal(("3", "2", "1", "True"), (Text(scan, "Lows"), Text(scan, "Mediums"), Text(scan, "Highs"), Text(scan, "IsFinished")));
            Assert.Equal(("Running", "started", "False"), (Text(result.Output[0], "State"), Text(result.Output[0], "VendorState"), Text(result.Output[0], "IsFinished")));
            Assert.Equal(System.DateTimeOffset.Parse("2024-06-25T10:31:09Z", System.Globalization.CultureInfo.InvariantCulture), (System.DateTimeOffset)Property(scan, "Created")!);
        }

        [Theory]
        [InlineData("Completed", "&status=completed&status=completed_with_errors")]
        [InlineData("Running", "&status=started&status=under_review&status=finishing_up&status=resuming&status=canceling")]
        [InlineData("canceled, Queued", "&status=canceled&status=queued")]
        [InlineData("COMPLETED_WITH_ERRORS", "&status=completed_with_errors")]
        public void State_becomes_the_status_filter_repeated_once_per_vendor_status(string states, string query)
        {
            AddTargets();
            Sandbox.Probely.SeedScans(24);

            var result = Engine.Run("Get-Scan -Provider Probely -State " + states).ThrowIfFailed();

            Assert.Equal(new[] { "GET /scans/?page=1&length=100&ordering=-created" + query }, Wire("Probely"));
            var expected = query.Split("&status=", System.StringSplitOptions.RemoveEmptyEntries);
            Assert.NotEmpty(result.Output);
            Assert.All(result.Output, s => Assert.Contains(Text(s, "VendorState"), expected));
        }

        [Fact]
        public void An_unknown_State_is_InvalidStateFilter_before_any_request()
        {
            var result = Engine.Run("Get-Scan -Provider Probely -State Finished");

            Assert.Equal(("InvalidStateFilter,ScanPS.Commands.GetScanCommand", ErrorCategory.InvalidArgument), ErrorOf(result));
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void First_and_Skip_read_only_the_pages_they_need_and_IncludeTotalCount_is_the_vendors_count()
        {
            AddTargets();
            Sandbox.Probely.SeedScans(230);

            var firstTwo = Engine.Run("Get-Scan -Provider Probely -First 2 -IncludeTotalCount").ThrowIfFailed();
            Assert.Equal(new[] { "GET /scans/?page=1&length=100&ordering=-created" }, Wire("Probely"));
            Assert.Equal(230UL, (ulong)firstTwo.Output[0].BaseObject);
            Assert.Equal(3, firstTwo.Output.Count);
            ForgetRequests();

            var later = Engine.Run("Get-Scan -Provider Probely -Skip 150 -First 60").ThrowIfFailed();
            Assert.Equal(new[] { "GET /scans/?page=1&length=100&ordering=-created", "GET /scans/?page=2&length=100&ordering=-created", "GET /scans/?page=3&length=100&ordering=-created" }, Wire("Probely"));
            Assert.Equal(60, later.Output.Count);
            ForgetRequests();

            var all = Engine.Run("@(Get-Scan -Provider Probely).Count").ThrowIfFailed();
            Assert.Equal(230, (int)all.BaseObjects.Single());
            Assert.Equal(3, Wire("Probely").Count);
        }

        [Fact]
        public void Get_Scan_by_id_reads_each_scan_from_the_account_level_path_and_a_missing_one_is_ScanNotFound()
        {
            AddTargets();
            string a = Sandbox.Probely.AddScan(Shop, "completed");
            string b = Sandbox.Probely.AddScan(Api, "queued");

            var result = Engine.Run("Get-Scan -Provider Probely -Id $args[0], NoSuchScan01, $args[1]", a, b);

            Assert.Equal(new[] { "GET /scans/" + a + "/", "GET /scans/NoSuchScan01/", "GET /scans/" + b + "/" }, Wire("Probely"));
            Assert.Equal(new[] { a, b }, Column(result, "Id"));
            Assert.Equal(new[] { Shop, Api }, Column(result, "TargetId"));
            var error = result.SingleError();
            ErrorAssert.Is(error, "ScanNotFound", "GetScanCommand", ErrorCategory.ObjectNotFound);
            Assert.Equal("NoSuchScan01", error.TargetObject);
        }

        [Fact]
        public void A_ProbelyScan_piped_into_Get_Scan_is_read_by_its_id_and_a_scan_read_moves_a_new_scan()
        {
            AddTargets();
            string id = Sandbox.Probely.AddScan(Shop, "queued", moves: true);
            Engine.Run("$scan = Get-Scan -Provider Probely -First 1").ThrowIfFailed();
            ForgetRequests();

            var result = Engine.Run("($scan | Get-Scan).VendorState; ($scan | Get-Scan).VendorState").ThrowIfFailed();

            Assert.Equal(new object[] { "started", "finishing_up" }, result.BaseObjects);
            Assert.Equal(new[] { "GET /scans/" + id + "/", "GET /scans/" + id + "/" }, Wire("Probely"));
        }

        [Fact]
        public void Csv_rows_with_Provider_and_Id_columns_are_read_by_id()
        {
            AddTargets();
            string a = Sandbox.Probely.AddScan(Shop, "failed");
            string csv = Csv("scans.csv", "Provider,Id", "probely," + a);

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | Get-Scan", csv).ThrowIfFailed();

            Assert.Equal(new[] { "GET /scans/" + a + "/" }, Wire("Probely"));
            Assert.Equal(("Failed", "failed"), (Text(result.Output.Single(), "State"), Text(result.Output.Single(), "VendorState")));
        }

        [Fact]
        public void Probely_scans_exported_to_csv_and_imported_again_are_read_by_id()
        {
            AddTargets();
            Sandbox.Probely.SeedScans(2);
            string csv = PathOf("scans.csv");
            Engine.Run("Get-Scan -Provider Probely | Export-Csv -LiteralPath $args[0]", csv).ThrowIfFailed();
            var ids = Engine.Run("(Import-Csv -LiteralPath $args[0]).Id", csv).ThrowIfFailed().BaseObjects.Cast<string>().ToList();
            ForgetRequests();

            var result = Engine.Run("Import-Csv -LiteralPath $args[0] | Get-Scan", csv).ThrowIfFailed();

            Assert.Equal(ids.Select(i => "GET /scans/" + i + "/"), Wire("Probely"));
            Assert.Equal(ids, Column(result, "Id"));
        }

        [Fact]
        public void A_Probely_id_that_is_not_one_path_segment_is_InvalidScanId_and_nothing_is_sent()
        {
            var result = Engine.Run("Get-Scan -Provider Probely -Id '../targets'");

            ErrorAssert.Is(result.SingleError(), "InvalidScanId", "GetScanCommand", ErrorCategory.InvalidArgument);
            Assert.Equal(0, Sandbox.RequestCount);
        }

        [Fact]
        public void State_tab_completes_Probelys_states()
        {
            var result = Engine.Run("(TabExpansion2 -inputScript 'Get-Scan -Provider Probely -State can' -cursorColumn 37).CompletionMatches.CompletionText").ThrowIfFailed();

            Assert.Equal(new object[] { "Cancelled", "canceling", "canceled" }, result.BaseObjects);
        }
    }
}
