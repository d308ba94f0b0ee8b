using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using ScanPS.HelpBuilder;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>The PlatyPS markdown → MAML / about text converter on small pages with known answers.</summary>
    public sealed class HelpBuilderTests
    {
        private static readonly XNamespace Maml = MamlWriter.Maml;
        private static readonly XNamespace Command = MamlWriter.Command;
        private static readonly XNamespace Dev = MamlWriter.Dev;

        private const string Page = """
            ---
            external help file: Sample.dll-Help.xml
            Module Name: Sample
            online version: https://example.test/Get-Thing
            schema: 2.0.0
            ---

            # Get-Thing

            ## SYNOPSIS
            Gets things.

            ## SYNTAX

            ### ByName (Default)
            ```
            Get-Thing [-Name] <String> [-Kind <String>] [-Force] [<CommonParameters>]
            ```

            ### ById
            ```
            Get-Thing -Id <Int32[]> [-Name <String>] [<CommonParameters>]
            ```

            ## DESCRIPTION
            The `Get-Thing` cmdlet gets things.
            See [about_Things](https://example.test/about) and [Set-Thing](Set-Thing.md).

            ```powershell
            # a heading-like comment inside code
            ```

            ## EXAMPLES

            ### Example 1: Get a thing
            ```powershell
            PS C:\> Get-Thing -Name a
            a
            ```

            This command gets `a`.

            ### Second
            ```powershell
            PS C:\> 'a' | Get-Thing
            ```

            ```powershell
            PS C:\> Get-Thing -Id 1
            ```

            Two code blocks, one example.

            ## PARAMETERS

            ### -Name
            The name.

            ```yaml
            Type: String
            Parameter Sets: ByName
            Aliases: N, ThingName

            Required: True
            Position: 0
            Default value: None
            Accept pipeline input: True (ByValue, ByPropertyName)
            Accept wildcard characters: True
            ```

            ```yaml
            Type: String
            Parameter Sets: ById
            Aliases: N, ThingName

            Required: False
            Position: Named
            Default value: None
            Accept pipeline input: False
            Accept wildcard characters: True
            ```

            ### -Id
            The ids.

            ```yaml
            Type: Int32[]
            Parameter Sets: ById
            Aliases:

            Required: True
            Position: Named
            Default value: None
            Accept pipeline input: True (ByPropertyName)
            Accept wildcard characters: False
            ```

            ### -Kind
            The kind.

            ```yaml
            Type: String
            Parameter Sets: ByName
            Aliases:
            Accepted values: Big, Small

            Required: False
            Position: Named
            Default value: Big
            Accept pipeline input: False
            Accept wildcard characters: False
            ```

            ### -Force
            Forces it.

            ```yaml
            Type: SwitchParameter
            Parameter Sets: ByName
            Aliases:

            Required: False
            Position: Named
            Default value: False
            Accept pipeline input: False
            Accept wildcard characters: False
            ```

            ### CommonParameters
            This cmdlet supports the common parameters.

            ## INPUTS

            ### System.String
            A name.

            ## OUTPUTS

            ### Sample.Thing

            ## NOTES
            | Id | Meaning |
            |---|---|
            | ThingNotFound | no such thing |

            ## RELATED LINKS

            [Set-Thing](Set-Thing.md)

            [Vendor docs](https://example.test/docs)
            """;

        private static XElement Convert(string page = Page) =>
            MamlWriter.Write(new[] { CommandPageParser.Parse("Get-Thing.md", page) }).Root!.Element(Command + "command")!;

        private static XElement Param(XElement parent, string name) =>
            parent.Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == name);

        private static string[] Paras(XElement? parent) => parent!.Elements(Maml + "para").Select(p => p.Value).ToArray();

        [Fact]
        public void Details_description_and_links_are_converted()
        {
            var command = Convert();
            var details = command.Element(Command + "details")!;
            Assert.Equal(new[] { "Get-Thing", "Get", "Thing" }, new[] { "name", "verb", "noun" }.Select(n => details.Element(Command + n)!.Value));
            Assert.Equal(new[] { "Gets things." }, Paras(details.Element(Maml + "description")));
            Assert.Equal(
                new[] { "The `Get-Thing` cmdlet gets things.\nSee about_Things (https://example.test/about) and Set-Thing.", "# a heading-like comment inside code" },
                Paras(command.Element(Maml + "description")));
            var links = command.Element(Command + "relatedLinks")!.Elements(Maml + "navigationLink")
                .Select(l => l.Element(Maml + "linkText")!.Value + "|" + l.Element(Maml + "uri")!.Value);
            Assert.Equal(new[] { "Online Version:|https://example.test/Get-Thing", "Set-Thing|", "Vendor docs|https://example.test/docs" }, links);
        }

        [Fact]
        public void One_syntax_item_per_set_in_the_code_block_order_with_per_set_metadata()
        {
            var items = Convert().Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
            Assert.Equal(2, items.Count);
            Assert.Equal(new[] { "Name", "Kind", "Force" }, items[0].Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value));
            Assert.Equal(new[] { "Id", "Name" }, items[1].Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value));

            var name = Param(items[0], "Name");
            Assert.Equal(
                new[] { "required=true", "variableLength=true", "globbing=true", "pipelineInput=True (ByValue, ByPropertyName)", "position=0", "aliases=N, ThingName" },
                name.Attributes().Select(a => a.Name.LocalName + "=" + a.Value));
            var nameById = Param(items[1], "Name");
            Assert.Equal(("false", "named", "False"), ((string)nameById.Attribute("required")!, (string)nameById.Attribute("position")!, (string)nameById.Attribute("pipelineInput")!));
            Assert.Equal("aliases=none", "aliases=" + (string)Param(items[1], "Id").Attribute("aliases")!);

            var kind = Param(items[0], "Kind");
            Assert.Equal(new[] { "Big", "Small" }, kind.Element(Command + "parameterValueGroup")!.Elements(Command + "parameterValue").Select(v => v.Value));
            Assert.Equal("false", (string)kind.Element(Command + "parameterValueGroup")!.Elements().First().Attribute(Command + "variableLength")!);
            Assert.Equal("String", kind.Element(Command + "parameterValue")!.Value);
            Assert.Equal("Big", kind.Element(Dev + "defaultValue")!.Value);
            Assert.Null(Param(items[0], "Force").Element(Command + "parameterValue"));
        }

        [Fact]
        public void The_parameter_list_has_every_parameter_once_with_its_type()
        {
            var parameters = Convert().Element(Command + "parameters")!;
            Assert.Equal(new[] { "Name", "Id", "Kind", "Force" }, parameters.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value));
            var id = Param(parameters, "Id");
            Assert.Equal("Int32[]", id.Element(Dev + "type")!.Element(Maml + "name")!.Value);
            Assert.Equal(new[] { "required=true", "variableLength=false" }, id.Element(Command + "parameterValue")!.Attributes().Select(a => a.Name.LocalName + "=" + a.Value));
            Assert.Equal(new[] { "The ids." }, Paras(id.Element(Maml + "description")));
            var force = Param(parameters, "Force");
            Assert.Equal("SwitchParameter", force.Element(Command + "parameterValue")!.Value);
            Assert.Equal("false", (string)force.Element(Command + "parameterValue")!.Attribute("required")!);
            Assert.Null(parameters.Element(Command + "parameterValueGroup"));
        }

        [Fact]
        public void Examples_inputs_outputs_and_notes_are_converted()
        {
            var command = Convert();
            var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
            Assert.Equal("-------------------- Example 1: Get a thing --------------------", examples[0].Element(Maml + "title")!.Value);
            Assert.Equal("PS C:\\> Get-Thing -Name a\na", examples[0].Element(Dev + "code")!.Value);
            Assert.Equal(new[] { "This command gets `a`." }, Paras(examples[0].Element(Dev + "remarks")));
            Assert.Equal("PS C:\\> 'a' | Get-Thing\n\nPS C:\\> Get-Thing -Id 1", examples[1].Element(Dev + "code")!.Value);

            var input = Assert.Single(command.Element(Command + "inputTypes")!.Elements(Command + "inputType"));
            Assert.Equal("System.String", input.Element(Dev + "type")!.Element(Maml + "name")!.Value);
            Assert.Equal(new[] { "A name." }, Paras(input.Element(Maml + "description")));
            var output = Assert.Single(command.Element(Command + "returnValues")!.Elements(Command + "returnValue"));
            Assert.Equal("Sample.Thing", output.Element(Dev + "type")!.Element(Maml + "name")!.Value);
            Assert.Equal(new[] { string.Empty }, Paras(output.Element(Maml + "description")));

            // Pipe tables are laid out as columns so they read in a console.
            Assert.Equal(
                new[] { "Id             Meaning\n-------------  -------------\nThingNotFound  no such thing" },
                Paras(command.Element(Maml + "alertSet")!.Element(Maml + "alert")));
        }

        [Fact]
        public void The_document_is_MAML_with_the_namespaces_Get_Help_reads()
        {
            var document = MamlWriter.Write(new[] { CommandPageParser.Parse("Get-Thing.md", Page) });
            var text = document.Declaration + "\n" + document.ToString();
            var reparsed = XDocument.Parse(text);
            Assert.Equal("{http://msh}helpItems", reparsed.Root!.Name.ToString());
            var command = reparsed.Root.Elements().Single();
            Assert.Equal("{http://schemas.microsoft.com/maml/dev/command/2004/10}command", command.Name.ToString());
            Assert.Equal(
                new[] { "details", "description", "syntax", "parameters", "inputTypes", "returnValues", "alertSet", "examples", "relatedLinks" },
                command.Elements().Select(e => e.Name.LocalName));
            Assert.Equal("maml", command.GetPrefixOfNamespace(Maml));
            Assert.Equal("dev", command.GetPrefixOfNamespace(Dev));
        }

        [Theory]
        [InlineData("```yaml\nType: SwitchParameter", "```\nType: SwitchParameter", "### -Force", "parameter -Force has no ```yaml block.")]
        [InlineData("Parameter Sets: ById\nAliases:\n\nRequired: True", "Parameter Sets: Nowhere\nAliases:\n\nRequired: True", "### -Id", "parameter -Id names the parameter set 'Nowhere', which SYNTAX does not have.")]
        [InlineData("## NOTES", "## REMARKS", "## REMARKS", "unexpected heading '## REMARKS'; a PlatyPS page has the sections SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES, RELATED LINKS.")]
        [InlineData("Default value: Big", "Default: Big", "Default: Big", "unknown parameter metadata 'Default: Big'; expected one of Type, Parameter Sets, Aliases, Accepted values, Required, Position, Default value, Accept pipeline input, Accept wildcard characters.")]
        [InlineData("Required: True\nPosition: Named", "Required: Yes\nPosition: Named", "```yaml", "Required is True or False, not 'Yes'.")]
        [InlineData("Position: 0", "Position: first", "```yaml", "Position is a number or Named, not 'first'.")]
        [InlineData("Accept pipeline input: False\nAccept wildcard characters: False\n```\n\n### CommonParameters", "Accept wildcard characters: False\n```\n\n### CommonParameters", "```yaml", "the parameter metadata has no 'Accept pipeline input: <value>'.")]
        [InlineData("## SYNOPSIS\nGets things.\n", "", null, "the '## SYNOPSIS' section is missing.")]
        public void A_page_PlatyPS_would_refuse_fails_with_the_file_line_and_reason(string find, string replace, string? lineMarker, string reason)
        {
            int at = Page.IndexOf(find, StringComparison.Ordinal);
            Assert.True(at >= 0, "test data: '" + find + "' is not in the sample page");
            string page = Page.Substring(0, at) + replace + Page.Substring(at + find.Length);
            var ex = Assert.Throws<HelpFormatException>(() => CommandPageParser.Parse("Get-Thing.md", page));
            Assert.Equal(reason, ex.Reason);
            Assert.Equal("Get-Thing.md", ex.File);

            // The line of the offending line itself, or of the heading or fence that opens its block; 0 for the whole page.
            int expectedLine = 0;
            if (lineMarker != null)
            {
                string upToChange = page.Substring(0, at + replace.Length);
                expectedLine = upToChange.Substring(0, upToChange.LastIndexOf(lineMarker, StringComparison.Ordinal)).Count(c => c == '\n') + 1;
            }

            Assert.Equal(expectedLine, ex.Line);
        }

        [Fact]
        public void An_unclosed_code_fence_names_the_line_it_opens_on()
        {
            var ex = Assert.Throws<HelpFormatException>(() => CommandPageParser.Parse("x.md", "# Get-Thing\n\n## SYNOPSIS\n```\nnever closed\n"));
            Assert.Equal(4, ex.Line);
            Assert.Equal("code block is not closed (missing ```).", ex.Reason);
        }

        [Fact]
        public void An_about_page_becomes_the_classic_help_txt_layout()
        {
            const string about = """
                # Sample
                ## about_Sample

                # SHORT DESCRIPTION
                Explains the sample.

                # LONG DESCRIPTION
                First paragraph,
                kept as written.

                    Get-Thing | Set-Thing

                ## SUBTOPIC
                See [Get-Thing](Get-Thing.md).

                ```
                code
                ```

                # SEE ALSO
                - Get-Thing
                """;
            var topic = AboutTopicWriter.Convert("about_Sample.md", about);
            Assert.Equal("about_Sample", topic.Name);
            Assert.Equal(
                "TOPIC\n    about_Sample\n\nSHORT DESCRIPTION\n    Explains the sample.\n\nLONG DESCRIPTION\n    First paragraph,\n    kept as written.\n\n" +
                "        Get-Thing | Set-Thing\n\n  SUBTOPIC\n    See Get-Thing.\n\n    code\n\nSEE ALSO\n    - Get-Thing\n",
                topic.Text);
        }

        [Theory]
        [InlineData("# Sample\n\n# SHORT DESCRIPTION\nx\n\n# LONG DESCRIPTION\ny\n", "an about page names its topic in a '## about_Name' heading.")]
        [InlineData("# Sample\n## about_Sample\n\n# SHORT DESCRIPTION\n\n# LONG DESCRIPTION\ny\n", "the '# SHORT DESCRIPTION' section is empty.")]
        [InlineData("# Sample\n## about_Sample\n\n# SHORT DESCRIPTION\nx\n", "the '# LONG DESCRIPTION' section is missing.")]
        public void An_about_page_without_its_topic_or_descriptions_is_refused(string text, string reason)
        {
            Assert.Equal(reason, Assert.Throws<HelpFormatException>(() => AboutTopicWriter.Convert("about_Sample.md", text)).Reason);
        }

        [Fact]
        public void The_console_entry_point_writes_the_help_files_and_reports_errors_as_MSBuild_errors()
        {
            string root = Path.Combine(Path.GetTempPath(), "scanps-helpbuilder-" + Guid.NewGuid().ToString("N"));
            string docs = Path.Combine(root, "docs");
            string output = Path.Combine(root, "en-US");
            Directory.CreateDirectory(docs);
            try
            {
                File.WriteAllText(Path.Combine(docs, "Get-Thing.md"), Page);
                File.WriteAllText(Path.Combine(docs, "about_Sample.md"), "# Sample\n## about_Sample\n\n# SHORT DESCRIPTION\nx\n\n# LONG DESCRIPTION\ny\n");
                var stdout = new StringWriter();
                var stderr = new StringWriter();
                Assert.Equal(0, Program.Run(new[] { docs, output }, stdout, stderr));
                Assert.Equal(string.Empty, stderr.ToString());
                Assert.Equal(new[] { "Sample.dll-Help.xml", "about_Sample.help.txt" }, Directory.GetFiles(output).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
                Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(Path.Combine(output, "about_Sample.help.txt")).Take(3));
                Assert.Equal("Get-Thing", XDocument.Load(Path.Combine(output, "Sample.dll-Help.xml")).Descendants(Command + "name").First().Value);

                File.WriteAllText(Path.Combine(docs, "Get-Thing.md"), Page.Replace("Position: 0", "Position: first", StringComparison.Ordinal));
                stderr = new StringWriter();
                Assert.Equal(1, Program.Run(new[] { docs, output }, new StringWriter(), stderr));
                int line = Page.Split('\n').ToList().FindIndex(l => l.StartsWith("```yaml", StringComparison.Ordinal)) + 1;
                Assert.Equal(Path.Combine(docs, "Get-Thing.md") + "(" + line + "): error HELP001: Position is a number or Named, not 'first'.", stderr.ToString().Trim());

                Assert.Equal(1, Program.Run(new[] { Path.Combine(root, "missing"), output }, new StringWriter(), stderr = new StringWriter()));
                Assert.StartsWith("ScanPS.HelpBuilder: error HELP002: ", stderr.ToString(), StringComparison.Ordinal);
                Assert.Equal(2, Program.Run(new[] { docs }, new StringWriter(), new StringWriter()));

                File.WriteAllText(Path.Combine(docs, "Get-Thing.md"), Page);
                File.Move(Path.Combine(docs, "about_Sample.md"), Path.Combine(docs, "about_Other.md"));
                Assert.Equal(1, Program.Run(new[] { docs, output }, new StringWriter(), stderr = new StringWriter()));
                Assert.Equal(Path.Combine(docs, "about_Other.md") + ": error HELP001: the page names the topic 'about_Sample', but Get-Help looks for it under its file name 'about_Other'.", stderr.ToString().Trim());
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
