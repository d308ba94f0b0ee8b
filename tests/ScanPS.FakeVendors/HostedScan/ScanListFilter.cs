using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ScanPS.FakeVendors;

/// <summary>The decoded `filters` query value of GET /v1/scans: OR within a key, AND across keys.</summary>
internal sealed class ScanListFilter
{
    private readonly Dictionary<string, HashSet<string>> _allowed;

    private ScanListFilter(Dictionary<string, HashSet<string>> allowed) => _allowed = allowed;

    /// <summary>Parses the filters JSON; on failure returns null and the message for the 400 body.</summary>
    internal static ScanListFilter? TryParse(string filtersJson, out string? error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(filtersJson);
        }
        catch (JsonException)
        {
            error = "filters is not valid JSON";
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "filters must be a JSON object";
                return null;
            }

            Dictionary<string, HashSet<string>> allowed = new(StringComparer.Ordinal);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (property.Name is not ("type" or "state" or "scheduled_by"))
                {
                    error = "Unknown filter '" + property.Name + "' in filters";
                    return null;
                }

                HashSet<string> values = new(StringComparer.Ordinal);
                bool valid = property.Value.ValueKind == JsonValueKind.Array;
                if (valid)
                {
                    foreach (JsonElement item in property.Value.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.String)
                        {
                            valid = false;
                            break;
                        }

                        values.Add(item.GetString()!);
                    }
                }

                if (!valid)
                {
                    error = "filters." + property.Name + " must be an array of strings";
                    return null;
                }

                // An empty array matches nothing (OR over no values), like a database $in: [].
                allowed[property.Name] = values;
            }

            error = null;
            return new ScanListFilter(allowed);
        }
    }

    internal bool Matches(HostedScanScan scan) =>
        Allows("type", scan.Type) && Allows("state", scan.State) && Allows("scheduled_by", scan.ScheduledBy);

    private bool Allows(string key, string value) => !_allowed.TryGetValue(key, out HashSet<string>? values) || values.Contains(value);
}
