using System.Management.Automation;
using ScanPS.Errors;
using ScanPS.Operations;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// A cmdlet shaped like New-Scan once a second provider is added: per-provider sets sharing -Target.
    /// Shows the rules pick the set by -Provider and reject another provider's parameter before any request.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "TwoProviderScan")]
    public sealed class TwoProviderScanCommand : PSCmdlet
    {
        [Parameter(ParameterSetName = "HostedScan", Mandatory = true, Position = 0)]
        [Parameter(ParameterSetName = "ProjectDiscovery", Mandatory = true, Position = 0)]
        public string Provider { get; set; } = "";

        [Parameter(ParameterSetName = "HostedScan", Mandatory = true)]
        public string Type { get; set; } = "";

        [Parameter(ParameterSetName = "HostedScan")]
        [Parameter(ParameterSetName = "ProjectDiscovery")]
        public string[]? Target { get; set; }

        [Parameter(ParameterSetName = "ProjectDiscovery")]
        public string[]? Template { get; set; }

        [Parameter]
        public string? BaseUri { get; set; }
    }

    public sealed class ProviderParameterRulesTests
    {
        private static ProviderParameterRules Rules() =>
            new ProviderParameterRules("New-TwoProviderScan", ScanPS.Commands.CmdletMetadataAccess.Declarations(typeof(TwoProviderScanCommand)));

        [Fact]
        public void PowerShell_alone_would_pick_the_wrong_provider_for_shared_parameters()
        {
            // Without a default set, PowerShell drops HostedScan (its mandatory -Type is unbound) and picks ProjectDiscovery…
            Assert.Equal("ProjectDiscovery", CmdletReflection.ChooseSet(typeof(TwoProviderScanCommand), new[] { "Provider", "Target" }));
            // …so the rules, which know -Provider's value, are what reports HostedScan's missing -Type.
            var ex = Assert.Throws<ScanPSException>(() => Rules().Resolve("HostedScan", "ProjectDiscovery", new[] { "Provider", "Target" }));
            Assert.Equal("MissingProviderParameter", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, ex.Error.Category);
            Assert.Contains("-Type", ex.Message);
        }

        [Fact]
        public void A_parameter_of_another_provider_is_a_clear_error()
        {
            var ex = Assert.Throws<ScanPSException>(() => Rules().Resolve("HostedScan", "ProjectDiscovery", new[] { "Provider", "Type", "Template" }));
            Assert.Equal("ParameterNotValidForProvider", ex.ErrorId);
            Assert.Equal("-Template cannot be used with New-TwoProviderScan -Provider HostedScan; it belongs to -Provider ProjectDiscovery.", ex.Message);
        }

        [Fact]
        public void The_providers_own_set_is_used_whatever_PowerShell_chose()
        {
            Assert.Equal("ProjectDiscovery", Rules().Resolve("ProjectDiscovery", "HostedScan", new[] { "Provider", "Target", "BaseUri", "Verbose" }));
            Assert.Equal("HostedScan", Rules().Resolve("HostedScan", "HostedScan", new[] { "Provider", "Type", "Target" }));
            Assert.Equal("ProjectDiscovery", Rules().Resolve("ProjectDiscovery", "ProjectDiscovery", new[] { "Provider", "Template" }));
        }

        [Fact]
        public void The_real_cmdlets_resolve_their_own_sets()
        {
            var getScan = new ProviderParameterRules("Get-Scan", ScanPS.Commands.CmdletMetadataAccess.Declarations(typeof(ScanPS.Commands.GetScanCommand)));
            Assert.Equal("ById", getScan.Resolve("HostedScan", "ById", new[] { "Provider", "Id" }));
            Assert.Equal("HostedScan", getScan.Resolve("HostedScan", "HostedScan", new[] { "Provider", "State", "First" }));
            var newScan = new ProviderParameterRules("New-Scan", ScanPS.Commands.CmdletMetadataAccess.Declarations(typeof(ScanPS.Commands.NewScanCommand)));
            Assert.Equal("HostedScan", newScan.Resolve("HostedScan", "HostedScan", new[] { "Provider", "Type", "Target", "WhatIf" }));
        }
    }
}
