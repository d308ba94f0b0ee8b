using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ScanPS.FakeVendors;

/// <summary>
/// POST /v1/scans body checked field by field against TriggerUserScanRequest (types, the agent_behavior enum, the
/// AssetFilters keys, required members of private_templates and enumeration_ids). Unknown fields are refused
/// (UNCONFIRMED: the real API may ignore them; refusing catches misspelt field names in ScanPS).
/// </summary>
internal sealed class PdcpCreateRequest
{
    private static readonly string[] s_stringArrays =
    {
        "targets", "templates", "assets", "alerting_config_ids", "scan_config_ids", "reporting_config_ids", "early_templates",
        "exclude_targets", "agent_tags", "agent_networks", "exclusions",
    };

    private static readonly string[] s_booleans =
    {
        "recommended", "all", "schedule_only", "disable_global_alert_config", "disable_global_report_config",
        "disable_global_scan_config", "automatic_scan", "scan_all_assets",
    };

    private static readonly string[] s_strings = { "name", "socks5_proxy", "agent_id", "agent_behavior" };

    private static readonly HashSet<string> s_assetFilterKeys = new(StringComparer.Ordinal)
    {
        "is_tech", "is_favicon", "is_new", "labels", "host", "port", "status_code", "content_length", "title", "domain", "cname",
        "technologies", "ip", "is_screenshot", "time", "start_date", "end_date", "custom_filter", "search", "enumeration_ids",
        "only_dns", "only_ip", "not_seen_for_days",
    };

    private readonly Dictionary<string, JsonElement> _fields;

    private PdcpCreateRequest(Dictionary<string, JsonElement> fields) => _fields = fields;

    internal IReadOnlyList<string> Targets => Strings("targets");

    internal IReadOnlyList<string> Assets => Strings("assets");

    internal IReadOnlyList<string> Templates => Strings("templates");

    internal string? Name => _fields.TryGetValue("name", out JsonElement e) ? e.GetString() : null;

    internal int PrivateTemplateCount => _fields.TryGetValue("private_templates", out JsonElement e) ? e.GetArrayLength() : 0;

    internal bool Flag(string name) => _fields.TryGetValue(name, out JsonElement e) && e.GetBoolean();

    internal IReadOnlyList<string> Strings(string name) =>
        _fields.TryGetValue(name, out JsonElement e) ? e.EnumerateArray().Select(i => i.GetString()!).ToList() : Array.Empty<string>();

    internal string? String(string name) => _fields.TryGetValue(name, out JsonElement e) ? e.GetString() : null;

    internal bool HasScope =>
        Targets.Count > 0 || Assets.Count > 0 || _fields.ContainsKey("enumeration_ids") || Flag("scan_all_assets") || _fields.ContainsKey("asset_filters");

    /// <summary>Parses and checks the body; on failure returns null with the message and the offending field.</summary>
    internal static PdcpCreateRequest? TryParse(string body, out string? error, out string? param)
    {
        param = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            error = "request body is not valid JSON";
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "request body must be a JSON object";
                return null;
            }

            Dictionary<string, JsonElement> fields = new(StringComparer.Ordinal);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                param = property.Name;
                error = Check(property.Name, property.Value);
                if (error is not null)
                {
                    return null;
                }

                fields[property.Name] = property.Value.Clone();
            }

            param = null;
            error = null;
            return new PdcpCreateRequest(fields);
        }
    }

    private static string? Check(string name, JsonElement value)
    {
        if (s_stringArrays.Contains(name))
        {
            return IsStringArray(value) ? null : name + " must be an array of strings";
        }

        if (s_booleans.Contains(name))
        {
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : name + " must be a boolean";
        }

        if (s_strings.Contains(name))
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return name + " must be a string";
            }

            return name == "agent_behavior" && value.GetString() is not ("distribute" or "mirror") ? "agent_behavior must be distribute or mirror" : null;
        }

        switch (name)
        {
            case "private_templates":
                return IsArrayOf(value, item => IsString(item, "name") && IsString(item, "contents")) ? null : "private_templates items need string name and contents";
            case "enumeration_ids":
                return IsArrayOf(value, item => IsString(item, "id")) ? null : "enumeration_ids items need a string id";
            case "asset_filters":
                return CheckAssetFilters(value);
            default:
                return "unknown field '" + name + "'";
        }
    }

    private static string? CheckAssetFilters(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return "asset_filters must be an object";
        }

        foreach (JsonProperty filter in value.EnumerateObject())
        {
            if (!s_assetFilterKeys.Contains(filter.Name))
            {
                return "unknown asset filter '" + filter.Name + "'";
            }

            bool valid = filter.Name switch
            {
                "is_tech" or "is_favicon" or "is_new" or "is_screenshot" or "only_dns" or "only_ip" => filter.Value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                "domain" or "enumeration_ids" => IsStringArray(filter.Value),
                "not_seen_for_days" => filter.Value.ValueKind == JsonValueKind.Number && filter.Value.TryGetInt32(out int days) && days >= 1,
                "start_date" or "end_date" => filter.Value.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(filter.Value.GetString(), "yyyy-MM-dd", out _),
                "time" => filter.Value.ValueKind == JsonValueKind.String && filter.Value.GetString() is "last_day" or "last_week" or "last_month" or "last_3_months" or "last_6_months" or "last_12_months" or "all_time",
                _ => filter.Value.ValueKind == JsonValueKind.String,
            };
            if (!valid)
            {
                return "asset filter '" + filter.Name + "' has a value of the wrong type";
            }
        }

        return null;
    }

    private static bool IsStringArray(JsonElement value) => IsArrayOf(value, item => item.ValueKind == JsonValueKind.String);

    private static bool IsArrayOf(JsonElement value, Func<JsonElement, bool> item) =>
        value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(item);

    private static bool IsString(JsonElement item, string property) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out JsonElement p) && p.ValueKind == JsonValueKind.String;
}
