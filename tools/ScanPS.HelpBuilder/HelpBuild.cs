using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ScanPS.HelpBuilder
{
    /// <summary>
    /// docs/ → en-US/: every command page into the MAML file its front matter names (ScanPS.dll-Help.xml),
    /// every about_*.md into about_*.help.txt. Pages are read in ordinal file-name order so the output is the
    /// same on every machine.
    /// </summary>
    public static class HelpBuild
    {
        /// <summary>UTF-8 with a byte order mark: Windows PowerShell 5.1 reads help files as ANSI without one.</summary>
        public static readonly Encoding FileEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

        /// <summary>The command pages in <paramref name="docsDirectory"/> (every *.md that is not an about topic).</summary>
        public static IReadOnlyList<CommandHelp> ReadCommands(string docsDirectory) =>
            MarkdownFiles(docsDirectory)
                .Where(f => !IsAbout(f))
                .Select(f => CommandPageParser.Parse(Path.GetFileName(f), File.ReadAllText(f)))
                .ToList();

        /// <summary>The about topics in <paramref name="docsDirectory"/>.</summary>
        public static IReadOnlyList<AboutTopic> ReadAboutTopics(string docsDirectory) =>
            MarkdownFiles(docsDirectory)
                .Where(IsAbout)
                .Select(ReadAboutTopic)
                .ToList();

        /// <summary>Get-Help finds about_X only in about_X.help.txt, so the page's topic must match its file name.</summary>
        private static AboutTopic ReadAboutTopic(string path)
        {
            string file = Path.GetFileName(path);
            var topic = AboutTopicWriter.Convert(file, File.ReadAllText(path));
            if (!string.Equals(topic.Name, Path.GetFileNameWithoutExtension(path), StringComparison.Ordinal))
            {
                throw new HelpFormatException(file, 0, "the page names the topic '" + topic.Name + "', but Get-Help looks for it under its file name '" + Path.GetFileNameWithoutExtension(path) + "'.");
            }

            return topic;
        }

        /// <summary>Converts everything and writes it to <paramref name="outputDirectory"/>; returns the files written.</summary>
        public static IReadOnlyList<string> Run(string docsDirectory, string outputDirectory)
        {
            if (!Directory.Exists(docsDirectory)) throw new DirectoryNotFoundException("The docs folder " + docsDirectory + " does not exist.");
            var commands = ReadCommands(docsDirectory);
            var topics = ReadAboutTopics(docsDirectory);
            var duplicate = commands.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null) throw new HelpFormatException(docsDirectory, 0, duplicate.Key + " has more than one page.");

            Directory.CreateDirectory(outputDirectory);
            var written = new List<string>();
            foreach (var file in commands.GroupBy(c => c.ExternalHelpFile, StringComparer.OrdinalIgnoreCase))
            {
                string path = Path.Combine(outputDirectory, file.Key);
                WriteXml(path, MamlWriter.Write(file.OrderBy(c => c.Name, StringComparer.Ordinal)));
                written.Add(path);
            }

            foreach (var topic in topics)
            {
                string path = Path.Combine(outputDirectory, topic.Name + ".help.txt");
                File.WriteAllText(path, topic.Text, FileEncoding);
                written.Add(path);
            }

            return written;
        }

        private static bool IsAbout(string path) => Path.GetFileName(path).StartsWith("about_", StringComparison.OrdinalIgnoreCase);

        private static IEnumerable<string> MarkdownFiles(string directory) =>
            Directory.GetFiles(directory, "*.md").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal);

        private static void WriteXml(string path, XDocument document)
        {
            var settings = new XmlWriterSettings { Encoding = FileEncoding, Indent = true, IndentChars = "  ", NewLineChars = "\n" };
            using var writer = XmlWriter.Create(path, settings);
            document.Save(writer);
        }
    }
}
