using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ScanPS.HelpBuilder
{
    /// <summary>
    /// Reads a PlatyPS command page (schema 2.0.0): front matter, <c># Name</c>, then the <c>##</c> sections
    /// SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES, RELATED LINKS.
    /// Like PlatyPS it refuses a page it does not understand, naming the file and line, instead of
    /// shipping help with a hole in it.
    /// </summary>
    public static class CommandPageParser
    {
        private static readonly string[] Required = { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS" };
        private static readonly string[] Optional = { "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };
        private static readonly Regex SyntaxParameter = new Regex(@"(?<=[\s\[])-([A-Za-z][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);
        private static readonly Regex SetHeading = new Regex(@"^(.*?)\s*\(Default\)$", RegexOptions.CultureInvariant);
        private static readonly Regex LinkLine = new Regex(@"^\[([^\]]+)\]\(([^)\s]*)\)$", RegexOptions.CultureInvariant);

        /// <summary>Parses the markdown <paramref name="text"/> of <paramref name="file"/>.</summary>
        public static CommandHelp Parse(string file, string text) => Parse(MarkdownBlocks.Parse(file, text));

        /// <summary>Parses an already split page.</summary>
        public static CommandHelp Parse(MarkdownPage page)
        {
            string file = page.File;
            var blocks = page.Blocks;
            if (blocks.Count == 0 || blocks[0] is not HeadingBlock { Level: 1 } title)
            {
                throw new HelpFormatException(file, blocks.Count == 0 ? 0 : blocks[0].Line, "a command page starts with '# <Command-Name>'.");
            }

            var sections = Sections(file, blocks.Skip(1).ToList());
            foreach (var name in Required)
            {
                if (!sections.ContainsKey(name)) throw new HelpFormatException(file, 0, "the '## " + name + "' section is missing.");
            }

            var syntax = ParseSyntax(file, sections["SYNTAX"]);
            var parameters = ParseParameters(file, sections["PARAMETERS"], syntax, out bool commonParameters);
            var synopsis = Paragraphs(file, sections["SYNOPSIS"], "SYNOPSIS");
            if (synopsis.Count == 0) throw new HelpFormatException(file, 0, "the SYNOPSIS is empty.");

            return new CommandHelp(
                title.Text,
                page.FrontMatter.TryGetValue("external help file", out var helpFile) && helpFile.Length > 0 ? helpFile : throw new HelpFormatException(file, 1, "the front matter has no 'external help file'."),
                page.FrontMatter.TryGetValue("online version", out var online) && online.Length > 0 ? online : null,
                synopsis,
                syntax,
                Paragraphs(file, sections["DESCRIPTION"], "DESCRIPTION"),
                ParseExamples(file, sections["EXAMPLES"]),
                parameters,
                commonParameters,
                ParseTypes(file, sections, "INPUTS"),
                ParseTypes(file, sections, "OUTPUTS"),
                sections.TryGetValue("NOTES", out var notes) ? Paragraphs(file, notes, "NOTES") : Array.Empty<string>(),
                sections.TryGetValue("RELATED LINKS", out var links) ? ParseLinks(file, links) : Array.Empty<LinkHelp>());
        }

        private static Dictionary<string, List<MarkdownBlock>> Sections(string file, List<MarkdownBlock> blocks)
        {
            var sections = new Dictionary<string, List<MarkdownBlock>>(StringComparer.Ordinal);
            List<MarkdownBlock>? current = null;
            foreach (var block in blocks)
            {
                if (block is HeadingBlock { Level: <= 2 } heading)
                {
                    string name = heading.Text.Trim();
                    if (heading.Level == 1 || (!Required.Contains(name) && !Optional.Contains(name)))
                    {
                        throw new HelpFormatException(file, heading.Line, "unexpected heading '" + new string('#', heading.Level) + " " + name + "'; a PlatyPS page has the sections " + string.Join(", ", Required.Concat(Optional)) + ".");
                    }

                    if (sections.ContainsKey(name)) throw new HelpFormatException(file, heading.Line, "the '## " + name + "' section appears twice.");
                    current = new List<MarkdownBlock>();
                    sections.Add(name, current);
                    continue;
                }

                if (current == null) throw new HelpFormatException(file, block.Line, "text before the first '##' section.");
                current.Add(block);
            }

            return sections;
        }

        /// <summary>Paragraphs and code blocks as text; a heading here is an error.</summary>
        private static List<string> Paragraphs(string file, IEnumerable<MarkdownBlock> blocks, string section)
        {
            var result = new List<string>();
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case ParagraphBlock p:
                        result.Add(PlainText.Paragraph(p.Lines));
                        break;
                    case CodeBlock c:
                        result.Add(c.Text);
                        break;
                    case HeadingBlock h:
                        throw new HelpFormatException(file, h.Line, "unexpected heading '" + h.Text + "' in " + section + ".");
                }
            }

            return result;
        }

        /// <summary>Splits a section at its <c>###</c> headings; content before the first one is an error.</summary>
        private static List<(HeadingBlock Heading, List<MarkdownBlock> Blocks)> Subsections(string file, List<MarkdownBlock> blocks, string section)
        {
            var result = new List<(HeadingBlock, List<MarkdownBlock>)>();
            foreach (var block in blocks)
            {
                if (block is HeadingBlock { Level: 3 } heading)
                {
                    result.Add((heading, new List<MarkdownBlock>()));
                }
                else if (result.Count == 0 || block is HeadingBlock)
                {
                    throw new HelpFormatException(file, block.Line, section + " holds only '### ' subsections.");
                }
                else
                {
                    result[result.Count - 1].Item2.Add(block);
                }
            }

            return result;
        }

        private static List<SyntaxSet> ParseSyntax(string file, List<MarkdownBlock> blocks)
        {
            var sets = new List<SyntaxSet>();
            foreach (var (heading, content) in Subsections(file, blocks, "SYNTAX"))
            {
                var code = content.OfType<CodeBlock>().ToList();
                if (code.Count != 1 || content.Count != 1) throw new HelpFormatException(file, heading.Line, "a SYNTAX set holds exactly one code block.");
                var match = SetHeading.Match(heading.Text);
                string name = match.Success ? match.Groups[1].Value : heading.Text.Trim();
                var order = SyntaxParameter.Matches(code[0].Text).Select(m => m.Groups[1].Value).ToList();
                sets.Add(new SyntaxSet(name, match.Success, order, heading.Line));
            }

            if (sets.Count == 0) throw new HelpFormatException(file, 0, "SYNTAX has no '### <parameter set>'.");
            return sets;
        }

        private static List<ExampleHelp> ParseExamples(string file, List<MarkdownBlock> blocks)
        {
            var examples = new List<ExampleHelp>();
            foreach (var (heading, content) in Subsections(file, blocks, "EXAMPLES"))
            {
                var code = content.OfType<CodeBlock>().Select(c => c.Text).ToList();
                if (code.Count == 0) throw new HelpFormatException(file, heading.Line, "example '" + heading.Text + "' has no code block.");
                // Text before the code is kept, in order, with the text after it: Get-Help prints remarks after the code.
                var remarks = content.OfType<ParagraphBlock>().Select(p => PlainText.Paragraph(p.Lines)).ToList();
                examples.Add(new ExampleHelp(heading.Text.Trim(), string.Join("\n\n", code), remarks, heading.Line));
            }

            return examples;
        }

        private static List<ParameterHelp> ParseParameters(string file, List<MarkdownBlock> blocks, List<SyntaxSet> syntax, out bool commonParameters)
        {
            commonParameters = false;
            var parameters = new List<ParameterHelp>();
            foreach (var (heading, content) in Subsections(file, blocks, "PARAMETERS"))
            {
                string name = heading.Text.Trim();
                if (name == "CommonParameters")
                {
                    commonParameters = true;
                    continue;
                }

                if (!name.StartsWith("-", StringComparison.Ordinal) || name.Length < 2)
                {
                    throw new HelpFormatException(file, heading.Line, "a parameter heading is '### -Name' (or '### CommonParameters'), not '### " + name + "'.");
                }

                name = name.Substring(1);
                if (parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new HelpFormatException(file, heading.Line, "parameter -" + name + " is documented twice.");
                }

                var yaml = content.OfType<CodeBlock>().Where(c => c.Info == "yaml").ToList();
                if (yaml.Count == 0) throw new HelpFormatException(file, heading.Line, "parameter -" + name + " has no ```yaml block.");
                var metadata = yaml.Select(y => ParameterYaml.Parse(file, y)).ToList();
                foreach (var m in metadata.Where(m => !m.AllSets))
                {
                    foreach (var set in m.ParameterSets.Where(s => syntax.All(x => x.Name != s)))
                    {
                        throw new HelpFormatException(file, heading.Line, "parameter -" + name + " names the parameter set '" + set + "', which SYNTAX does not have.");
                    }
                }

                var description = content.OfType<ParagraphBlock>().Select(p => PlainText.Paragraph(p.Lines)).ToList();
                parameters.Add(new ParameterHelp(name, description, metadata, heading.Line));
            }

            return parameters;
        }

        private static List<TypeHelp> ParseTypes(string file, Dictionary<string, List<MarkdownBlock>> sections, string section)
        {
            if (!sections.TryGetValue(section, out var blocks)) return new List<TypeHelp>();
            return Subsections(file, blocks, section)
                .Select(s => new TypeHelp(s.Heading.Text.Trim(), Paragraphs(file, s.Blocks, section)))
                .ToList();
        }

        private static List<LinkHelp> ParseLinks(string file, List<MarkdownBlock> blocks)
        {
            var links = new List<LinkHelp>();
            foreach (var block in blocks)
            {
                if (block is not ParagraphBlock paragraph) throw new HelpFormatException(file, block.Line, "RELATED LINKS holds only links.");
                foreach (var line in paragraph.Lines.Select(l => l.Trim()))
                {
                    var link = LinkLine.Match(line);
                    links.Add(link.Success
                        ? new LinkHelp(link.Groups[1].Value, PlainText.IsAbsolute(link.Groups[2].Value) ? link.Groups[2].Value : string.Empty)
                        : new LinkHelp(line, string.Empty));
                }
            }

            return links;
        }
    }
}
