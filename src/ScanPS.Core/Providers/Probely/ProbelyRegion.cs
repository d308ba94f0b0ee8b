using System;
using System.Collections.Generic;
using ScanPS.Errors;

namespace ScanPS.Providers.Probely
{
    /// <summary>
    /// Probely's regional API hosts. A tenant's data lives in one region and its API keys work only there
    /// (UNCONFIRMED, implied by the vendor's regional hosts).
    /// </summary>
    public enum ProbelyRegion
    {
        /// <summary>https://api.probely.com/ (the vendor SDK's default).</summary>
        Default,

        /// <summary>https://api.eu.probely.com/</summary>
        EU,

        /// <summary>https://api.us.probely.com/</summary>
        US,

        /// <summary>https://api.au.probely.com/</summary>
        AU,
    }

    /// <summary>Region name → host.</summary>
    public static class ProbelyRegions
    {
        /// <summary>The names -Region accepts, in the order messages list them (the enum's: Default, EU, US, AU).</summary>
        public static readonly IReadOnlyList<string> Names = Enum.GetNames(typeof(ProbelyRegion));

        public static Uri BaseUri(ProbelyRegion region)
        {
            switch (region)
            {
                case ProbelyRegion.EU: return new Uri("https://api.eu.probely.com/");
                case ProbelyRegion.US: return new Uri("https://api.us.probely.com/");
                case ProbelyRegion.AU: return new Uri("https://api.au.probely.com/");
                default: return new Uri("https://api.probely.com/");
            }
        }

        /// <summary>Parses ProviderSessionOptions.Region (null or blank means Default); an unknown name is InvalidRegion.</summary>
        public static ProbelyRegion Parse(string? region)
        {
            if (string.IsNullOrWhiteSpace(region)) return ProbelyRegion.Default;
            foreach (ProbelyRegion known in Enum.GetValues(typeof(ProbelyRegion)))
            {
                if (string.Equals(known.ToString(), region!.Trim(), StringComparison.OrdinalIgnoreCase)) return known;
            }

            throw new ScanPSError(
                ErrorIds.InvalidRegion,
                ScanPSErrorCategory.InvalidArgument,
                "'" + region + "' is not a Probely region. Use one of: " + string.Join(", ", Names) + ".",
                region)
            { RecommendedAction = "Pass -Region Default, EU, US or AU (the region your API key was created in)." }.ToException();
        }
    }
}
