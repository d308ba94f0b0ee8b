using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Issue 17 item 6: Connect-ScanProvider -SecretName with a stand-in Microsoft.PowerShell.SecretManagement module
    /// (Get-Secret, Get-SecretInfo, Get-SecretVault shaped like the real 1.1 module's) imported by path into the test's
    /// runspace only, and without it; and a taken connection name refused before any secret is read or request sent.
    /// </summary>
    public sealed class SecretNameTests : IClassFixture<SecretNameTests.Fixture>
    {
        private const string ErrorIdSuffix = ",ScanPS.Commands.ConnectScanProviderCommand";

        /// <summary>A key the fake accepts, long enough (16+) for a KeyHint, that must never be shown whole.</summary>
        private const string VaultKey = "sm-vault-key-4f9c2a7e1b";

        private const string InvictiToken = "sm-vault-token-88d1c0";

        private readonly Fixture _fixture;

        public SecretNameTests(Fixture fixture) => _fixture = fixture;

        private Sandbox Sandbox => _fixture.Sandbox;

        /// <summary>A runspace with ScanPS and the stand-in SecretManagement imported, its vault holding the secrets.</summary>
        private Engine EngineWithVault()
        {
            var engine = new Engine();
            engine.Set("VaultKeyText", VaultKey).Set("InvictiTokenText", InvictiToken);
            engine.Run(@"
Import-Module -Name $args[0] -ErrorAction Stop
Set-StandInSecret -Vault RunbookVault -Name HostedScanApiKey -Secret (ConvertTo-SecureString $VaultKeyText -AsPlainText -Force)
Set-StandInSecret -Vault RunbookVault -Name InvictiApi -Secret ([pscredential]::new('sm-user-id', (ConvertTo-SecureString $InvictiTokenText -AsPlainText -Force)))
Set-StandInSecret -Vault OtherVault -Name Blank -Secret $null
Set-StandInSecret -Vault OtherVault -Name Settings -Secret @{ key = 'value' }", _fixture.StandInManifest).ThrowIfFailed();
            return engine;
        }

        [Fact]
        public void A_SecureString_secret_is_stored_and_validated_and_nothing_is_written_to_the_pipeline()
        {
            using var engine = EngineWithVault();
            int before = Sandbox.HostedScanServer.Requests.Count;

            var result = engine.Run("Connect-ScanProvider -Provider HostedScan -SecretName HostedScanApiKey -Vault RunbookVault -BaseUri $args[0] -Verbose -Debug", Sandbox.BaseUri("HostedScan"));

            Assert.True(result.Errors.Count == 0 && result.Terminating == null, result.Describe());
            Assert.Empty(result.Output);
            Assert.Equal(new[] { "Get-Secret -Name HostedScanApiKey -Vault RunbookVault" }, StandInCalls(engine));
            var request = Assert.Single(Sandbox.HostedScanServer.Requests.Skip(before));
            Assert.Equal("GET /v1/scans", request.Method + " " + request.Path);
            Assert.Equal(VaultKey, request.Header("X-HOSTEDSCAN-API-KEY"));
            Assert.Contains("Stored HostedScan connection 'HostedScan' (****7e1b) as the HostedScan default; the credential was accepted.", result.Verbose);
            AssertSecretsNotShown(engine, result);

            var connection = Assert.Single(engine.Run("Get-ScanProviderConnection").ThrowIfFailed().Output);
            Assert.Equal("HostedScan", connection.Properties["Provider"].Value);
            Assert.Equal("HostedScan", connection.Properties["Name"].Value);
            Assert.Equal(true, connection.Properties["Validated"].Value);
            Assert.Equal(true, connection.Properties["IsDefault"].Value);
            Assert.Equal("****7e1b", connection.Properties["KeyHint"].Value);
            Assert.Equal("connection 'HostedScan' (secret 'HostedScanApiKey' in vault 'RunbookVault')", connection.Properties["CredentialSource"].Value);

            // The stored secret is the one later commands send.
            int beforeList = Sandbox.HostedScanServer.Requests.Count;
            engine.Run("Get-Scan -Provider HostedScan -First 1 | Out-Null").ThrowIfFailed();
            Assert.Equal(VaultKey, Sandbox.HostedScanServer.Requests.Skip(beforeList).First().Header("X-HOSTEDSCAN-API-KEY"));
        }

        [Fact]
        public void A_PSCredential_secret_is_used_like_Credential_and_PassThru_writes_only_the_connection()
        {
            using var engine = EngineWithVault();
            int before = Sandbox.InvictiServer.Requests.Count;

            var result = engine.Run("Connect-ScanProvider -Provider Invicti -Name inv -SecretName InvictiApi -BaseUri $args[0] -PassThru", Sandbox.BaseUri("Invicti"));

            Assert.True(result.Errors.Count == 0 && result.Terminating == null, result.Describe());
            var connection = Assert.Single(result.Output);
            Assert.Equal("ScanPS.Connections.ScanProviderConnection", connection.BaseObject.GetType().FullName);
            Assert.Equal("inv", connection.Properties["Name"].Value);
            Assert.Equal("sm-user-id", connection.Properties["UserName"].Value);
            Assert.Equal(true, connection.Properties["Validated"].Value);
            Assert.Equal(new[] { "Get-Secret -Name InvictiApi" }, StandInCalls(engine));
            var request = Assert.Single(Sandbox.InvictiServer.Requests.Skip(before));
            string basic = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("sm-user-id:" + InvictiToken));
            Assert.Equal(basic, request.Header("Authorization"));
            AssertSecretsNotShown(engine, result);
            Assert.Same(connection.BaseObject, Assert.Single(engine.Run("Get-ScanProviderConnection -Name inv").ThrowIfFailed().Output).BaseObject);
        }

        [Theory]
        [InlineData("-SecretName Missing -Vault RunbookVault", "SecretNotFound", ErrorCategory.ObjectNotFound,
            "SecretManagement could not read the secret 'Missing' from vault 'RunbookVault': The secret Missing was not found.")]
        [InlineData("-SecretName Blank", "SecretNotFound", ErrorCategory.ObjectNotFound,
            "SecretManagement returned nothing for the secret 'Blank'.")]
        [InlineData("-SecretName Settings", "UnsupportedSecretType", ErrorCategory.InvalidData,
            "The secret 'Settings' is a Hashtable; ScanPS needs a SecureString, a string or a PSCredential.")]
        public void A_secret_that_cannot_be_used_is_a_typed_error_with_nothing_stored_or_sent(string secret, string errorId, ErrorCategory category, string message)
        {
            using var engine = EngineWithVault();
            int before = Sandbox.RequestCount;

            var result = engine.Run("Connect-ScanProvider -Provider HostedScan " + secret + " -BaseUri $args[0]", Sandbox.BaseUri("HostedScan"));

            var error = result.SingleError();
            Assert.Equal(errorId + ErrorIdSuffix, error.FullyQualifiedErrorId);
            Assert.Equal(category, error.CategoryInfo.Category);
            Assert.Equal(message, error.ErrorDetails?.Message ?? error.Exception.Message);
            Assert.Empty(result.Output);
            Assert.Equal(before, Sandbox.RequestCount);
            Assert.Empty(engine.Run("Get-ScanProviderConnection").ThrowIfFailed().Output);
        }

        [Fact]
        public void Without_SecretManagement_the_error_is_SecretManagementNotInstalled_with_no_stray_output()
        {
            using var engine = new Engine();
            Assert.Empty(engine.Run("Get-Module -ListAvailable -Name Microsoft.PowerShell.SecretManagement").ThrowIfFailed().Output); // this machine has none
            int before = Sandbox.RequestCount;

            var result = engine.Run("Connect-ScanProvider -Provider HostedScan -SecretName HostedScanApiKey -BaseUri $args[0]", Sandbox.BaseUri("HostedScan"));

            var error = result.SingleError();
            Assert.Equal("SecretManagementNotInstalled" + ErrorIdSuffix, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.NotInstalled, error.CategoryInfo.Category);
            Assert.Equal("-SecretName needs the Microsoft.PowerShell.SecretManagement module, which is not installed.", error.ErrorDetails?.Message ?? error.Exception.Message);
            Assert.Equal("Install-PSResource Microsoft.PowerShell.SecretManagement, or pass -ApiKey / -Credential.", error.ErrorDetails?.RecommendedAction);
            Assert.Empty(result.Output);
            Assert.Empty(result.Warnings);
            Assert.Equal(before, Sandbox.RequestCount);
            Assert.Empty(engine.Run("Get-ScanProviderConnection").ThrowIfFailed().Output);
        }

        [Fact]
        public void A_name_taken_by_another_provider_is_refused_before_the_secret_is_read_or_the_credential_checked()
        {
            using var engine = Sandbox.Connect(EngineWithVault(), "Probely");
            engine.Run("Connect-ScanProvider -Provider Probely -Name shared -ApiKey $ScanPSKey -BaseUri $args[0] -SkipValidation", Sandbox.BaseUri("Probely")).ThrowIfFailed();
            int before = Sandbox.RequestCount;

            var fromSecret = engine.Run("Connect-ScanProvider -Provider HostedScan -Name shared -SecretName HostedScanApiKey -BaseUri $args[0]", Sandbox.BaseUri("HostedScan"));
            var fromKey = engine.Run("Connect-ScanProvider -Provider HostedScan -Name SHARED -ApiKey $ScanPSKey -BaseUri $args[0]", Sandbox.BaseUri("HostedScan"));

            foreach (var (result, name) in new[] { (fromSecret, "shared"), (fromKey, "SHARED") })
            {
                var error = result.SingleError();
                Assert.Equal("ConnectionNameInUse" + ErrorIdSuffix, error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
                Assert.Equal("The connection name '" + name + "' is already used by a Probely connection. Connection names are unique in the session.", error.ErrorDetails?.Message ?? error.Exception.Message);
                Assert.Empty(result.Output);
            }

            Assert.Equal(before, Sandbox.RequestCount);
            Assert.Empty(StandInCalls(engine));
            var names = engine.Run("Get-ScanProviderConnection | ForEach-Object { $_.Provider + '/' + $_.Name }").ThrowIfFailed().Output.Select(o => (string)o.BaseObject);
            Assert.Equal(new[] { "Probely/Probely", "Probely/shared" }, names);
        }

        private static string[] StandInCalls(Engine engine) =>
            engine.Run("Get-StandInSecretCall").ThrowIfFailed().Output.Select(o => (string)o.BaseObject).ToArray();

        private static void AssertSecretsNotShown(Engine engine, EngineResult result)
        {
            var shown = result.Output.Select(o => o.ToString())
                .Concat(result.Warnings).Concat(result.Verbose).Concat(result.Debug).Concat(result.Information)
                .Concat(result.Errors.Select(e => e.ToString()))
                .Append(engine.Host.Console)
                .ToList();
            foreach (string secret in new[] { VaultKey, InvictiToken })
            {
                Assert.DoesNotContain(shown, text => text.Contains(secret, StringComparison.Ordinal));
            }

            Assert.DoesNotContain(result.Output, o => o.BaseObject is System.Security.SecureString || o.BaseObject is PSCredential);
        }

        /// <summary>The sandbox, with the vault's keys accepted, and the stand-in module written to a temporary folder.</summary>
        public sealed class Fixture : IAsyncLifetime
        {
            private readonly string _folder = Path.Combine(Path.GetTempPath(), "ScanPS.EngineTests." + Guid.NewGuid().ToString("N"));

            public Sandbox Sandbox { get; private set; } = null!;

            public string StandInManifest => Path.Combine(_folder, "Microsoft.PowerShell.SecretManagement", "Microsoft.PowerShell.SecretManagement.psd1");

            public async Task InitializeAsync()
            {
                Sandbox = await Sandbox.StartAsync();
                Sandbox.HostedScan.ValidApiKeys.Add(VaultKey);
                Sandbox.Invicti.Credentials["sm-user-id"] = InvictiToken;
                StandInSecretManagement.Write(Path.GetDirectoryName(StandInManifest)!);
            }

            public async Task DisposeAsync()
            {
                await Sandbox.DisposeAsync();
                try
                {
                    Directory.Delete(_folder, recursive: true);
                }
                catch (IOException)
                {
                    // A runspace may still hold the file; the temporary folder is left for the system to clean.
                }
            }
        }
    }
}
