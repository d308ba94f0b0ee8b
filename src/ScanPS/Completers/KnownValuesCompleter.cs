using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ScanPS.Completers
{
    /// <summary>
    /// Completes a parameter checked by a [ValidateProvider] or [ValidateRegion] (-Provider, -Region) with the values it
    /// accepts on that command, sorted as PowerShell sorts a [ValidateSet]'s values.
    /// </summary>
    public sealed class KnownValuesCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var names = CommandParameters.KnownValues(commandName, parameterName)?.ValidValues ?? (IReadOnlyList<string>)new string[0];
            return names
                .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .OrderBy(name => name, StringComparer.OrdinalIgnoreCase)
                .Select(name => new CompletionResult(Text(name), name, CompletionResultType.ParameterValue, name));
        }

        /// <summary>
        /// Bare when the value is a plain word, as PowerShell completes a [ValidateSet] value (a keyword such as Default
        /// stays bare: it is read as a string in argument position); quoted otherwise.
        /// </summary>
        private static string Text(string value) =>
            value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || c == '_') ? value : CompletionText.Quote(value);
    }
}
