using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace ScanPS.Commands
{
    /// <summary>
    /// A [ValidateSet] whose values come from the provider definitions instead of constants repeated in each cmdlet
    /// (attribute arguments must be constants, and IValidateSetValuesGenerator does not exist in Windows PowerShell
    /// 5.1). Like ValidateSet it ignores case and refuses with ValidateSet's own words, so users see the same error
    /// (ParameterArgumentValidationError); <see cref="Completers.KnownValuesCompleter"/> completes the same values.
    /// </summary>
    public abstract class ValidateKnownValuesAttribute : ValidateEnumeratedArgumentsAttribute
    {
        /// <summary>The accepted values, in the provider list's order.</summary>
        public abstract IReadOnlyList<string> ValidValues { get; }

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
