using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ScanPS.Providers
{
    /// <summary>JSON of no fixed shape as plain .NET values that PowerShell shows and converts naturally.</summary>
    internal static class PlainJson
    {
        public static IReadOnlyDictionary<string, object?> Object(JsonElement? element)
        {
            var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            if (element == null || element.Value.ValueKind != JsonValueKind.Object) return result;
            foreach (var property in element.Value.EnumerateObject()) result[property.Name] = Value(property.Value);
            return result;
        }

        public static object? Value(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object: return Object(element);
                case JsonValueKind.Array: return element.EnumerateArray().Select(Value).ToArray();
                case JsonValueKind.String: return element.GetString();
                case JsonValueKind.Number: return element.TryGetInt64(out long whole) ? whole : (object)element.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                default: return null;
            }
        }
    }
}
