namespace ScanPS.Models
{
    /// <summary>
    /// A ProjectDiscovery result (VulnerabilityResults of GET /v1/scans/results or a row of the scan's JSON export):
    /// one nuclei template match. Severity comes from event[].info.severity, CVE/CWE/CVSS from its classification.
    /// </summary>
    public sealed class ProjectDiscoveryFinding : ScanFinding
    {
        public ProjectDiscoveryFinding(string scanId, string id) : base(ProviderNames.ProjectDiscovery, scanId, id)
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

        /// <summary>The platform's stable fingerprint of the match (template and location): the same in every scan.</summary>
        public string? VulnHash { get; internal set; }

        /// <summary>open, fixed … (kept open; the same as VendorStatus).</summary>
        public string? VulnStatus { get; internal set; }

        /// <summary>The platform marked it as found again after being fixed.</summary>
        public bool? IsRegression { get; internal set; }

        public bool? IsInternal { get; internal set; }

        /// <summary>The nuclei template id (the same as RuleId).</summary>
        public string? TemplateId { get; internal set; }

        public string? TemplatePath { get; internal set; }

        public string? TemplateUrl { get; internal set; }

        /// <summary>Where the template matched (event matched-at; the same as Location).</summary>
        public string? MatchedAt { get; internal set; }

        public string? Host { get; internal set; }

        public string? Ip { get; internal set; }

        public int? Port { get; internal set; }

        /// <summary>The protocol of the match (http, dns, ssl, network …).</summary>
        public string? MatchType { get; internal set; }

        public string? ResultType { get; internal set; }

        public string? MatcherName { get; internal set; }

        public ValueList<string> ExtractedResults { get; internal set; } = ValueList<string>.Empty;

        public string? Description { get; internal set; }

        public string? Impact { get; internal set; }

        public string? Remediation { get; internal set; }

        public ValueList<string> References { get; internal set; } = ValueList<string>.Empty;

        public ValueList<string> Tags { get; internal set; } = ValueList<string>.Empty;

        public ValueList<string> Labels { get; internal set; } = ValueList<string>.Empty;

        public double? EpssScore { get; internal set; }

        public double? EpssPercentile { get; internal set; }

        public string? Cpe { get; internal set; }

        public string? CurlCommand { get; internal set; }
    }
}
