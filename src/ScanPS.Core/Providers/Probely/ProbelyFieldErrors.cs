using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ScanPS.Providers.Probely
{
    /// <summary>
    /// Flattens Django REST Framework error bodies into one readable line. Probely answers 400 with field errors
    /// nested like its request body: {"targets": [{}, {"id": ["Invalid pk …"]}], "scheduledscan": {"date_time": ["…"]},
    /// "non_field_errors": ["…"]}; 401/403/404 with {"detail": "…"}; some endpoints with {"error": "…"}.
    /// </summary>
    internal static class ProbelyFieldErrors
    {
        /// <summary>
        /// "target 'x' id: Invalid pk \"x\" - object does not exist.; scheduledscan.date_time: …", naming the target id for
        /// errors under targets[i] (the batch is sent in order). Null when the body is not a DRF error body.
        /// </summary>
        public static string? Describe(string body, IReadOnlyList<string> batchTargetIds)
        {
            if (string.IsNullOrWhiteSpace(body)) return null;
            try
            {
                using var document = JsonDocument.Parse(body);
                var lines = new List<string>();
                Walk(document.RootElement, string.Empty, batchTargetIds, lines);
                return lines.Count == 0 ? null : string.Join("; ", lines);
            }
            catch (JsonException)
            {
                return null; // not JSON (a gateway page, a truncated body): the shared extraction takes over
            }
        }

        private static void Walk(JsonElement element, string path, IReadOnlyList<string> ids, List<string> lines)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    lines.Add(Prefix(path) + element.GetString());
                    break;
                case JsonValueKind.Array:
                    var messages = new List<string>();
                    int index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String) messages.Add(item.GetString() ?? string.Empty);
                        else Walk(item, ItemPath(path, index, ids), ids, lines);
                        index++;
                    }

                    if (messages.Count > 0) lines.Add(Prefix(path) + string.Join(" ", messages));
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        // non_field_errors, detail and error carry the message of the object they sit in.
                        bool general = property.NameEquals("non_field_errors") || property.NameEquals("detail") || property.NameEquals("error");
                        Walk(property.Value, general ? path : Join(path, property.Name), ids, lines);
                    }

                    break;
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False:
                    lines.Add(Prefix(path) + element.GetRawText());
                    break;
            }
        }

        /// <summary>targets[i] becomes "target 'id'" so the user sees which target the vendor refused.</summary>
        private static string ItemPath(string path, int index, IReadOnlyList<string> ids) =>
            path == "targets" && index < ids.Count ? "target '" + ids[index] + "'" : path + "[" + index + "]";

        private static string Join(string path, string name) =>
            path.Length == 0 ? name : path.StartsWith("target '", StringComparison.Ordinal) ? path + " " + name : path + "." + name;

        private static string Prefix(string path) => path.Length == 0 ? string.Empty : path + ": ";
    }
}
