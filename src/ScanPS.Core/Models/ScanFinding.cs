using System;
using System.Globalization;

namespace ScanPS.Models
{
    /// <summary>
    /// A severity that means the same across vendors (../shared/vendor-apis.md 5.5). The vendor's own value stays in
    /// <see cref="ScanFinding.VendorSeverity"/>; anything a vendor sends outside its documented set becomes Info,
    /// never a guess. The order is the order of risk, so Where-Object Severity -ge High works.
    /// </summary>
    public enum FindingSeverity
    {
        Info = 0,
        Low = 1,
        Medium = 2,
        High = 3,
        Critical = 4,
    }

    /// <summary>Where a finding stands. Unknown when the vendor says nothing that maps.</summary>
    public enum FindingStatus
    {
        Unknown,
        Open,
        Fixed,
        Closed,
        Accepted,
        FalsePositive,
    }

    /// <summary>
    /// What Compare-ScanFinding says of a finding between two scans: New (only in the later scan), Fixed (only in the
    /// earlier one), StillOpen (in both). None on a finding that has not been compared.
    /// </summary>
    public enum FindingChange
    {
        None,
        New,
        Fixed,
        StillOpen,
    }

    /// <summary>
    /// What every provider's finding has: Provider, ScanId and Id (so findings pipe by property name), a title, a
    /// normalised Severity with the vendor's raw value, the target and the status. Each provider adds its own
    /// fields on a subtype in Models/. Properties are virtual only so that a subtype can declare them again first
    /// (PowerShell lists a type's own properties first), as on <see cref="Scan"/>.
    /// </summary>
    public abstract class ScanFinding
    {
        protected ScanFinding(string provider, string scanId, string id)
        {
            Provider = provider;
            ScanId = scanId;
            Id = id;
        }

        public virtual string Provider { get; }

        /// <summary>The scan the finding was read from.</summary>
        public virtual string ScanId { get; }

        /// <summary>The vendor's id of the finding (risk id, vuln id, LookupId, finding id).</summary>
        public virtual string Id { get; }

        public virtual string? Title { get; internal set; }

        public virtual FindingSeverity Severity { get; internal set; }

        /// <summary>The severity exactly as the vendor sent it (e.g. "HIGH", "critical", "BestPractice", "40").</summary>
        public virtual string? VendorSeverity { get; internal set; }

        /// <summary>The host, URL or asset the finding is on.</summary>
        public virtual string? Target { get; internal set; }

        public virtual FindingStatus Status { get; internal set; }

        /// <summary>The status exactly as the vendor sent it.</summary>
        public virtual string? VendorStatus { get; internal set; }

        /// <summary>The rule, template or check that raised it (HostedScan risk definition, nuclei template id, Invicti type, Probely definition).</summary>
        public virtual string? RuleId { get; internal set; }

        /// <summary>Where on the target (URL path, port, parameter); part of the fingerprint when the vendor gives no identity.</summary>
        public virtual string? Location { get; internal set; }

        public virtual double? Cvss { get; internal set; }

        public virtual string? CvssVector { get; internal set; }

        public virtual ValueList<string> Cwe { get; internal set; } = ValueList<string>.Empty;

        public virtual ValueList<string> Cve { get; internal set; } = ValueList<string>.Empty;

        public virtual DateTimeOffset? FirstSeen { get; internal set; }

        public virtual DateTimeOffset? LastSeen { get; internal set; }

        /// <summary>Set by Compare-ScanFinding; None otherwise.</summary>
        public virtual FindingChange Change { get; internal set; }

        /// <summary>A copy with <see cref="Change"/> set, for Compare-ScanFinding (the input objects stay as they were).</summary>
        internal ScanFinding CopyWithChange(FindingChange change)
        {
            var copy = (ScanFinding)MemberwiseClone();
            copy.Change = change;
            return copy;
        }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "{0} {1} finding {2}: {3}", Provider, Severity, Id, Title);
    }
}
