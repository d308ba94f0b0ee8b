using System;
using System.Collections.Generic;

namespace ScanPS.Models
{
    /// <summary>
    /// A HostedScan risk as a finding of one scan (GET /v1/risks, GET /v1/risks/:id), with the scan's own verdict on it:
    /// whether the scan listed it in risks.new_open, risks.still_open or risks.closed.
    /// </summary>
    public sealed class HostedScanFinding : ScanFinding
    {
        public HostedScanFinding(string scanId, string id) : base(ProviderNames.HostedScan, scanId, id)
        {
        }

        // Declared again so that PowerShell lists them first (Format-List *, Export-Csv columns).
        public override string Provider => base.Provider;

        public override string ScanId => base.ScanId;

        public override string Id => base.Id;

        public override string? Title { get => base.Title; internal set => base.Title = value; }

        public override FindingSeverity Severity { get => base.Severity; internal set => base.Severity = value; }

        public override string? VendorSeverity { get => base.VendorSeverity; internal set => base.VendorSeverity = value; }

        public override string? Target { get => base.Target; internal set => base.Target = value; }

        public override FindingStatus Status { get => base.Status; internal set => base.Status = value; }

        public override string? VendorStatus { get => base.VendorStatus; internal set => base.VendorStatus = value; }

        /// <summary>The scan's list the risk is in: new_open, still_open or closed (null when the scan did not list it).</summary>
        public string? ScanStatus { get; internal set; }

        /// <summary>True when the scan listed the risk in new_open: first found by this scan.</summary>
        public bool IsNew => string.Equals(ScanStatus, "new_open", StringComparison.Ordinal);

        public string? TargetId { get; internal set; }

        public string? TargetLabel { get; internal set; }

        /// <summary>The scanner that raised the risk (risk_definition.scan_type: NMAP, OPENVAS, OWASP_ZAP …).</summary>
        public string? ScanType { get; internal set; }

        public string? Description { get; internal set; }

        public string? Solution { get; internal set; }

        public ValueList<string> References { get; internal set; } = ValueList<string>.Empty;

        public ValueList<string> Tags { get; internal set; } = ValueList<string>.Empty;

        /// <summary>The risk was accepted in HostedScan (is_accepted); Status is then Accepted unless the scan closed it.</summary>
        public bool IsAccepted { get; internal set; }

        public ValueList<HostedScanRiskAcceptance> AcceptedBy { get; internal set; } = ValueList<HostedScanRiskAcceptance>.Empty;

        /// <summary>risk_definition.additional_info, scanner-specific and of no fixed shape, as plain values.</summary>
        public IReadOnlyDictionary<string, object?> AdditionalInfo { get; internal set; } = new Dictionary<string, object?>();
    }

    /// <summary>One accepted_by entry of a HostedScan risk.</summary>
    public sealed class HostedScanRiskAcceptance
    {
        public string? Note { get; internal set; }

        public DateTimeOffset? CreatedAt { get; internal set; }

        public DateTimeOffset? LastUpdatedAt { get; internal set; }

        public override string ToString() => Note ?? string.Empty;
    }
}
