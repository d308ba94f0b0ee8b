using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ScanPS.FakeVendors;

/// <summary>Strict parse of the POST /v1/scans body, so client bugs surface as 400s naming the field.</summary>
internal sealed class CreateScanRequest
{
    internal static readonly string[] CreatableTypes = { "NMAP", "NMAP_UDP", "SSLYZE", "OPENVAS", "OWASP_ZAP" };

    private CreateScanRequest(string type, IReadOnlyList<string> targets, IReadOnlyList<string> targetIds, IReadOnlyList<string> tags)
    {
        Type = type;
        Targets = targets;
        TargetIds = targetIds;
        Tags = tags;
    }

    internal string Type { get; }

    internal IReadOnlyList<string> Targets { get; }

    internal IReadOnlyList<string> TargetIds { get; }

    internal IReadOnlyList<string> Tags { get; }

    /// <summary>Parses the body; on failure returns null and the message for the 400 body.</summary>
    internal static CreateScanRequest? TryParse(string body, out string? error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            error = "Request body is not valid JSON";
            return null;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "Request body must be a JSON object";
                return null;
            }

            string? type = null;
            IReadOnlyList<string> targets = Array.Empty<string>();
            IReadOnlyList<string> targetIds = Array.Empty<string>();
            IReadOnlyList<string> tags = Array.Empty<string>();
            foreach (JsonProperty property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "type":
                        if (property.Value.ValueKind != JsonValueKind.String)
                        {
                            error = "type must be a string";
                            return null;
                        }

                        type = property.Value.GetString()!;
                        break;
                    case "targets":
                        if (!TryReadStrings(property, out targets, out error))
                        {
                            return null;
                        }

                        break;
                    case "target_ids":
                        if (!TryReadStrings(property, out targetIds, out error))
                        {
                            return null;
                        }

                        break;
                    case "tags":
                        if (!TryReadStrings(property, out tags, out error))
                        {
                            return null;
                        }

                        break;
                    case "use_authentication":
                        // Accepted and ignored: the fake has no authenticated scanning to switch on.
                        if (property.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                        {
                            error = "use_authentication must be a boolean";
                            return null;
                        }

                        break;
                    default:
                        error = "Unknown property '" + property.Name + "'";
                        return null;
                }
            }

            if (type is null)
            {
                error = "type is required";
                return null;
            }

            if (!CreatableTypes.Contains(type, StringComparer.Ordinal))
            {
                error = "type must be one of " + string.Join(", ", CreatableTypes);
                return null;
            }

            if (targets.Count == 0 && targetIds.Count == 0 && tags.Count == 0)
            {
                error = "Either tags, targets, or target_ids must be specified";
                return null;
            }

            error = null;
            return new CreateScanRequest(type, targets, targetIds, tags);
        }
    }

    private static bool TryReadStrings(JsonProperty property, out IReadOnlyList<string> values, out string? error)
    {
        values = Array.Empty<string>();
        if (property.Value.ValueKind != JsonValueKind.Array)
        {
            error = property.Name + " must be an array of strings";
            return false;
        }

        List<string> list = new();
        int index = 0;
        foreach (JsonElement item in property.Value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString()!.Length == 0)
            {
                error = property.Name + "[" + index + "] must be a non-empty string";
                return false;
            }

            list.Add(item.GetString()!);
            index++;
        }

        values = list;
        error = null;
        return true;
    }
}
