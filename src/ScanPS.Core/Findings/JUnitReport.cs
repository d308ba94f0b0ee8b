using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using ScanPS.Models;

namespace ScanPS.Findings
{
    /// <summary>How ConvertTo-ScanJUnit makes test cases.</summary>
    public enum JUnitTestCaseMode
    {
        /// <summary>One test case per finding.</summary>
        Finding,

        /// <summary>One test case per target (per provider), failing when any of its findings fails.</summary>
        Target,
    }

    /// <summary>
    /// Writes findings as JUnit XML in the shape Jenkins, GitLab, Azure Pipelines and GitHub test reporters read (the
    /// Jenkins xunit-plugin junit-10.xsd): testsuites, one testsuite per provider, test cases per finding or per target.
    /// A finding fails its test case when it counts (<see cref="SeverityGate.Counts"/>: not fixed, closed, accepted or
    /// a false positive, not Change Fixed) and its severity is at least the minimum; a counting finding below the
    /// minimum is a skipped test case; a finding that no longer counts passes.
    /// </summary>
    public static class JUnitReport
    {
        public static string Write(IReadOnlyList<FindingRecord> findings, JUnitTestCaseMode mode, FindingSeverity minimum, DateTimeOffset timestamp)
        {
            var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
            using var stream = new MemoryStream();
            using (var xml = XmlWriter.Create(stream, settings))
            {
                var suites = findings.GroupBy(f => f.Provider).Select(g => new Suite(g.Key, Cases(g.ToList(), mode, minimum))).ToList();
                xml.WriteStartElement("testsuites");
                xml.WriteAttributeString("name", "ScanPS findings");
                xml.WriteAttributeString("tests", Count(suites.Sum(s => s.Cases.Count)));
                xml.WriteAttributeString("failures", Count(suites.Sum(s => s.Failures)));
                xml.WriteAttributeString("errors", "0");
                xml.WriteAttributeString("time", "0");
                foreach (var suite in suites)
                {
                    xml.WriteStartElement("testsuite");
                    xml.WriteAttributeString("name", suite.Provider);
                    xml.WriteAttributeString("tests", Count(suite.Cases.Count));
                    xml.WriteAttributeString("failures", Count(suite.Failures));
                    xml.WriteAttributeString("errors", "0");
                    xml.WriteAttributeString("skipped", Count(suite.Cases.Count(c => c.Skipped != null)));
                    xml.WriteAttributeString("time", "0");
                    xml.WriteAttributeString("timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
                    foreach (var test in suite.Cases)
                    {
                        xml.WriteStartElement("testcase");
                        xml.WriteAttributeString("name", test.Name);
                        xml.WriteAttributeString("classname", test.ClassName);
                        xml.WriteAttributeString("time", "0");
                        if (test.FailureMessage != null)
                        {
                            xml.WriteStartElement("failure");
                            xml.WriteAttributeString("type", test.FailureType);
                            xml.WriteAttributeString("message", test.FailureMessage);
                            xml.WriteString(test.Details);
                            xml.WriteEndElement();
                        }
                        else if (test.Skipped != null)
                        {
                            xml.WriteStartElement("skipped");
                            xml.WriteAttributeString("message", test.Skipped);
                            xml.WriteEndElement();
                            xml.WriteElementString("system-out", test.Details);
                        }
                        else
                        {
                            xml.WriteElementString("system-out", test.Details);
                        }

                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static List<TestCase> Cases(IReadOnlyList<FindingRecord> findings, JUnitTestCaseMode mode, FindingSeverity minimum)
        {
            if (mode == JUnitTestCaseMode.Finding)
            {
                return findings.Select(f =>
                {
                    var test = new TestCase(
                        "[" + f.Severity + "] " + f.DisplayName + (SarifLog.LogicalName(f) is string where ? " on " + where : string.Empty),
                        f.Provider + "." + (f.Target ?? "unknown-target"),
                        Describe(f));
                    if (!SeverityGate.Counts(f)) return test;
                    if (f.Severity < minimum) return test.Skip("Severity " + f.Severity + " is below " + minimum + ".");
                    return test.Fail(f.Severity.ToString(), f.DisplayName);
                }).ToList();
            }

            return findings.GroupBy(f => f.Target ?? "unknown-target", StringComparer.OrdinalIgnoreCase).Select(g =>
            {
                var list = g.ToList();
                var test = new TestCase(g.Key, list[0].Provider, string.Join("\n\n", list.Select(Describe)));
                var failing = list.Where(f => SeverityGate.Counts(f) && f.Severity >= minimum).ToList();
                if (failing.Count > 0)
                {
                    var top = failing.Max(f => f.Severity);
                    return test.Fail(top.ToString(), failing.Count + (failing.Count == 1 ? " finding: " : " findings: ") + SeverityGate.Summary(failing));
                }

                if (list.Any(SeverityGate.Counts)) return test.Skip("Every open finding is below " + minimum + ".");
                return test;
            }).ToList();
        }

        private static string Describe(FindingRecord f)
        {
            var lines = new List<string>
            {
                f.DisplayName,
                "Provider: " + f.Provider + (f.ScanId == null ? string.Empty : ", scan " + f.ScanId) + (f.Id == null ? string.Empty : ", finding " + f.Id),
                "Severity: " + f.Severity + (f.VendorSeverity == null ? string.Empty : " (vendor: " + f.VendorSeverity + ")"),
            };
            if (f.Target != null) lines.Add("Target: " + f.Target);
            if (f.Location != null) lines.Add("Location: " + f.Location);
            if (f.RuleId != null) lines.Add("Rule: " + f.RuleId);
            lines.Add("Status: " + f.Status + (f.VendorStatus == null ? string.Empty : " (vendor: " + f.VendorStatus + ")") + (f.Change == FindingChange.None ? string.Empty : ", change " + f.Change));
            if (f.Cvss != null) lines.Add("CVSS: " + f.Cvss.Value.ToString("0.0", CultureInfo.InvariantCulture) + (f.CvssVector == null ? string.Empty : " " + f.CvssVector));
            if (f.Cwe.Length > 0) lines.Add("CWE: " + string.Join(", ", f.Cwe));
            if (f.Cve.Length > 0) lines.Add("CVE: " + string.Join(", ", f.Cve));
            lines.Add("Fingerprint: " + f.Fingerprint);
            return string.Join("\n", lines);
        }

        private sealed class Suite
        {
            public Suite(string provider, List<TestCase> cases)
            {
                Provider = provider;
                Cases = cases;
            }

            public string Provider { get; }

            public List<TestCase> Cases { get; }

            public int Failures => Cases.Count(c => c.FailureMessage != null);
        }

        private sealed class TestCase
        {
            public TestCase(string name, string className, string details)
            {
                Name = name;
                ClassName = className;
                Details = details;
            }

            public string Name { get; }

            public string ClassName { get; }

            public string Details { get; }

            public string? FailureType { get; private set; }

            public string? FailureMessage { get; private set; }

            public string? Skipped { get; private set; }

            public TestCase Fail(string type, string message)
            {
                FailureType = type;
                FailureMessage = message;
                return this;
            }

            public TestCase Skip(string message)
            {
                Skipped = message;
                return this;
            }
        }
    }
}
