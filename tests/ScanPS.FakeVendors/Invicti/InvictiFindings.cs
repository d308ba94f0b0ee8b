using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ScanPS.FakeVendors;

/// <summary>
/// Invicti's per-scan findings and reports (invicti-enterprise-swagger-v1.json): GET scans/report/?id=&amp;type=&amp;format=
/// (the Vulnerabilities JSON in the shape of DefectDojo's Invicti fixture, and the other formats as files; 400 for a
/// missing or undocumented type/format, 404 for an unknown scan), GET scans/result/{id} (VulnerabilityModel[]) and
/// GET vulnerability/list?reportPolicyId= (VulnerabilityTemplate[]). See FINDINGS.md for the seeded ids.
/// </summary>
public sealed partial class FakeInvicti
{
    public const string FindingsScanId = "f1d00000-0000-4000-8000-000000000001";

    /// <summary>A later scan of the same website: some issues again (same LookupId), one new.</summary>
    public const string SecondFindingsScanId = "f1d00000-0000-4000-8000-000000000002";

    /// <summary>A scan still Scanning: its report is not available (404).</summary>
    public const string UnfinishedFindingsScanId = "f1d00000-0000-4000-8000-000000000003";

    /// <summary>The scans/report type values the Swagger document lists.</summary>
    public static readonly IReadOnlyList<string> ReportTypes = new[]
    {
        "Crawled", "Scanned", "Vulnerabilities", "ScanDetail", "ModSecurityWafRules", "OwaspTopTen2013", "HIPAACompliance", "Pci32", "KnowledgeBase",
        "ExecutiveSummary", "FullScanDetail", "OwaspTopTen2017", "CustomReport", "Iso27001Compliance", "F5BigIpAsmWafRules", "WASC", "SansTop25", "Asvs40",
        "Nistsp80053", "DisaStig", "OwaspApiTop10", "OwaspTopTen2021", "VulnerabilitiesPerWebsite", "OwaspApiTopTen2023", "PciDss40",
    };

    public static readonly IReadOnlyList<string> ReportFormats = new[] { "Xml", "Csv", "Pdf", "Html", "Txt", "Json" };

    private static readonly DateTimeOffset s_seenEpoch = new(2026, 1, 12, 9, 59, 0, TimeSpan.Zero);

    private readonly Dictionary<string, List<InvictiIssue>> _issuesByScan = new(StringComparer.OrdinalIgnoreCase);
    private string _reportDateFormat = "dd/MM/yyyy hh:mm tt";
    private long _reportLength = FakeReportFile.DefaultLength;

    /// <summary>
    /// How the Vulnerabilities JSON writes dates: the API user's locale, e.g. "25/06/2021 09:59 AM" (DefectDojo #11020).
    /// Set "MM/dd/yyyy hh:mm tt" or "yyyy-MM-dd HH:mm" to test lenient parsing.
    /// </summary>
    public string ReportDateFormat
    {
        get { lock (_gate) { return _reportDateFormat; } }
        set { lock (_gate) { _reportDateFormat = value; } }
    }

