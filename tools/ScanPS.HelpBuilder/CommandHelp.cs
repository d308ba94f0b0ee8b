using System.Collections.Generic;
using System.Linq;

namespace ScanPS.HelpBuilder
{
    /// <summary>One cmdlet's help as a PlatyPS page (schema 2.0.0) describes it.</summary>
    public sealed record CommandHelp(
        string Name,
        string ExternalHelpFile,
        string? OnlineVersion,
        IReadOnlyList<string> Synopsis,
        IReadOnlyList<SyntaxSet> Syntax,
        IReadOnlyList<string> Description,
        IReadOnlyList<ExampleHelp> Examples,
        IReadOnlyList<ParameterHelp> Parameters,
        bool SupportsCommonParameters,
        IReadOnlyList<TypeHelp> Inputs,
        IReadOnlyList<TypeHelp> Outputs,
        IReadOnlyList<string> Notes,
        IReadOnlyList<LinkHelp> RelatedLinks)
    {
        /// <summary>The verb, the part before the first dash.</summary>
        public string Verb => Name.Contains('-') ? Name.Substring(0, Name.IndexOf('-')) : Name;

        /// <summary>The noun, the part after the first dash.</summary>
        public string Noun => Name.Contains('-') ? Name.Substring(Name.IndexOf('-') + 1) : string.Empty;
    }

    /// <summary>
    /// A <c>### SetName</c> of SYNTAX; <see cref="ParameterOrder"/> is the order of the <c>-Name</c> tokens in its
    /// code block, which the generated syntax follows.
    /// </summary>
    public sealed record SyntaxSet(string Name, bool IsDefault, IReadOnlyList<string> ParameterOrder, int Line);

    /// <summary>An example: title, code blocks (joined) and the paragraphs that explain it.</summary>
    public sealed record ExampleHelp(string Title, string Code, IReadOnlyList<string> Remarks, int Line);

    /// <summary>A <c>### -Name</c> section: its description and one or more YAML metadata blocks.</summary>
    public sealed record ParameterHelp(string Name, IReadOnlyList<string> Description, IReadOnlyList<ParameterMetadata> Metadata, int Line)
    {
        /// <summary>The first metadata block, which the flat parameter list in MAML uses.</summary>
        public ParameterMetadata Primary => Metadata[0];

        /// <summary>The metadata that applies in <paramref name="set"/>, or null when the parameter is not in it.</summary>
        public ParameterMetadata? For(string set)
        {
            foreach (var m in Metadata)
            {
                if (m.AllSets || m.ParameterSets.Contains(set)) return m;
            }

            return null;
        }
    }

    /// <summary>One PlatyPS <c>```yaml</c> block of a parameter.</summary>
    public sealed record ParameterMetadata(
        string Type,
        IReadOnlyList<string> ParameterSets,
        IReadOnlyList<string> Aliases,
        IReadOnlyList<string> AcceptedValues,
        bool Required,
        string Position,
        string DefaultValue,
        string PipelineInput,
        bool Globbing)
    {
        /// <summary><c>Parameter Sets: (All)</c>.</summary>
        public bool AllSets => ParameterSets.Count == 1 && ParameterSets[0] == "(All)";

        /// <summary>True for a switch, which takes no value.</summary>
        public bool IsSwitch => Type == "SwitchParameter";
    }

    /// <summary>An INPUTS or OUTPUTS entry: the type name and its description.</summary>
    public sealed record TypeHelp(string Name, IReadOnlyList<string> Description);

    /// <summary>A RELATED LINKS entry; <see cref="Uri"/> is empty for links to other pages of these docs.</summary>
    public sealed record LinkHelp(string Text, string Uri);
}
