using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using System.Threading;
using ScanPS.Http;
using ScanPS.Operations;
using ScanPS.Providers;

namespace ScanPS.Commands
{
    /// <summary>
    /// What every ScanPS cmdlet shares: credential parameters, one session per provider per invocation,
    /// Ctrl+C cancellation, and the translation of ScanPS errors into ErrorRecords. Cmdlets only adapt;
    /// the logic lives in ScanPS.Core.
    /// </summary>
    public abstract class ScanPSCmdlet : PSCmdlet, IDisposable
    {
        private readonly Dictionary<string, ProviderSession> _sessions = new Dictionary<string, ProviderSession>(StringComparer.OrdinalIgnoreCase);
        private CancellationTokenSource? _cancellation;
        private CmdletHost? _host;

        /// <summary>The vendor API key. Never a plain string: use Read-Host -AsSecureString or a SecretManagement vault.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? ApiKey { get; set; }

        /// <summary>A credential whose password is the API key (the user name is ignored where the vendor has none).</summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

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

        internal bool DebugRequested
        {
            get
            {
                if (MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && debug is SwitchParameter s) return s.IsPresent;
                return GetVariableValue("DebugPreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue;
            }
        }

        protected ICommandHost CommandHost => _host ?? throw new InvalidOperationException("BeginProcessing has not run.");

        protected override void BeginProcessing()
        {
            _cancellation = new CancellationTokenSource();
            _host = new CmdletHost(this, _cancellation.Token);
        }

        /// <summary>Ctrl+C: cancel the in-flight request; the operation ends on its own thread.</summary>
        protected override void StopProcessing() => _cancellation?.Cancel();

        protected override void EndProcessing() => Dispose();

        public void Dispose()
        {
            _cancellation?.Dispose();
            _cancellation = null;
        }

        /// <summary>The effective parameter set for the provider, or a terminating error before any request.</summary>
        protected string ResolveParameterSet(string commandName, string provider) =>
            Guard(() => CmdletMetadata.RulesFor(GetType(), commandName).Resolve(provider, ParameterSetName, MyInvocation.BoundParameters.Keys));

        /// <summary>Opens (once per provider per invocation) the provider's session: base URI, credential, client.</summary>
        protected ProviderSession Session(string provider) => Guard(() =>
        {
            if (_sessions.TryGetValue(provider, out var session)) return session;
            var options = new ProviderSessionOptions
            {
                Provider = provider,
                ApiKey = ApiKey,
                CredentialPassword = Credential?.Password,
                CredentialUserName = Credential?.UserName,
                BaseUri = BaseUri,
                Network = SkipCertificateCheck.IsPresent ? new NetworkSettings { SkipCertificateCheck = true } : NetworkSettings.Default,
            };
            ConfigureSession(options);
            var log = new RequestLog(DebugRequested);
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
                WriteWarning("-SkipCertificateCheck: the certificate of " + session.BaseUri.Host + " is not checked for this command. Anyone on the network path could read the " + provider + " credential.");
            }

            _sessions[provider] = session;
            return session;
        });

        /// <summary>Lets a command add its provider-specific connection options (a team id, a region).</summary>
        protected virtual void ConfigureSession(ProviderSessionOptions options)
        {
        }

        /// <summary>Runs an operation; ScanPS errors that reach here end the command (ThrowTerminatingError).</summary>
        protected void Run(Action<ICommandHost> operation) => Guard(() =>
        {
            operation(CommandHost);
            return true;
        });

        private T Guard<T>(Func<T> action)
        {
            try
            {
                return action();
            }
            catch (ScanPSException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex.Error));
                throw; // not reached: ThrowTerminatingError always throws
            }
            catch (OperationCanceledException) when (_cancellation?.IsCancellationRequested == true)
            {
                throw new PipelineStoppedException();
            }
        }
    }
}
