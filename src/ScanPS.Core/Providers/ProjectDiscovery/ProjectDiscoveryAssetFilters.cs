using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using ScanPS.Errors;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>
    /// -AssetFilter: a hashtable checked against the AssetFilters schema (additionalProperties: false) and turned
    /// into the asset_filters object. Keys are the vendor's (is_tech, host, time, …), matched case-insensitively.
    /// </summary>
    public static class ProjectDiscoveryAssetFilters
    {
        private enum Kind { Boolean, CommaSeparated, StringList, TimeRange, Date, PositiveInteger }

        /// <summary>The AssetFilters properties of the vendor's openapi.yaml, in the spec's order.</summary>
        private static readonly (string Name, Kind Kind)[] Known =
        {
            ("is_tech", Kind.Boolean), ("is_favicon", Kind.Boolean), ("is_new", Kind.Boolean),
            ("labels", Kind.CommaSeparated), ("host", Kind.CommaSeparated), ("port", Kind.CommaSeparated),
            ("status_code", Kind.CommaSeparated), ("content_length", Kind.CommaSeparated), ("title", Kind.CommaSeparated),
            ("domain", Kind.StringList), ("cname", Kind.CommaSeparated), ("technologies", Kind.CommaSeparated),
            ("ip", Kind.CommaSeparated), ("is_screenshot", Kind.Boolean), ("time", Kind.TimeRange),
            ("start_date", Kind.Date), ("end_date", Kind.Date), ("custom_filter", Kind.CommaSeparated),
            ("search", Kind.CommaSeparated), ("enumeration_ids", Kind.StringList), ("only_dns", Kind.Boolean),
            ("only_ip", Kind.Boolean), ("not_seen_for_days", Kind.PositiveInteger),
        };

        /// <summary>TimeRangeQueryParameter values.</summary>
        public static readonly IReadOnlyList<string> TimeRanges = new[] { "last_day", "last_week", "last_month", "last_3_months", "last_6_months", "last_12_months", "all_time" };

        public static IEnumerable<string> KeyNames => Known.Select(k => k.Name);

        /// <summary>The asset_filters object, or null for no filters; throws InvalidAssetFilter on an unknown key or a wrong value.</summary>
        public static JsonObject? ToJson(IDictionary? filters)
        {
            if (filters == null || filters.Count == 0) return null;
            var result = new JsonObject();
            foreach (DictionaryEntry entry in filters)
            {
                string key = System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
                int index = Array.FindIndex(Known, k => string.Equals(k.Name, key, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    throw Invalid(key, "'" + key + "' is not a ProjectDiscovery asset filter. Valid keys: " + string.Join(", ", KeyNames) + ".");
                }

                var (name, kind) = Known[index];
                if (result.ContainsKey(name)) throw Invalid(key, "The asset filter '" + name + "' is given twice.");
                result[name] = ToNode(name, kind, entry.Value);
            }

            return result;
        }

        private static JsonNode ToNode(string name, Kind kind, object? value)
        {
            if (value == null) throw Invalid(name, "The asset filter '" + name + "' has no value.");
            switch (kind)
            {
                case Kind.Boolean:
                    if (value is bool b) return JsonValue.Create(b);
                    if (value is string s && bool.TryParse(s.Trim(), out bool parsed)) return JsonValue.Create(parsed);
                    throw Invalid(name, "The asset filter '" + name + "' takes $true or $false, not '" + value + "'.");
                case Kind.CommaSeparated:
                    // The vendor takes one comma-separated string ("p1,p2"); a PowerShell array is joined for it.
                    return JsonValue.Create(string.Join(",", Strings(name, value)));
                case Kind.StringList:
                    var array = new JsonArray();
                    foreach (var item in Strings(name, value)) array.Add(JsonValue.Create(item));
                    return array;
                case Kind.TimeRange:
                    string range = (value as string ?? string.Empty).Trim();
                    string? known = TimeRanges.FirstOrDefault(t => string.Equals(t, range, StringComparison.OrdinalIgnoreCase));
                    if (known == null) throw Invalid(name, "The asset filter 'time' takes one of: " + string.Join(", ", TimeRanges) + "; not '" + value + "'.");
                    return JsonValue.Create(known);
                case Kind.Date:
                    return JsonValue.Create(Date(name, value));
                default:
                    long days;
                    bool isNumber = value is int || value is long || value is short || value is byte;
                    if (isNumber) days = System.Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    else if (!(value is string text && long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out days))) days = 0;
                    if (days < 1 || days > int.MaxValue) throw Invalid(name, "The asset filter '" + name + "' takes a whole number of days, 1 or more; not '" + value + "'.");
                    return JsonValue.Create(days);
            }
        }

        private static string Date(string name, object value)
        {
            if (value is DateTime dateTime) return dateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (value is DateTimeOffset offset) return offset.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (value is string text && DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            throw Invalid(name, "The asset filter '" + name + "' takes a date (a [datetime] or 'yyyy-MM-dd'), not '" + value + "'.");
        }

        private static List<string> Strings(string name, object value)
        {
            IEnumerable<object?> items = value is string || !(value is IEnumerable sequence) ? new[] { value } : sequence.Cast<object?>();
            var result = new List<string>();
            foreach (var item in items)
            {
                if (item is bool || item is IEnumerable && !(item is string) || item is IDictionary)
                {
                    throw Invalid(name, "The asset filter '" + name + "' takes text (or a list of text), not '" + item + "'.");
                }

                string text = (System.Convert.ToString(item, CultureInfo.InvariantCulture) ?? string.Empty).Trim();
                if (text.Length > 0) result.Add(text);
            }

            if (result.Count == 0) throw Invalid(name, "The asset filter '" + name + "' is empty.");
            return result;
        }

        private static ScanPSException Invalid(string key, string message) =>
            new ScanPSError(ErrorIds.InvalidAssetFilter, ScanPSErrorCategory.InvalidArgument, message, key)
            { RecommendedAction = "Use -AssetFilter @{ host = 'a.example.com'; is_new = $true } with the keys listed in Get-Help New-Scan -Parameter AssetFilter." }.ToException();
    }
}
