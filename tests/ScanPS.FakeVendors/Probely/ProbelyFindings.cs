using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace ScanPS.FakeVendors;

/// <summary>
/// Probely's findings and scan report (Probely OpenAPI 1.2.0 quickstart and "List target findings"; probely-python
/// _schemas.py Finding and the CLI's /findings/ filters): GET /findings/ and GET /targets/{t}/findings/ (scan, severity,
/// state, target, new, search, ordering filters; page/length paging, {count, page_total, page, length, results}) and
/// GET /targets/{t}/scans/{id}/report/ (application/pdf). See FINDINGS.md for the seeded ids.
/// </summary>
public sealed partial class FakeProbely
{
    public const string FindingsTargetId = "F1ndTargetAb";

    /// <summary>The older scan of <see cref="FindingsTargetId"/>.</summary>
    public const string FirstFindingsScanId = "F1ndScanAAA1";

    /// <summary>The later scan: severities 10, 20, 30 and 40 and every state.</summary>
    public const string FindingsScanId = "F1ndScanAAA2";

    /// <summary>A scan with <see cref="ManyFindingsCount"/> findings: five pages at the default length 10.</summary>
    public const string ManyFindingsScanId = "F1ndScanAAA3";

    public const int ManyFindingsCount = 45;

    /// <summary>The severity values the vendor script sends (40 is critical; the SDK knows only 10/20/30).</summary>
    public static readonly IReadOnlyList<int> Severities = new[] { 10, 20, 30, 40 };

    /// <summary>The finding states (the CLI enum adds retesting to the SDK's notfixed, invalid, accepted, fixed).</summary>
    public static readonly IReadOnlyList<string> FindingStates = new[] { "notfixed", "invalid", "accepted", "fixed", "retesting" };

    private static readonly DateTimeOffset s_foundEpoch = new(2026, 4, 6, 10, 0, 0, TimeSpan.Zero);

    private readonly List<JsonObject> _findings = new();
    private readonly HashSet<(string TargetId, string ScanId)> _reportScans = new();
    private long _reportLength = FakeReportFile.DefaultLength;

    /// <summary>Size of the PDF GET /targets/{t}/scans/{id}/report/ serves (default 6 MiB).</summary>
    public long ReportLength
    {
        get { lock (_gate) { return _reportLength; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            lock (_gate) { _reportLength = value; }
        }
    }

    /// <summary>The PDF the report endpoint serves for a scan.</summary>
    public FakeReportFile ScanReport(string scanId) => new(scanId + "-report", "application/pdf", ReportLength);

    /// <summary>Adds target <see cref="FindingsTargetId"/> (when missing), its three scans and their findings; returns the scan ids.</summary>
    public IReadOnlyList<string> SeedFindingScans()
    {
        lock (_gate)
        {
            if (_reportScans.Contains((FindingsTargetId, FindingsScanId)))
            {
                throw new InvalidOperationException("The finding scans are already seeded.");
            }

            if (!_targets.ContainsKey(FindingsTargetId)) _targets[FindingsTargetId] = ("Findings shop", "https://findings.example.com/");
            string[] both = { FirstFindingsScanId, FindingsScanId };
            var seeded = new (int Id, int Severity, string State, bool New, string[] Scans, string Name, string Path, string Method, string Parameter, string Cwe)[]
            {
                (7001, 30, "notfixed", false, both, "SQL Injection", "login.php", "post", "username", "89"),
                (7002, 20, "fixed", false, new[] { FirstFindingsScanId }, "Directory listing", "uploads/", "get", "", "548"),
                (7003, 10, "accepted", false, both, "Cookie without Secure flag", "", "get", "", "614"),
                (7004, 40, "notfixed", true, new[] { FindingsScanId }, "OS Command Injection", "tools/ping", "get", "host", "78"),
                (7005, 10, "invalid", true, new[] { FindingsScanId }, "Missing Referrer Policy", "", "get", "", ""),
                (7006, 20, "retesting", true, new[] { FindingsScanId }, "Outdated jQuery", "static/jquery.js", "get", "", "1104"),
                (7007, 30, "notfixed", true, new[] { FindingsScanId }, "Reflected Cross-Site Scripting", "search", "get", "q", "79"),
            };
            foreach (var f in seeded)
            {
                _findings.Add(Finding(f.Id, f.Severity, f.State, f.New, f.Scans, f.Name, f.Path, f.Method, f.Parameter, f.Cwe));
            }

            for (int i = 1; i <= ManyFindingsCount; i++)
            {
                _findings.Add(Finding(8000 + i, Severities[i % 4], "notfixed", true, new[] { ManyFindingsScanId }, "Information disclosure " + i.ToString(CultureInfo.InvariantCulture),
                    "page/" + i.ToString(CultureInfo.InvariantCulture), "get", "", "200"));
            }

            foreach (string scan in new[] { FirstFindingsScanId, FindingsScanId, ManyFindingsScanId })
            {
                _reportScans.Add((FindingsTargetId, scan));

                // Also in the lifecycle store, so Get-Scan and Wait-Scan see them (completed, never moving).
                if (!_scans.Exists(s => s.Id == scan)) NewScan(FindingsTargetId, "completed", "normal", moves: false, fails: false, scan);
            }

            return new[] { FirstFindingsScanId, FindingsScanId, ManyFindingsScanId };
        }
    }

    private void MapFindingRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/findings/", (RequestDelegate)(context => ListFindingsAsync(context, null)));
        app.MapGet("/targets/{target_id}/findings/", (RequestDelegate)(context => ListFindingsAsync(context, context.Request.RouteValues["target_id"] as string)));
        app.MapGet("/targets/{target_id}/scans/{scan_id}/report/", (RequestDelegate)ReportAsync);
    }

