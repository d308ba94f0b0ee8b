using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ScanPS.Providers;

namespace ScanPS.Commands
{
    /// <summary>
    /// -Provider's check, fed by the one provider list: the providers whose client has
    /// <see cref="Capability"/> (IScanReader for Get-Scan, …), or every provider when none is named. A literal
    /// [ValidateSet] would repeat the list in each cmdlet (attribute arguments must be constants, and
    /// IValidateSetValuesGenerator does not exist in Windows PowerShell 5.1). Like ValidateSet it ignores case and
    /// refuses with ValidateSet's own words, so users see the same error (ParameterArgumentValidationError).
    /// <see cref="Completers.ProviderCompleter"/> completes the same values.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateProviderAttribute : ValidateEnumeratedArgumentsAttribute
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

        /// <summary>The accepted names, in the provider list's order.</summary>
        public IReadOnlyList<string> ValidValues =>
            (Capability == null ? ProviderDefinition.All : ProviderDefinition.With(Capability)).Select(d => d.Name).ToList();

        protected override void ValidateElement(object element)
        {
            string value = element?.ToString() ?? string.Empty;
            var valid = ValidValues;
            if (valid.Any(name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase))) return;
            throw new ValidationMetadataException(
                "The argument \"" + value + "\" does not belong to the set \"" + string.Join(",", valid) +
                "\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.");
        }
    }
}
