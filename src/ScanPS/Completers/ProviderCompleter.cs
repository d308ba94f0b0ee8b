using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ScanPS.Completers
{
    /// <summary>
    /// Completes -Provider with the names its [ValidateProvider] accepts on that command, sorted as PowerShell sorts
    /// a [ValidateSet]'s values.
    /// </summary>
    public sealed class ProviderCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var names = CommandParameters.ProviderCheck(commandName, parameterName)?.ValidValues ?? ProviderNames.All;
            return names
                .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .OrderBy(name => name, StringComparer.OrdinalIgnoreCase)
                .Select(name => new CompletionResult(CompletionText.Quote(name), name, CompletionResultType.ParameterValue, name));
        }
    }
}
