using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using ScanPS.HelpBuilder;
using Xunit;
using static ScanPS.Tests.CmdletReflection;
using static ScanPS.Tests.HelpDocs;

namespace ScanPS.Tests
{
    /// <summary>
    /// The MAML the build stages in out/ScanPS/&lt;version&gt;/en-US (what Get-Help reads), against the
    /// compiled cmdlets: one command per exported cmdlet, its output types, one syntax item per set. What Get-Help
    /// shows from it (synopsis, description, examples, every parameter with its type, aliases and description) is
    /// proven in ScanPS.EngineTests/HelpTests.
    /// </summary>
    public sealed class MamlHelpTests
    {
        private static readonly XNamespace Msh = MamlWriter.Msh;
        private static readonly XNamespace Maml = MamlWriter.Maml;
        private static readonly XNamespace Command = MamlWriter.Command;
        private static readonly XNamespace Dev = MamlWriter.Dev;

        private static string Version =>
            XDocument.Load(Path.Combine(RepoRoot.Path, "Directory.Build.props")).Descendants("ScanPSVersion").Single().Value;

        private static string StagedHelp => Path.Combine(RepoRoot.Path, "out", "ScanPS", Version, "en-US");

        private static XDocument Staged() => XDocument.Load(Path.Combine(StagedHelp, "ScanPS.dll-Help.xml"));

        private static XElement CommandElement(XDocument maml, string cmdlet) =>
            Assert.Single(maml.Root!.Elements(Command + "command"), c => c.Element(Command + "details")!.Element(Command + "name")!.Value == cmdlet);

        [Fact]
        public void The_build_stages_exactly_the_converted_docs_in_en_US()
        {
            string expected = Path.Combine(Path.GetTempPath(), "scanps-help-" + Guid.NewGuid().ToString("N"));
            try
            {
                HelpBuild.Run(DocsDirectory, expected);
                var names = Directory.GetFiles(expected).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList();
                var abouts = Directory.GetFiles(DocsDirectory, "about_*.md").Select(f => Path.GetFileNameWithoutExtension(f) + ".help.txt");
                Assert.Equal(new[] { "ScanPS.dll-Help.xml" }.Concat(abouts).OrderBy(n => n, StringComparer.Ordinal), names);
                Assert.Equal(names, Directory.GetFiles(StagedHelp).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
                foreach (var name in names)
                {
                    Assert.True(File.ReadAllText(Path.Combine(expected, name!)) == File.ReadAllText(Path.Combine(StagedHelp, name!)), "en-US/" + name + " is not the conversion of today's docs: rebuild src/ScanPS");
                }
            }
            finally
            {
                if (Directory.Exists(expected)) Directory.Delete(expected, recursive: true);
            }
        }

        [Fact]
        public void The_MAML_is_well_formed_and_has_one_command_per_exported_cmdlet()
        {
            var maml = Staged();
            Assert.Equal(Msh + "helpItems", maml.Root!.Name);
            Assert.Equal("maml", (string?)maml.Root.Attribute("schema"));
            var names = maml.Root.Elements(Command + "command").Select(c => c.Element(Command + "details")!.Element(Command + "name")!.Value);
            Assert.Equal(ExportedCmdlets(), names.OrderBy(n => n, StringComparer.Ordinal));
        }

        [Theory]
        [MemberData(nameof(ExportedCmdletData), MemberType = typeof(HelpDocs))]
        public void Each_command_has_its_verb_noun_and_output_types(string cmdlet)
        {
            var command = CommandElement(Staged(), cmdlet);
            var type = CmdletType(cmdlet);
            var cmdletAttribute = Attribute(type, "CmdletAttribute")!;
            var details = command.Element(Command + "details")!;
            Assert.Equal((string)cmdletAttribute.ConstructorArguments[0].Value!, details.Element(Command + "verb")!.Value);
            Assert.Equal((string)cmdletAttribute.ConstructorArguments[1].Value!, details.Element(Command + "noun")!.Value);
            var returned = command.Element(Command + "returnValues")!.Elements(Command + "returnValue").Select(r => r.Element(Dev + "type")!.Element(Maml + "name")!.Value).ToList();
            foreach (var output in Attributes(type, "OutputTypeAttribute")
                .SelectMany(a => (IEnumerable<System.Reflection.CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!))
            {
                Assert.Contains(((Type)output.Value!).FullName, returned);
            }
        }

        [Theory]
        [MemberData(nameof(ExportedCmdletData), MemberType = typeof(HelpDocs))]
        public void Each_syntax_item_is_one_compiled_set_with_its_required_position_and_pipeline_facts(string cmdlet)
        {
            var command = CommandElement(Staged(), cmdlet);
            var compiled = HelpDocs.Parameters(CmdletType(cmdlet));
            var page = Page(cmdlet);
            var items = command.Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
            Assert.Equal(SetNames(CmdletType(cmdlet)).Count, items.Count);

            // Syntax items come in the page's SYNTAX order; DocsCompletenessTests checks those names are the compiled sets.
            for (int i = 0; i < items.Count; i++)
            {
                string set = page.Syntax[i].Name;
                Assert.Equal(cmdlet, items[i].Element(Maml + "name")!.Value);
                var parameters = items[i].Elements(Command + "parameter").ToDictionary(p => p.Element(Maml + "name")!.Value, p => p);
                var expected = compiled.Where(p => p.BySet.ContainsKey(set) && (!p.Optional || parameters.ContainsKey(p.Name))).ToList();
                Assert.Equal(expected.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal), parameters.Keys.OrderBy(n => n, StringComparer.Ordinal));
                foreach (var p in expected.Where(p => !p.Optional))
                {
                    var info = p.BySet[set];
                    var element = parameters[p.Name];
                    string where = cmdlet + " [" + set + "] -" + p.Name + ": ";
                    Assert.True((info.Mandatory ? "true" : "false") == (string?)element.Attribute("required"), where + "required");
                    Assert.True((info.Position >= 0 ? info.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) : "named") == (string?)element.Attribute("position"), where + "position");
                    var (accepts, kinds) = PipelineInput((string)element.Attribute("pipelineInput")!);
                    Assert.True(accepts == (info.ByValue || info.ByPropertyName) && kinds.SequenceEqual(PipelineKinds(info).OrderBy(k => k, StringComparer.Ordinal)), where + "pipelineInput");
                    Assert.Equal(p.Globbing ? "true" : "false", (string?)element.Attribute("globbing"));
                    // Switches show bare in the syntax; other parameters show their value type and any [ValidateSet] values.
                    Assert.Equal(p.TypeName == "SwitchParameter" ? null : p.TypeName, element.Element(Command + "parameterValue")?.Value);
                    Assert.Equal(p.AcceptedValues, element.Element(Command + "parameterValueGroup")?.Elements(Command + "parameterValue").Select(v => v.Value) ?? Array.Empty<string>());
                }
            }
        }
    }
}
