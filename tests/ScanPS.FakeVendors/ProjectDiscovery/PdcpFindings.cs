using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace ScanPS.FakeVendors;

/// <summary>
/// PDCP's results and export (openapi.yaml: get-v1-results "Get scans results of a user", get-v1-scans-scan_id-export
/// "Export Scan"): GET /v1/scans/results (offset/limit, severity/vuln_status/host/templates/search/is_regression
/// filters, no scan_id parameter; every item carries scan_id) and GET /v1/scans/{scan_id}/export?type=json|csv|pdf
/// (200 application/octet-stream, or 201 {export_id} while not ready). See FINDINGS.md for the seeded ids.
/// </summary>
public sealed partial class FakeProjectDiscovery
{
    public const string FindingsScanId = "f1000000000000000001";

    public const string SecondFindingsScanId = "f1000000000000000002";

    /// <summary>A scan with <see cref="ManyResultsCount"/> results, so /v1/scans/results spans pages at limit 100.</summary>
    public const string ManyResultsScanId = "f1000000000000000003";

    /// <summary>A team-blue scan: its results show only with X-Team-Id: team-blue.</summary>
    public const string TeamFindingsScanId = "f1000000000000000004";

    public const int ManyResultsCount = 150;

    /// <summary>The spec's default of the severity parameter: info is left out unless asked for.</summary>
    public const string DefaultResultSeverities = "unknown,low,medium,high,critical";

    // Older than every other seeded or created scan, so the finding scans come last in the newest-first scan list.
    private static readonly DateTimeOffset s_findingEpoch = new(2025, 5, 1, 3, 0, 0, TimeSpan.Zero);

    private readonly List<(string? TeamId, JsonObject Result)> _results = new();
    private readonly Dictionary<string, int> _exportRequests = new(StringComparer.Ordinal);
    private int _exportNotReadyTimes;
    private long _reportLength = FakeReportFile.DefaultLength;
    private bool _exportJsonLines;

