using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ScanPS.FakeVendors;

/// <summary>
/// HostedScan's risks and result files (hostedscan-docs-gitbook api/risks/list-risks.md, get-risk.md, api/scans
/// "Download result"): GET /v1/risks (filters JSON, 500 per page, page_token cursor), GET /v1/risks/{id} and
/// GET /v1/results/{result_id} (the raw file in the result's content_type). See FINDINGS.md for the seeded ids.
/// </summary>
public sealed partial class FakeHostedScan
{
    /// <summary>The OPENVAS scan with a risk of every threat level in new_open, still_open and closed (SeedFindingScans).</summary>
    public const string FindingsScanId = "f1d000000000000000000001";

    /// <summary>The OWASP_ZAP scan with <see cref="ManyRisksCount"/> new_open risks: three pages of GET /v1/risks.</summary>
    public const string ManyRisksScanId = "f1d000000000000000000002";

    public const int ManyRisksCount = 1234;

    /// <summary>Filter keys GET /v1/risks documents.</summary>
    public static readonly IReadOnlyList<string> RiskFilterKeys = new[]
    {
        "target_id", "status", "tags", "risk_definition.scan_type", "risk_definition.threat_level", "risk_definition.title",
    };

    private static readonly DateTimeOffset s_riskEpoch = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly List<JsonObject> _risks = new();
    private readonly Dictionary<string, JsonObject> _risksById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Offset, string? Filters)> _riskPageTokens = new(StringComparer.Ordinal);
    private int _riskPageSize = 500;
    private long _reportLength = FakeReportFile.DefaultLength;

    /// <summary>Risks per page of GET /v1/risks (the vendor's is 500).</summary>
    public int RiskPageSize
    {
        get => Volatile.Read(ref _riskPageSize);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref _riskPageSize, value);
        }
    }

    /// <summary>Size of every file GET /v1/results/{id} serves (default 6 MiB; set 100 MiB for a streaming benchmark).</summary>
    public long ReportLength
    {
        get => Interlocked.Read(ref _reportLength);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Interlocked.Exchange(ref _reportLength, value);
        }
    }

    /// <summary>The file GET /v1/results/{resultId} serves for a result of that content type (to compare a saved copy).</summary>
    public FakeReportFile ResultFile(string resultId, string contentType) => new(resultId, contentType, ReportLength);

    /// <summary>Number of risks the fake holds.</summary>
    public int RiskCount
    {
        get { lock (_gate) { return _risks.Count; } }
    }

    /// <summary>
    /// Adds the two finding scans (<see cref="FindingsScanId"/>, <see cref="ManyRisksScanId"/>) with their fixed ids,
    /// targets, risks and result files, as FINDINGS.md lists them. Returns the two scan ids. Once per fake (ResetState forgets them).
    /// </summary>
    public IReadOnlyList<string> SeedFindingScans()
    {
        lock (_gate)
        {
            if (_scansById.ContainsKey(FindingsScanId))
            {
                throw new InvalidOperationException("The finding scans are already seeded.");
            }

            HostedScanScan openVas = new(FindingsScanId, "OPENVAS", "SUCCEEDED", 100, "USER", advances: false);
            AddRequestedTarget(openVas, "f1a000000000000000000001", "app.example.com");
            AddRequestedTarget(openVas, "f1a000000000000000000002", "10.0.0.5");
            openVas.Results.Add(("f1c000000000000000000001", "text/html"));
            openVas.Results.Add(("f1c000000000000000000002", "application/pdf"));
            openVas.Results.Add(("f1c000000000000000000003", "application/xml"));
            openVas.Results.Add(("f1c000000000000000000004", "application/json"));
            // id suffix, list, status, threat level, target index, accepted
            var seeded = new (int N, List<string> List, string Status, string Threat, int Target, bool Accepted, string Title)[]
            {
                (1, openVas.NewOpenRiskIds, "OPEN", "HIGH", 0, false, "OpenSSH < 9.8 regreSSHion (CVE-2024-6387)"),
                (2, openVas.NewOpenRiskIds, "OPEN", "MEDIUM", 1, false, "TLS 1.0 and 1.1 protocols enabled"),
                (3, openVas.StillOpenRiskIds, "OPEN", "LOW", 0, false, "TCP timestamps disclose uptime"),
                // UNCONFIRMED: the docs give LOW, MEDIUM and HIGH only; CRITICAL and INFO test that a client keeps them raw.
                (4, openVas.StillOpenRiskIds, "OPEN", "CRITICAL", 1, false, "Apache HTTP Server path traversal (CVE-2021-41773)"),
                (5, openVas.StillOpenRiskIds, "OPEN", "INFO", 0, false, "OS fingerprint"),
                (6, openVas.ClosedRiskIds, "CLOSED", "HIGH", 1, false, "PHP 7.4 end of life"),
                (7, openVas.StillOpenRiskIds, "OPEN", "MEDIUM", 0, true, "Self-signed certificate"),
            };
            foreach (var risk in seeded)
            {
                string id = "f1e" + risk.N.ToString("D21", CultureInfo.InvariantCulture);
                risk.List.Add(id);
                (string targetId, string target) = openVas.RequestedTargets[risk.Target];
                AddRisk(Risk(id, targetId, target, "OPENVAS", risk.Status, risk.Threat, risk.Title, risk.Accepted, risk.N));
            }

            // Same target and scan type, reported by no list of the scan: a /v1/risks filter returns it, a client keeps it out.
            AddRisk(Risk("f1e000000000000000000008", "f1a000000000000000000001", "app.example.com", "OPENVAS", "OPEN", "LOW", "ICMP timestamp reply", false, 8));
            AddScan(openVas);

            HostedScanScan zap = new(ManyRisksScanId, "OWASP_ZAP", "SUCCEEDED", 100, "SCHEDULE", advances: false);
            AddRequestedTarget(zap, "f1a000000000000000000003", "https://shop.example.com/");
            zap.Results.Add(("f1c000000000000000000005", "text/html"));
            for (int i = 1; i <= ManyRisksCount; i++)
            {
                string id = "f1f" + i.ToString("D21", CultureInfo.InvariantCulture);
                zap.NewOpenRiskIds.Add(id);
                string threat = (i % 3) switch { 0 => "HIGH", 1 => "LOW", _ => "MEDIUM" };
                AddRisk(Risk(id, "f1a000000000000000000003", "https://shop.example.com/", "OWASP_ZAP", "OPEN", threat,
                    "Cross-domain misconfiguration on /page/" + i.ToString(CultureInfo.InvariantCulture), false, i));
            }

            AddScan(zap);
            return new[] { FindingsScanId, ManyRisksScanId };
        }
    }

    private void MapFindingRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/risks", (RequestDelegate)ListRisksAsync);
        app.MapGet("/v1/risks/{id}", (RequestDelegate)GetRiskAsync);
        app.MapGet("/v1/results/{id}", (RequestDelegate)GetResultAsync);
    }

    // Called under _gate by AddFinishedOutputs: a scan that finishes gets one MEDIUM risk that GET /v1/risks/{id} resolves.
    private void AddGeneratedRisk(HostedScanScan scan, string riskId)
    {
        scan.NewOpenRiskIds.Add(riskId);
        (string targetId, string target) = scan.RequestedTargets.Count > 0 ? scan.RequestedTargets[0] : ("", "");
        AddRisk(Risk(riskId, targetId, target, scan.Type, "OPEN", "MEDIUM", "Service banner discloses version", false, _risks.Count + 1));
    }

    private void ResetFindings()
    {
        _risks.Clear();
        _risksById.Clear();
        _riskPageTokens.Clear();
    }

    private void AddRisk(JsonObject risk)
    {
        _risks.Add(risk);
        _risksById[(string)risk["id"]!] = risk;
    }

    /// <summary>The documented Risk object (api/risks/get-risk.md), snake_case. Dates ISO 8601 (the docs show only "Date": UNCONFIRMED).</summary>
    private static JsonObject Risk(string id, string targetId, string target, string scanType, string status, string threat, string title, bool accepted, int n)
    {
        DateTimeOffset first = s_riskEpoch.AddHours(n);
        JsonArray acceptedBy = new();
        if (accepted)
        {
            acceptedBy.Add(new JsonObject { ["note"] = "Internal host, accepted until the certificate rollout", ["created_at"] = Time(first.AddDays(1)), ["last_updated_at"] = Time(first.AddDays(2)) });
        }

        string cve = title.Contains("CVE-", StringComparison.Ordinal) ? title[(title.IndexOf("CVE-", StringComparison.Ordinal))..].TrimEnd(')') : "";
        JsonArray references = new() { "https://docs.example.com/risks/" + id };
        if (cve.Length > 0) references.Add("https://nvd.nist.gov/vuln/detail/" + cve);
        JsonObject definition = new()
        {
            ["scan_type"] = scanType,
            ["title"] = title,
            ["threat_level"] = threat,
            ["description"] = "The scanner reported: " + title + ".",
            ["solution"] = "Update or reconfigure the affected service.",
            ["references"] = references,
            ["additional_info"] = new JsonObject { ["port"] = 443, ["protocol"] = "tcp" },
        };
        if (threat is "HIGH" or "CRITICAL") definition["cvss"] = threat == "HIGH" ? "8.1" : "9.8";
        else if (threat == "MEDIUM") definition["cvss"] = "5.3";
        return new JsonObject
        {
            ["id"] = id,
            ["target_id"] = targetId,
            ["target"] = target,
            ["target_label"] = target.Length == 0 ? "" : target + " (seeded)",
            ["tags"] = new JsonArray("prod"),
            ["status"] = status,
            ["is_accepted"] = accepted,
            ["accepted_by"] = acceptedBy,
            ["risk_definition"] = definition,
            ["first_detected_at"] = Time(first),
            ["last_detected_at"] = Time(first.AddDays(status == "CLOSED" ? 3 : 7)),
        };
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private async Task GetRiskAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        string id = context.Request.RouteValues["id"] as string ?? string.Empty;
        JsonNode? risk;
        lock (_gate)
        {
            risk = _risksById.TryGetValue(id, out JsonObject? found) ? found.DeepClone() : null;
        }

        if (risk is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "Risk not found").ConfigureAwait(false);
            return;
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["data"] = risk }).ConfigureAwait(false);
    }

    /// <summary>GET /v1/risks?filters={...}&amp;page_token=: OR within a key, AND across keys (UNCONFIRMED), 500 per page.</summary>
    private async Task ListRisksAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        string? filtersText = FirstOrNull(context.Request.Query["filters"]);
        Dictionary<string, HashSet<string>>? filter = null;
        if (filtersText is not null)
        {
            filter = ParseRiskFilters(filtersText, out string? error);
            if (filter is null)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, error!).ConfigureAwait(false);
                return;
            }
        }

        string? pageToken = FirstOrNull(context.Request.Query["page_token"]);
        JsonObject? response = null;
        lock (_gate)
        {
            int offset = 0;
            if (pageToken is not null)
            {
                if (_riskPageTokens.TryGetValue(pageToken, out var cursor) && string.Equals(cursor.Filters, filtersText, StringComparison.Ordinal))
                {
                    offset = cursor.Offset;
                }
                else
                {
                    offset = -1;
                }
            }

            if (offset >= 0)
            {
                List<JsonObject> matching = filter is null ? _risks : _risks.Where(r => RiskMatches(r, filter)).ToList();
                JsonArray data = new();
                foreach (JsonObject risk in matching.Skip(offset).Take(RiskPageSize))
                {
                    data.Add(risk.DeepClone());
                }

                response = new JsonObject { ["data"] = data };
                int next = offset + data.Count;
                if (next < matching.Count)
                {
                    string token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                    _riskPageTokens[token] = (next, filtersText);
                    response["next_page_token"] = token;
                }
            }
        }

        if (response is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Invalid page_token").ConfigureAwait(false);
            return;
        }

        await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, response).ConfigureAwait(false);
    }

    private static Dictionary<string, HashSet<string>>? ParseRiskFilters(string text, out string? error)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "filters must be a JSON object";
                return null;
            }

            Dictionary<string, HashSet<string>> filter = new(StringComparer.Ordinal);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (!RiskFilterKeys.Contains(property.Name))
                {
                    error = "Unknown filter '" + property.Name + "' in filters";
                    return null;
                }

                if (property.Value.ValueKind != JsonValueKind.Array || property.Value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                {
                    error = "filters." + property.Name + " must be an array of strings";
                    return null;
                }

                filter[property.Name] = property.Value.EnumerateArray().Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal);
            }

            error = null;
            return filter;
        }
        catch (JsonException)
        {
            error = "filters is not valid JSON";
            return null;
        }
    }

    private static bool RiskMatches(JsonObject risk, Dictionary<string, HashSet<string>> filter)
    {
        JsonObject definition = (JsonObject)risk["risk_definition"]!;
        foreach ((string key, HashSet<string> allowed) in filter)
        {
            bool match = key switch
            {
                "tags" => ((JsonArray)risk["tags"]!).Any(t => allowed.Contains((string)t!)),
                "risk_definition.scan_type" => allowed.Contains((string)definition["scan_type"]!),
                "risk_definition.threat_level" => allowed.Contains((string)definition["threat_level"]!),
                "risk_definition.title" => allowed.Contains((string)definition["title"]!),
                _ => allowed.Contains((string)risk[key]!),
            };
            if (!match) return false;
        }

        return true;
    }

    /// <summary>GET /v1/results/{result_id}: the raw file, in the content type the scan lists for it.</summary>
    private async Task GetResultAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        string id = context.Request.RouteValues["id"] as string ?? string.Empty;
        string? contentType = null;
        lock (_gate)
        {
            foreach (HostedScanScan scan in _scans)
            {
                foreach ((string resultId, string type) in scan.Results)
                {
                    if (resultId == id) contentType = type;
                }
            }
        }

        if (contentType is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "Result not found").ConfigureAwait(false);
            return;
        }

        await ResultFile(id, contentType).WriteAsync(context).ConfigureAwait(false);
    }
}