    /// <summary>Size of every report file other than JSON (default 6 MiB).</summary>
    public long ReportLength
    {
        get { lock (_gate) { return _reportLength; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            lock (_gate) { _reportLength = value; }
        }
    }

    /// <summary>The file scans/report serves for a non-JSON format.</summary>
    public FakeReportFile ReportFile(string scanId, string type, string format) => new(scanId + "-" + type + "." + format, ReportContentType(format), ReportLength);

    public static string ReportContentType(string format) => format switch
    {
        "Pdf" => "application/pdf",
        "Html" => "text/html",
        "Xml" => "application/xml",
        "Csv" => "text/csv",
        "Txt" => "text/plain",
        _ => "application/json; charset=utf-8",
    };

    /// <summary>
    /// Which formats a report type comes in (UNCONFIRMED: the Swagger document lists both sets but not the pairs; this
    /// follows the product's report menu): the vulnerability list as data, URL lists and WAF rules as text, the
    /// rest as documents.
    /// </summary>
    public static bool ReportFormatAllowed(string type, string format) => type switch
    {
        "Vulnerabilities" => format is "Json" or "Xml" or "Csv",
        "Crawled" or "Scanned" => format is "Xml" or "Csv" or "Txt",
        "ModSecurityWafRules" or "F5BigIpAsmWafRules" => format is "Txt" or "Xml",
        _ => format is "Pdf" or "Html",
    };

    /// <summary>Adds the three finding scans (fixed ids) on the first website; returns their ids.</summary>
    public IReadOnlyList<string> SeedFindingScans()
    {
        lock (_gate)
        {
            if (_scansById.ContainsKey(FindingsScanId))
            {
                throw new InvalidOperationException("The finding scans are already seeded.");
            }

            EnsureWebsite();
            InvictiWebsite site = _websites[0];
            (List<InvictiIssue> first, List<InvictiIssue> second) = SeededIssues(site);
            var scans = new[] { (FindingsScanId, "Complete", first), (SecondFindingsScanId, "Complete", second), (UnfinishedFindingsScanId, "Scanning", new List<InvictiIssue>()) };
            int minute = 0;
            foreach ((string id, string state, List<InvictiIssue> issues) in scans)
            {
                // Older than every other scan, so the finding scans come last in the newest-first scan lists.
                Add(new InvictiScanTask(id, site, state, s_epoch.AddDays(-30).AddMinutes(++minute), advances: false));
                _issuesByScan[id] = issues;
            }

            return scans.Select(s => s.Item1).ToArray();
        }
    }

    /// <summary>
    /// The sandbox's way (CreateSandbox): the same issues on two of the already seeded Complete scans of the first
    /// website, 5ca70000-0000-4000-8000-000000000001 (as FindingsScanId) and …000000000007 (as SecondFindingsScanId),
    /// so the sandbox's scan list and counts stay as they were. Returns the two ids.
    /// </summary>
    public IReadOnlyList<string> AddFindingsToSeededScans()
    {
        lock (_gate)
        {
            var complete = _scans.Where(s => s.State == "Complete" && s.Website == _websites[0]).Take(2).ToList();
            if (complete.Count < 2)
            {
                throw new InvalidOperationException("Seed at least seven scans first (two Complete scans of the first website are needed).");
            }

            (List<InvictiIssue> first, List<InvictiIssue> second) = SeededIssues(_websites[0]);
            _issuesByScan[complete[0].Id] = first;
            _issuesByScan[complete[1].Id] = second;
            return new[] { complete[0].Id, complete[1].Id };
        }
    }

    private static (List<InvictiIssue> First, List<InvictiIssue> Second) SeededIssues(InvictiWebsite site)
    {
        string root = site.RootUrl.TrimEnd('/');
        InvictiIssue I(int n, string type, string name, string severity, string path, string cwe, double? cvss, bool cvss31, bool confirmed, int certainty, string state = "Present") =>
            new(n, type, name, severity, root + path, cwe, cvss, cvss31, confirmed, certainty, state);
        var first = new List<InvictiIssue>
        {
            I(1, "CommandInjection", "Command Injection", "Critical", "/tools/ping.php?host=1", "78", 10.0, true, true, 100),
            I(2, "HighlyPossibleSqlInjection", "[Highly Possible] SQL Injection", "High", "/artist.php?id=1", "89", 9.8, true, false, 95),
            I(3, "PermanentXss", "Stored Cross-site Scripting", "High", "/guestbook.php", "79", 8.1, false, true, 100, "FalsePositive"),
            I(4, "CookieNotMarkedAsHttpOnly", "Cookie Not Marked as HttpOnly", "Medium", "/auth/login.php", "16", 5.7, false, true, 100),
            I(5, "Xss", "Cross-site Scripting", "Medium", "/hello.php?name=x", "79", 6.1, true, true, 100, "AcceptedRisk"),
            I(6, "MissingXFrameOptionsHeader", "Missing X-Frame-Options Header", "Low", "/", "1021", null, false, false, 90),
            I(7, "ApacheVersionDisclosure", "Apache Web Server Version Disclosure", "Information", "/", "205", null, false, true, 100),
            I(8, "MissingContentTypeHeader", "Missing Content-Type Header", "BestPractice", "/static/app.js", "16", null, false, false, 50),
            // The report says Low where the template says Medium: a per-issue override (UNCONFIRMED that Invicti reports them so).
            I(9, "HstsNotEnabled", "HTTP Strict Transport Security (HSTS) Policy Not Enabled", "Low", "/", "523", null, false, true, 100),
        };
        var second = new List<InvictiIssue> { first[0], first[3], first[5], I(10, "WeakCiphersDetected", "Weak Ciphers Enabled", "Medium", "/", "327", 5.9, true, true, 100) };
        return (first, second);
    }

    private void MapFindingRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet(ApiRoot + "/scans/report", (RequestDelegate)ReportAsync);
        app.MapGet(ApiRoot + "/scans/result/{id}", (RequestDelegate)ResultAsync);
        app.MapGet(ApiRoot + "/vulnerability/list", (RequestDelegate)VulnerabilityListAsync);
    }

