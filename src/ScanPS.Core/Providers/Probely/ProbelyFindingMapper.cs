using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ScanPS.Models;

namespace ScanPS.Providers.Probely
{
    internal static class ProbelyFindingMapper
    {
        /// <summary>severity column of the severity table: 10 low, 20 medium, 30 high, 40 critical (vendor script); anything else Info.</summary>
        internal static readonly IReadOnlyDictionary<string, FindingSeverity> SeverityTable = new Dictionary<string, FindingSeverity>(StringComparer.Ordinal)
        {
            ["10"] = FindingSeverity.Low,
            ["20"] = FindingSeverity.Medium,
            ["30"] = FindingSeverity.High,
            ["40"] = FindingSeverity.Critical,
        };

        /// <summary>notfixed and retesting are Open, fixed Fixed, accepted Accepted, invalid FalsePositive; anything else Unknown.</summary>
        internal static FindingStatus Status(string? state)
        {
            switch (state)
            {
                case "notfixed":
                case "retesting":
                    return FindingStatus.Open;
                case "fixed":
                    return FindingStatus.Fixed;
                case "accepted":
                    return FindingStatus.Accepted;
                case "invalid":
                    return FindingStatus.FalsePositive;
                default:
                    return FindingStatus.Unknown;
            }
        }

        /// <summary>One finding read for <paramref name="scanId"/>. No first-seen date and no CVE exist on a Probely finding.</summary>
        internal static ProbelyFinding ToFinding(ProbelyWireFinding wire, string scanId)
        {
            string? severity = FindingValues.Text(wire.Severity);
            string? cwe = FindingValues.Text(wire.Definition?.CweId);
            return new ProbelyFinding(scanId, FindingValues.Text(wire.Id) ?? string.Empty)
            {
                Title = wire.Definition?.Name,
                Severity = FindingValues.Severity(SeverityTable, severity),
                VendorSeverity = severity,
                Target = wire.Target?.Site?.Url,
                Status = Status(wire.State),
                VendorStatus = wire.State,
                RuleId = wire.Definition?.Id,
                Location = wire.Url,
                Cvss = FindingValues.Number(wire.CvssScore),
                CvssVector = FindingValues.NullIfEmpty(wire.CvssVector),
                Cwe = FindingValues.Cwes(new[] { cwe }),
                LastSeen = FindingValues.IsoTime(wire.LastFound),
                New = wire.New,
                Scans = FindingValues.List(wire.Scans),
                TargetId = wire.Target?.Id,
                TargetName = wire.Target?.Site?.Name ?? wire.Target?.Name,
                DefinitionId = wire.Definition?.Id,
                DefinitionName = wire.Definition?.Name,
                DefinitionDescription = wire.Definition?.Desc,
                Url = wire.Url,
                Path = wire.Path,
                Method = FindingValues.NullIfEmpty(wire.Method),
                Parameter = FindingValues.NullIfEmpty(wire.Parameter),
                InsertionPoint = FindingValues.NullIfEmpty(wire.InsertionPoint),
                Retesting = wire.Retesting,
                Fix = wire.Fix,
                Labels = (wire.Labels ?? new List<JsonElement>()).Select(Label).Where(l => l != null).Select(l => l!).ToArray(),
                Changed = FindingValues.IsoTime(wire.Changed),
            };
        }

        /// <summary>A label is an object with a name (or a bare string).</summary>
        private static string? Label(JsonElement label)
        {
            if (label.ValueKind == JsonValueKind.String) return label.GetString();
            if (label.ValueKind == JsonValueKind.Object && label.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String) return name.GetString();
            return null;
        }
    }
}
