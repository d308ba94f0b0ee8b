using System;
using System.IO;
using System.Linq;
using ScanPS.HelpBuilder;
using Xunit;
using static ScanPS.Tests.CmdletReflection;
using static ScanPS.Tests.HelpDocs;

namespace ScanPS.Tests
{
    /// <summary>
    /// docs/ against the compiled cmdlets: every exported cmdlet has a page, every parameter is documented with
    /// a description and the metadata PowerShell will really apply, and nothing is documented that does not exist.
    /// </summary>
    public sealed class DocsCompletenessTests
    {
        [Theory]
        [MemberData(nameof(ExportedCmdletData), MemberType = typeof(HelpDocs))]
        public void Every_exported_cmdlet_has_a_page_that_names_it_and_the_help_file(string cmdlet)
        {
            Assert.NotNull(CmdletType(cmdlet));
            var page = Page(cmdlet);
            Assert.Equal(cmdlet, page.Name);
            Assert.Equal("ScanPS.dll-Help.xml", page.ExternalHelpFile);
            Assert.Contains(page.Synopsis, p => p.Trim().Length > 0);
            Assert.Contains(page.Description, p => p.Trim().Length > 0);
        }

        [Fact]
        public void Every_page_in_docs_is_an_exported_cmdlet_or_an_about_topic()
        {
            var exported = ExportedCmdlets();
            var pages = Directory.GetFiles(DocsDirectory, "*.md").Select(Path.GetFileNameWithoutExtension)
                .Where(n => !n!.StartsWith("about_", StringComparison.OrdinalIgnoreCase));
            Assert.All(pages, name => Assert.True(exported.Contains(name!), "docs/" + name + ".md documents a cmdlet ScanPS.psd1 does not export"));
        }

        [Theory]
        [MemberData(nameof(ExportedCmdletData), MemberType = typeof(HelpDocs))]
        public void Every_parameter_of_every_set_is_documented_with_a_description(string cmdlet)
        {
            var page = Page(cmdlet);
            var missing = HelpDocs.Parameters(CmdletType(cmdlet))
                .Where(p => !p.Optional)
                .Where(p => !page.Parameters.Any(d => d.Name == p.Name && d.Description.Any(t => t.Trim().Length > 0)))
                .Select(p => "-" + p.Name)
                .ToList();
            Assert.True(missing.Count == 0, "docs/" + cmdlet + ".md lacks a '### -Name' section with a description for: " + string.Join(", ", missing));
            Assert.All(page.Parameters, d => Assert.True(d.Description.Any(t => t.Trim().Length > 0), cmdlet + " -" + d.Name + " has no description"));
            Assert.True(page.SupportsCommonParameters, "docs/" + cmdlet + ".md lacks the '### CommonParameters' section");
        }

        [Theory]
        [MemberData(nameof(ExportedCmdletData), MemberType = typeof(HelpDocs))]
        public void No_page_documents_a_parameter_the_cmdlet_does_not_have(string cmdlet)
        {
            var compiled = HelpDocs.Parameters(CmdletType(cmdlet)).Select(p => p.Name).ToList();
            var extra = Page(cmdlet).Parameters.Select(d => d.Name).Where(n => !compiled.Contains(n)).ToList();
            Assert.True(extra.Count == 0, "docs/" + cmdlet + ".md documents parameters " + cmdlet + " does not have: -" + string.Join(", -", extra));
        }

        [Theory]
        [MemberData(nameof(ExportedCmdletData), MemberType = typeof(HelpDocs))]
        public void Documented_type_sets_aliases_and_values_match_the_compiled_parameters(string cmdlet)
        {
            var type = CmdletType(cmdlet);
            var sets = SetNames(type);
            var page = Page(cmdlet);
            foreach (var compiled in HelpDocs.Parameters(type))
            {
                var documented = page.Parameters.FirstOrDefault(d => d.Name == compiled.Name);
                if (documented == null) continue; // reported by Every_parameter_of_every_set_is_documented_with_a_description
                string where = cmdlet + " -" + compiled.Name + ": ";
                Assert.All(documented.Metadata, m => Assert.True(compiled.TypeName == m.Type, where + "Type is " + m.Type + " in the docs but " + compiled.TypeName + " in the cmdlet"));
                var documentedSets = documented.Metadata.SelectMany(m => DocumentedSets(m, sets)).OrderBy(s => s, StringComparer.Ordinal).ToList();
                Assert.True(compiled.BySet.Keys.OrderBy(s => s, StringComparer.Ordinal).SequenceEqual(documentedSets),
                    where + "Parameter Sets are " + string.Join(", ", documentedSets) + " in the docs but " + string.Join(", ", compiled.BySet.Keys.OrderBy(s => s)) + " in the cmdlet");
                Assert.All(documented.Metadata, m => Assert.True(compiled.Aliases.OrderBy(a => a).SequenceEqual(m.Aliases.OrderBy(a => a)), where + "Aliases differ from the cmdlet's [Alias]"));
                Assert.All(documented.Metadata, m => Assert.True(compiled.AcceptedValues.SequenceEqual(m.AcceptedValues), where + "Accepted values differ from the cmdlet's [ValidateSet]"));
                Assert.All(documented.Metadata, m => Assert.True(compiled.Globbing == m.Globbing, where + "Accept wildcard characters differs from [SupportsWildcards]"));
            }
        }