    private async Task ReportAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        IQueryCollection query = context.Request.Query;
        string? id = FirstOrNull(query["id"]);
        string? type = ReportTypes.FirstOrDefault(t => string.Equals(t, FirstOrNull(query["type"]), StringComparison.OrdinalIgnoreCase));
        string? format = ReportFormats.FirstOrDefault(f => string.Equals(f, FirstOrNull(query["format"]), StringComparison.OrdinalIgnoreCase));
        string? problem = id is null || !System.Guid.TryParse(id, out _) ? "The id field is required and must be a scan id (GUID)."
            : type is null ? "The type field is required: one of " + string.Join(", ", ReportTypes) + "."
            : format is null ? "The format field is required: one of " + string.Join(", ", ReportFormats) + "."
            : !ReportFormatAllowed(type, format) ? "The " + type + " report is not available in " + format + " format."
            : null;
        foreach (string flag in new[] { "excludeResponseData", "onlyConfirmedIssues", "onlyUnconfirmedIssues", "excludeAddressedIssues", "excludeHistoryOfIssues" })
        {
            string? value = FirstOrNull(query[flag]);
            if (problem is null && value is not null && !bool.TryParse(value, out _)) problem = "The value '" + value + "' is not valid for " + flag + ".";
        }

        if (problem is not null)
        {
            await WriteMessageAsync(context, StatusCodes.Status400BadRequest, problem).ConfigureAwait(false);
            return;
        }

        JsonObject? json = null;
        string? unavailable = null;
        string dateFormat;
        lock (_gate)
        {
            dateFormat = _reportDateFormat;
            if (!_scansById.TryGetValue(id!, out InvictiScanTask? scan))
            {
                unavailable = "Scan not found: " + id;
            }
            else if (scan.State != "Complete")
            {
                // UNCONFIRMED: what the vendor answers for a scan that has no report yet.
                unavailable = "The report of scan " + id + " is not available: the scan is " + scan.State + ".";
            }
            else if (format == "Json")
            {
                json = VulnerabilitiesReport(scan, _issuesByScan.TryGetValue(scan.Id, out var issues) ? issues : new List<InvictiIssue>(), query, dateFormat);
            }
        }

        if (unavailable is not null)
        {
            await WriteMessageAsync(context, StatusCodes.Status404NotFound, unavailable).ConfigureAwait(false);
            return;
        }

