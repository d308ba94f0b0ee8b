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
    /// Completes -State with the normalised names and the own values of the vendor named by -Provider (else the one
    /// the command implies), each once. A vendor without a state vocabulary gets none, not another vendor's.
    /// </summary>
    public sealed class ScanStateCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            string? provider = ProviderNames.Normalize(fakeBoundParameters?["Provider"] as string) ?? CommandParameters.ImpliedProvider(commandName);
            var names = provider == null ? Enumerable.Empty<string>() : ProviderDefinition.Get(provider).States?.Names ?? Enumerable.Empty<string>();
            // -State is not case-sensitive: "Queued" and Invicti's "Queued", or "Running" and HostedScan's "RUNNING", are one
            // filter, offered once (the normalised spelling comes first).
            return names
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(name => new CompletionResult(CompletionText.Quote(name), name, CompletionResultType.ParameterValue, name));
        }
    }
}
