using System;
using System.Globalization;
using ScanPS.Models;
using ScanPS.Providers;

namespace ScanPS.Findings
{
    /// <summary>
    /// One finding as the finding commands see it: the common ScanFinding properties read through the
    /// <see cref="IFindingProperties"/> seam, the provider's own identity and change signals read by its
    /// <see cref="IFindingSignals"/>, and the ScanPS fingerprint.
    /// </summary>
    public sealed class FindingRecord
    {
        private FindingRecord(IFindingProperties properties, string provider, FindingSeverity severity)
        {
            Properties = properties;
            Provider = provider;
            Severity = severity;
        }

        public IFindingProperties Properties { get; }

        public object Source => Properties.Source;

        public string Provider { get; }

        public string? ScanId { get; private set; }

        public string? Id { get; private set; }

        public string? Title { get; private set; }

        public FindingSeverity Severity { get; }

        public string? VendorSeverity { get; private set; }

        public string? Target { get; private set; }

        public FindingStatus Status { get; private set; }

        public string? VendorStatus { get; private set; }

        public string? RuleId { get; private set; }

        public string? Location { get; private set; }

        public double? Cvss { get; private set; }

        public string? CvssVector { get; private set; }

        public string[] Cwe { get; private set; } = Array.Empty<string>();

        public string[] Cve { get; private set; } = Array.Empty<string>();

        public DateTimeOffset? FirstSeen { get; private set; }

        public DateTimeOffset? LastSeen { get; private set; }

        public FindingChange Change { get; private set; }

        /// <summary>The ScanPS fingerprint (<see cref="FindingFingerprint"/>), always present.</summary>
        public string Fingerprint { get; private set; } = string.Empty;

        /// <summary>The vendor's own stable identity of the finding (risk id, vuln_hash, LookupId, finding id), when the object carries it.</summary>
        public string? VendorKey { get; private set; }

        /// <summary>The partialFingerprints name of <see cref="VendorKey"/> in SARIF, e.g. "vulnHash/v1".</summary>
        public string? VendorKeyName { get; private set; }

        /// <summary>True when the finding is no longer there (fixed or closed), by the vendor's signal or the common Status.</summary>
        public bool IsGone { get; private set; }

        /// <summary>
        /// True when the scan the finding was read for did not see it: the vendor's word on that scan where it has one
        /// (<see cref="IFindingSignals.FoundByScan"/>), else <see cref="IsGone"/>. What Compare-ScanFinding matches on.
        /// </summary>
        public bool AbsentFromScan { get; private set; }

        /// <summary>The title or rule, for messages.</summary>
        public string DisplayName => Title ?? RuleId ?? Id ?? Fingerprint;

        /// <summary>
        /// Reads a finding, or returns null with the reason in <paramref name="problem"/>: every finding command needs
        /// a known Provider and a Severity that names a <see cref="FindingSeverity"/> (a gate must never guess).
        /// </summary>
        public static FindingRecord? TryRead(IFindingProperties properties, out string? problem)
        {
            problem = null;
            var providerText = FindingValue.Text(properties.Get("Provider"));
            var provider = ProviderNames.Normalize(providerText);
            if (provider == null)
            {
                problem = providerText == null
                    ? "The object has no Provider property; it is not a ScanPS finding."
                    : "The Provider '" + providerText + "' is not one of " + string.Join(", ", ProviderNames.All) + ".";
                return null;
            }

            var severityText = FindingValue.Text(properties.Get("Severity"));
            if (!TryParseSeverity(severityText, out var severity))
            {
                problem = severityText == null
                    ? "The finding has no Severity property."
                    : "The Severity '" + severityText + "' is not one of Info, Low, Medium, High, Critical.";
                return null;
            }

            var record = new FindingRecord(properties, provider, severity)
            {
                ScanId = FindingValue.Text(properties.Get("ScanId")),
                Id = FindingValue.Text(properties.Get("Id")),
                Title = FindingValue.Text(properties.Get("Title")),
                VendorSeverity = FindingValue.Text(properties.Get("VendorSeverity")),
                Target = FindingValue.Text(properties.Get("Target")),
                VendorStatus = FindingValue.Text(properties.Get("VendorStatus")),
                RuleId = FindingValue.Text(properties.Get("RuleId")),
                Location = FindingValue.Text(properties.Get("Location")),
                CvssVector = FindingValue.Text(properties.Get("CvssVector")),
                Cwe = FindingValue.List(properties.Get("Cwe")),
                Cve = FindingValue.List(properties.Get("Cve")),
                FirstSeen = FindingValue.Date(properties.Get("FirstSeen")),
                LastSeen = FindingValue.Date(properties.Get("LastSeen")),
            };
            record.Status = Enum.TryParse(FindingValue.Text(properties.Get("Status")), true, out FindingStatus status) && Enum.IsDefined(typeof(FindingStatus), status) ? status : FindingStatus.Unknown;
            record.Change = Enum.TryParse(FindingValue.Text(properties.Get("Change")), true, out FindingChange change) && Enum.IsDefined(typeof(FindingChange), change) ? change : FindingChange.None;
            var cvss = FindingValue.Text(properties.Get("Cvss"));
            if (cvss != null && double.TryParse(cvss, NumberStyles.Float, CultureInfo.InvariantCulture, out var score)) record.Cvss = score;
            record.Fingerprint = FindingFingerprint.Compute(provider, record.Target, record.RuleId ?? record.Title, record.Location);

            var signals = ProviderDefinition.Get(provider).FindingSignals;
            record.VendorKey = signals.VendorKey(properties);
            record.VendorKeyName = record.VendorKey == null ? null : signals.VendorKeyName;
            record.IsGone = record.Status == FindingStatus.Fixed || record.Status == FindingStatus.Closed || signals.IsGone(properties);
            var found = signals.FoundByScan(properties);
            record.AbsentFromScan = found.HasValue ? !found.Value : record.IsGone;
            return record;
        }

        /// <summary>"High", "high", or the number PowerShell writes for an enum read back from Clixml ("3").</summary>
        public static bool TryParseSeverity(string? text, out FindingSeverity severity)
        {
            severity = FindingSeverity.Info;
            if (text == null) return false;
            return Enum.TryParse(text, true, out severity) && Enum.IsDefined(typeof(FindingSeverity), severity);
        }

        public override string ToString() => Provider + " " + Severity + " " + DisplayName;
    }
}