        if (json is not null)
        {
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, json).ConfigureAwait(false);
            return;
        }

        await ReportFile(id!, type!, format!).WriteAsync(context).ConfigureAwait(false);
    }

    private static bool Flag(IQueryCollection query, string name) => bool.TryParse(FirstOrNull(query[name]), out bool value) && value;

    /// <summary>{Generated, Target{ScanId,Url,Initiated,Duration}, Vulnerabilities[...]}, as DefectDojo's invicti_one_finding.json.</summary>
    private static JsonObject VulnerabilitiesReport(InvictiScanTask scan, List<InvictiIssue> issues, IQueryCollection query, string dateFormat)
    {
        string Date(DateTimeOffset value) => value.UtcDateTime.ToString(dateFormat, CultureInfo.InvariantCulture);
        JsonArray vulnerabilities = new();
        foreach (InvictiIssue issue in issues)
        {
            if (Flag(query, "onlyConfirmedIssues") && !issue.Confirmed) continue;
            if (Flag(query, "onlyUnconfirmedIssues") && issue.Confirmed) continue;
            if (Flag(query, "excludeAddressedIssues") && issue.State != "Present") continue;
            vulnerabilities.Add(issue.ToReportJson(Date(s_seenEpoch.AddDays(issue.Number)), Date(scan.InitiatedAt.AddMinutes(30)), !Flag(query, "excludeResponseData")));
        }

        return new JsonObject
        {
            ["Generated"] = Date(scan.InitiatedAt.AddHours(1)),
            ["Target"] = new JsonObject
            {
                ["Duration"] = "00:42:10.3968969",
                ["Initiated"] = Date(scan.InitiatedAt),
                // The fixture's ScanId is the GUID without dashes.
                ["ScanId"] = System.Guid.Parse(scan.Id).ToString("N"),
                ["Url"] = scan.Website.RootUrl,
            },
            ["Vulnerabilities"] = vulnerabilities,
        };
    }

    private async Task ResultAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        string id = context.Request.RouteValues["id"] as string ?? string.Empty;
        JsonArray? models = null;
        string issueRoot = context.Request.Scheme + "://" + context.Request.Host + "/issues/detail/";
        lock (_gate)
        {
            if (System.Guid.TryParse(id, out _) && _scansById.ContainsKey(id))
            {
                models = new JsonArray();
                foreach (InvictiIssue issue in _issuesByScan.TryGetValue(id, out var issues) ? issues : new List<InvictiIssue>())
                {
                    models.Add(new JsonObject { ["IssueUrl"] = issueRoot + issue.IssueId, ["Title"] = issue.Name, ["Type"] = issue.Type, ["Url"] = issue.Url });
                }
            }
        }

        if (models is null)
        {
            await WriteMessageAsync(context, StatusCodes.Status404NotFound, "Scan not found: " + id).ConfigureAwait(false);
            return;
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, models).ConfigureAwait(false);
    }

    /// <summary>One VulnerabilityTemplate per vulnerability type the fake's scans report, with the template's (not the issue's) severity.</summary>
    private async Task VulnerabilityListAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        string? policy = FirstOrNull(context.Request.Query["reportPolicyId"]);
        if (policy is not null && !System.Guid.TryParse(policy, out _))
        {
            await WriteMessageAsync(context, StatusCodes.Status400BadRequest, "The value '" + policy + "' is not valid for reportPolicyId.").ConfigureAwait(false);
            return;
        }

        JsonArray templates = new();
        lock (_gate)
        {
            foreach (InvictiIssue issue in _issuesByScan.Values.SelectMany(i => i).GroupBy(i => i.Type).Select(g => g.First()).OrderBy(i => i.Type, StringComparer.Ordinal))
            {
                templates.Add(issue.ToTemplateJson());
            }
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, templates).ConfigureAwait(false);
    }
}

/// <summary>One seeded Invicti issue; the same object in two scans is the same issue (same LookupId).</summary>
internal sealed record InvictiIssue(int Number, string Type, string Name, string Severity, string Url, string Cwe, double? Cvss, bool HasCvss31, bool Confirmed, int Certainty, string State)
{
    internal string LookupId => "1d0c" + Number.ToString("x4", CultureInfo.InvariantCulture) + "-e9eb-4b4c-4306-ad49020a4c4b";

    internal string IssueId => "15500000-0000-4000-8000-" + Number.ToString("x12", CultureInfo.InvariantCulture);

    /// <summary>The template's severity: HstsNotEnabled's template says Medium while its issue is reported Low.</summary>
    internal string TemplateSeverity => Type == "HstsNotEnabled" ? "Medium" : Severity;

    private static int CvssSeverity(double score) => score >= 9 ? 4 : score >= 7 ? 3 : score >= 4 ? 2 : score > 0 ? 1 : 0;

    private static string CvssName(double score) => new[] { "None", "Low", "Medium", "High", "Critical" }[CvssSeverity(score)];

    private string Vector(string version) => "CVSS:" + version + (Cvss >= 9 ? "/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H" : "/AV:N/AC:L/PR:L/UI:R/S:U/C:H/I:N/A:N");