    // Called under _gate. The Finding of probely-python's _schemas.py; no first-seen date exists on it.
    private JsonObject Finding(int id, int severity, string state, bool isNew, string[] scans, string name, string path, string method, string parameter, string cwe)
    {
        (string targetName, string siteUrl) = _targets[FindingsTargetId];
        string url = siteUrl + path;
        double cvss = severity switch { 40 => 9.8, 30 => 7.5, 20 => 5.3, _ => 3.1 };
        JsonObject definition = new() { ["id"] = "d3f" + id.ToString(CultureInfo.InvariantCulture) + "NpQr", ["name"] = name, ["desc"] = name + " was found." };
        if (cwe.Length > 0) definition["cwe_id"] = cwe;
        JsonObject parameters = new();
        if (parameter.Length > 0) parameters[parameter] = new JsonArray("probely'");
        string stamp = s_foundEpoch.AddHours(id % 1000).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = id,
            ["target"] = new JsonObject
            {
                ["id"] = FindingsTargetId,
                ["site"] = new JsonObject { ["id"] = FindingsTargetId, ["name"] = targetName, ["url"] = siteUrl, ["host"] = new Uri(siteUrl).Host },
                ["type"] = "single",
            },
            ["scans"] = new JsonArray(scans.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
            ["labels"] = new JsonArray(),
            ["fix"] = "Fix " + name + ".",
            ["requests"] = new JsonArray(new JsonObject { ["request"] = method.ToUpperInvariant() + " /" + path + " HTTP/1.1", ["response"] = "HTTP/1.1 200 OK" }),
            ["evidence"] = null,
            ["extra"] = "",
            ["definition"] = definition,
            ["url"] = url,
            ["path"] = path,
            ["method"] = method,
            ["insertion_point"] = parameter.Length > 0 ? (method == "post" ? "body" : "query") : "",
            ["parameter"] = parameter,
            ["value"] = parameter.Length > 0 ? "probely'" : "",
            ["params"] = parameters,
            ["assignee"] = null,
            ["state"] = state,
            ["severity"] = severity,
            ["cvss_score"] = cvss,
            ["cvss_vector"] = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:" + (severity >= 30 ? "H" : "L") + "/I:N/A:N",
            ["last_found"] = stamp,
            ["retesting"] = state == "retesting",
            ["new"] = isNew,
            ["changed"] = stamp,
            ["changed_by"] = new JsonObject { ["id"] = "4kLmNpQrStUv", ["email"] = "api@example.com", ["name"] = "API user" },
            ["comment"] = "",
        };
    }

    private static JsonObject FieldError(string field, string message) => new() { [field] = new JsonArray(message) };

    private async Task ListFindingsAsync(HttpContext context, string? targetId)
    {
        if (context.Request.Path.Value?.EndsWith('/') != true)
        {
            await NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        IQueryCollection query = context.Request.Query;
        StringValues severityValues = query["severity"];
        foreach (string? value in severityValues)
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || !Severities.Contains(n))
            {
                await FakeHttp.WriteJsonAsync(context, StatusCodes.Status400BadRequest,
                    FieldError("severity", "Select a valid choice. " + value + " is not one of the available choices.")).ConfigureAwait(false);
                return;
            }
        }

