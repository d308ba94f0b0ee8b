using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Providers;

namespace ScanPS.Commands
{
    /// <summary>-Region's check: the regions of the providers that have them, as their definitions list them.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateRegionAttribute : ValidateKnownValuesAttribute
    {
        public override IReadOnlyList<string> ValidValues =>
            ProviderDefinition.All.SelectMany(d => d.Regions).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
