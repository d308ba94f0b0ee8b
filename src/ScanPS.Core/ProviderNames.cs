using System;
using System.Collections.Generic;

namespace ScanPS
{
    /// <summary>The vendor names that -Provider accepts. Parameter-set names start with these.</summary>
    public static class ProviderNames
    {
        public const string HostedScan = "HostedScan";
        public const string ProjectDiscovery = "ProjectDiscovery";
        public const string Invicti = "Invicti";
        public const string Probely = "Probely";

        public static readonly IReadOnlyList<string> All = new[] { HostedScan, ProjectDiscovery, Invicti, Probely };

        /// <summary>Returns the canonical spelling of a provider name, or null when it is not one.</summary>
        public static string? Normalize(string? name)
        {
            if (name == null) return null;
            foreach (var known in All)
            {
                if (string.Equals(known, name.Trim(), StringComparison.OrdinalIgnoreCase)) return known;
            }
            return null;
        }
    }
}