        foreach (string? value in query["state"])
        {
            if (!FindingStates.Contains(value ?? ""))
            {
                await FakeHttp.WriteJsonAsync(context, StatusCodes.Status400BadRequest,
                    FieldError("state", "Select a valid choice. " + value + " is not one of the available choices.")).ConfigureAwait(false);
                return;
            }
        }

        string? newText = query["new"];
        bool? isNew = newText is null ? null : newText is "true" or "True" or "1" ? true : newText is "false" or "False" or "0" ? false : null;
        if (newText is not null && isNew is null)
        {
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status400BadRequest, FieldError("new", "Must be a valid boolean.")).ConfigureAwait(false);
            return;
        }

        int page = 1;
        string? pageText = query["page"];
        if (pageText is not null && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status404NotFound, new JsonObject { ["detail"] = "Invalid page." }).ConfigureAwait(false);
            return;
        }

        int length = int.TryParse(query["length"], NumberStyles.None, CultureInfo.InvariantCulture, out int l) && l > 0 ? Math.Min(l, MaxPageLength) : 10;
        HashSet<string> scans = query["scan"].Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToHashSet(StringComparer.Ordinal);
        HashSet<string> targets = query["target"].Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToHashSet(StringComparer.Ordinal);
        HashSet<int> severities = severityValues.Select(v => int.Parse(v!, CultureInfo.InvariantCulture)).ToHashSet();
        HashSet<string> states = query["state"].Select(s => s!).ToHashSet(StringComparer.Ordinal);
        string? search = query["search"];
        string ordering = (string?)query["ordering"] ?? "id";
        JsonArray results = new();
        int count;
        lock (_gate)
        {
            if (targetId is not null && !_targets.ContainsKey(targetId))
            {
                count = -1;
            }
            else
            {
                IEnumerable<JsonObject> matching = _findings
                    .Where(f => targetId is null || (string)f["target"]!["id"]! == targetId)
                    .Where(f => targets.Count == 0 || targets.Contains((string)f["target"]!["id"]!))
                    .Where(f => scans.Count == 0 || f["scans"]!.AsArray().Any(s => scans.Contains((string)s!)))
                    .Where(f => severities.Count == 0 || severities.Contains((int)f["severity"]!))
                    .Where(f => states.Count == 0 || states.Contains((string)f["state"]!))
                    .Where(f => isNew is null || (bool)f["new"]! == isNew)
                    .Where(f => search is null || ((string)f["definition"]!["name"]! + " " + (string)f["url"]!).Contains(search, StringComparison.OrdinalIgnoreCase));
                bool descending = ordering.StartsWith('-');
                Func<JsonObject, IComparable> key = ordering.TrimStart('-') switch
                {
                    "severity" => f => (int)f["severity"]!,
                    "last_found" => f => (string)f["last_found"]!,
                    _ => f => (int)f["id"]!,
                };
                List<JsonObject> list = (descending ? matching.OrderByDescending(key) : matching.OrderBy(key)).ToList();
                count = list.Count;
                foreach (JsonObject finding in list.Skip((page - 1) * length).Take(length))
                {
                    results.Add(finding.DeepClone());
                }
            }
        }

        if (count < 0)
        {
            await NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        int pageTotal = (count + length - 1) / length;
        if (page > 1 && page > pageTotal)
        {
            await FakeHttp.WriteJsonAsync(context, StatusCodes.Status404NotFound, new JsonObject { ["detail"] = "Invalid page." }).ConfigureAwait(false);
            return;
        }

        JsonObject body = new() { ["count"] = count, ["page_total"] = pageTotal, ["page"] = page, ["length"] = length, ["results"] = results };
        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    /// <summary>GET /targets/{t}/scans/{id}/report/: "Scan report PDF, using the report type specified for the target".</summary>
    private async Task ReportAsync(HttpContext context)
    {
        if (context.Request.Path.Value?.EndsWith('/') != true)
        {
            await NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        string targetId = context.Request.RouteValues["target_id"] as string ?? "";
        string scanId = context.Request.RouteValues["scan_id"] as string ?? "";
        bool known;
        lock (_gate)
        {
            // The seeded finding scans, and any completed scan of the lifecycle store (a scan created in the sandbox).
            known = _reportScans.Contains((targetId, scanId)) ||
                _scans.Exists(s => s.Id == scanId && s.TargetId == targetId && s.Status == "completed");
        }

        if (!known)
        {
            await NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        await ScanReport(scanId).WriteAsync(context).ConfigureAwait(false);
    }
}
