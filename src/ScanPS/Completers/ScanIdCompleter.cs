using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ScanPS.Completers
{
    /// <summary>Completes -Id with the ids of scans seen earlier in the session (of the -Provider already typed, if any).</summary>
    public sealed class ScanIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            string? provider = fakeBoundParameters != null && fakeBoundParameters.Contains("Provider") ? fakeBoundParameters["Provider"]?.ToString() : null;
            return RecentScanIds.Snapshot(provider)
                .Where(entry => entry.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(entry => new CompletionResult(
                    Quote(entry.Id),
                    entry.Id,
                    CompletionResultType.ParameterValue,
                    entry.Provider + " " + entry.Id + (string.IsNullOrEmpty(entry.Label) ? string.Empty : " (" + entry.Label + ")")));
        }

        private static string Quote(string id) => id.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ',', ';', '(', ')', '{', '}', '@', '#' }) < 0 ? id : "'" + id.Replace("'", "''") + "'";
    }
}
