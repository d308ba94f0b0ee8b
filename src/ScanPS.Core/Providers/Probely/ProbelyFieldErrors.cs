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
        /// errors keyed by target id, or under targets[i] when the list has one entry per target sent (the batch is sent
        /// in order). Null when the body is not a DRF error body.
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
                    // DRF's list-serializer shape has one entry per target sent, in order; only then is a position a target.
                    bool oneEntryPerTarget = path == "targets" && element.GetArrayLength() == ids.Count;
                    // Messages and objects mixed in one array (the documented shape) are about the field itself: no index.
                    bool mixed = false;
                    foreach (var item in element.EnumerateArray()) mixed |= item.ValueKind == JsonValueKind.String;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String) messages.Add(item.GetString() ?? string.Empty);
                        else if (path == "targets" && KeyedByTargetId(item)) WalkKeyedByTargetId(item, ids, lines);
                        else Walk(item, mixed ? path : oneEntryPerTarget ? "target '" + ids[index] + "'" : path + "[" + index + "]", ids, lines);
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

        /// <summary>
        /// The documented 400 example keys target errors by target id, next to list-level messages:
        /// {"targets": ["This list may not be empty.", {"23FmxSYYJQNW": ["Scheduled scan not saved as it may conflict with blackout period."]}]}.
        /// An object under targets with no "id" field is read that way.
        /// </summary>
        private static bool KeyedByTargetId(JsonElement item)
        {
            if (item.ValueKind != JsonValueKind.Object) return false;
            bool any = false;
            foreach (var property in item.EnumerateObject())
            {
                if (property.NameEquals("id") || property.NameEquals("non_field_errors")) return false;
                any = true;
            }

            return any;
        }

        private static void WalkKeyedByTargetId(JsonElement item, IReadOnlyList<string> ids, List<string> lines)
        {
            foreach (var property in item.EnumerateObject()) Walk(property.Value, "target '" + property.Name + "'", ids, lines);
        }

        private static string Join(string path, string name) =>
            path.Length == 0 ? name : path.StartsWith("target '", StringComparison.Ordinal) ? path + " " + name : path + "." + name;

        private static string Prefix(string path) => path.Length == 0 ? string.Empty : path + ": ";
    }
}
