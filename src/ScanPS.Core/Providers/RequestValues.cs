using System;
using System.Collections.Generic;

namespace ScanPS.Providers
{
    /// <summary>Small input clean-ups shared by the vendor clients.</summary>
    internal static class RequestValues
    {
        /// <summary>Trimmed, non-empty, first occurrence kept; null when nothing is left (the field is then not sent).</summary>
        public static string[]? Clean(IEnumerable<string>? values)
        {
            if (values == null) return null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<string>();
            foreach (var value in values)
            {
                string trimmed = (value ?? string.Empty).Trim();
                if (trimmed.Length > 0 && seen.Add(trimmed)) result.Add(trimmed);
            }

            return result.Count == 0 ? null : result.ToArray();
        }
    }
}
