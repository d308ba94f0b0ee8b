using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Auth;
using ScanPS.Commands;
using ScanPS.Connections;
using ScanPS.Models;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// The pipelines the docs promise, through a port of PowerShell's own parameter-set choice for piped objects
    /// (PipelineBinder): the set each lands in and what binds from the object.
    /// </summary>
    public sealed class PipelineBindingTests
    {
        private static readonly string[] None = Array.Empty<string>();

        private static Dictionary<string, object?> Row(params (string Name, string Value)[] columns) =>
            columns.ToDictionary(c => c.Name, c => (object?)c.Value, StringComparer.OrdinalIgnoreCase);

        public static IEnumerable<object[]> Scans()
        {
            yield return new object[] { new HostedScanScan("61918df1ed4b650040af5b0a") { Type = "NMAP", VendorState = "QUEUED", State = ScanState.Queued, Targets = new[] { "example.com" } } };
            yield return new object[] { new ProjectDiscoveryScan("d1h2k3") { Name = "nightly", VendorState = "queued" } };
            yield return new object[] { new InvictiScan("5ca70000-0000-4000-8000-000000000001") { TargetUrl = "https://www.example.com/", VendorState = "Queued" } };
        }

        [Theory]
        [MemberData(nameof(Scans))]
        public void A_scan_piped_into_Get_Scan_is_fetched_by_its_id(Scan scan)
        {
            var outcome = PipelineBinder.Pipe(typeof(GetScanCommand), None, PipelineBinder.PropertiesOf(scan));

            Assert.Null(outcome.Error);
            Assert.Equal(GetScanCommand.ByIdSet, outcome.Set);
            Assert.Equal(new[] { "Id", "Provider" }, outcome.BoundFromPipeline.OrderBy(n => n));
        }

        [Theory]
        [MemberData(nameof(Scans))]
        public void A_scan_piped_into_Get_Scan_with_its_provider_named_is_fetched_by_its_id(Scan scan)
        {
            var outcome = PipelineBinder.Pipe(typeof(GetScanCommand), new[] { "Provider" }, PipelineBinder.PropertiesOf(scan));

            Assert.Null(outcome.Error);
            Assert.Equal(GetScanCommand.ByIdSet, outcome.Set);
            Assert.Equal(new[] { "Id" }, outcome.BoundFromPipeline);
        }

        [Fact]
        public void Csv_rows_of_ids_piped_into_Get_Scan_are_fetched_by_id()
        {
            var outcome = PipelineBinder.Pipe(typeof(GetScanCommand), new[] { "Provider" }, Row(("Id", "61918df1ed4b650040af5b0a")));

            Assert.Equal((GetScanCommand.ByIdSet, (string?)null), (outcome.Set, outcome.Error));
        }

        [Fact]
        public void A_connection_piped_into_Get_Scan_is_refused_rather_than_silently_replaced_by_the_default_connection()
        {
            var connection = new ScanProviderConnection("HostedScan", "prod", new ApiKeyCredential(ApiKeyCredential.ToSecureString("k"), "test"));

            var outcome = PipelineBinder.Pipe(typeof(GetScanCommand), None, PipelineBinder.PropertiesOf(connection));

            Assert.Null(outcome.Set);
            Assert.Equal("InputObjectMissingMandatory: Id", outcome.Error);
        }

        [Fact]
        public void A_row_with_nothing_New_Scan_can_use_is_InputObjectNotBound()
        {
            var outcome = PipelineBinder.Pipe(typeof(NewScanCommand), new[] { "Provider", "Type" }, Row(("Host", "example.com")));

            Assert.Equal("InputObjectNotBound", outcome.Error);
        }

        [Fact]
        public void Get_Scan_without_pipeline_input_still_lists_by_default()
        {
            Assert.Equal(GetScanCommand.HostedScanSet, CmdletReflection.ChooseSet(typeof(GetScanCommand), new[] { "Provider" }));
            Assert.Equal(GetScanCommand.ByIdSet, CmdletReflection.ChooseSet(typeof(GetScanCommand), new[] { "Provider", "Id" }));
        }

        [Fact]
        public void Csv_rows_of_targets_piped_into_New_Scan_for_ProjectDiscovery_need_no_other_parameter()
        {
            var outcome = PipelineBinder.Pipe(typeof(NewScanCommand), new[] { "Provider" }, Row(("Target", "example.com")));

            Assert.Null(outcome.Error);
            Assert.Equal(NewScanCommand.ProjectDiscoverySet, outcome.Set);
            Assert.Equal(new[] { "Target" }, outcome.BoundFromPipeline);
        }

        [Fact]
        public void Csv_rows_of_targets_piped_into_New_Scan_for_HostedScan_land_in_the_HostedScan_set()
        {
            var outcome = PipelineBinder.Pipe(typeof(NewScanCommand), new[] { "Provider", "Type" }, Row(("Target", "example.com"), ("Tag", "prod")));

            Assert.Null(outcome.Error);
            Assert.Equal(NewScanCommand.HostedScanSet, outcome.Set);
            Assert.Equal(new[] { "Tag", "Target" }, outcome.BoundFromPipeline.OrderBy(n => n));
        }

        [Fact]
        public void Csv_rows_with_empty_cells_still_bind_to_New_Scan()
        {
            // Import-Csv gives "" for an empty cell; a validation attribute would fail (and drop) the whole row.
            var outcome = PipelineBinder.Pipe(typeof(NewScanCommand), new[] { "Provider", "Type" }, Row(("Target", ""), ("TargetId", "5f1e0a7b0000000000000001"), ("Tag", "")));

            Assert.Null(outcome.Error);
            Assert.Equal(new[] { "Tag", "Target", "TargetId" }, outcome.BoundFromPipeline.OrderBy(n => n));
        }

        [Fact]
        public void An_Invicti_scan_piped_into_Start_ScanFromScan_relaunches_that_id()
        {
            var scan = new InvictiScan("5ca70000-0000-4000-8000-000000000001") { VendorState = "Complete" };

            var outcome = PipelineBinder.Pipe(typeof(StartScanFromScanCommand), None, PipelineBinder.PropertiesOf(scan));

            Assert.Null(outcome.Error);
            Assert.Equal(new[] { "Id", "Provider", "TargetUrl" }, outcome.BoundFromPipeline.OrderBy(n => n));
        }

        [Fact]
        public void Csv_rows_of_target_ids_piped_into_New_ScheduledScanBulk_bind_TargetId()
        {
            var outcome = PipelineBinder.Pipe(typeof(NewScheduledScanBulkCommand), new[] { "StartTime" }, Row(("TargetId", "3epwuyBoKQKN")));

            Assert.Null(outcome.Error);
            Assert.Equal(new[] { "TargetId" }, outcome.BoundFromPipeline);
        }

        [Fact]
        public void A_connection_piped_into_Disconnect_ScanProvider_removes_that_connection()
        {
            var connection = new ScanProviderConnection("HostedScan", "prod", new ApiKeyCredential(ApiKeyCredential.ToSecureString("k"), "test"));

            var outcome = PipelineBinder.Pipe(typeof(DisconnectScanProviderCommand), None, PipelineBinder.PropertiesOf(connection), connection);

            Assert.Null(outcome.Error);
            Assert.Equal("ByConnection", outcome.Set);
            Assert.Equal(new[] { "Connection" }, outcome.BoundFromPipeline);
        }
    }
}
