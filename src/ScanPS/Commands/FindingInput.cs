using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;
using ScanPS.Findings;
using ScanPS.Providers;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Operations;

namespace ScanPS.Commands
{
    /// <summary>
    /// The finding commands' side of the <see cref="IFindingProperties"/> seam: a finding from the pipeline, whether a
    /// ScanFinding, a finding read back by Import-Csv (every value a string) or by Import-Clixml (a Deserialized.*
    /// property bag), read by property name.
    /// </summary>
    internal sealed class PSObjectFindingProperties : IFindingProperties
    {
        private readonly PSObject _object;

        public PSObjectFindingProperties(PSObject value) => _object = value;

        public object Source => _object;

        public object? Get(string name)
        {
            var value = _object.Properties[name]?.Value;
            // Import-Clixml gives enums and lists back as property bags over the value (an Int32, an ArrayList).
            return value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
        }
    }

    internal static class FindingInput
    {
        public const string NotAScanFinding = ErrorIds.NotAScanFinding;

        /// <summary>The finding, or null with the error that says why it is not one.</summary>
        public static FindingRecord? Read(PSObject? input, out ErrorRecord? error)
        {
            error = null;
            if (input == null)
            {
                error = Error("The input is null; it is not a ScanPS finding.", null);
                return null;
            }

            var record = FindingRecord.TryRead(new PSObjectFindingProperties(input), out var problem);
            if (record == null) error = Error(problem!, input);
            return record;
        }

        private static ErrorRecord Error(string problem, object? target) =>
            ErrorRecords.From(new ScanPSError(NotAScanFinding, ScanPSErrorCategory.InvalidArgument, problem, target)
            {
                RecommendedAction = "Pipe the output of Get-ScanFinding, or objects read back from its Export-Csv or Export-Clixml file (they need Provider and Severity).",
            }, text => text);

        /// <summary>The object to write for a compared finding: a copy with Change set; the input stays as it was.</summary>
        public static object WithChange(FindingRecord finding, FindingChange change)
        {
            var source = (PSObject)finding.Source;
            if (source.BaseObject is ScanFinding typed) return FindingStamp.WithChange(typed, change);
            // A new property bag rather than PSObject.Copy(), which throws ExtendedTypeSystemException on a finding type
            // read back by Import-Clixml ("A PSProperty or PSMethod object cannot be added to this collection").
            var copy = new PSObject();
            copy.TypeNames.Clear();
            foreach (var name in source.TypeNames) copy.TypeNames.Add(name);
            bool stamped = false;
            foreach (var property in source.Properties)
            {
                bool isChange = string.Equals(property.Name, "Change", System.StringComparison.OrdinalIgnoreCase);
                copy.Properties.Add(new PSNoteProperty(property.Name, isChange ? change : property.Value));
                stamped |= isChange;
            }

            if (!stamped) copy.Properties.Add(new PSNoteProperty("Change", change));
            return copy;
        }

        /// <summary>Writes text to a file as UTF-8 without a byte order mark (what SARIF and JUnit readers expect).</summary>
        public static FileInfo WriteFile(PSCmdlet cmdlet, string path, string text)
        {
            var full = cmdlet.GetUnresolvedProviderPathFromPSPath(path);
            File.WriteAllText(full, text, new UTF8Encoding(false));
            return new FileInfo(full);
        }
    }
}
