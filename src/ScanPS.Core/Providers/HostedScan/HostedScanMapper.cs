using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Models;

namespace ScanPS.Providers.HostedScan
{
    internal static class HostedScanMapper
    {
        public static HostedScanScan ToScan(HostedScanWireScan wire)
        {
            var requested = Map(wire.RequestedTargets, t => new HostedScanRequestedTarget { TargetId = t.TargetId, Target = t.Target });
            return new HostedScanScan(wire.Id ?? string.Empty)
            {
                Type = wire.Type,
                VendorState = wire.State,
                State = HostedScanVocabulary.Normalise(wire.State),
                Progress = wire.Progress.HasValue ? (int?)Math.Round(wire.Progress.Value) : null,
                RequestedTargets = requested,
                Targets = requested.Select(t => t.Target ?? t.TargetId ?? string.Empty).ToArray(),
                ResolvedTargets = Map(wire.ResolvedTargets, t => new HostedScanResolvedTarget { TargetId = t.TargetId, ResolvedTarget = t.ResolvedTarget }),
                SkippedTargets = Map(wire.SkippedTargets, t => new HostedScanSkippedTarget { TargetId = t.TargetId, SkippedReason = t.SkippedReason }),
                Results = Map(wire.Results, r => new HostedScanResult { ResultId = r.ResultId, ContentType = r.ContentType }),
                NewOpenRiskIds = Map(wire.Risks?.NewOpen, r => r.RiskId ?? string.Empty),
                StillOpenRiskIds = Map(wire.Risks?.StillOpen, r => r.RiskId ?? string.Empty),
                ClosedRiskIds = Map(wire.Risks?.Closed, r => r.RiskId ?? string.Empty),
            };
        }

        private static TOut[] Map<TIn, TOut>(List<TIn>? items, Func<TIn, TOut> map)
        {
            if (items == null || items.Count == 0) return Array.Empty<TOut>();
            var result = new TOut[items.Count];
            for (int i = 0; i < items.Count; i++) result[i] = map(items[i]);
            return result;
        }
    }
}
