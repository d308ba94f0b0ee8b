using System;
using System.Globalization;

namespace ScanPS.Models
{
    /// <summary>A HostedScan scan (GET /v1/scans, GET /v1/scans/:id, POST /v1/scans).</summary>
    public sealed class HostedScanScan : Scan
    {
        public HostedScanScan(string id) : base(ProviderNames.HostedScan, id)
        {
        }

        // Declared again so that PowerShell lists them first (Format-List *, Export-Csv columns).
        public override string Provider => base.Provider;

        public override string Id => base.Id;

        public override ScanState State { get => base.State; internal set => base.State = value; }

        public override string? VendorState { get => base.VendorState; internal set => base.VendorState = value; }

        /// <summary>Scanner type: NMAP, NMAP_UDP, SSLYZE, OPENVAS, OWASP_ZAP, OWASP_ZAP_ACTIVE (kept open).</summary>
        public string? Type { get; internal set; }

        /// <summary>0–100.</summary>
        public int? Progress { get; internal set; }

        /// <summary>The requested target names, for quick reading and Export-Csv.</summary>
        public ValueList<string> Targets { get; internal set; } = ValueList<string>.Empty;

        public ValueList<HostedScanRequestedTarget> RequestedTargets { get; internal set; } = ValueList<HostedScanRequestedTarget>.Empty;

        public ValueList<HostedScanResolvedTarget> ResolvedTargets { get; internal set; } = ValueList<HostedScanResolvedTarget>.Empty;

        public ValueList<HostedScanSkippedTarget> SkippedTargets { get; internal set; } = ValueList<HostedScanSkippedTarget>.Empty;

        public ValueList<HostedScanResult> Results { get; internal set; } = ValueList<HostedScanResult>.Empty;

        public ValueList<string> NewOpenRiskIds { get; internal set; } = ValueList<string>.Empty;

        public ValueList<string> StillOpenRiskIds { get; internal set; } = ValueList<string>.Empty;

        public ValueList<string> ClosedRiskIds { get; internal set; } = ValueList<string>.Empty;

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "HostedScan {0} scan {1} ({2}{3})",
                Type, Id, VendorState ?? State.ToString(), Progress.HasValue ? " " + Progress.Value + "%" : string.Empty);
    }

    public sealed class HostedScanRequestedTarget
    {
        public string? TargetId { get; internal set; }
        public string? Target { get; internal set; }
        public override string ToString() => Target ?? TargetId ?? string.Empty;
    }

    public sealed class HostedScanResolvedTarget
    {
        public string? TargetId { get; internal set; }
        public string? ResolvedTarget { get; internal set; }
        public override string ToString() => ResolvedTarget ?? TargetId ?? string.Empty;
    }

    public sealed class HostedScanSkippedTarget
    {
        public string? TargetId { get; internal set; }
        public string? SkippedReason { get; internal set; }
        public override string ToString() => TargetId + ": " + SkippedReason;
    }

    /// <summary>A result file of a scan; download it with GET /v1/results/:ResultId.</summary>
    public sealed class HostedScanResult
    {
        public string? ResultId { get; internal set; }
        public string? ContentType { get; internal set; }
        public override string ToString() => ResultId + " (" + ContentType + ")";
    }
}
