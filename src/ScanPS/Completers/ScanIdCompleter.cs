using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ScanPS.Completers
{
    /// <summary>
    /// Completes -Id with the ids of scans seen earlier in the session: of the -Provider already typed, else of
    /// the only provider the command serves (Start-ScanFromScan: Invicti), else of every provider. Ids are quoted
    /// where PowerShell would not read them back as the same string.
    /// </summary>
    public sealed class ScanIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            string? provider = fakeBoundParameters != null && fakeBoundParameters.Contains("Provider") ? fakeBoundParameters["Provider"]?.ToString() : null;
            // A command that serves one provider only (Start-ScanFromScan: Invicti, its -Provider's default): offer no other provider's ids.
            if (provider == null && CommandParameters.KnownValues(commandName, "Provider")?.ValidValues is { Count: 1 } only) provider = only[0];
            // Without -Provider the command's default applies (Start-ScanFromScan: Invicti): offer that provider's ids.
            provider ??= CommandParameters.ProviderDefault(commandName);
            return RecentScanIds.Snapshot(provider)
                .Where(entry => entry.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(entry => new CompletionResult(
                    CompletionText.Quote(entry.Id),
                    entry.Id,
                    CompletionResultType.ParameterValue,
                    entry.Provider + " " + entry.Id + (string.IsNullOrEmpty(entry.Label) ? string.Empty : " (" + entry.Label + ")")));
        }
    }
}
