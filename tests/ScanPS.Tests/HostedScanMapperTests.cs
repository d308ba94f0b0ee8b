using System;
using System.Collections.Generic;
using ScanPS.Models;
using ScanPS.Providers.HostedScan;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>The wire-to-output mapping, rewritten as plain loops for listing speed: same results as before.</summary>
    public sealed class HostedScanMapperTests
    {
        [Theory]
        [InlineData("SUCCEEDED", ScanState.Completed)]
        [InlineData("succeeded", ScanState.Completed)]
        [InlineData("Running", ScanState.Running)]
        [InlineData("QUEUED", ScanState.Queued)]
        [InlineData("FAILED", ScanState.Failed)]
        [InlineData("over_limit", ScanState.Failed)]
        [InlineData("PAUSED", ScanState.Unknown)]
        [InlineData("", ScanState.Unknown)]
        [InlineData(null, ScanState.Unknown)]
        public void Vendor_states_normalise_in_any_case(string? vendorState, ScanState expected)
        {
            Assert.Equal(expected, HostedScanVocabulary.Normalise(vendorState));
        }

        [Fact]
        public void Every_wire_field_lands_in_the_output_scan()
        {
            var wire = new HostedScanWireScan
            {
                Id = "61918df1ed4b650040af5b0a",
                Type = "OPENVAS",
                State = "succeeded",
                Progress = 99.6,
                Risks = new HostedScanWireRisks
                {
                    NewOpen = new List<HostedScanWireRisk> { new HostedScanWireRisk { RiskId = "r1" }, new HostedScanWireRisk { RiskId = null } },
                    Closed = new List<HostedScanWireRisk> { new HostedScanWireRisk { RiskId = "r9" } },
                },
                Results = new List<HostedScanWireResult> { new HostedScanWireResult { ResultId = "f1", ContentType = "application/xml" } },
                RequestedTargets = new List<HostedScanWireRequestedTarget>
                {
                    new HostedScanWireRequestedTarget { TargetId = "t1", Target = "example.com" },
                    new HostedScanWireRequestedTarget { TargetId = "t2" },
                    new HostedScanWireRequestedTarget(),
                },
                ResolvedTargets = new List<HostedScanWireResolvedTarget> { new HostedScanWireResolvedTarget { TargetId = "t1", ResolvedTarget = "93.184.216.34" } },
                SkippedTargets = new List<HostedScanWireSkippedTarget> { new HostedScanWireSkippedTarget { TargetId = "t2", SkippedReason = "private IP" } },
            };

            var scan = HostedScanMapper.ToScan(wire);

            Assert.Equal(("HostedScan", "61918df1ed4b650040af5b0a", "OPENVAS"), (scan.Provider, scan.Id, scan.Type));
            Assert.Equal((ScanState.Completed, "succeeded", (int?)100), (scan.State, scan.VendorState, scan.Progress));
            Assert.Equal(new[] { "example.com", "t2", "" }, scan.Targets);
            Assert.Equal(new[] { ("t1", "example.com"), ("t2", (string?)null), ((string?)null, (string?)null) },
                Array.ConvertAll(scan.RequestedTargets, t => (t.TargetId, t.Target)));
            Assert.Equal(("t1", "93.184.216.34"), (Assert.Single(scan.ResolvedTargets).TargetId, scan.ResolvedTargets[0].ResolvedTarget));
            Assert.Equal(("t2", "private IP"), (Assert.Single(scan.SkippedTargets).TargetId, scan.SkippedTargets[0].SkippedReason));
            Assert.Equal(("f1", "application/xml"), (Assert.Single(scan.Results).ResultId, scan.Results[0].ContentType));
            Assert.Equal(new[] { "r1", "" }, scan.NewOpenRiskIds);
            Assert.Empty(scan.StillOpenRiskIds);
            Assert.Equal(new[] { "r9" }, scan.ClosedRiskIds);
        }

        [Fact]
        public void Missing_lists_become_empty_arrays_and_a_missing_progress_stays_null()
        {
            var scan = HostedScanMapper.ToScan(new HostedScanWireScan { Id = "a" });

            Assert.Null(scan.Progress);
            Assert.Equal(ScanState.Unknown, scan.State);
            Assert.Empty(scan.Targets);
            Assert.Empty(scan.RequestedTargets);
            Assert.Empty(scan.ResolvedTargets);
            Assert.Empty(scan.SkippedTargets);
            Assert.Empty(scan.Results);
            Assert.Empty(scan.NewOpenRiskIds);
            Assert.Empty(scan.StillOpenRiskIds);
            Assert.Empty(scan.ClosedRiskIds);
        }
    }
}
