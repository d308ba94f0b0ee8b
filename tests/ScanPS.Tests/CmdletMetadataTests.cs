using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ScanPS.Commands;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers.HostedScan;
using Xunit;
using static ScanPS.Tests.CmdletReflection;

namespace ScanPS.Tests
{
    public sealed class CmdletMetadataTests
    {
        /// <summary>The commands that call a vendor (they share -Provider, credential and connection parameters).</summary>
        public static TheoryData<Type> Cmdlets()
        {
            var data = new TheoryData<Type>();
            foreach (var t in CmdletTypes.Where(t => typeof(ScanPSCmdlet).IsAssignableFrom(t))) data.Add(t);
            return data;
        }

        [Fact]
        public void The_module_has_exactly_the_documented_cmdlets()
        {
            Assert.Equal(
                new[] { "Assert-ScanFinding", "Compare-ScanFinding", "Connect-ScanProvider", "ConvertTo-ScanJUnit", "ConvertTo-ScanSarif", "Disconnect-ScanProvider", "Get-Scan", "Get-ScanFinding", "Get-ScanProviderConnection", "New-Scan", "New-ScheduledScanBulk", "Save-ScanReport", "Start-ScanFromScan", "Stop-Scan", "Wait-Scan" },
                CmdletTypes.Select(CommandName).OrderBy(n => n));
            Assert.All(CmdletTypes, t => Assert.True(t.IsSealed, t.Name + " should be sealed"));
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Every_parameter_set_resolves_without_ambiguity_from_its_mandatory_parameters(Type cmdlet)
        {
            foreach (var set in SetNames(cmdlet))
            {
                var mandatory = Parameters(cmdlet).Where(p => p.Set == set && p.Mandatory).Select(p => p.Name).ToList();
                string? chosen = ChooseSet(cmdlet, mandatory);
                // PowerShell may settle on the default set (another provider's); the rules then pick the set by -Provider.
                string? owner = ProviderParameterRules.OwnerOf(set);
                if (chosen != null && chosen != set && owner != null)
                {
                    chosen = new ProviderParameterRules(CommandName(cmdlet), CmdletMetadataAccess.Declarations(cmdlet)).Resolve(owner, chosen, mandatory);
                }

                Assert.True(chosen == set, CommandName(cmdlet) + ": binding " + string.Join(",", mandatory) + " should select " + set);
            }
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Positions_are_unique_per_set_and_at_most_one_parameter_takes_the_whole_pipeline_object(Type cmdlet)
        {
            var parameters = Parameters(cmdlet);
            foreach (var set in SetNames(cmdlet))
            {
                var inSet = parameters.Where(p => p.Set == set || p.Set == AllSets).ToList();
                var positions = inSet.Where(p => p.Position >= 0).Select(p => p.Position).ToList();
                Assert.Equal(positions.Count, positions.Distinct().Count());
                Assert.True(inSet.Count(p => p.ByValue) <= 1);
            }
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Every_cmdlet_declares_its_output_type_and_Provider_binds_by_property_name_where_a_piped_object_names_what_to_act_on(Type cmdlet)
        {
            var output = Attribute(cmdlet, "OutputTypeAttribute");
            Assert.NotNull(output);
            var types = ((System.Collections.Generic.IEnumerable<System.Reflection.CustomAttributeTypedArgument>)output!.ConstructorArguments[0].Value!).Select(a => (Type)a.Value!);
            var provider = Parameters(cmdlet).Where(p => p.Name == "Provider").ToList();
            if (cmdlet == typeof(NewScheduledScanBulkCommand))
            {
                // A single-vendor cmdlet: its sets are named after its vendor, and its optional -Provider only takes
                // the piped objects' Provider, to refuse another provider's scan (its Id is no Probely target id).
                Assert.NotEmpty(types);
                Assert.All(SetNames(cmdlet), set => Assert.NotNull(ProviderParameterRules.OwnerOf(set)));
                Assert.All(provider, p => { Assert.False(p.Mandatory); Assert.True(p.ByPropertyName); Assert.Equal(int.MinValue, p.Position); });
                Assert.Null(Attribute(cmdlet.GetProperty("Provider")!, "ValidateSetAttribute"));
                return;
            }

            Assert.NotEmpty(types);
            // Get-ScanFinding writes findings, Save-ScanReport files; every other provider command writes scans.
            Assert.All(types, t => Assert.True(cmdlet == typeof(GetScanFindingCommand) ? typeof(ScanFinding).IsAssignableFrom(t) : typeof(Scan).IsAssignableFrom(t) || (cmdlet == typeof(SaveScanReportCommand) && t == typeof(System.IO.FileInfo)), t.Name));
            Assert.Equal(SetNames(cmdlet).OrderBy(s => s), provider.Select(p => p.Set).OrderBy(s => s));
            // Start-ScanFromScan has one provider today, so -Provider defaults to it and -Id takes position 0.
            bool providerDefaults = cmdlet == typeof(StartScanFromScanCommand);
            // Get-Scan's listing sets never take -Provider from the pipeline (PowerShell would latch on to the default
            // listing set and list instead of fetching the piped scan; see the engine PipelineBindingTests).
            // New-Scan never does: a piped connection would bind only -Provider and the scan would go through the
            // default connection (engine PipelineBindingTests).
            bool Piped(string set) => cmdlet != typeof(NewScanCommand) && (cmdlet != typeof(GetScanCommand) || set == GetScanCommand.ByIdSet || set == GetScanCommand.ProjectDiscoveryByIdSet);
            Assert.All(provider, p => { Assert.Equal(!providerDefaults, p.Mandatory); Assert.Equal(Piped(p.Set), p.ByPropertyName); Assert.Equal(providerDefaults ? int.MinValue : 0, p.Position); });
            Assert.All(ValidateSet(cmdlet, "Provider"), name => Assert.Contains(name, ScanPS.ProviderNames.All));
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Set_names_are_provider_names_or_shared_sets(Type cmdlet)
        {
            // Get-ScanFinding has one set for every provider (its provider-specific -TargetId and -TeamId are checked by the definition).
            Assert.All(SetNames(cmdlet), set => Assert.True(ProviderParameterRules.OwnerOf(set) != null || set == GetScanCommand.ByIdSet || set == SaveScanReportCommand.ByIdSet || (cmdlet == typeof(GetScanFindingCommand) && set == "__AllParameterSets"), set));
        }

        [Fact]
        public void New_Scan_supports_ShouldProcess_at_Medium_impact_and_defaults_to_the_set_without_a_mandatory_parameter_of_its_own()
        {
            var cmdlet = Attribute(typeof(NewScanCommand), "CmdletAttribute")!;
            Assert.Equal(true, Named(cmdlet, "SupportsShouldProcess"));
            Assert.Equal(2, Convert.ToInt32(Named(cmdlet, "ConfirmImpact"))); // ConfirmImpact.Medium
            Assert.Equal(NewScanCommand.ProjectDiscoverySet, Named(cmdlet, "DefaultParameterSetName"));
            Assert.Equal(HostedScanVocabulary.CreateTypes, ValidateSet(typeof(NewScanCommand), "Type"));

            var byProperty = Parameters(typeof(NewScanCommand)).Where(p => p.ByPropertyName).Select(p => p.Name).Distinct().OrderBy(n => n);
            Assert.Equal(new[] { "Tag", "Target", "TargetId", "TargetUri" }, byProperty);
            Assert.Equal(typeof(string[]), typeof(NewScanCommand).GetProperty("Target")!.PropertyType);
        }

        [Fact]
        public void Get_Scan_supports_paging_binds_Id_by_property_name_and_lists_by_default()
        {
            var cmdlet = Attribute(typeof(GetScanCommand), "CmdletAttribute")!;
            Assert.Equal(true, Named(cmdlet, "SupportsPaging"));
            Assert.Equal("HostedScan", Named(cmdlet, "DefaultParameterSetName"));
            var id = Assert.Single(Parameters(typeof(GetScanCommand)), p => p.Name == "Id" && p.Set == "ById");
            Assert.True(id.ByPropertyName);
            Assert.True(id.Mandatory);
            Assert.Equal("ById", id.Set);
            Assert.Contains("ScanId", (Attribute(typeof(GetScanCommand).GetProperty("Id")!, "AliasAttribute")!.ConstructorArguments[0].Value as System.Collections.Generic.IEnumerable<System.Reflection.CustomAttributeTypedArgument>)!.Select(a => (string)a.Value!));
            Assert.Equal(HostedScanVocabulary.ListTypes, ValidateSet(typeof(GetScanCommand), "Type"));
            // New-Scan | Get-Scan: a scan object carries Provider and Id, which select the ById set.
            Assert.Equal("ById", ChooseSet(typeof(GetScanCommand), new[] { "Provider", "Id" }));
            Assert.Equal("HostedScan", ChooseSet(typeof(GetScanCommand), new[] { "Provider", "State" }));
        }

        [Fact]
        public void Secrets_are_never_plain_string_parameters()
        {
            foreach (var cmdlet in CmdletTypes)
            {
                foreach (var parameter in Parameters(cmdlet).Select(p => cmdlet.GetProperty(p.Name)!).Distinct())
                {
                    if (parameter.Name.EndsWith("Key", StringComparison.Ordinal) || parameter.Name.EndsWith("Token", StringComparison.Ordinal) || parameter.Name.EndsWith("Password", StringComparison.Ordinal))
                    {
                        Assert.Equal(typeof(System.Security.SecureString), parameter.PropertyType);
                    }

                    if (parameter.Name.EndsWith("Credential", StringComparison.Ordinal))
                    {
                        Assert.Equal("PSCredential", parameter.PropertyType.Name);
                        Assert.NotNull(Attribute(parameter, "CredentialAttribute"));
                    }
                }

                if (!typeof(ScanPSCmdlet).IsAssignableFrom(cmdlet)) continue;
                Assert.Equal(typeof(System.Security.SecureString), cmdlet.GetProperty("ApiKey")!.PropertyType);
                Assert.Equal("PSCredential", cmdlet.GetProperty("Credential")!.PropertyType.Name);
                Assert.NotNull(Attribute(cmdlet.GetProperty("Credential")!, "CredentialAttribute"));
            }
        }

        [Fact]
        public void Every_ScanPS_error_category_exists_in_PowerShell_ErrorCategory()
        {
            var names = Enum.GetNames(typeof(System.Management.Automation.ErrorCategory));
            Assert.All(Enum.GetNames(typeof(ScanPSErrorCategory)), name => Assert.Contains(name, names));
        }

        [Fact]
        public void The_manifest_exports_exactly_the_compiled_cmdlets()
        {
            string psd1 = File.ReadAllText(Path.Combine(RepoRoot.Path, "ScanPS.psd1"));
            var match = Regex.Match(psd1, @"CmdletsToExport\s*=\s*@\(([^)]*)\)");
            Assert.True(match.Success, "CmdletsToExport = @(...) not found");
            var exported = Regex.Matches(match.Groups[1].Value, "'([^']+)'").Select(m => m.Groups[1].Value).OrderBy(n => n);
            Assert.Equal(CmdletTypes.Select(CommandName).OrderBy(n => n), exported);
            Assert.DoesNotContain("*", Regex.Match(psd1, @"(Functions|Aliases|Variables)ToExport\s*=\s*[^\r\n]*").Value);
            // The root module picks the edition's build (bin/net8.0 or bin/net472) and re-exports its cmdlets.
            Assert.Matches(@"RootModule\s*=\s*'ScanPS\.psm1'", psd1);
            Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Desktop',\s*'Core'\)", psd1);
        }
    }
}
