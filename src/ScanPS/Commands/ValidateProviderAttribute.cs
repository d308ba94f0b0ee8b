using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Providers;

namespace ScanPS.Commands
{
    /// <summary>
    /// -Provider's check, fed by the one provider list: the providers whose client has <see cref="Capability"/>
    /// (IScanReader for Get-Scan, …), or every provider when none is named.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateProviderAttribute : ValidateKnownValuesAttribute
    {
        public ValidateProviderAttribute()
        {
        }

        public ValidateProviderAttribute(Type capability)
        {
            Capability = capability;
        }

        /// <summary>The capability interface a provider needs for this command; null: every provider.</summary>
        public Type? Capability { get; }

        public override IReadOnlyList<string> ValidValues =>
            (Capability == null ? ProviderDefinition.All : ProviderDefinition.With(Capability)).Select(d => d.Name).ToList();
    }
}
