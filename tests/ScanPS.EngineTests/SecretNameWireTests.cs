using System.Linq;
using System.Threading.Tasks;
using ScanPS.FakeVendors;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Connect-ScanProvider -SecretName on the wire: the key read through SecretManagement is the one the validation
    /// request and later commands send. The session gets a stand-in Microsoft.PowerShell.SecretManagement module (a
    /// loaded module of that name answers the module-qualified Get-Secret) and a Get-Module that reports it installed,
    /// both in the runspace only. tests/Pester/Connections.Tests.ps1 covers what the user sees.
    /// </summary>
    public sealed class SecretNameWireTests : IClassFixture<FakesFixture>
    {
        private const string StandIn = @"
New-Module -Name Microsoft.PowerShell.SecretManagement -ScriptBlock {
    function Get-Secret { param([string]$Name, [string]$Vault) if ($Name -eq 'hs-key' -and $Vault -eq 'ci') { ConvertTo-SecureString $global:ScanPSTestSecret -AsPlainText -Force } else { throw ""no secret $Name"" } }
    Export-ModuleMember -Function Get-Secret
} | Import-Module
function global:Get-Module {
    [CmdletBinding()] param([Parameter(Position = 0)] [string[]]$Name, [switch]$ListAvailable)
    if ($ListAvailable -and $Name -contains 'Microsoft.PowerShell.SecretManagement') { [pscustomobject]@{ Name = 'Microsoft.PowerShell.SecretManagement' } }
    else { Microsoft.PowerShell.Core\Get-Module @PSBoundParameters }
}";

        private readonly Sandbox _sandbox;

        public SecretNameWireTests(FakesFixture fixture) => _sandbox = fixture.Sandbox;

        [Fact]
        public void TheSecretIsTheKeyOnTheWire()
        {
            using var engine = new Engine();
            engine.Set("ScanPSTestSecret", Sandbox.ApiKey);
            engine.Run(StandIn).ThrowIfFailed();
            _sandbox.HostedScanServer.ClearRequests();

            var result = engine.Run(@"
Connect-ScanProvider -Provider HostedScan -SecretName hs-key -Vault ci -BaseUri $args[0] -PassThru
Get-Scan -Provider HostedScan -First 1 | Out-Null", _sandbox.BaseUri("HostedScan")).ThrowIfFailed();

            var connection = Assert.Single(result.Output);
            Assert.Equal("connection 'HostedScan' (secret 'hs-key' in vault 'ci')", connection.Properties["CredentialSource"].Value);
            Assert.Equal(true, connection.Properties["Validated"].Value);
            var requests = _sandbox.HostedScanServer.Requests;
            Assert.Equal(new[] { "GET /v1/scans", "GET /v1/scans" }, requests.Select(r => r.Method + " " + r.Path).ToArray());
            Assert.All(requests, r => Assert.Equal(Sandbox.ApiKey, r.Header(FakeHostedScan.ApiKeyHeaderName)));
        }

        [Fact]
        public void NothingIsSentWhenTheSecretCannotBeRead()
        {
            using var engine = new Engine();
            engine.Set("ScanPSTestSecret", Sandbox.ApiKey);
            engine.Run(StandIn).ThrowIfFailed();
            _sandbox.HostedScanServer.ClearRequests();

            var result = engine.Run("Connect-ScanProvider -Provider HostedScan -SecretName missing -Vault ci -BaseUri $args[0]", _sandbox.BaseUri("HostedScan"));

            var error = result.SingleError();
            Assert.Equal("SecretNotFound,ScanPS.Commands.ConnectScanProviderCommand", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Empty(_sandbox.HostedScanServer.Requests);
            Assert.Empty(engine.Run("Get-ScanProviderConnection").ThrowIfFailed().Output);
        }
    }
}