    /// <summary>
    /// How many times each export (scan and type) answers 201 {export_id} ("not ready") before it answers 200 with the
    /// file (default 0: at once). UNCONFIRMED: that asking again later gives the file is the only documented route.
    /// </summary>
    public int ExportNotReadyTimes
    {
        get => Volatile.Read(ref _exportNotReadyTimes);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Volatile.Write(ref _exportNotReadyTimes, value);
        }
    }

    /// <summary>True: type=json exports one VulnerabilityResults object per line (nuclei JSONL) instead of one JSON array (UNCONFIRMED which is real).</summary>
    public bool ExportJsonLines
    {
        get => Volatile.Read(ref _exportJsonLines);
        set => Volatile.Write(ref _exportJsonLines, value);
    }

    /// <summary>Size of the type=pdf export (default 6 MiB).</summary>
    public long ReportLength
    {
        get => Interlocked.Read(ref _reportLength);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Interlocked.Exchange(ref _reportLength, value);
        }
    }

    /// <summary>The bytes type=pdf serves for a scan.</summary>
    public FakeReportFile PdfExport(string scanId) => new(scanId + "-pdf", "application/pdf", ReportLength);

    /// <summary>The export id a 201 names for a scan and type.</summary>
    public static string ExportId(string scanId, string type) => "ex" + scanId[Math.Max(0, scanId.Length - 14)..] + type;

    public int ResultCount
    {
        get { lock (_gate) { return _results.Count; } }
    }

    /// <summary>Adds the four finished finding scans with their results, as FINDINGS.md lists them; returns their ids.</summary>
    public IReadOnlyList<string> SeedFindingScans()
    {
        lock (_gate)
        {
            if (_scans.Any(s => s.Id == FindingsScanId))
            {
                throw new InvalidOperationException("The finding scans are already seeded.");
            }

            int n = 0;
            void Scan(string id, string? team, string name, params (string Severity, string Template, string Name, string Host, string Path, string Status, bool Regression, string[] Cve, string[] Cwe, double? Cvss)[] findings)
            {
                PdcpScan scan = new(id, team, name, "finished", 100, s_findingEpoch.AddHours(_scans.Count), advances: false)
                {
                    TotalTarget = findings.Select(f => f.Host).Distinct().Count(),
                    TotalTemplate = 120,
                    TotalResult = findings.Length,
                };
                scan.CompletedAt = scan.CreatedAt.AddMinutes(9);
                scan.UpdatedAt = scan.CompletedAt.Value;
                scan.PublicTemplates.Add("http/cves/");
                _scans.Add(scan);
                foreach (var f in findings)
                {
                    n++;
                    _results.Add((team, Result("f1v" + n.ToString("D17", CultureInfo.InvariantCulture), id, scan.CreatedAt.AddMinutes(n % 9), f)));
                }
            }

            Scan(FindingsScanId, null, "findings-every-severity",
                ("critical", "CVE-2021-44228", "Apache Log4j2 Remote Code Injection", "app.example.com", "/api/login", "open", false, new[] { "CVE-2021-44228" }, new[] { "CWE-502", "CWE-400" }, 10.0),
                ("high", "CVE-2022-1388", "F5 BIG-IP iControl REST Auth Bypass", "app.example.com", "/mgmt/tm/util/bash", "open", false, new[] { "CVE-2022-1388" }, new[] { "CWE-306" }, 9.8),
                ("medium", "git-config", "Git Configuration - Detect", "app.example.com", "/.git/config", "open", false, Array.Empty<string>(), new[] { "CWE-200" }, 5.3),
                ("low", "missing-sri", "Missing Subresource Integrity", "api.example.com", "/", "open", false, Array.Empty<string>(), new[] { "CWE-353" }, 3.1),
                ("info", "tech-detect", "Wappalyzer Technology Detection", "api.example.com", "/", "open", false, Array.Empty<string>(), Array.Empty<string>(), null),
                ("unknown", "custom-banner-check", "Custom banner check", "api.example.com", "/", "open", false, Array.Empty<string>(), Array.Empty<string>(), null),
                ("high", "CVE-2023-22515", "Atlassian Confluence Broken Access Control", "app.example.com", "/setup/setupadministrator.action", "fixed", false, new[] { "CVE-2023-22515" }, new[] { "CWE-284" }, 9.8),
                ("medium", "weak-cipher-suites", "Weak Cipher Suites Detection", "api.example.com", ":443", "open", true, Array.Empty<string>(), new[] { "CWE-326" }, 5.9));
            Scan(SecondFindingsScanId, null, "findings-second",
                ("low", "http-missing-security-headers", "HTTP Missing Security Headers", "api.example.com", "/", "open", false, Array.Empty<string>(), Array.Empty<string>(), null),
                ("medium", "cors-misconfig", "CORS Misconfiguration", "api.example.com", "/v2/", "open", false, Array.Empty<string>(), new[] { "CWE-942" }, 6.5),
                ("high", "CVE-2021-41773", "Apache 2.4.49 - Path Traversal", "legacy.example.com", "/cgi-bin/.%2e/%2e%2e/etc/passwd", "open", false, new[] { "CVE-2021-41773" }, new[] { "CWE-22" }, 7.5));
            var many = Enumerable.Range(1, ManyResultsCount)
                .Select(i => (i % 2 == 0 ? "low" : "info", "exposed-panel", "Exposed admin panel " + i.ToString(CultureInfo.InvariantCulture), "host" + (i % 10).ToString(CultureInfo.InvariantCulture) + ".example.com", "/admin/" + i.ToString(CultureInfo.InvariantCulture), "open", false, Array.Empty<string>(), Array.Empty<string>(), (double?)null))
                .ToArray();
            Scan(ManyResultsScanId, null, "findings-many", many);
            Scan(TeamFindingsScanId, "team-blue", "findings-team",
                ("critical", "CVE-2024-3400", "Palo Alto PAN-OS GlobalProtect Command Injection", "vpn.example.com", "/ssl-vpn/hipreport.esp", "open", false, new[] { "CVE-2024-3400" }, new[] { "CWE-77" }, 10.0),
                ("low", "robots-txt", "robots.txt file", "vpn.example.com", "/robots.txt", "open", false, Array.Empty<string>(), Array.Empty<string>(), null));
            return new[] { FindingsScanId, SecondFindingsScanId, ManyResultsScanId, TeamFindingsScanId };
        }
    }

    private void MapFindingRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/scans/results", (RequestDelegate)ListResultsAsync);
        app.MapGet("/v1/scans/{scan_id}/export", (RequestDelegate)ExportAsync);
    }

    private void ResetFindings()
    {
        _results.Clear();
        _exportRequests.Clear();
    }

    /// <summary>VulnerabilityResults as the spec defines it: every required key, event[] an array, hyphenated event keys.</summary>
    private static JsonObject Result(string vulnId, string scanId, DateTimeOffset created, (string Severity, string Template, string Name, string Host, string Path, string Status, bool Regression, string[] Cve, string[] Cwe, double? Cvss) f)
    {
        bool port = f.Path.StartsWith(':');
        string target = port ? f.Host + f.Path : "https://" + f.Host;
        string matchedAt = port ? f.Host + f.Path : "https://" + f.Host + f.Path;
        JsonObject classification = new()
        {
            ["cve-id"] = Strings(f.Cve),
            ["cwe-id"] = Strings(f.Cwe),
        };
        if (f.Cvss is double score)
        {
            classification["cvss-score"] = score;
            classification["cvss-metrics"] = score >= 9 ? "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" : "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N";
        }

        if (f.Cve.Length > 0)
        {
            classification["epss-score"] = 0.97;
            classification["epss-percentile"] = 0.999;
            classification["cpe"] = "cpe:2.3:a:example:product:*:*:*:*:*:*:*:*";
        }

        string templatePath = (f.Cve.Length > 0 ? "http/cves/" : "http/misconfiguration/") + f.Template + ".yaml";
        JsonObject info = new()
        {
            ["name"] = f.Name,
            ["author"] = new JsonArray("pdteam"),
            ["tags"] = new JsonArray(f.Cve.Length > 0 ? "cve" : "misconfig"),
            ["description"] = f.Name + " was detected.",
            ["reference"] = new JsonArray("https://example.com/advisories/" + f.Template),
            ["severity"] = f.Severity,
            ["classification"] = classification,
            ["metadata"] = new JsonObject { ["max-request"] = 1 },
        };
        JsonObject evt = new()
        {
            ["template-id"] = f.Template,
            ["template-path"] = templatePath,
            ["info"] = info,
            ["type"] = port ? "ssl" : "http",
            ["host"] = f.Host,
            ["matched-at"] = matchedAt,
            ["ip"] = "203.0.113." + (10 + (f.Host.Length % 200)).ToString(CultureInfo.InvariantCulture),
            ["port"] = "443",
            ["path"] = port ? "" : f.Path,
            ["timestamp"] = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["matcher-status"] = true,
            ["curl-command"] = port ? "" : "curl -X 'GET' '" + matchedAt + "'",
            ["request"] = port ? "" : "GET " + f.Path + " HTTP/1.1\r\nHost: " + f.Host + "\r\n\r\n",
            ["response"] = port ? "" : "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
        };
        return new JsonObject
        {
            ["matcher_status"] = true,
            ["vuln_id"] = vulnId,
            ["target"] = target,
            ["template_url"] = "https://cloud.projectdiscovery.io/public/" + f.Template,
            ["created_at"] = PdcpScan.Time(created),
            ["updated_at"] = PdcpScan.Time(created.AddHours(f.Status == "fixed" ? 30 : 1)),
            ["scan_id"] = scanId,
            ["event"] = new JsonArray(evt),
            ["template_id"] = f.Template,
            ["template_path"] = templatePath,
            ["result_type"] = "vulnerability",
            ["vuln_status"] = f.Status,
            // Stable across scans for the same template and location, as a fingerprint.
            ["vuln_hash"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(f.Template + "|" + matchedAt)))[..32],
            ["is_regression"] = f.Regression,
            ["is_internal"] = false,
            ["labels"] = new JsonArray(),
            ["port"] = 443,
            ["remediation"] = "Upgrade or reconfigure the affected component.",
            ["description"] = f.Name + " was detected.",
            ["impact"] = "Depends on the exposed component.",
            ["reference"] = new JsonArray("https://example.com/advisories/" + f.Template),
        };
    }

    private static JsonArray Strings(IEnumerable<string> values)
    {
        JsonArray array = new();
        foreach (string value in values) array.Add(value);
        return array;
    }

    private static HashSet<string>? CommaSet(StringValues values, string? fallback = null)
    {
        string? text = First(values) ?? fallback;
        return text is null ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>GET /v1/scans/results: the account's (or team's) results, newest first, offset/limit paged, filtered server-side.</summary>
    private async Task ListResultsAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context).ConfigureAwait(false) is not { } workspace)
        {
            return;
        }

        IQueryCollection query = context.Request.Query;
        if (!TryInt(query["offset"], 0, out int offset))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "offset must be a non-negative integer", "offset").ConfigureAwait(false);
            return;
        }

        if (!TryInt(query["limit"], DefaultLimit, out int limit) || limit == 0)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "limit must be a positive integer", "limit").ConfigureAwait(false);
            return;
        }

        string? regressionText = First(query["is_regression"]);
        bool? regression = regressionText is null ? null : bool.TryParse(regressionText, out bool r) ? r : null;
        if (regressionText is not null && regression is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "is_regression must be true or false", "is_regression").ConfigureAwait(false);
            return;
        }

        HashSet<string> severities = CommaSet(query["severity"], DefaultResultSeverities)!;
        HashSet<string>? statuses = CommaSet(query["vuln_status"]);
        HashSet<string>? hosts = CommaSet(query["host"]);
        HashSet<string>? templates = CommaSet(query["templates"]);
        string? search = First(query["search"]);
        limit = Math.Min(limit, MaxLimit);
        JsonObject response;
        lock (_gate)
        {
            List<JsonObject> matching = _results
                .Where(x => x.TeamId == workspace.TeamId)
                .Select(x => x.Result)
                .Where(x => severities.Contains(Severity(x)))
                .Where(x => statuses is null || statuses.Contains((string)x["vuln_status"]!))
                .Where(x => hosts is null || hosts.Contains((string)x["target"]!) || hosts.Contains(Host(x)))
                .Where(x => templates is null || templates.Contains((string)x["template_id"]!))
                .Where(x => regression is null || (bool)x["is_regression"]! == regression)
                .Where(x => search is null || ((string)x["template_id"]! + " " + (string)x["target"]! + " " + (string)x["event"]![0]!["info"]!["name"]!).Contains(search, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(x => (string)x["created_at"]!, StringComparer.Ordinal)
                .ThenBy(x => (string)x["vuln_id"]!, StringComparer.Ordinal)
                .ToList();
            JsonArray data = new();
            foreach (JsonObject result in matching.Skip(offset).Take(limit))
            {
                data.Add(result.DeepClone());
            }

            response = new JsonObject
            {
                ["current_page"] = (offset / limit) + 1,
                ["result_count"] = data.Count,
                ["total_results"] = matching.Count,
                ["total_pages"] = (matching.Count + limit - 1) / limit,
                ["message"] = "results fetched",
                ["data"] = data,
                ["stats"] = new JsonObject { ["total"] = matching.Count },
                ["filters"] = new JsonObject(),
            };
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, response).ConfigureAwait(false);
    }

    private static string Severity(JsonObject result) => (string?)result["event"]![0]!["info"]!["severity"] ?? "unknown";

    private static string Host(JsonObject result) => (string?)result["event"]![0]!["host"] ?? "";

    /// <summary>GET /v1/scans/{scan_id}/export?type=json|csv|pdf[&amp;async=]: 200 application/octet-stream, or 201 {export_id}.</summary>
    private async Task ExportAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context).ConfigureAwait(false) is not { } workspace)
        {
            return;
        }

        string scanId = context.Request.RouteValues["scan_id"] as string ?? string.Empty;
        string type = First(context.Request.Query["type"]) ?? "json";
        if (type is not ("json" or "csv" or "pdf"))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid export type '" + type + "' (json, csv, pdf)", "type").ConfigureAwait(false);
            return;
        }

        bool async = string.Equals(First(context.Request.Query["async"]), "true", StringComparison.OrdinalIgnoreCase);
        List<JsonObject>? results = null;
        bool ready = false;
        lock (_gate)
        {
            if (_scans.Any(s => s.Id == scanId && s.TeamId == workspace.TeamId))
            {
                results = _results.Where(x => x.TeamId == workspace.TeamId && (string)x.Result["scan_id"]! == scanId).Select(x => (JsonObject)x.Result.DeepClone()).ToList();
                string key = scanId + "|" + type;
                int asked = _exportRequests.TryGetValue(key, out int count) ? count : 0;
                _exportRequests[key] = asked + 1;
                ready = !async && asked >= ExportNotReadyTimes;
            }
        }

        if (results is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "scan not found", "scan_id").ConfigureAwait(false);
            return;
        }

        if (!ready)
        {
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status201Created, new JsonObject { ["export_id"] = ExportId(scanId, type) }).ConfigureAwait(false);
            return;
        }

        const string OctetStream = "application/octet-stream";
        switch (type)
        {
            case "pdf":
                await PdfExport(scanId).WriteAsync(context, OctetStream).ConfigureAwait(false);
                return;
            case "csv":
                StringBuilder csv = new("vuln_id,scan_id,template_id,name,severity,host,matched_at,vuln_status,cve_id,cwe_id,cvss_score,created_at\n");
                foreach (JsonObject x in results)
                {
                    JsonNode info = x["event"]![0]!["info"]!;
                    JsonNode classification = info["classification"]!;
                    csv.Append(string.Join(",", new[]
                    {
                        (string)x["vuln_id"]!, scanId, (string)x["template_id"]!, Csv((string)info["name"]!), (string)info["severity"]!, Host(x),
                        Csv((string)x["event"]![0]!["matched-at"]!), (string)x["vuln_status"]!,
                        string.Join(";", classification["cve-id"]!.AsArray().Select(v => (string)v!)), string.Join(";", classification["cwe-id"]!.AsArray().Select(v => (string)v!)),
                        classification["cvss-score"] is JsonNode s ? ((double)s).ToString(CultureInfo.InvariantCulture) : "", (string)x["created_at"]!,
                    })).Append('\n');
                }

                await FakeHttp.WriteAsync(context, StatusCodes.Status200OK, OctetStream, csv.ToString()).ConfigureAwait(false);
                return;
            default:
                string json = ExportJsonLines
                    ? string.Concat(results.Select(x => FakeHttp.ToJson(x) + "\n"))
                    : FakeHttp.ToJson(new JsonArray(results.Select(x => (JsonNode)x).ToArray()));
                await FakeHttp.WriteAsync(context, StatusCodes.Status200OK, OctetStream, json).ConfigureAwait(false);
                return;
        }
    }

    private static string Csv(string value) => value.Contains(',') || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
