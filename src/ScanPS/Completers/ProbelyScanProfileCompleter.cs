using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ScanPS.Providers.Probely;

namespace ScanPS.Completers
{
    /// <summary>Completes -ScanProfile with Probely's built-in profile ids (custom profile ids are typed as they are).</summary>
    public sealed class ProbelyScanProfileCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return ProbelyVocabulary.BuiltInScanProfiles
                .Where(id => id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(id => new CompletionResult(CompletionText.Quote(id), id, CompletionResultType.ParameterValue, "Probely built-in scan profile " + id));
        }
    }
}
