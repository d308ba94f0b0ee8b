using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ScanPS.Providers;

namespace ScanPS.Completers
{
    /// <summary>
    /// Completes -ScanProfile with the built-in scan profile ids of the provider named by -Provider (its definition's
    /// ScanProfiles); a provider without any gets none. Custom profile ids are typed as they are.
    /// </summary>
    public sealed class ScanProfileCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            string? provider = ProviderNames.Normalize(fakeBoundParameters?["Provider"] as string) ?? CommandParameters.ImpliedProvider(commandName);
            var profiles = provider == null ? Enumerable.Empty<string>() : ProviderDefinition.Get(provider).ScanProfiles;
            return profiles
                .Where(id => id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(id => new CompletionResult(CompletionText.Quote(id), id, CompletionResultType.ParameterValue, provider + " built-in scan profile " + id));
        }
    }
}