    private JsonNode? ReportCvss(string version)
    {
        if (Cvss is not double score) return null;
        JsonObject Score(string kind) => new() { ["Severity"] = CvssSeverity(score), ["Type"] = kind, ["Value"] = score.ToString("0.0", CultureInfo.InvariantCulture) };
        return new JsonObject { ["BaseScore"] = Score("Base"), ["EnvironmentalScore"] = Score("Environmental"), ["TemporalScore"] = Score("Temporal"), ["Vector"] = Vector(version) };
    }

    internal JsonObject ToReportJson(string firstSeen, string lastSeen, bool withResponse)
    {
        Uri uri = new(Url);
        return new JsonObject
        {
            ["Certainty"] = Certainty,
            ["Classification"] = new JsonObject
            {
                ["Iso27001"] = "A.14.2.5",
                ["Capec"] = "107",
                ["Cvss"] = ReportCvss("3.0"),
                ["Cvss31"] = HasCvss31 ? ReportCvss("3.1") : null,
                ["Cwe"] = Cwe,
                ["Hipaa"] = "",
                ["Owasp"] = "A5",
                ["OwaspProactiveControls"] = "",
                ["Pci32"] = "6.5.1",
                ["Wasc"] = "15",
            },
            ["Confirmed"] = Confirmed,
            ["Description"] = "<p>Invicti identified " + Name + ".</p>",
            ["ExploitationSkills"] = "",
            ["ExternalReferences"] = "",
            ["ExtraInformation"] = new JsonArray(new JsonObject { ["Name"] = "Page Type", ["Value"] = "Other" }),
            ["FirstSeenDate"] = firstSeen,
            ["HttpRequest"] = new JsonObject
            {
                ["Content"] = "GET " + uri.PathAndQuery + " HTTP/1.1\r\nHost: " + uri.Host + "\r\nX-Scanner: Invicti Enterprise\r\n\r\n",
                ["Method"] = "GET",
                ["Parameters"] = new JsonArray(),
            },
            ["HttpResponse"] = new JsonObject
            {
                ["Content"] = withResponse ? "HTTP/1.1 200 OK\r\nServer: Apache/2.4.49\r\nContent-Type: text/html\r\n\r\n<html></html>" : "",
                ["Duration"] = 41.4849,
                ["StatusCode"] = 200,
            },
            ["LookupId"] = LookupId,
            ["Impact"] = "<div>Depends on " + Name + ".</div>",
            ["KnownVulnerabilities"] = new JsonArray(),
            ["LastSeenDate"] = lastSeen,
            ["Name"] = Name,
            ["ProofOfConcept"] = "",
            ["RemedialActions"] = "",
            ["RemedialProcedure"] = "<div>Fix " + Name + ".</div>",
            ["RemedyReferences"] = "",
            ["Severity"] = Severity,
            ["State"] = State,
            ["Type"] = Type,
            ["Url"] = Url,
        };
    }

    /// <summary>VulnerabilityTemplate as the Swagger document defines it (no nulls).</summary>
    internal JsonObject ToTemplateJson()
    {
        JsonObject template = new()
        {
            ["Description"] = "<p>" + Name + ".</p>",
            ["Impact"] = "<div>Depends on " + Name + ".</div>",
            ["Remedy"] = "<div>Fix " + Name + ".</div>",
            ["Summary"] = Name,
            ["Type"] = Type,
            ["TypeId"] = "7e000000-0000-4000-8000-" + Number.ToString("x12", CultureInfo.InvariantCulture),
            ["Severity"] = TemplateSeverity,
            ["Classification"] = new JsonObject { ["Cwe"] = Cwe, ["Capec"] = "107", ["Owasp2017"] = "A5", ["OwaspTopTen2021"] = "A05", ["Pci32"] = "6.5.1", ["Wasc"] = "15", ["IsEmpty"] = false },
            ["Order"] = Confirmed ? "Confirmed" : "Probable",
        };
        if (Cvss is double score)
        {
            template["CvssVectorString"] = Vector("3.0");
            template["CvssVector"] = new JsonObject { ["Base"] = new JsonObject { ["Severity"] = CvssName(score), ["Value"] = score } };
            if (HasCvss31)
            {
                template["Cvss31VectorString"] = Vector("3.1");
                template["Cvss31Vector"] = new JsonObject { ["Base"] = new JsonObject { ["Severity"] = CvssName(score), ["Value"] = score } };
            }
        }

        return template;
    }
}
