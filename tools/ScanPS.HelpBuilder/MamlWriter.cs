using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace ScanPS.HelpBuilder
{
    /// <summary>
    /// Writes MAML the way PlatyPS's New-ExternalHelp does: a <c>helpItems</c> root in the <c>http://msh</c>
    /// namespace with one <c>command:command</c> per cmdlet, holding details (name, verb, noun, synopsis),
    /// description, one syntaxItem per parameter set, the parameters, input and return types, notes
    /// (<c>maml:alertSet</c>), examples and related links. This is the structure Get-Help reads.
    /// </summary>
    public static class MamlWriter
    {
        /// <summary>The default namespace of the help file root.</summary>
        public static readonly XNamespace Msh = "http://msh";

        /// <summary>The <c>maml:</c> namespace.</summary>
        public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";

        /// <summary>The <c>command:</c> namespace.</summary>
        public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";

        /// <summary>The <c>dev:</c> namespace.</summary>
        public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        /// <summary>The <c>MSHelp:</c> namespace PlatyPS declares (unused by Get-Help, kept for fidelity).</summary>
        public static readonly XNamespace MSHelp = "http://msdn.microsoft.com/mshelp";

        /// <summary>The MAML document for <paramref name="commands"/>, in the given order.</summary>
        public static XDocument Write(IEnumerable<CommandHelp> commands) =>
            new XDocument(
                new XDeclaration("1.0", "utf-8", null),
                new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), commands.Select(CommandElement)));

        private static XElement CommandElement(CommandHelp help) =>
            new XElement(Command + "command",
                new XAttribute(XNamespace.Xmlns + "maml", Maml),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelp),
                new XElement(Command + "details",
                    new XElement(Command + "name", help.Name),
                    new XElement(Command + "verb", help.Verb),
                    new XElement(Command + "noun", help.Noun),
                    Description(help.Synopsis)),
                Description(help.Description),
                new XElement(Command + "syntax", help.Syntax.Select(set => SyntaxItem(help, set))),
                new XElement(Command + "parameters", help.Parameters.Select(p => Parameter(p, p.Primary, inSyntax: false))),
                new XElement(Command + "inputTypes", help.Inputs.Select(t => TypeEntry("inputType", t))),
                new XElement(Command + "returnValues", help.Outputs.Select(t => TypeEntry("returnValue", t))),
                new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paras(help.Notes))),
                new XElement(Command + "examples", help.Examples.Select((e, i) => Example(e, i + 1))),
                new XElement(Command + "relatedLinks", Links(help)));

        private static XElement SyntaxItem(CommandHelp help, SyntaxSet set)
        {
            // The order of the SYNTAX code block, then any parameter of the set it left out.
            var inSet = help.Parameters.Where(p => p.For(set.Name) != null).ToList();
            var ordered = set.ParameterOrder
                .Select(n => inSet.FirstOrDefault(p => string.Equals(p.Name, n, StringComparison.OrdinalIgnoreCase)))
                .Where(p => p != null).Select(p => p!)
                .Concat(inSet)
                .Distinct();
            return new XElement(Command + "syntaxItem",
                new XElement(Maml + "name", help.Name),
                ordered.Select(p => Parameter(p, p.For(set.Name)!, inSyntax: true)));
        }

        private static XElement Parameter(ParameterHelp parameter, ParameterMetadata metadata, bool inSyntax)
        {
            var element = new XElement(Command + "parameter",
                new XAttribute("required", metadata.Required ? "true" : "false"),
                new XAttribute("variableLength", "true"),
                new XAttribute("globbing", metadata.Globbing ? "true" : "false"),
                new XAttribute("pipelineInput", metadata.PipelineInput),
                new XAttribute("position", string.Equals(metadata.Position, "Named", StringComparison.OrdinalIgnoreCase) ? "named" : metadata.Position),
                new XAttribute("aliases", metadata.Aliases.Count == 0 ? "none" : string.Join(", ", metadata.Aliases)),
                new XElement(Maml + "name", parameter.Name),
                Description(parameter.Description));

            if (inSyntax && metadata.AcceptedValues.Count > 0)
            {
                // Get-Help shows these in the syntax as -Name {A | B}.
                element.Add(new XElement(Command + "parameterValueGroup",
                    metadata.AcceptedValues.Select(v => new XElement(Command + "parameterValue",
                        new XAttribute("required", "false"),
                        new XAttribute(Command + "variableLength", "false"),
                        v))));
            }

            // A switch takes no value, so the syntax shows it bare; the parameter list still names its type.
            if (!metadata.IsSwitch || !inSyntax)
            {
                element.Add(new XElement(Command + "parameterValue",
                    new XAttribute("required", metadata.IsSwitch ? "false" : "true"),
                    new XAttribute("variableLength", "false"),
                    metadata.Type));
            }

            element.Add(
                new XElement(Dev + "type", new XElement(Maml + "name", metadata.Type), new XElement(Maml + "uri")),
                new XElement(Dev + "defaultValue", metadata.DefaultValue));
            return element;
        }

        private static XElement TypeEntry(string name, TypeHelp type) =>
            new XElement(Command + name,
                new XElement(Dev + "type", new XElement(Maml + "name", type.Name)),
                Description(type.Description));

        private static XElement Example(ExampleHelp example, int number) =>
            new XElement(Command + "example",
                new XElement(Maml + "title", ExampleTitle(example.Title, number)),
                new XElement(Dev + "code", example.Code),
                new XElement(Dev + "remarks", Paras(example.Remarks)));

        /// <summary>Get-Help prints the title on its own line; PlatyPS centres it in dashes, as here.</summary>
        public static string ExampleTitle(string title, int number)
        {
            if (title.Length == 0) title = "Example " + number;
            const int width = 64;
            int dashes = Math.Max(2, (width - title.Length - 2) / 2);
            string pad = new string('-', dashes);
            return pad + " " + title + " " + pad;
        }

        private static IEnumerable<XElement> Links(CommandHelp help)
        {
            if (help.OnlineVersion != null)
            {
                yield return Link("Online Version:", help.OnlineVersion);
            }

            foreach (var link in help.RelatedLinks) yield return Link(link.Text, link.Uri);
        }

        private static XElement Link(string text, string uri) =>
            new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", text), new XElement(Maml + "uri", uri));

        private static XElement Description(IReadOnlyList<string> paragraphs) => new XElement(Maml + "description", Paras(paragraphs));

        /// <summary>One <c>maml:para</c> per paragraph; an empty one when there are none (PlatyPS does the same).</summary>
        private static IEnumerable<XElement> Paras(IReadOnlyList<string> paragraphs) =>
            paragraphs.Count == 0 ? new[] { new XElement(Maml + "para") } : paragraphs.Select(p => new XElement(Maml + "para", p));
    }
}
