using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ScanPS.Commands;

namespace ScanPS.Completers
{
    /// <summary>Completes -Connection and -Name with the session's connection names (of the -Provider already typed, if any).</summary>
    public sealed class ConnectionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            string? provider = fakeBoundParameters != null && fakeBoundParameters.Contains("Provider") ? fakeBoundParameters["Provider"]?.ToString() : null;
            return ConnectionStores.Current.Find(ProviderNames.Normalize(provider), null)
                .Where(c => c.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(c => new CompletionResult(
                    CompletionText.Quote(c.Name),
                    c.Name,
                    CompletionResultType.ParameterValue,
                    c.ToString()));
        }
    }
}
