using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Models;

namespace ScanPS.Providers.HostedScan
{
    internal static class HostedScanFindingMapper
    {
        /// <summary>threat_level column of the severity table: only LOW, MEDIUM and HIGH are documented; anything else is Info.</summary>
        internal static readonly IReadOnlyDictionary<string, FindingSeverity> SeverityTable = new Dictionary<string, FindingSeverity>(StringComparer.OrdinalIgnoreCase)
        {
            ["LOW"] = FindingSeverity.Low,
            ["MEDIUM"] = FindingSeverity.Medium,
            ["HIGH"] = FindingSeverity.High,

            // Not documented for HostedScan (LOW, MEDIUM, HIGH only), but their meaning is not in doubt: a CRITICAL
            // that a newer HostedScan sends is Critical, not Info. Anything else is Info with the raw value kept.
            ["CRITICAL"] = FindingSeverity.Critical,
            ["INFO"] = FindingSeverity.Info,
        };

        public const string NewOpen = "new_open";
        public const string StillOpen = "still_open";
        public const string Closed = "closed";

        /// <summary>The list of the scan that names the risk (new_open, still_open, closed), or null.</summary>
        internal static string? ScanStatusOf(HostedScanScan scan, string? riskId)
        {
            if (riskId == null) return null;
            if (scan.NewOpenRiskIds.Contains(riskId)) return NewOpen;
            if (scan.StillOpenRiskIds.Contains(riskId)) return StillOpen;
            if (scan.ClosedRiskIds.Contains(riskId)) return Closed;
            return null;
        }

        /// <summary>
        /// The /v1/risks filters that narrow the account's risks to the scan's own candidates: its requested target ids
        /// and its scan type (the API has no scan filter; whether keys are ANDed is UNCONFIRMED, so callers still keep only
        /// the scan's ids with <see cref="ToFindings"/>). Empty keys are left out.
        /// </summary>
        internal static string FiltersFor(HostedScanScan scan)
        {
            var targetIds = scan.RequestedTargets.Select(t => t.TargetId).Where(id => !string.IsNullOrEmpty(id)).Select(id => id!).Distinct(StringComparer.Ordinal).ToArray();
            var filters = new HostedScanRiskFilters
            {
                TargetId = targetIds.Length == 0 ? null : targetIds,
                ScanType = string.IsNullOrEmpty(scan.Type) ? null : new[] { scan.Type! },
            };
            return System.Text.Json.JsonSerializer.Serialize(filters, HostedScanFindingJsonContext.Default.HostedScanRiskFilters);
        }

        /// <summary>
        /// The risks the scan lists, out of a /v1/risks answer filtered by the scan's targets and type (which may hold
        /// risks of other scans): each once, in the order received, with the scan's own status.
        /// </summary>
        internal static IEnumerable<HostedScanFinding> ToFindings(HostedScanScan scan, IEnumerable<HostedScanWireRisk?> risks)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var risk in risks)
            {
                string? status = ScanStatusOf(scan, risk?.Id);
                if (risk == null || status == null || !seen.Add(risk.Id!)) continue;
                yield return ToFinding(risk, scan.Id, status);
            }
        }

        /// <summary>One risk as a finding of <paramref name="scanId"/>; <paramref name="scanStatus"/> is the scan's list (null when not known).</summary>
        internal static HostedScanFinding ToFinding(HostedScanWireRisk risk, string scanId, string? scanStatus)
        {
            var definition = risk.RiskDefinition;
            bool accepted = risk.IsAccepted == true;
            return new HostedScanFinding(scanId, risk.Id ?? string.Empty)
            {
                Title = definition?.Title,
                Severity = FindingValues.Severity(SeverityTable, definition?.ThreatLevel),
                VendorSeverity = definition?.ThreatLevel,
                Target = risk.Target,
                Status = Status(risk.Status, accepted, scanStatus),
                VendorStatus = risk.Status,
                RuleId = definition?.Title,
                Cvss = FindingValues.Number(definition?.Cvss),
                Cve = FindingValues.CvesIn(new[] { definition?.Title }.Concat(definition?.References ?? Enumerable.Empty<string?>())),
                FirstSeen = FindingValues.IsoTime(risk.FirstDetectedAt),
                LastSeen = FindingValues.IsoTime(risk.LastDetectedAt),
                ScanStatus = scanStatus,
                TargetId = risk.TargetId,
                TargetLabel = FindingValues.NullIfEmpty(risk.TargetLabel),
                ScanType = definition?.ScanType,
                Description = definition?.Description,
                Solution = definition?.Solution,
                References = FindingValues.List(definition?.References),
                Tags = FindingValues.List(risk.Tags),
                IsAccepted = accepted,
                AcceptedBy = (risk.AcceptedBy ?? new List<HostedScanWireAcceptance?>()).Where(a => a != null).Select(a => new HostedScanRiskAcceptance
                {
                    Note = a!.Note,
                    CreatedAt = FindingValues.IsoTime(a.CreatedAt),
                    LastUpdatedAt = FindingValues.IsoTime(a.LastUpdatedAt),
                }).ToArray(),
                AdditionalInfo = PlainJson.Object(definition?.AdditionalInfo),
            };
        }

        /// <summary>A risk the scan closed is Closed whatever its current status; else CLOSED, accepted or OPEN.</summary>
        internal static FindingStatus Status(string? vendorStatus, bool accepted, string? scanStatus)
        {
            if (scanStatus == Closed || string.Equals(vendorStatus, "CLOSED", StringComparison.OrdinalIgnoreCase)) return FindingStatus.Closed;
            if (accepted) return FindingStatus.Accepted;
            return string.Equals(vendorStatus, "OPEN", StringComparison.OrdinalIgnoreCase) ? FindingStatus.Open : FindingStatus.Unknown;
        }
    }
}
