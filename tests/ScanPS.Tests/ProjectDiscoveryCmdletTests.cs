using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ScanPS.Commands;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers.ProjectDiscovery;
using Xunit;
using static ScanPS.Tests.CmdletReflection;

namespace ScanPS.Tests
{
    /// <summary>The ProjectDiscovery parameter sets as PowerShell sees them, their help, and the table view.</summary>
    public sealed class ProjectDiscoveryCmdletTests
    {
        private static ProviderParameterRules Rules(Type cmdlet) => new ProviderParameterRules(CommandName(cmdlet), CmdletMetadataAccess.Declarations(cmdlet));

        [Fact]
        public void New_Scan_exposes_every_request_field_with_a_PowerShell_name_and_type()
        {
            var parameters = Parameters(typeof(NewScanCommand)).Where(p => p.Set == "ProjectDiscovery").ToDictionary(p => p.Name, p => p.Type);
            string[] switches = { "Recommended", "AllTemplates", "ScanAllAssets", "DisableGlobalAlertConfig", "DisableGlobalReportConfig", "DisableGlobalScanConfig", "ScheduleOnly", "AutomaticScan", "NoRefresh" };
            string[] lists = { "Target", "Asset", "Template", "PrivateTemplatePath", "EarlyTemplate", "Exclusion", "ExcludeTarget", "EnumerationId", "AlertingConfigId", "ScanConfigId", "ReportingConfigId", "AgentTag", "AgentNetwork" };
            string[] strings = { "Provider", "TeamId", "Name", "Socks5Proxy", "AgentId", "AgentBehavior" };

            Assert.Equal(switches.Concat(lists).Concat(strings).Append("AssetFilter").OrderBy(n => n), parameters.Keys.OrderBy(n => n));
            Assert.All(switches, n => Assert.Equal("SwitchParameter", parameters[n].Name));
            Assert.All(lists, n => Assert.Equal(typeof(string[]), parameters[n]));
            Assert.All(strings, n => Assert.Equal(typeof(string), parameters[n]));
            Assert.Equal(typeof(System.Collections.IDictionary), parameters["AssetFilter"]);
            Assert.Equal(ProjectDiscoveryVocabulary.AgentBehaviors, ValidateSet(typeof(NewScanCommand), "AgentBehavior"));
            Assert.Equal(new[] { "HostedScan", "ProjectDiscovery", "Invicti", "Probely" }, ValidateSet(typeof(NewScanCommand), "Provider"));
            Assert.Contains(typeof(ProjectDiscoveryScan), ((System.Collections.Generic.IEnumerable<CustomAttributeTypedArgument>)Attribute(typeof(NewScanCommand), "OutputTypeAttribute")!.ConstructorArguments[0].Value!).Select(a => (Type)a.Value!));
        }

        [Fact]
        public void New_Scan_picks_the_ProjectDiscovery_set_and_refuses_the_other_providers_parameters()
        {
            // PowerShell drops HostedScan (its -Type is unbound), so -Provider ProjectDiscovery -Target binds the right set by itself.
            Assert.Equal("ProjectDiscovery", ChooseSet(typeof(NewScanCommand), new[] { "Provider", "Target" }));
            Assert.Equal("ProjectDiscovery", ChooseSet(typeof(NewScanCommand), new[] { "Provider", "Target", "Template", "Name" }));
            Assert.Equal("ProjectDiscovery", Rules(typeof(NewScanCommand)).Resolve("ProjectDiscovery", "ProjectDiscovery", new[] { "Provider", "Target", "Template", "WhatIf" }));

            var type = Assert.Throws<ScanPSException>(() => Rules(typeof(NewScanCommand)).Resolve("ProjectDiscovery", "HostedScan", new[] { "Provider", "Type", "Target" }));
            Assert.Equal("ParameterNotValidForProvider", type.ErrorId);
            Assert.Equal("-Type cannot be used with New-Scan -Provider ProjectDiscovery; it belongs to -Provider HostedScan.", type.Message);
            var template = Assert.Throws<ScanPSException>(() => Rules(typeof(NewScanCommand)).Resolve("HostedScan", "ProjectDiscovery", new[] { "Provider", "Type", "Template" }));
            Assert.Equal("-Template cannot be used with New-Scan -Provider HostedScan; it belongs to -Provider ProjectDiscovery.", template.Message);
        }

