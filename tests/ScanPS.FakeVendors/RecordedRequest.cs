using System;
using System.Collections.Generic;

namespace ScanPS.FakeVendors;

/// <summary>One request as the fake received it, captured before any fault or handler ran.</summary>
/// <param name="Method">HTTP method as sent.</param>
/// <param name="Path">Request path (percent-decoded by Kestrel, except %2F).</param>
/// <param name="RawQuery">"" or the query string starting with "?", exactly as sent, not decoded.</param>
/// <param name="Headers">Case-insensitive keys; repeated headers joined with ", ".</param>
/// <param name="Body">Full body decoded as UTF-8 ("" when none).</param>
/// <param name="ConnectionId">Kestrel's connection id, to tell reused connections from new ones.</param>
/// <param name="ReceivedAt">UTC time the request reached the fake.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string RawQuery,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string ConnectionId,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The header's value (repeated values joined with ", "), or null when absent. Name is case-insensitive.</summary>
    public string? Header(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Headers.TryGetValue(name, out string? value))
        {
            return value;
        }

        // Fallback in case a caller built the record with a case-sensitive dictionary.
        foreach (KeyValuePair<string, string> pair in Headers)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>URL-decoded value of the first occurrence of the query parameter (name matched ordinally), or null when absent.</summary>
    public string? QueryValue(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string query = RawQuery.StartsWith('?') ? RawQuery[1..] : RawQuery;
        foreach (string part in query.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            int eq = part.IndexOf('=', StringComparison.Ordinal);
            string rawName = eq < 0 ? part : part[..eq];
            if (string.Equals(Decode(rawName), name, StringComparison.Ordinal))
            {
                return eq < 0 ? string.Empty : Decode(part[(eq + 1)..]);
            }
        }

        return null;
    }

    // Form-style decoding ('+' is a space), which is what query strings use in practice.
    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
