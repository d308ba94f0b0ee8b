namespace ScanPS.Models
{
    /// <summary>
    /// An Invicti vulnerability of one scan: from the scan's Vulnerabilities report in JSON (rich: LookupId, dates,
    /// CVSS, CWE) or, as the fallback, from scans/result/{id} joined to the vulnerability/list templates (no id, state or
    /// dates; severity from the template). Dates arrive in the account's display format: the raw text is kept beside the
    /// parsed value, which is null when the text cannot be read.
    /// </summary>
    public sealed class InvictiFinding : ScanFinding
    {
        public InvictiFinding(string scanId, string id) : base(ProviderNames.Invicti, scanId, id)
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

        /// <summary>The report's LookupId (a GUID, the same as Id when it came from the report).</summary>
        public string? LookupId { get; internal set; }

        /// <summary>The vulnerability type (e.g. CookieNotMarkedAsHttpOnly; the same as RuleId).</summary>
        public string? Type { get; internal set; }

        /// <summary>The URL the vulnerability is on (the same as Location).</summary>
        public string? Url { get; internal set; }

        public bool? Confirmed { get; internal set; }

        /// <summary>0–100: how sure the scanner is.</summary>
        public int? Certainty { get; internal set; }

        /// <summary>True while the issue is present; null when the source does not say (the report gives only State).</summary>
        public bool? IsPresent { get; internal set; }

        /// <summary>FirstSeenDate exactly as sent, in the account's display format (e.g. "25/06/2021 09:59 AM").</summary>
        public string? FirstSeenDate { get; internal set; }

        /// <summary>LastSeenDate exactly as sent.</summary>
        public string? LastSeenDate { get; internal set; }

        /// <summary>The CVSS 3.0 vector when a CVSS 3.1 one is also given (CvssVector holds the newest).</summary>
        public string? Cvss30Vector { get; internal set; }

        public string? Capec { get; internal set; }

        public string? Owasp { get; internal set; }

        public string? Wasc { get; internal set; }

        public string? Pci32 { get; internal set; }

        public string? Hipaa { get; internal set; }

        public string? Iso27001 { get; internal set; }

        /// <summary>The HTTP method of the proof request.</summary>
        public string? HttpMethod { get; internal set; }

        /// <summary>The issue's page in Invicti (scans/result/{id} only; whether it carries the issue id is UNCONFIRMED).</summary>
        public string? IssueUrl { get; internal set; }

        /// <summary>Description, Impact and RemedialProcedure are HTML, as the vendor sends them.</summary>
        public string? Description { get; internal set; }

        public string? Impact { get; internal set; }

        public string? RemedialProcedure { get; internal set; }

        /// <summary>Where the finding came from: Report (scans/report JSON) or ScanResult (scans/result + vulnerability/list).</summary>
        public string? Source { get; internal set; }
    }
}
