using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ScanPS.Models;
using ScanPS.Providers;

namespace ScanPS.Findings
{
    /// <summary>
    /// Writes findings as a SARIF 2.1.0 log: one run per provider (in the order providers first appear), one rule per
    /// RuleId (or Title when there is none), one result per finding. level: Critical and High "error", Medium
    /// "warning", Low and Info "note". Each rule carries a "security-severity" (the highest CVSS of its findings, or
    /// 9.5/8.0/5.5/3.0/0.0 by severity) so GitHub code scanning ranks it. Locations: an absolute URL when the finding
    /// has one, otherwise a network-path reference "//host[:port]/location"; the raw target is also a logical
    /// location. partialFingerprints carry the ScanPS fingerprint and the vendor identity. A compared finding's
    /// Change becomes baselineState (New "new", StillOpen "unchanged", Fixed "absent").
    /// </summary>
    public static class SarifLog
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

        public static string Write(IEnumerable<FindingRecord> findings, string toolVersion)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("$schema", SchemaUri);
                json.WriteString("version", "2.1.0");
                json.WriteStartArray("runs");
                foreach (var run in findings.GroupBy(f => f.Provider))
                {
                    WriteRun(json, run.Key, run.ToList(), toolVersion);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static void WriteRun(Utf8JsonWriter json, string provider, IReadOnlyList<FindingRecord> findings, string toolVersion)
        {
            var rules = findings.GroupBy(RuleId, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
            var ruleIndex = rules.Select((r, i) => (RuleId(r[0]), i)).ToDictionary(p => p.Item1, p => p.i, StringComparer.Ordinal);

            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", provider);
            string? informationUri = ProviderDefinition.Get(provider).InformationUri;
            if (informationUri != null) json.WriteString("informationUri", informationUri);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                var first = rule[0];
                var top = rule.OrderByDescending(f => f.Severity).First();
                json.WriteStartObject();
                json.WriteString("id", RuleId(first));
                if (first.Title != null)
                {
                    json.WriteStartObject("shortDescription");
                    json.WriteString("text", first.Title);
                    json.WriteEndObject();
                }

                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(top.Severity));
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("security-severity", SecuritySeverity(rule).ToString("0.0", CultureInfo.InvariantCulture));
                json.WriteStartArray("tags");
                json.WriteStringValue("security");
                foreach (var cwe in rule.SelectMany(f => f.Cwe).Distinct(StringComparer.OrdinalIgnoreCase)) json.WriteStringValue(cwe);
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject(); // driver
            json.WriteEndObject(); // tool

            json.WriteStartArray("results");
            foreach (var finding in findings)
            {
                WriteResult(json, finding, ruleIndex[RuleId(finding)]);
            }

            json.WriteEndArray();
            json.WriteStartObject("properties");
            json.WriteString("scanpsVersion", toolVersion);
            json.WriteStartArray("scanIds");
            foreach (var scanId in findings.Select(f => f.ScanId).Where(s => s != null).Distinct(StringComparer.Ordinal)) json.WriteStringValue(scanId);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static void WriteResult(Utf8JsonWriter json, FindingRecord finding, int ruleIndex)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", RuleId(finding));
            json.WriteNumber("ruleIndex", ruleIndex);
            json.WriteString("level", Level(finding.Severity));
            json.WriteStartObject("message");
            json.WriteString("text", Message(finding));
            json.WriteEndObject();

            var uri = LocationUri(finding);
            var logical = LogicalName(finding);
            if (uri != null || logical != null)
            {
                json.WriteStartArray("locations");
                json.WriteStartObject();
                if (uri != null)
                {
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    json.WriteString("uri", uri);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                if (logical != null)
                {
                    json.WriteStartArray("logicalLocations");
                    json.WriteStartObject();
                    json.WriteString("name", finding.Target ?? logical);
                    json.WriteString("fullyQualifiedName", logical);
                    json.WriteString("kind", "resource");
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteStartObject("partialFingerprints");
            json.WriteString(FindingFingerprint.SarifName, finding.Fingerprint);
            if (finding.VendorKey != null) json.WriteString(finding.VendorKeyName!, finding.VendorKey);
            json.WriteEndObject();

            var baseline = BaselineState(finding.Change);
            if (baseline != null) json.WriteString("baselineState", baseline);

            json.WriteStartObject("properties");
            json.WriteString("provider", finding.Provider);
            WriteIf(json, "scanId", finding.ScanId);
            WriteIf(json, "findingId", finding.Id);
            json.WriteString("severity", finding.Severity.ToString());
            WriteIf(json, "vendorSeverity", finding.VendorSeverity);
            json.WriteString("status", finding.Status.ToString());
            WriteIf(json, "vendorStatus", finding.VendorStatus);
            if (finding.Cvss != null) json.WriteNumber("cvss", finding.Cvss.Value);
            WriteIf(json, "cvssVector", finding.CvssVector);
            WriteList(json, "cwe", finding.Cwe);
            WriteList(json, "cve", finding.Cve);
            if (finding.FirstSeen != null) json.WriteString("firstSeen", finding.FirstSeen.Value.ToString("o", CultureInfo.InvariantCulture));
            if (finding.LastSeen != null) json.WriteString("lastSeen", finding.LastSeen.Value.ToString("o", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static void WriteIf(Utf8JsonWriter json, string name, string? value)
        {
            if (value != null) json.WriteString(name, value);
        }

        private static void WriteList(Utf8JsonWriter json, string name, string[] values)
        {
            if (values.Length == 0) return;
            json.WriteStartArray(name);
            foreach (var value in values) json.WriteStringValue(value);
            json.WriteEndArray();
        }

        public static string RuleId(FindingRecord finding) => finding.RuleId ?? finding.Title ?? "unknown";

        public static string Level(FindingSeverity severity) => severity switch
        {
            FindingSeverity.Critical => "error",
            FindingSeverity.High => "error",
            FindingSeverity.Medium => "warning",
            _ => "note",
        };

        public static string? BaselineState(FindingChange change) => change switch
        {
            FindingChange.New => "new",
            FindingChange.StillOpen => "unchanged",
            FindingChange.Fixed => "absent",
            _ => null,
        };

        private static double SecuritySeverity(IReadOnlyList<FindingRecord> rule)
        {
            var cvss = rule.Where(f => f.Cvss != null).Select(f => f.Cvss!.Value).DefaultIfEmpty(-1).Max();
            if (cvss >= 0) return Math.Min(10.0, cvss);
            return rule.Max(f => f.Severity) switch
            {
                FindingSeverity.Critical => 9.5,
                FindingSeverity.High => 8.0,
                FindingSeverity.Medium => 5.5,
                FindingSeverity.Low => 3.0,
                _ => 0.0,
            };
        }

        private static string Message(FindingRecord finding)
        {
            var text = finding.DisplayName + " (" + finding.Severity + ")";
            var where = LogicalName(finding);
            return where == null ? text : text + " on " + where;
        }

        /// <summary>Target and Location as one readable place: "https://a.example/login", "10.0.0.5:443", "example.com /admin".</summary>
        internal static string? LogicalName(FindingRecord finding)
        {
            if (finding.Target == null) return finding.Location;
            if (finding.Location == null || finding.Target.IndexOf(finding.Location, StringComparison.Ordinal) >= 0) return finding.Target;
            if (IsAbsoluteUrl(finding.Location)) return finding.Location;
            return finding.Location.StartsWith("/", StringComparison.Ordinal) ? finding.Target.TrimEnd('/') + finding.Location : finding.Target + " " + finding.Location;
        }

        /// <summary>An absolute http(s) URL when the finding has one; else "//host[:port][/path]" for a host target; else null.</summary>
        internal static string? LocationUri(FindingRecord finding)
        {
            if (finding.Location != null && IsAbsoluteUrl(finding.Location)) return new Uri(finding.Location).AbsoluteUri;
            if (finding.Target == null) return null;
            if (IsAbsoluteUrl(finding.Target))
            {
                var baseUri = new Uri(finding.Target);
                if (finding.Location != null && finding.Location.StartsWith("/", StringComparison.Ordinal) && Uri.TryCreate(baseUri, finding.Location, out var combined)) return combined.AbsoluteUri;
                return baseUri.AbsoluteUri;
            }

            // A host or host:port: a network-path reference keeps it a valid URI reference without inventing a scheme.
            if (Uri.TryCreate("scheme://" + finding.Target.Trim(), UriKind.Absolute, out var host) && host.Host.Length > 0 && host.PathAndQuery == "/")
            {
                var authority = host.IsDefaultPort || host.Port < 0 ? host.Host : host.Host + ":" + host.Port.ToString(CultureInfo.InvariantCulture);
                if (host.HostNameType == UriHostNameType.IPv6) authority = "[" + host.Host.Trim('[', ']') + "]" + (host.IsDefaultPort || host.Port < 0 ? string.Empty : ":" + host.Port.ToString(CultureInfo.InvariantCulture));
                var path = finding.Location != null && finding.Location.StartsWith("/", StringComparison.Ordinal) && Uri.TryCreate("scheme://h" + finding.Location, UriKind.Absolute, out var escaped) ? escaped.PathAndQuery : string.Empty;
                return "//" + authority + path;
            }

            return null;
        }

        private static bool IsAbsoluteUrl(string text) =>
            Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }
}
