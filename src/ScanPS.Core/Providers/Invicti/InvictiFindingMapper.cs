using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ScanPS.Models;

namespace ScanPS.Providers.Invicti
{
    internal static class InvictiFindingMapper
    {
        /// <summary>Severity column of the severity table: BestPractice and Information are Info, and so is anything else.</summary>
        internal static readonly IReadOnlyDictionary<string, FindingSeverity> SeverityTable = new Dictionary<string, FindingSeverity>(StringComparer.OrdinalIgnoreCase)
        {
            ["BestPractice"] = FindingSeverity.Info,
            ["Information"] = FindingSeverity.Info,
            ["Low"] = FindingSeverity.Low,
            ["Medium"] = FindingSeverity.Medium,
            ["High"] = FindingSeverity.High,
            ["Critical"] = FindingSeverity.Critical,
        };

        public const string ReportSource = "Report";
        public const string ScanResultSource = "ScanResult";

        /// <summary>
        /// The report's State: Present (and Revived) is Open, FalsePositive, AcceptedRisk is Accepted, the Fixed… states
        /// Fixed; anything else Unknown with the raw value kept.
        /// </summary>
        internal static FindingStatus Status(string? state)
        {
            if (string.IsNullOrEmpty(state)) return FindingStatus.Unknown;
            if (state!.Equals("Present", StringComparison.OrdinalIgnoreCase) || state.Equals("Revived", StringComparison.OrdinalIgnoreCase)) return FindingStatus.Open;
            if (state.Equals("FalsePositive", StringComparison.OrdinalIgnoreCase)) return FindingStatus.FalsePositive;
            if (state.Equals("AcceptedRisk", StringComparison.OrdinalIgnoreCase)) return FindingStatus.Accepted;
            if (state.StartsWith("Fixed", StringComparison.OrdinalIgnoreCase)) return FindingStatus.Fixed;
            return FindingStatus.Unknown;
        }

        /// <summary>The vulnerabilities of a Vulnerabilities JSON report as findings of <paramref name="scanId"/> (the id asked for; the report's own ScanId has no dashes).</summary>
        internal static IEnumerable<InvictiFinding> ToFindings(InvictiWireReport report, string scanId)
        {
            var vulnerabilities = report.Vulnerabilities?.Where(v => v != null).Select(v => v!).ToList() ?? new List<InvictiWireReportVulnerability>();
            bool dayFirst = InvictiDates.DayFirst(vulnerabilities.SelectMany(v => new[] { v.FirstSeenDate, v.LastSeenDate })
                .Concat(new[] { report.Generated, report.Target?.Initiated }));
            foreach (var vulnerability in vulnerabilities)
            {
                yield return ToFinding(vulnerability, scanId, report.Target?.Url, dayFirst);
            }
        }

        internal static InvictiFinding ToFinding(InvictiWireReportVulnerability wire, string scanId, string? targetUrl, bool dayFirst = true)
        {
            var classification = wire.Classification;
            var cvss = classification?.Cvss31 ?? classification?.Cvss;
            string? certainty = FindingValues.Text(wire.Certainty);
            string id = FindingValues.NullIfEmpty(wire.LookupId) ?? (wire.Type + "|" + wire.Url);
            return new InvictiFinding(scanId, id)
            {
                Title = wire.Name,
                Severity = FindingValues.Severity(SeverityTable, wire.Severity),
                VendorSeverity = wire.Severity,
                Target = FindingValues.NullIfEmpty(targetUrl) ?? wire.Url,
                Status = Status(wire.State),
                VendorStatus = wire.State,
                RuleId = wire.Type,
                Location = wire.Url,
                Cvss = FindingValues.Number(cvss?.BaseScore?.Value),
                CvssVector = FindingValues.NullIfEmpty(cvss?.Vector),
                Cwe = FindingValues.Cwes(new[] { classification?.Cwe }),
                FirstSeen = InvictiDates.Parse(wire.FirstSeenDate, dayFirst),
                LastSeen = InvictiDates.Parse(wire.LastSeenDate, dayFirst),
                LookupId = FindingValues.NullIfEmpty(wire.LookupId),
                Type = wire.Type,
                Url = wire.Url,
                Confirmed = wire.Confirmed,
                Certainty = int.TryParse(certainty, NumberStyles.Integer, CultureInfo.InvariantCulture, out int c) ? c : (int?)null,
                IsPresent = wire.IsPresent,
                FirstSeenDate = wire.FirstSeenDate,
                LastSeenDate = wire.LastSeenDate,
                Cvss30Vector = classification?.Cvss31 != null ? FindingValues.NullIfEmpty(classification.Cvss?.Vector) : null,
                Capec = FindingValues.NullIfEmpty(classification?.Capec),
                Owasp = FindingValues.NullIfEmpty(classification?.Owasp),
                Wasc = FindingValues.NullIfEmpty(classification?.Wasc),
                Pci32 = FindingValues.NullIfEmpty(classification?.Pci32),
                Hipaa = FindingValues.NullIfEmpty(classification?.Hipaa),
                Iso27001 = FindingValues.NullIfEmpty(classification?.Iso27001),
                HttpMethod = wire.HttpRequest?.Method,
                Description = FindingValues.NullIfEmpty(wire.Description),
                Impact = FindingValues.NullIfEmpty(wire.Impact),
                RemedialProcedure = FindingValues.NullIfEmpty(wire.RemedialProcedure),
                Source = ReportSource,
            };
        }

