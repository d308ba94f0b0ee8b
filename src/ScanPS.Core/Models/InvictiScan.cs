using System;
using System.Collections.Generic;
using System.Globalization;

namespace ScanPS.Models
{
    /// <summary>
    /// An Invicti Enterprise scan task (ScanTaskModel of scans/newfromscan, scans/detail, scans/list,
    /// scans/listbystate). The fields ScanPS types are properties; every other field the vendor sent is in
    /// <see cref="VendorFields"/>, so nothing the vendor returns is lost.
    /// </summary>
    public sealed class InvictiScan : Scan
    {
        public InvictiScan(string id) : base(ProviderNames.Invicti, id)
        {
        }

        // Declared again so that PowerShell lists them first (Format-List *, Export-Csv columns).
        public override string Provider => base.Provider;

        public override string Id => base.Id;

        public override ScanState State { get => base.State; internal set => base.State = value; }

        public override string? VendorState { get => base.VendorState; internal set => base.VendorState = value; }

        /// <summary>The URL the scan starts from.</summary>
        public string? TargetUrl { get; internal set; }

        public string? TargetUrlRoot { get; internal set; }

        public string? TargetPath { get; internal set; }

        public string? WebsiteId { get; internal set; }

        public string? WebsiteName { get; internal set; }

        public string? WebsiteUrl { get; internal set; }

        /// <summary>Pending, Crawling, CrawlingAndAttacking, Attacking, ReCrawling, Complete (kept open).</summary>
        public string? Phase { get; internal set; }

        /// <summary>0–100, as the vendor computes it.</summary>
        public int? Percentage { get; internal set; }

        /// <summary>Full, Retest, Incremental (kept open).</summary>
        public string? ScanType { get; internal set; }

        /// <summary>HTTP requests done so far.</summary>
        public int? CompletedSteps { get; internal set; }

        /// <summary>HTTP requests the vendor expects the scan to make.</summary>
        public int? EstimatedSteps { get; internal set; }

        /// <summary>Minutes until a queued scan is expected to start.</summary>
        public int? EstimatedLaunchTime { get; internal set; }

        /// <summary>The vendor's IsCompleted: finished in any state.</summary>
        public bool? IsCompleted { get; internal set; }

        /// <summary>When the scan was initiated (the vendor's InitiatedAt, an ISO 8601 date-time).</summary>
        public DateTime? InitiatedAt { get; internal set; }

        /// <summary>When the state last changed.</summary>
        public DateTime? StateChanged { get; internal set; }

        /// <summary>The vendor's InitiatedDate text, in the API user's display format: for reading, not parsing (use InitiatedAt).</summary>
        public string? InitiatedDate { get; internal set; }

        /// <summary>The vendor's InitiatedTime text, in the API user's display format: for reading, not parsing (use InitiatedAt).</summary>
        public string? InitiatedTime { get; internal set; }

        /// <summary>The vendor's duration text.</summary>
        public string? Duration { get; internal set; }

        /// <summary>None, LoginFailed, ScanTargetNotReachable, … (kept open).</summary>
        public string? FailureReason { get; internal set; }

        public string? FailureReasonDescription { get; internal set; }

        public string? FailureReasonString { get; internal set; }

        /// <summary>Unknown, Secure, NeedsAttention, Insecure, Critical (kept open).</summary>
        public string? ThreatLevel { get; internal set; }

        /// <summary>The threat level of the website across scans.</summary>
        public string? GlobalThreatLevel { get; internal set; }

        public int? VulnerabilityCriticalCount { get; internal set; }

        public int? VulnerabilityHighCount { get; internal set; }

        public int? VulnerabilityMediumCount { get; internal set; }

        public int? VulnerabilityLowCount { get; internal set; }

        public int? VulnerabilityInfoCount { get; internal set; }

        public int? VulnerabilityBestPracticeCount { get; internal set; }

        /// <summary>All vulnerabilities except informational ones, as the vendor counts them.</summary>
        public int? TotalVulnerabilityCount { get; internal set; }

        public string? PolicyId { get; internal set; }

        public string? PolicyName { get; internal set; }

        public string? ScanTaskGroupId { get; internal set; }

        public string? ScheduledScanId { get; internal set; }

        public string? AgentName { get; internal set; }

        public string? UserName { get; internal set; }

        public ValueList<string> Tags { get; internal set; } = ValueList<string>.Empty;

        /// <summary>
        /// Every other ScanTaskModel field the vendor sent, by its PascalCase name (for example Cookies,
        /// ScanTaskProfile, TimeWindow): strings, numbers, booleans, null, object[] and nested dictionaries.
        /// </summary>
        public IReadOnlyDictionary<string, object?> VendorFields { get; internal set; } = new Dictionary<string, object?>();

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "Invicti scan {0} of {1} ({2}{3})",
                Id, TargetUrl, VendorState ?? State.ToString(), Percentage.HasValue ? " " + Percentage.Value + "%" : string.Empty);
    }
}
