using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScanPS.Models;

namespace ScanPS.Providers
{
    /// <summary>Small rules every finding mapper shares: the severity table lookup, CWE/CVE spelling, lenient numbers.</summary>
    internal static class FindingValues
    {
        private static readonly Regex CveText = new Regex(@"CVE-\d{4}-\d{4,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>
        /// The vendor's value looked up in its column of the severity table (vendor-apis.md 5.5), ignoring case; anything
        /// else (unknown, missing) is Info. Never a guess such as Medium: the raw value stays in VendorSeverity.
        /// </summary>
        internal static FindingSeverity Severity(IReadOnlyDictionary<string, FindingSeverity> table, string? vendorValue) =>
            vendorValue != null && table.TryGetValue(vendorValue.Trim(), out var severity) ? severity : FindingSeverity.Info;

        /// <summary>"79", "cwe-79" or "CWE-79" as "CWE-79"; a comma list gives several; blanks are dropped.</summary>
        internal static ValueList<string> Cwes(IEnumerable<string?>? values)
        {
            if (values == null) return ValueList<string>.Empty;
            var result = new List<string>();
            foreach (var value in values)
            {
                if (string.IsNullOrWhiteSpace(value)) continue;
                foreach (var part in value!.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    string text = part.Trim();
                    if (text.Length == 0) continue;
                    if (text.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase)) text = text.Substring(4);
                    string cwe = "CWE-" + text;
                    if (!result.Contains(cwe, StringComparer.OrdinalIgnoreCase)) result.Add(cwe);
                }
            }

            return result.ToArray();
        }

        /// <summary>CVE ids as given (upper-cased, de-duplicated, blanks dropped).</summary>
        internal static ValueList<string> Cves(IEnumerable<string?>? values)
        {
            if (values == null) return ValueList<string>.Empty;
            return values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToArray();
        }

        /// <summary>Every CVE id written in the texts (titles, reference URLs), for vendors with no CVE field.</summary>
        internal static ValueList<string> CvesIn(IEnumerable<string?> texts) =>
            Cves(texts.Where(t => t != null).SelectMany(t => CveText.Matches(t!).Cast<Match>().Select(m => m.Value)));

        /// <summary>A CVSS score sent as a number or as text ("5.7"); anything else is null.</summary>
        internal static double? Number(JsonElement? element)
        {
            if (!element.HasValue) return null;
            var value = element.Value;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double n)) return n;
            if (value.ValueKind == JsonValueKind.String) return Number(value.GetString());
            return null;
        }

        internal static double? Number(string? text) =>
            double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double n) ? n : (double?)null;

        /// <summary>A scalar JSON value as text (a number or boolean as written); objects and arrays give null.</summary>
        internal static string? Text(JsonElement? element)
        {
            if (!element.HasValue) return null;
            var value = element.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String: return value.GetString();
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False: return value.GetRawText();
                default: return null;
            }
        }

        /// <summary>RFC 3339 / ISO 8601 text as a DateTimeOffset (no zone: UTC); unreadable text or Go's zero time gives null.</summary>
        internal static DateTimeOffset? IsoTime(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return null;
            return value.Year <= 1 ? (DateTimeOffset?)null : value;
        }

        internal static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

        internal static ValueList<string> List(IEnumerable<string?>? values) =>
            values == null ? ValueList<string>.Empty : values.Where(v => v != null).Select(v => v!).ToArray();
    }
}