        /// <summary>
        /// The fallback: scans/result/{id} rows (title, type, URL only) with the severity, CWE and CVSS of their type's
        /// template from vulnerability/list. A type with no template is Info with no VendorSeverity. Id is the issue id at
        /// the end of IssueUrl when it looks like one (UNCONFIRMED), else type and URL.
        /// </summary>
        internal static IEnumerable<InvictiFinding> FromScanResult(string scanId, IEnumerable<InvictiWireVulnerabilityModel?> rows, IEnumerable<InvictiWireVulnerabilityTemplate?> templates)
        {
            var byType = new Dictionary<string, InvictiWireVulnerabilityTemplate>(StringComparer.OrdinalIgnoreCase);
            foreach (var template in templates)
            {
                if (template?.Type != null && !byType.ContainsKey(template.Type)) byType[template.Type] = template;
            }

            foreach (var row in rows)
            {
                if (row == null) continue;
                byType.TryGetValue(row.Type ?? string.Empty, out var template);
                var score = template?.Cvss31Vector ?? template?.CvssVector;
                InvictiWireCvssScore? baseScore = null;
                score?.TryGetValue("Base", out baseScore);
                yield return new InvictiFinding(scanId, IssueId(row.IssueUrl) ?? (row.Type + "|" + row.Url))
                {
                    Title = row.Title,
                    Severity = FindingValues.Severity(SeverityTable, template?.Severity),
                    VendorSeverity = template?.Severity,
                    Target = row.Url,
                    Status = FindingStatus.Unknown,
                    RuleId = row.Type,
                    Location = row.Url,
                    Cvss = FindingValues.Number(baseScore?.Value),
                    CvssVector = FindingValues.NullIfEmpty(template?.Cvss31VectorString) ?? FindingValues.NullIfEmpty(template?.CvssVectorString),
                    Cwe = FindingValues.Cwes(new[] { template?.Classification?.Cwe }),
                    Type = row.Type,
                    Url = row.Url,
                    IssueUrl = row.IssueUrl,
                    Capec = FindingValues.NullIfEmpty(template?.Classification?.Capec),
                    Owasp = FindingValues.NullIfEmpty(template?.Classification?.OwaspTopTen2021) ?? FindingValues.NullIfEmpty(template?.Classification?.Owasp2017),
                    Wasc = FindingValues.NullIfEmpty(template?.Classification?.Wasc),
                    Pci32 = FindingValues.NullIfEmpty(template?.Classification?.Pci32),
                    Hipaa = FindingValues.NullIfEmpty(template?.Classification?.Hipaa),
                    Iso27001 = FindingValues.NullIfEmpty(template?.Classification?.Iso27001),
                    Description = FindingValues.NullIfEmpty(template?.Description),
                    Impact = FindingValues.NullIfEmpty(template?.Impact),
                    RemedialProcedure = FindingValues.NullIfEmpty(template?.Remedy),
                    Source = ScanResultSource,
                };
            }
        }

        private static string? IssueId(string? issueUrl)
        {
            if (string.IsNullOrEmpty(issueUrl)) return null;
            string last = issueUrl!.TrimEnd('/').Split('/').Last().Split('?')[0];
            return Guid.TryParse(last, out var guid) ? guid.ToString("D") : null;
        }
    }

    /// <summary>
    /// Invicti's report dates are in the API user's display format ("25/06/2021 09:59 AM"; DefectDojo #11020). Read
    /// leniently: ISO 8601 first, then day/month/year or month/day/year with 12- or 24-hour time, optional seconds and a
    /// trailing "UTC". Times without a zone are taken as UTC (UNCONFIRMED: the account's zone is not in the report).
    /// </summary>
    internal static class InvictiDates
    {
        private static readonly Regex Numeric = new Regex(@"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?\s*(?:UTC|GMT|Z)?\s*$", RegexOptions.CultureInvariant);

        /// <summary>
        /// Whether a set of dates from one report puts the day first: a first number above 12 says yes, a second above 12
        /// says no; when nothing tells, day first (the vendor's own example).
        /// </summary>
        internal static bool DayFirst(IEnumerable<string?> samples)
        {
            foreach (var sample in samples)
            {
                if (sample == null) continue;
                var match = Numeric.Match(sample);
                if (!match.Success) continue;
                int a = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), b = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
                if (a > 12 && b <= 12) return true;
                if (b > 12 && a <= 12) return false;
            }

            return true;
        }

        internal static DateTimeOffset? Parse(string? text, bool dayFirst = true)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var match = Numeric.Match(text);
            if (!match.Success)
            {
                return text!.IndexOf('-') == 4 ? FindingValues.IsoTime(text) : null;
            }

            int a = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), b = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            int year = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
            int day = dayFirst ? a : b, month = dayFirst ? b : a;
            if (month > 12 && day <= 12)
            {
                int swap = day;
                day = month;
                month = swap;
            }

            int hour = match.Groups[4].Success ? int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture) : 0;
            int minute = match.Groups[5].Success ? int.Parse(match.Groups[5].Value, CultureInfo.InvariantCulture) : 0;
            int second = match.Groups[6].Success ? int.Parse(match.Groups[6].Value, CultureInfo.InvariantCulture) : 0;
            if (match.Groups[7].Success)
            {
                if (hour < 1 || hour > 12) return null;
                bool pm = char.ToUpperInvariant(match.Groups[7].Value[0]) == 'P';
                hour = hour % 12 + (pm ? 12 : 0);
            }

            if (month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
            return new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        }
    }
}
