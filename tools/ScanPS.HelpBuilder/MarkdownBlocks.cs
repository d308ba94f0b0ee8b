using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ScanPS.HelpBuilder
{
    /// <summary>One block of a markdown page: a heading, a paragraph (its lines as written) or a fenced code block.</summary>
    public abstract record MarkdownBlock(int Line);

    /// <summary>An ATX heading (<c># Text</c>) at the start of a line.</summary>
    public sealed record HeadingBlock(int Line, int Level, string Text) : MarkdownBlock(Line);

    /// <summary>
    /// Consecutive non-blank lines, kept as written (trailing spaces trimmed): PlatyPS keeps the author's line
    /// breaks, and the about topics and tables rely on them. Indented code blocks are paragraphs too.
    /// </summary>
    public sealed record ParagraphBlock(int Line, IReadOnlyList<string> Lines) : MarkdownBlock(Line);

    /// <summary>A fenced code block; <see cref="Info"/> is the word after the fence (<c>yaml</c>, <c>powershell</c>).</summary>
    public sealed record CodeBlock(int Line, string Info, string Text) : MarkdownBlock(Line);

    /// <summary>A markdown page: the YAML front matter (when present) and its blocks in order.</summary>
    public sealed record MarkdownPage(string File, IReadOnlyDictionary<string, string> FrontMatter, IReadOnlyList<MarkdownBlock> Blocks);

    /// <summary>
    /// The small part of CommonMark that PlatyPS pages use: front matter, ATX headings, fenced code blocks and
    /// paragraphs. Anything inside a fence is code, so a <c>#</c> comment in an example is never a heading.
    /// </summary>
    public static class MarkdownBlocks
    {
        private static readonly Regex Heading = new Regex(@"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$", RegexOptions.CultureInvariant);
        private static readonly Regex Fence = new Regex(@"^ {0,3}(`{3,}|~{3,})[ \t]*([^`\s]*)", RegexOptions.CultureInvariant);

        /// <summary>Splits <paramref name="text"/> (the content of <paramref name="file"/>) into blocks.</summary>
        public static MarkdownPage Parse(string file, string text)
        {
            string[] lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            int index = 0;
            var frontMatter = ReadFrontMatter(file, lines, ref index);
            var blocks = new List<MarkdownBlock>();
            var paragraph = new List<string>();
            int paragraphLine = 0;

            void FlushParagraph()
            {
                if (paragraph.Count > 0) blocks.Add(new ParagraphBlock(paragraphLine, paragraph.ToArray()));
                paragraph.Clear();
            }

            for (; index < lines.Length; index++)
            {
                string line = lines[index].TrimEnd();
                var fence = Fence.Match(line);
                if (fence.Success)
                {
                    FlushParagraph();
                    int start = index + 1;
                    string marker = fence.Groups[1].Value;
                    var code = new List<string>();
                    for (index++; index < lines.Length && !IsClosingFence(lines[index], marker); index++)
                    {
                        code.Add(lines[index].TrimEnd());
                    }

                    if (index >= lines.Length) throw new HelpFormatException(file, start, "code block is not closed (missing " + marker + ").");
                    blocks.Add(new CodeBlock(start, fence.Groups[2].Value, string.Join("\n", code)));
                    continue;
                }

                var heading = Heading.Match(line);
                if (heading.Success)
                {
                    FlushParagraph();
                    blocks.Add(new HeadingBlock(index + 1, heading.Groups[1].Value.Length, heading.Groups[2].Value));
                    continue;
                }

                if (line.Trim().Length == 0)
                {
                    FlushParagraph();
                    continue;
                }

                if (paragraph.Count == 0) paragraphLine = index + 1;
                paragraph.Add(line);
            }

            FlushParagraph();
            return new MarkdownPage(file, frontMatter, blocks);
        }

        private static bool IsClosingFence(string line, string marker)
        {
            string trimmed = line.Trim();
            return trimmed.Length >= marker.Length && trimmed.Trim(marker[0]).Length == 0;
        }

        private static Dictionary<string, string> ReadFrontMatter(string file, string[] lines, ref int index)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (lines.Length == 0 || lines[0].TrimEnd() != "---") return values;
            for (index = 1; index < lines.Length; index++)
            {
                string line = lines[index].TrimEnd();
                if (line == "---")
                {
                    index++;
                    return values;
                }

                int colon = line.IndexOf(':');
                if (colon > 0) values[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }

            throw new HelpFormatException(file, 1, "front matter is not closed (missing ---).");
        }
    }
}
