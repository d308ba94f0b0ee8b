using System;
using System.Collections.Generic;
using System.Globalization;

namespace ScanPS.Models
{
    /// <summary>A ProjectDiscovery Cloud Platform scan (ScanStatusItem of GET /v1/scans and GET /v1/scans/{scan_id}).</summary>
    public sealed class ProjectDiscoveryScan : Scan
    {
        public ProjectDiscoveryScan(string id) : base(ProviderNames.ProjectDiscovery, id)
        {
        }

        // Declared again so that PowerShell lists them first (Format-List *, Export-Csv columns).
        public override string Provider => base.Provider;

        public override string Id => base.Id;

        public override ScanState State { get => base.State; internal set => base.State = value; }

        public override string? VendorState { get => base.VendorState; internal set => base.VendorState = value; }

        public string? Name { get; internal set; }

        /// <summary>0–100.</summary>
        public int? Progress { get; internal set; }

        public string? FailureReason { get; internal set; }

        public DateTimeOffset? CreatedAt { get; internal set; }

        public DateTimeOffset? UpdatedAt { get; internal set; }

        /// <summary>Null until the scan completes (the vendor's zero time is read as null).</summary>
        public DateTimeOffset? CompletedAt { get; internal set; }

        /// <summary>scan_time_elapsed exactly as sent (format UNCONFIRMED, e.g. "1h2m3s").</summary>
        public string? ScanTimeElapsed { get; internal set; }

        /// <summary>total_target.</summary>
        public long? TargetCount { get; internal set; }

        /// <summary>total_template.</summary>
        public long? TemplateCount { get; internal set; }

        /// <summary>total_result: findings so far.</summary>
        public long? ResultCount { get; internal set; }

        /// <summary>total_scan (the vendor does not document its meaning).</summary>
        public long? ScanCount { get; internal set; }

        /// <summary>Findings per severity from the severity object (shape UNCONFIRMED: numeric members are kept).</summary>
        public IReadOnlyDictionary<string, long> Severity { get; internal set; } = new Dictionary<string, long>();

        public bool? IsOss { get; internal set; }
        public bool? IsCloud { get; internal set; }
        public bool? IsRescan { get; internal set; }
        public bool? IsAutomatic { get; internal set; }
        public bool? IsInternal { get; internal set; }
        public long? RescanCount { get; internal set; }

        public ValueList<string> AssetIds { get; internal set; } = ValueList<string>.Empty;
        public ValueList<string> PublicTemplates { get; internal set; } = ValueList<string>.Empty;
        public ValueList<string> TemplateIds { get; internal set; } = ValueList<string>.Empty;
        public ValueList<string> TemplateUrls { get; internal set; } = ValueList<string>.Empty;
        public ValueList<string> ScanConfigIds { get; internal set; } = ValueList<string>.Empty;
        public ValueList<string> ReportConfigIds { get; internal set; } = ValueList<string>.Empty;

        public string? AgentId { get; internal set; }
        public ValueList<string> AgentTags { get; internal set; } = ValueList<string>.Empty;
        public ValueList<string> AgentNetworks { get; internal set; } = ValueList<string>.Empty;

        /// <summary>distribute or mirror (kept open).</summary>
        public string? AgentBehavior { get; internal set; }

        public ProjectDiscoveryScanSchedule? Schedule { get; internal set; }

        /// <summary>Set by New-Scan: targets the platform dropped beyond the plan's limit (truncated-scan-targets); null otherwise.</summary>
        public int? TruncatedTargetCount { get; internal set; }

        /// <summary>
        /// The team workspace the scan was read from (the X-Team-Id sent), null for the key owner's own. It binds to
        /// Get-Scan -TeamId, so $scan | Get-Scan reads a team's scan from that team.
        /// </summary>
        public string? TeamId { get; internal set; }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "ProjectDiscovery scan {0}{1} ({2}{3})",
                Id, string.IsNullOrEmpty(Name) ? string.Empty : " '" + Name + "'",
                VendorState ?? State.ToString(), Progress.HasValue ? " " + Progress.Value + "%" : string.Empty);
    }

    /// <summary>A scan's schedule (ScanSchedule); times are kept as the vendor sends them.</summary>
    public sealed class ProjectDiscoveryScanSchedule
    {
        /// <summary>hourly, daily, weekly, monthly or custom (kept open).</summary>
        public string? Frequency { get; internal set; }
        public string? LastRun { get; internal set; }
        public string? NextRun { get; internal set; }
        public string? StartTime { get; internal set; }
        public int? HourlyFrequency { get; internal set; }

        /// <summary>0–6, Sunday to Saturday.</summary>
        public int[] CustomWeekdays { get; internal set; } = Array.Empty<int>();

        public override string ToString() => Frequency + (NextRun != null ? " (next " + NextRun + ")" : string.Empty);
    }
}
