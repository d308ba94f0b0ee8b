using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using ScanPS.Connections;
using ScanPS.Http;
using ScanPS.Operations;
using ScanPS.Providers;

namespace ScanPS.Commands
{
    /// <summary>
    /// The base of the commands that call a vendor: credential and connection parameters, and one session per
    /// provider per invocation, resolved in the documented order (about_ScanPS_Authentication).
    /// </summary>
    public abstract class ScanPSCmdlet : ScanPSCommandBase
    {
        private readonly Dictionary<string, ProviderSession> _sessions = new Dictionary<string, ProviderSession>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The vendor API key. Never a plain string: use Read-Host -AsSecureString or a SecretManagement vault.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? ApiKey { get; set; }

        /// <summary>A credential whose password is the API key (the user name is ignored where the vendor has none).</summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <summary>A connection made by Connect-ScanProvider, or its name; used instead of the provider's default connection.</summary>
        [Parameter]
        [ConnectionTransformation]
        [ArgumentCompleter(typeof(Completers.ConnectionNameCompleter))]
        [ValidateNotNull]
        public ScanProviderConnection? Connection { get; set; }

        /// <summary>Overrides the vendor URL (a sandbox, a test server). Plain http only for loopback.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        /// <summary>
        /// Accept any TLS certificate (an on-premises server with an internal CA). Applies to this command's own
        /// connection to the vendor only, never to the process; a warning is written each time.
        /// </summary>
        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>
        /// The effective parameter set for the provider, or a terminating error before any request. Parameters bound
        /// to nothing do not count: PowerShell keeps a pipeline-bound name in BoundParameters, reset to null, for later
        /// records without that property (a HostedScan scan after a ProjectDiscovery team scan keeps "TeamId").
        /// </summary>
        protected string ResolveParameterSet(string commandName, string provider) =>
            Guard(() => CmdletMetadata.RulesFor(GetType(), commandName).Resolve(provider, ParameterSetName, MyInvocation.BoundParameters.Where(p => !IsNothing(p.Value)).Select(p => p.Key)));

        private static bool IsNothing(object? value) => value == null || (value is string text && text.Length == 0);

        /// <summary>Opens (once per provider and team/region per invocation) the provider's session: base URI, credential, client.</summary>
        protected ProviderSession Session(string provider) => Guard(() =>
        {
            var options = new ProviderSessionOptions
            {
                Provider = provider,
                ApiKey = ApiKey,
                CredentialPassword = Credential?.Password,
                CredentialUserName = Credential?.UserName,
                Connection = Connection,
                DefaultConnection = ConnectionStores.Current.Default(ProviderNames.Normalize(provider) ?? provider),
                BaseUri = BaseUri,
                Network = SkipCertificateCheck.IsPresent ? new NetworkSettings { SkipCertificateCheck = true } : NetworkSettings.Default,
            };
            options.DeferMissingCredential = AsksBeforeSending;
            ConfigureSession(options);
            // Piped ProjectDiscovery scans of different teams need a session each.
            string key = provider + "\n" + options.TeamId + "\n" + options.Region;
            if (_sessions.TryGetValue(key, out var session)) return session;
            var log = new RequestLog(DebugRequested);
            RedactWith(log);
            try
            {
                session = ProviderSession.Open(options, log);
            }
            finally
            {
                log.DrainTo(CommandHost);
            }

            if (options.Network.SkipCertificateCheck)
            {
                WriteWarning("-SkipCertificateCheck: the certificate of " + session.BaseUri.Host + " is not checked for this command. Anyone on the network path could read the " + session.Provider + " credential.");
            }

            _sessions[key] = session;
            return session;
        });

        /// <summary>
        /// True for commands that ask ShouldProcess before they send anything: without any credential they still
        /// answer -WhatIf, and report NoCredentialResolved when they would send.
        /// </summary>
        protected virtual bool AsksBeforeSending => false;

        /// <summary>Lets a command add its provider-specific connection options (a team id, a region).</summary>
        protected virtual void ConfigureSession(ProviderSessionOptions options)
        {
        }
    }
}
