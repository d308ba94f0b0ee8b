namespace ScanPS.Models
{
    /// <summary>
    /// A Probely finding (GET /findings/?scan=, GET /targets/{t}/findings/?scan=). A finding belongs to the target and
    /// is updated by every scan that finds it again, so it may be older than the scan it was read for; Scans lists
    /// them all. Probely gives no first-seen date (FirstSeen stays null) and no CVE; CWE only from definition.cwe_id.
    /// </summary>
    public sealed class ProbelyFinding : ScanFinding
    {
        public ProbelyFinding(string scanId, string id) : base(ProviderNames.Probely, scanId, id)
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

        /// <summary>The vendor's new flag: true when no earlier scan found it.</summary>
        public bool? New { get; internal set; }

        /// <summary>Every scan that found it.</summary>
        public ValueList<string> Scans { get; internal set; } = ValueList<string>.Empty;

        public string? TargetId { get; internal set; }

        public string? TargetName { get; internal set; }

        /// <summary>The vulnerability definition's id (the same as RuleId).</summary>
        public string? DefinitionId { get; internal set; }

        public string? DefinitionName { get; internal set; }

        public string? DefinitionDescription { get; internal set; }

        /// <summary>The finding URL (the same as Location).</summary>
        public string? Url { get; internal set; }

        public string? Path { get; internal set; }

        public string? Method { get; internal set; }

        public string? Parameter { get; internal set; }

        public string? InsertionPoint { get; internal set; }

        /// <summary>The vendor's retesting flag.</summary>
        public bool? Retesting { get; internal set; }

        public string? Fix { get; internal set; }

        public ValueList<string> Labels { get; internal set; } = ValueList<string>.Empty;

        public System.DateTimeOffset? Changed { get; internal set; }
    }
}
