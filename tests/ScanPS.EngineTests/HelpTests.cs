using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Get-Help as a user runs it after Import-Module: PowerShell's own help system finds en-US/ScanPS.dll-Help.xml
    /// and the about_ topics under the module base, for every exported command and every one of its parameters.
    /// The expected texts come from the PlatyPS pages in docs/, which the build converts.
    /// </summary>
    public sealed class HelpTests : IClassFixture<HelpTests.HelpEngine>
    {
        private readonly HelpEngine _help;

        public HelpTests(HelpEngine help) => _help = help;

        /// <summary>
        /// One runspace for the class: Get-Help changes no session state, and PowerShell reads the MAML once per
        /// runspace, so the commands' tests share it (tests of one class never run at the same time).
        /// </summary>
        public sealed class HelpEngine : IDisposable
        {
            public Engine Engine { get; } = new Engine();

            public void Dispose() => Engine.Dispose();
        }

        public static readonly string[] Commands =
        {
            "Connect-ScanProvider", "Disconnect-ScanProvider", "Get-Scan", "Get-ScanProviderConnection", "New-Scan", "New-ScheduledScanBulk", "Start-ScanFromScan",
            "Compare-ScanFinding", "ConvertTo-ScanSarif", "ConvertTo-ScanJUnit", "Assert-ScanFinding",
            "Get-ScanFinding",
        };

        public static IEnumerable<object[]> CommandData => Commands.Select(c => new object[] { c });

        private const string ReadHelp = @"
param($name)
$help = Get-Help -Name $name -Full
$command = Get-Command -Name $name
$common = [System.Management.Automation.PSCmdlet]::CommonParameters
$alone = @{}
Get-Help -Name $name -Parameter * | ForEach-Object { $alone[$_.name] = $_ | Out-String -Width 200 }
$text = { param($paragraphs) (@($paragraphs | ForEach-Object { $_.Text }) -join ""`n"").Trim() }
[pscustomobject]@{
    Category = $help.Category
    ModuleName = $help.ModuleName
    Synopsis = $help.Synopsis
    Description = & $text $help.description
    Examples = @($help.examples.example | ForEach-Object { [pscustomobject]@{ Title = $_.title; Code = $_.code; Remarks = & $text $_.remarks } })
    Parameters = @($help.parameters.parameter | ForEach-Object {
        [pscustomobject]@{ Name = $_.name; Type = $_.type.name; Aliases = $_.aliases; Description = & $text $_.description
                           Alone = $alone[$_.name] }
    })
    Compiled = @($command.Parameters.Values | Where-Object { $_.Name -notin $common } | ForEach-Object {
        [pscustomobject]@{ Name = $_.Name; Type = $_.ParameterType.Name; Aliases = @($_.Aliases) } })
    SyntaxItems = @($help.syntax.syntaxItem).Count
    ParameterSets = $command.ParameterSets.Count
    Outputs = @($help.returnValues.returnValue | ForEach-Object { $_.type.name })
    Full = $help | Out-String -Width 200
    Examples2 = Get-Help -Name $name -Examples | Out-String -Width 200
}";

        [Theory]
        [MemberData(nameof(CommandData))]
        public void Every_command_has_its_full_help_from_the_MAML(string name)
        {
            var result = _help.Engine.Run(ReadHelp, name).ThrowIfFailed();
            var help = result.Output.Single();
            var page = DocsPage.Read(name);

            // Auto-generated help (no MAML found) has Category "Cmdlet" too, but its synopsis is the syntax line and it has no description.
            Assert.Equal("Cmdlet", help.Value<string>("Category"));
            Assert.Equal("ScanPS", help.Value<string>("ModuleName"));
            Assert.Equal(page.Synopsis, Normalize(help.Value<string>("Synopsis")));
            Assert.DoesNotContain(name + " [", help.Value<string>("Synopsis"), StringComparison.Ordinal);
            Assert.StartsWith(page.DescriptionStart, Normalize(help.Value<string>("Description")), StringComparison.Ordinal);

            var examples = help.List("Examples");
            Assert.Equal(page.ExampleTitles.Count, examples.Count);
            Assert.True(examples.Count >= 2, name + " has fewer than two examples");
            for (int i = 0; i < examples.Count; i++)
            {
                Assert.Contains(page.ExampleTitles[i], examples[i].Value<string>("Title"), StringComparison.Ordinal);
                Assert.StartsWith("Example " + (i + 1) + ": ", page.ExampleTitles[i], StringComparison.Ordinal);
                Assert.StartsWith("PS C:\\> ", examples[i].Value<string>("Code"), StringComparison.Ordinal);
                Assert.Contains(name, examples[i].Value<string>("Code"), StringComparison.Ordinal);
                Assert.NotEqual(string.Empty, examples[i].Value<string>("Remarks"));
            }

            // Every compiled parameter (common ones aside; -WhatIf and -Confirm included) is in the help with its type, aliases and description, and
            // Get-Help -Parameter shows it on its own (-Parameter * gives each one's own help object).
            var compiled = help.List("Compiled").ToDictionary(p => p.Value<string>("Name"));
            var documented = help.List("Parameters").ToDictionary(p => p.Value<string>("Name"));
            Assert.Equal(compiled.Keys.OrderBy(k => k, StringComparer.Ordinal), documented.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach (var (parameterName, parameter) in documented)
            {
                string where = name + " -" + parameterName + ": ";
                Assert.True(compiled[parameterName].Value<string>("Type") == parameter.Value<string>("Type"), where + "type " + parameter.Value<string>("Type"));
                var aliases = ((object[])compiled[parameterName].Properties["Aliases"].Value).Cast<string>().ToList();
                Assert.True((aliases.Count == 0 ? "none" : string.Join(", ", aliases)) == parameter.Value<string>("Aliases"), where + "aliases " + parameter.Value<string>("Aliases"));
                Assert.True(page.ParameterStarts[parameterName] is var start && Normalize(parameter.Value<string>("Description")).StartsWith(start, StringComparison.Ordinal), where + "description " + parameter.Value<string>("Description"));
                string alone = parameter.Value<string>("Alone");
                Assert.Contains("-" + parameterName + (parameter.Value<string>("Type") == "SwitchParameter" ? string.Empty : " <"), alone, StringComparison.Ordinal);
                Assert.Contains(FirstWords(page.ParameterStarts[parameterName]), Normalize(alone), StringComparison.Ordinal);
                Assert.Contains("Required?", alone, StringComparison.Ordinal);
            }

            Assert.Equal(help.Value<int>("ParameterSets"), help.Value<int>("SyntaxItems"));
            Assert.Equal(page.Outputs, help.List("Outputs").Select(o => (string)o.BaseObject).ToList());

            string full = help.Value<string>("Full");
            foreach (string section in new[] { "NAME", "SYNOPSIS", "SYNTAX", "DESCRIPTION", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" })
            {
                Assert.Matches(new Regex("(?m)^" + section + "$"), full);
            }

            Assert.Contains(page.ExampleTitles[0], full, StringComparison.Ordinal);
            string examplesOnly = help.Value<string>("Examples2");
            Assert.Contains(page.ExampleTitles.Last(), examplesOnly, StringComparison.Ordinal);
            Assert.DoesNotMatch(new Regex("(?m)^PARAMETERS$"), examplesOnly);
        }

        [Theory]
        [InlineData("about_ScanPS")]
        [InlineData("about_ScanPS_Authentication")]
        public void About_topics_are_found_under_the_module_base(string topic)
        {
            var result = _help.Engine.Run(@"
param($topic)
$help = Get-Help -Name $topic
[pscustomobject]@{ Category = $help.Category; Name = $help.Name; Text = $help | Out-String -Width 200 }", topic).ThrowIfFailed();
            var help = result.Output[0];
            Assert.Equal("HelpFile", help.Value<string>("Category"));
            Assert.Equal(topic, help.Value<string>("Name"));
            string text = Normalize(help.Value<string>("Text"));
            string page = File.ReadAllText(Path.Combine(StagedModule.RepoRoot, "docs", topic + ".md"));
            string shortDescription = Normalize(Regex.Match(page, @"# SHORT DESCRIPTION\r?\n(.+?)\r?\n\r?\n", RegexOptions.Singleline).Groups[1].Value);
            Assert.NotEqual(string.Empty, shortDescription);
            Assert.Contains(shortDescription, text, StringComparison.Ordinal);
            Assert.Contains("LONG DESCRIPTION", text, StringComparison.Ordinal);
        }

        [Fact]
        public void A_wildcard_lists_both_about_topics()
        {
            var result = _help.Engine.Run("(Get-Help -Name 'about_ScanPS*' -Category HelpFile | ForEach-Object Name | Sort-Object) -join ','").ThrowIfFailed();
            Assert.Equal("about_ScanPS,about_ScanPS_Authentication", result.Output.Single().BaseObject);
        }

        private static string Normalize(string? text) => Regex.Replace(text ?? string.Empty, @"\s+", " ").Trim();

        private static string FirstWords(string text) => string.Join(" ", text.Split(' ').Take(6));

        /// <summary>The parts of a docs/ PlatyPS page that the help must show.</summary>
        private sealed class DocsPage
        {
            public string Synopsis { get; private set; } = string.Empty;

            public string DescriptionStart { get; private set; } = string.Empty;

            public List<string> ExampleTitles { get; } = new List<string>();

            public Dictionary<string, string> ParameterStarts { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

            public List<string> Outputs { get; } = new List<string>();

            public static DocsPage Read(string command)
            {
                string text = File.ReadAllText(Path.Combine(StagedModule.RepoRoot, "docs", command + ".md")).Replace("\r\n", "\n");
                var page = new DocsPage
                {
                    Synopsis = Normalize(Section(text, "SYNOPSIS")),
                    DescriptionStart = Normalize(Section(text, "DESCRIPTION").Split("\n\n")[0]),
                };
                page.ExampleTitles.AddRange(Regex.Matches(Section(text, "EXAMPLES"), @"(?m)^### (.+)$").Select(m => m.Groups[1].Value.Trim()));
                foreach (Match parameter in Regex.Matches(Section(text, "PARAMETERS"), @"(?m)^### -(\w+)\n(.*?)\n\n", RegexOptions.Singleline))
                {
                    // The first paragraph, up to the first code span (PlatyPS keeps the markdown; only words are compared).
                    page.ParameterStarts[parameter.Groups[1].Value] = Normalize(parameter.Groups[2].Value.Split('`')[0]);
                }

                page.Outputs.AddRange(Regex.Matches(Section(text, "OUTPUTS"), @"(?m)^### (.+)$").Select(m => m.Groups[1].Value.Trim()));
                return page;
            }

            private static string Section(string text, string heading)
            {
                var match = Regex.Match(text, @"(?ms)^## " + heading + @"\n(.*?)(?=^## |\z)");
                Assert.True(match.Success, "docs page has no ## " + heading);
                return match.Groups[1].Value.Trim();
            }
        }
    }

    internal static class PSObjectValues
    {
        public static T Value<T>(this PSObject item, string name)
        {
            object? value = item.Properties[name]?.Value;
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            return (T)LanguagePrimitives.ConvertTo(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        }

        public static IReadOnlyList<PSObject> List(this PSObject item, string name)
        {
            object? value = item.Properties[name]?.Value;
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            return value is object[] many ? many.Select(PSObject.AsPSObject).ToList() : value == null ? new List<PSObject>() : new List<PSObject> { PSObject.AsPSObject(value) };
        }
    }
}
