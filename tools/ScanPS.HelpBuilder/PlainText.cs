using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ScanPS.HelpBuilder
{
    /// <summary>
    /// Markdown paragraph → the plain text Get-Help prints. Line breaks stay as the author wrote them (as in
    /// PlatyPS); links become <c>text (uri)</c>, or just the text for a link to another page of these docs;
    /// inline code keeps its backticks (PowerShell's own help does the same). Pipe tables are laid out as
    /// aligned columns, which PlatyPS does not do: a raw <c>| a | b |</c> table is hard to read in a console.
    /// </summary>
    public static class PlainText
    {
        private static readonly Regex Link = new Regex(@"\[([^\]]+)\]\(([^)\s]+)\)", RegexOptions.CultureInvariant);
        private static readonly Regex TableRule = new Regex(@"^\|?(\s*:?-{3,}:?\s*\|)*\s*:?-{3,}:?\s*\|?$", RegexOptions.CultureInvariant);

        /// <summary>The paragraph's text: lines joined with <c>\n</c>.</summary>
        public static string Paragraph(IReadOnlyList<string> lines)
        {
            var text = IsTable(lines) ? Table(lines) : lines;
            return string.Join("\n", text.Select(Links));
        }

        /// <summary>Rewrites markdown links in one line of text.</summary>
        public static string Links(string line) =>
            Link.Replace(line, m => IsAbsolute(m.Groups[2].Value) ? m.Groups[1].Value + " (" + m.Groups[2].Value + ")" : m.Groups[1].Value);

        /// <summary>True for http(s) addresses, which Get-Help can open; false for relative links between pages.</summary>
        public static bool IsAbsolute(string uri) =>
            uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

        private static bool IsTable(IReadOnlyList<string> lines) =>
            lines.Count >= 2 && lines.All(l => l.TrimStart().StartsWith("|", StringComparison.Ordinal)) && TableRule.IsMatch(lines[1].Trim());

        private static IReadOnlyList<string> Table(IReadOnlyList<string> lines)
        {
            var rows = lines.Where((_, i) => i != 1).Select(Cells).ToList();
            int columns = rows.Max(r => r.Count);
            var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => c < r.Count ? Links(r[c]).Length : 0)).ToArray();
            string Row(IReadOnlyList<string> cells) =>
                string.Join("  ", Enumerable.Range(0, columns).Select(c => (c < cells.Count ? Links(cells[c]) : string.Empty).PadRight(widths[c]))).TrimEnd();

            var result = new List<string> { Row(rows[0]), string.Join("  ", widths.Select(w => new string('-', w))) };
            result.AddRange(rows.Skip(1).Select(Row));
            return result;
        }

        private static List<string> Cells(string line)
        {
            string trimmed = line.Trim();
            if (trimmed.StartsWith("|", StringComparison.Ordinal)) trimmed = trimmed.Substring(1);
            if (trimmed.EndsWith("|", StringComparison.Ordinal) && !trimmed.EndsWith("\\|", StringComparison.Ordinal)) trimmed = trimmed.Substring(0, trimmed.Length - 1);
            return Regex.Split(trimmed, @"(?<!\\)\|").Select(c => c.Trim().Replace("\\|", "|")).ToList();
        }
    }
}