        [Fact]
        public void Get_Scan_reaches_the_ProjectDiscovery_sets_and_TeamId_is_never_silently_ignored()
        {
            var rules = Rules(typeof(GetScanCommand));
            // PowerShell settles on the default (HostedScan) set; the rules move to ProjectDiscovery's by -Provider.
            Assert.Equal("HostedScan", ChooseSet(typeof(GetScanCommand), new[] { "Provider", "State" }));
            Assert.Equal("ProjectDiscovery", rules.Resolve("ProjectDiscovery", "HostedScan", new[] { "Provider", "State" }));
            Assert.Equal("ProjectDiscovery", rules.Resolve("ProjectDiscovery", "HostedScan", new[] { "Provider" }));
            Assert.Equal("ProjectDiscovery", ChooseSet(typeof(GetScanCommand), new[] { "Provider", "Search", "TeamId" }));
            Assert.Equal("ById", ChooseSet(typeof(GetScanCommand), new[] { "Provider", "Id" }));
            Assert.Equal("ById", rules.Resolve("ProjectDiscovery", "ById", new[] { "Provider", "Id" }));
            Assert.Equal("ProjectDiscoveryById", ChooseSet(typeof(GetScanCommand), new[] { "Provider", "Id", "TeamId" }));

            var team = Assert.Throws<ScanPSException>(() => rules.Resolve("HostedScan", "ProjectDiscoveryById", new[] { "Provider", "Id", "TeamId" }));
            Assert.Equal("-TeamId cannot be used with Get-Scan -Provider HostedScan; it belongs to -Provider ProjectDiscovery.", team.Message);
            var search = Assert.Throws<ScanPSException>(() => rules.Resolve("HostedScan", "ProjectDiscovery", new[] { "Provider", "Search" }));
            Assert.Equal("ParameterNotValidForProvider", search.ErrorId);
            Assert.Equal(new[] { "HostedScan", "ProjectDiscovery", "Invicti", "Probely" }, ValidateSet(typeof(GetScanCommand), "Provider"));
        }

        [Theory]
        [InlineData(typeof(NewScanCommand), "New-Scan.md")]
        [InlineData(typeof(GetScanCommand), "Get-Scan.md")]
        public void Help_documents_every_ProjectDiscovery_parameter_in_its_sets_and_syntax(Type cmdlet, string page)
        {
            string text = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", page)).Replace("\r\n", "\n");
            var pdSets = SetNames(cmdlet).Where(s => s.StartsWith("ProjectDiscovery", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(pdSets);
            foreach (var set in pdSets)
            {
                var syntax = Regex.Match(text, "### " + set + "(?: \\(Default\\))?\n```\n(.*?)\n```", RegexOptions.Singleline);
                Assert.True(syntax.Success, page + " has no SYNTAX block for " + set);
                foreach (var parameter in Parameters(cmdlet).Where(p => p.Set == set || p.Set == AllSets).Select(p => p.Name).Distinct())
                {
                    Assert.Contains("-" + parameter, syntax.Groups[1].Value);
                    var section = Regex.Match(text, "\n### -" + parameter + "\n(.*?)(?=\n### |\n## )", RegexOptions.Singleline);
                    Assert.True(section.Success, page + " does not document -" + parameter);
                    var sets = Regex.Matches(section.Groups[1].Value, "Parameter Sets: (.*)").Select(m => m.Groups[1].Value).ToList();
                    Assert.True(sets.Any(s => s == "(All)" || s.Split(", ").Contains(set)), page + ": -" + parameter + " does not list the set " + set);
                    Assert.Contains("```yaml\nType: ", section.Groups[1].Value);
                }
            }
        }

        [Fact]
        public void The_format_file_has_a_table_view_for_ProjectDiscoveryScan_over_real_properties()
        {
            var doc = XDocument.Load(Path.Combine(RepoRoot.Path, "src", "ScanPS", "ScanPS.Format.ps1xml"));
            var view = doc.Descendants("View").Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == typeof(ProjectDiscoveryScan).FullName);
            var table = view.Element("TableControl")!;
            int headers = table.Descendants("TableColumnHeader").Count();
            var items = table.Descendants("TableColumnItem").ToList();
            Assert.InRange(headers, 4, 6);
            Assert.Equal(headers, items.Count);
            foreach (var property in items.Select(i => i.Element("PropertyName")?.Value).Where(p => p != null))
            {
                Assert.NotNull(typeof(ProjectDiscoveryScan).GetProperty(property!, BindingFlags.Public | BindingFlags.Instance));
            }
        }

        [Fact]
        public void A_scan_pipes_by_property_name_and_ToString_shows_no_secret()
        {
            var scan = new ProjectDiscoveryScan("d1000000000000000001") { Name = "nightly", VendorState = "running", Progress = 40 };
            Assert.Equal("ProjectDiscovery scan d1000000000000000001 'nightly' (running 40%)", scan.ToString());
            Assert.Equal("ProjectDiscovery", scan.Provider);
            Assert.Equal("d1000000000000000001", scan.Id);
            // Get-Scan binds exactly these two properties of a piped scan.
            Assert.Equal(new[] { "Id", "Provider" }, Parameters(typeof(GetScanCommand)).Where(p => p.ByPropertyName && p.Set == "ById").Select(p => p.Name).OrderBy(n => n));
        }
    }
}