        [Theory]
        [MemberData(nameof(ExportedCmdletData), MemberType = typeof(HelpDocs))]
        public void Documented_required_position_and_pipeline_input_match_each_set(string cmdlet)
        {
            var type = CmdletType(cmdlet);
            var page = Page(cmdlet);
            foreach (var compiled in HelpDocs.Parameters(type).Where(p => !p.Optional))
            {
                var documented = page.Parameters.FirstOrDefault(d => d.Name == compiled.Name);
                if (documented == null) continue;
                foreach (var (set, p) in compiled.BySet)
                {
                    string where = cmdlet + " -" + compiled.Name + " in set " + set + ": ";
                    var m = documented.For(set);
                    Assert.True(m != null, where + "no yaml block covers this set");
                    Assert.True(p.Mandatory == m!.Required, where + "Required is " + m.Required + " in the docs but " + p.Mandatory + " in the cmdlet");
                    Assert.True(string.Equals(Position(p), m.Position, StringComparison.OrdinalIgnoreCase), where + "Position is " + m.Position + " in the docs but " + Position(p) + " in the cmdlet");
                    var (accepts, kinds) = PipelineInput(m.PipelineInput);
                    var expected = PipelineKinds(p);
                    Assert.True(accepts == expected.Length > 0 && kinds.SequenceEqual(expected.OrderBy(k => k, StringComparer.Ordinal)),
                        where + "Accept pipeline input is '" + m.PipelineInput + "' in the docs but " + (expected.Length == 0 ? "False" : "True (" + string.Join(", ", expected) + ")") + " in the cmdlet");
                }
            }
        }

        [Theory]
        [MemberData(nameof(ExportedCmdletData), MemberType = typeof(HelpDocs))]
        public void Syntax_has_one_block_per_compiled_set_listing_exactly_its_parameters(string cmdlet)
        {
            var type = CmdletType(cmdlet);
            var page = Page(cmdlet);
            var compiledSets = SetNames(type);
            Assert.Equal(compiledSets.OrderBy(s => s, StringComparer.Ordinal), page.Syntax.Select(s => s.Name).OrderBy(s => s, StringComparer.Ordinal));
            var defaultSet = (string?)Named(Attribute(type, "CmdletAttribute")!, "DefaultParameterSetName");
            var documentedDefault = page.Syntax.Where(s => s.IsDefault).Select(s => s.Name).ToList();
            Assert.All(documentedDefault, s => Assert.True(s == defaultSet, cmdlet + ": SYNTAX marks " + s + " (Default) but the cmdlet's DefaultParameterSetName is " + (defaultSet ?? "not set")));
            if (compiledSets.Count > 1 && defaultSet != null) Assert.Equal(new[] { defaultSet }, documentedDefault);

            var parameters = HelpDocs.Parameters(type);
            foreach (var set in page.Syntax)
            {
                var expected = parameters.Where(p => p.BySet.ContainsKey(set.Name)).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal);
                Assert.Equal(expected, set.ParameterOrder.OrderBy(n => n, StringComparer.Ordinal));
            }
        }

        [Theory]
        [MemberData(nameof(ExportedCmdletData), MemberType = typeof(HelpDocs))]
        public void Every_page_has_two_or_more_examples_with_prompt_output_and_explanation(string cmdlet)
        {
            var page = Page(cmdlet);
            Assert.True(page.Examples.Count >= 2, "docs/" + cmdlet + ".md has " + page.Examples.Count + " example(s); at least two are needed");
            foreach (var example in page.Examples)
            {
                Assert.True(Prompts(example).Any(), cmdlet + " '" + example.Title + "': the code shows no 'PS C:\\>' prompt");
                Assert.True(example.Remarks.Any(r => r.Trim().Length > 0), cmdlet + " '" + example.Title + "': no sentence explains the example");
            }

            Assert.True(page.Examples.SelectMany(Prompts).Any(line => line.Contains(" |", StringComparison.Ordinal)), "docs/" + cmdlet + ".md has no pipeline example");
            if (Named(Attribute(CmdletType(cmdlet), "CmdletAttribute")!, "SupportsShouldProcess") is true)
            {
                Assert.True(page.Examples.Any(e => e.Code.Contains("What if:", StringComparison.Ordinal)), "docs/" + cmdlet + ".md has no -WhatIf example showing its 'What if:' message");
            }
        }

        [Theory]
        [MemberData(nameof(ExportedCmdletData), MemberType = typeof(HelpDocs))]
        public void Outputs_name_every_declared_output_type(string cmdlet)
        {
            var page = Page(cmdlet);
            foreach (var output in Attributes(CmdletType(cmdlet), "OutputTypeAttribute")
                .SelectMany(a => (System.Collections.Generic.IEnumerable<System.Reflection.CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
                .Select(a => ((Type)a.Value!).FullName))
            {
                Assert.True(page.Outputs.Any(o => o.Name == output), "docs/" + cmdlet + ".md OUTPUTS does not name " + output);
            }
        }

        [Fact]
        public void Every_about_topic_converts_to_the_help_txt_Get_Help_finds_by_its_name()
        {
            var files = Directory.GetFiles(DocsDirectory, "about_*.md");
            Assert.Contains(files, f => Path.GetFileName(f) == "about_ScanPS.md");
            var topics = HelpBuild.ReadAboutTopics(DocsDirectory);
            Assert.Equal(files.Select(Path.GetFileNameWithoutExtension).OrderBy(n => n, StringComparer.Ordinal), topics.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.All(topics, t =>
            {
                Assert.StartsWith("TOPIC\n    " + t.Name + "\n\nSHORT DESCRIPTION\n    ", t.Text, StringComparison.Ordinal);
                Assert.Contains("\nLONG DESCRIPTION\n    ", t.Text, StringComparison.Ordinal);
            });
        }

        private static System.Collections.Generic.IEnumerable<string> Prompts(ExampleHelp example) =>
            example.Code.Split('\n').Where(l => l.StartsWith("PS ", StringComparison.Ordinal) && l.Contains('>', StringComparison.Ordinal));
    }
}
