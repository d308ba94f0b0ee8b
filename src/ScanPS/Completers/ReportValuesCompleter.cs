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
    /// Completes Save-ScanReport's -Format and -ReportType from the report facts of the provider named by -Provider
    /// (its definition's <see cref="ProviderDefinition.Reports"/>); without -Provider, the values of every provider
    /// that serves reports, each once. A provider without report types gets no -ReportType values.
    /// </summary>
    public sealed class ReportValuesCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            string? provider = ProviderNames.Normalize(fakeBoundParameters?["Provider"] as string);
            var facts = provider == null
                ? ProviderDefinition.All.Select(d => d.Reports)
                : new[] { ProviderDefinition.All.FirstOrDefault(d => d.Name == provider)?.Reports };
            bool types = string.Equals(parameterName, "ReportType", StringComparison.OrdinalIgnoreCase);
            return facts.Where(f => f != null)
                .SelectMany(f => types ? f!.Types : f!.Formats)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, name));
        }
    }
}
