using System;
using System.Collections.Generic;
using System.Linq;

namespace ScanPS.HelpBuilder
{
    /// <summary>A converted about topic: its name (about_X) and the text of about_X.help.txt.</summary>
    public sealed record AboutTopic(string Name, string Text);

    /// <summary>
    /// PlatyPS about page (<c># Title</c>, <c>## about_Name</c>, then <c># SHORT DESCRIPTION</c>,
    /// <c># LONG DESCRIPTION</c> and further <c>#</c>/<c>##</c> sections) → the classic about_*.help.txt
    /// layout Get-Help prints: <c>TOPIC</c> and the name, top-level headings in capitals at the margin,
    /// subheadings indented by two, text and code indented by four. Line breaks are kept as written.
    /// </summary>
    public static class AboutTopicWriter
    {
        private const string Indent = "    ";

        /// <summary>Converts the markdown <paramref name="text"/> of <paramref name="file"/>.</summary>
        public static AboutTopic Convert(string file, string text)
        {
            var blocks = MarkdownBlocks.Parse(file, text).Blocks;
            var name = blocks.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 2 && h.Text.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
                ?? throw new HelpFormatException(file, 0, "an about page names its topic in a '## about_Name' heading.");
            RequireSection(file, blocks, "SHORT DESCRIPTION");
            RequireSection(file, blocks, "LONG DESCRIPTION");

            var output = new List<string> { "TOPIC", Indent + name.Text.Trim() };
            bool seenName = false;
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case HeadingBlock h when !seenName:
                        // The page title and the topic name are already in the TOPIC header.
                        seenName = ReferenceEquals(h, name);
                        break;
                    case HeadingBlock h when h.Level == 1:
                        output.Add(string.Empty);
                        output.Add(h.Text.Trim().ToUpperInvariant());
                        break;
                    case HeadingBlock h:
                        output.Add(string.Empty);
                        output.Add("  " + h.Text.Trim());
                        break;
                    case ParagraphBlock p when seenName:
                        AddIndented(output, PlainText.Paragraph(p.Lines));
                        break;
                    case CodeBlock c when seenName:
                        AddIndented(output, c.Text);
                        break;
                    default:
                        throw new HelpFormatException(file, block.Line, "text before the '## " + name.Text + "' heading.");
                }
            }

            return new AboutTopic(name.Text.Trim(), string.Join("\n", output.Select(l => l.TrimEnd())) + "\n");
        }

        private static void RequireSection(string file, IReadOnlyList<MarkdownBlock> blocks, string title)
        {
            int index = blocks.ToList().FindIndex(b => b is HeadingBlock { Level: 1 } h && string.Equals(h.Text.Trim(), title, StringComparison.OrdinalIgnoreCase));
            if (index < 0) throw new HelpFormatException(file, 0, "the '# " + title + "' section is missing.");
            if (index + 1 >= blocks.Count || blocks[index + 1] is HeadingBlock) throw new HelpFormatException(file, blocks[index].Line, "the '# " + title + "' section is empty.");
        }

        /// <summary>A blank line between blocks, except right after a heading (the classic layout).</summary>
        private static void AddIndented(List<string> output, string text)
        {
            string last = output[output.Count - 1];
            bool afterHeading = last.Length > 0 && !last.StartsWith(Indent, StringComparison.Ordinal);
            if (!afterHeading) output.Add(string.Empty);
            output.AddRange(text.Split('\n').Select(l => l.Length == 0 ? l : Indent + l));
        }
    }
}
