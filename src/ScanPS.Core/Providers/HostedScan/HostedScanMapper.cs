using System;
using System.Collections.Generic;
using ScanPS.Models;

namespace ScanPS.Providers.HostedScan
{
    /// <summary>
    /// Wire scan to output scan. Runs once per listed scan (100,000 times for a large account), so it is written
    /// as plain loops: no LINQ iterators and no delegate call per element (bench/ScanPS.Benchmarks measured those
    /// as most of ScanPS's cost over a hand-written HttpClient + System.Text.Json client).
    /// </summary>
    internal static class HostedScanMapper
    {
        public static HostedScanScan ToScan(HostedScanWireScan wire)
        {
            var requested = RequestedTargets(wire.RequestedTargets, out var targets);
            var risks = wire.Risks;
            return new HostedScanScan(wire.Id ?? string.Empty)
            {
                Type = wire.Type,
                VendorState = wire.State,
                State = HostedScanVocabulary.Normalise(wire.State),
                Progress = wire.Progress.HasValue ? (int?)Math.Round(wire.Progress.Value) : null,
                RequestedTargets = requested,
                Targets = targets,
                ResolvedTargets = ResolvedTargets(wire.ResolvedTargets),
                SkippedTargets = SkippedTargets(wire.SkippedTargets),
                Results = Results(wire.Results),
                NewOpenRiskIds = RiskIds(risks?.NewOpen),
                StillOpenRiskIds = RiskIds(risks?.StillOpen),
                ClosedRiskIds = RiskIds(risks?.Closed),
            };
        }

        /// <summary>The requested targets, and beside them their names for Targets (the target, else its id).</summary>
        private static HostedScanRequestedTarget[] RequestedTargets(List<HostedScanWireRequestedTarget>? items, out string[] names)
        {
            if (items == null || items.Count == 0)
            {
                names = Array.Empty<string>();
                return Array.Empty<HostedScanRequestedTarget>();
            }

            var result = new HostedScanRequestedTarget[items.Count];
            names = new string[items.Count];
            for (int i = 0; i < result.Length; i++)
            {
                var t = items[i];
                result[i] = new HostedScanRequestedTarget { TargetId = t.TargetId, Target = t.Target };
                names[i] = t.Target ?? t.TargetId ?? string.Empty;
            }

            return result;
        }

        private static HostedScanResolvedTarget[] ResolvedTargets(List<HostedScanWireResolvedTarget>? items)
        {
            if (items == null || items.Count == 0) return Array.Empty<HostedScanResolvedTarget>();
            var result = new HostedScanResolvedTarget[items.Count];
            for (int i = 0; i < result.Length; i++) result[i] = new HostedScanResolvedTarget { TargetId = items[i].TargetId, ResolvedTarget = items[i].ResolvedTarget };
            return result;
        }

        private static HostedScanSkippedTarget[] SkippedTargets(List<HostedScanWireSkippedTarget>? items)
        {
            if (items == null || items.Count == 0) return Array.Empty<HostedScanSkippedTarget>();
            var result = new HostedScanSkippedTarget[items.Count];
            for (int i = 0; i < result.Length; i++) result[i] = new HostedScanSkippedTarget { TargetId = items[i].TargetId, SkippedReason = items[i].SkippedReason };
            return result;
        }

        private static HostedScanResult[] Results(List<HostedScanWireResult>? items)
        {
            if (items == null || items.Count == 0) return Array.Empty<HostedScanResult>();
            var result = new HostedScanResult[items.Count];
            for (int i = 0; i < result.Length; i++) result[i] = new HostedScanResult { ResultId = items[i].ResultId, ContentType = items[i].ContentType };
            return result;
        }

        private static string[] RiskIds(List<HostedScanWireRisk>? items)
        {
            if (items == null || items.Count == 0) return Array.Empty<string>();
            var result = new string[items.Count];
            for (int i = 0; i < result.Length; i++) result[i] = items[i].RiskId ?? string.Empty;
            return result;
        }
    }
}
