using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Security;
using ScanPS.Completers;
using ScanPS.Connections;
using ScanPS.Errors;
using ScanPS.Operations;

namespace ScanPS.Commands
{
    /// <summary>
    /// Connect-ScanProvider: stores a provider connection (credential, address, proxy, TLS and retry settings) for
    /// the current session, after checking the credential with the vendor's cheapest read call.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "ScanProvider", DefaultParameterSetName = ApiKeySet)]
    [OutputType(typeof(ScanProviderConnection))]
    public sealed class ConnectScanProviderCommand : ScanPSCommandBase
    {
        public const string ApiKeySet = "ApiKey";
        public const string CredentialSet = "Credential";
        public const string SecretSet = "Secret";

        /// <summary>The scanning service.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateProvider]
        [ArgumentCompleter(typeof(KnownValuesCompleter))]
        public string Provider { get; set; } = string.Empty;

        /// <summary>The connection's name, unique in the session (default: the provider name).</summary>
        [Parameter(Position = 1)]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The API key (when omitted with no -Credential or -SecretName, the environment variables are read).</summary>
        [Parameter(ParameterSetName = ApiKeySet)]
        [ValidateNotNull]
        public SecureString? ApiKey { get; set; }

        /// <summary>A credential whose password is the key (Invicti: user name = API user id, password = API token).</summary>
        [Parameter(ParameterSetName = CredentialSet, Mandatory = true)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <summary>The name of a SecretManagement secret holding the key (a SecureString, string or PSCredential).</summary>
        [Parameter(ParameterSetName = SecretSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? SecretName { get; set; }

        /// <summary>The SecretManagement vault of -SecretName (default: the default vault).</summary>
        [Parameter(ParameterSetName = SecretSet)]
        [ValidateNotNullOrEmpty]
        public string? Vault { get; set; }

        /// <summary>The API address (EU host, on-premises server, sandbox).</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        /// <summary>Probely's regional host; a key works only in its own region.</summary>
        [Parameter]
        [ValidateRegion]
        [ArgumentCompleter(typeof(KnownValuesCompleter))]
        public string? Region { get; set; }

        /// <summary>ProjectDiscovery team id, sent as X-Team-Id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TeamId { get; set; }

        /// <summary>Send every request of this connection through this proxy (default: the system proxy settings).</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        /// <summary>Credential for -Proxy.</summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>Sign in to -Proxy as the current Windows user.</summary>
        [Parameter]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        /// <summary>Accept any TLS certificate, on this connection only; warns each time it is used.</summary>
        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>Seconds one HTTP attempt may take (default 100).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; }

        /// <summary>Retries after a failed read or a 429 (default 4).</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaximumRetryCount { get; set; }

        /// <summary>Store the connection without checking the credential with the vendor.</summary>
        [Parameter]
        public SwitchParameter SkipValidation { get; set; }

        /// <summary>Make this the provider's default connection (the first connection of a provider is its default anyway).</summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        /// <summary>Write the connection object to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var request = new ConnectRequest
            {
                Provider = Provider,
                Name = Name,
                ApiKey = ApiKey,
                CredentialPassword = Credential?.Password,
                CredentialUserName = Credential?.UserName,
                BaseUri = BaseUri,
                Region = Region,
                TeamId = TeamId,
                Proxy = Proxy,
                ProxyCredential = ProxyCredential?.GetNetworkCredential(),
                ProxyUseDefaultCredentials = ProxyUseDefaultCredentials.IsPresent,
                SkipCertificateCheck = SkipCertificateCheck.IsPresent,
                TimeoutSec = MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec)) ? TimeoutSec : (int?)null,
                MaximumRetryCount = MyInvocation.BoundParameters.ContainsKey(nameof(MaximumRetryCount)) ? MaximumRetryCount : (int?)null,
                SkipValidation = SkipValidation.IsPresent,
                MakeDefault = Default.IsPresent,
            };
            if (ParameterSetName == SecretSet) request.ReadSecret = ReadSecret;
            if (SkipCertificateCheck.IsPresent)
            {
                WriteWarning("-SkipCertificateCheck: the " + Provider + " connection '" + (Name ?? Provider) + "' will not check the server's certificate. Anyone on the network path could read the credential.");
            }

            Run(host =>
            {
                var connection = ConnectionOperations.Connect(host, ConnectionStores.Current, request);
                host.WriteVerbose("Stored " + connection + (connection.IsDefault ? " as the " + connection.Provider + " default" : string.Empty) +
                    (connection.Validated ? "; the credential was accepted." : "; the credential was not checked."));
                if (PassThru.IsPresent) host.WriteObject(connection);
            });
        }

        /// <summary>
        /// Reads -SecretName through Microsoft.PowerShell.SecretManagement when it is imported or installed (no hard
        /// dependency). The script's output comes back here (PipelineResultTypes.None), never to the caller's pipeline.
        /// </summary>
        private void ReadSecret(ConnectRequest request)
        {
            const string Script = @"
param($Name, $Vault)
if (-not (Get-Module -Name Microsoft.PowerShell.SecretManagement) -and -not (Get-Module -ListAvailable -Name Microsoft.PowerShell.SecretManagement)) { return [pscustomobject]@{ ScanPSSecretManagementMissing = $true } }
$arguments = @{ Name = $Name; ErrorAction = 'Stop' }
if ($Vault) { $arguments.Vault = $Vault }
Microsoft.PowerShell.SecretManagement\Get-Secret @arguments";
            System.Collections.ObjectModel.Collection<PSObject> results;
            try
            {
                // None: the results come back as the collection; Output would write them (the secret included) to this command's pipeline.
                results = InvokeCommand.InvokeScript(Script, true, PipelineResultTypes.None, new object[0], SecretName, Vault);
            }
            catch (RuntimeException ex)
            {
                // -ErrorAction Stop wraps Get-Secret's error ("The running command stopped because..."): show the error itself.
                string reason = ex.ErrorRecord?.ToString() ?? ex.Message;
                throw new ScanPSError(
                    ErrorIds.SecretNotFound,
                    ScanPSErrorCategory.ObjectNotFound,
                    "SecretManagement could not read the secret '" + SecretName + "'" + (Vault == null ? string.Empty : " from vault '" + Vault + "'") + ": " + reason,
                    SecretName)
                { RecommendedAction = "Check the name with Get-SecretInfo" + (Vault == null ? string.Empty : " -Vault " + Vault) + "." }.ToException();
            }

            var first = results?.FirstOrDefault(r => r != null);
            if (first != null && first.Properties["ScanPSSecretManagementMissing"] != null)
            {
                throw new ScanPSError(
                    ErrorIds.SecretManagementNotInstalled,
                    ScanPSErrorCategory.NotInstalled,
                    "-SecretName needs the Microsoft.PowerShell.SecretManagement module, which is not installed.",
                    SecretName)
                { RecommendedAction = "Install-PSResource Microsoft.PowerShell.SecretManagement, or pass -ApiKey / -Credential." }.ToException();
            }

            object? secret = first?.BaseObject;
            if (secret == null)
            {
                throw new ScanPSError(
                    ErrorIds.SecretNotFound,
                    ScanPSErrorCategory.ObjectNotFound,
                    "SecretManagement returned nothing for the secret '" + SecretName + "'.",
                    SecretName)
                { RecommendedAction = "Check the name with Get-SecretInfo." }.ToException();
            }

            request.SecretSource = "secret '" + SecretName + "'" + (Vault == null ? string.Empty : " in vault '" + Vault + "'");
            switch (secret)
            {
                case SecureString secure:
                    request.ApiKey = secure;
                    break;
                case PSCredential credential:
                    request.CredentialPassword = credential.Password;
                    request.CredentialUserName = credential.UserName;
                    break;
                case string plain:
                    request.ApiKey = Auth.ApiKeyCredential.ToSecureString(plain);
                    break;
                default:
                    throw new ScanPSError(
                        ErrorIds.UnsupportedSecretType,
                        ScanPSErrorCategory.InvalidData,
                        "The secret '" + SecretName + "' is a " + secret.GetType().Name + "; ScanPS needs a SecureString, a string or a PSCredential.",
                        SecretName).ToException();
            }
        }
    }
}
