using System;
using System.Security;
using ScanPS.Auth;
using ScanPS.Connections;
using ScanPS.Errors;
using ScanPS.Http;

namespace ScanPS.Providers
{
    /// <summary>What a cmdlet passes in to reach one provider: the raw parameter values, before resolution.</summary>
    public sealed class ProviderSessionOptions
    {
        public string Provider { get; set; } = string.Empty;
        public SecureString? ApiKey { get; set; }
        public SecureString? CredentialPassword { get; set; }
        public string? CredentialUserName { get; set; }
        public Uri? BaseUri { get; set; }
        public Func<string, string?> GetEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;
        public HttpSettings Settings { get; set; } = HttpSettings.Default;

        public NetworkSettings Network { get; set; } = NetworkSettings.Default;

        /// <summary>ProjectDiscovery team (X-Team-Id); null means the provider's environment variables, then none.</summary>
        public string? TeamId { get; set; }

        /// <summary>Regional host name for vendors that have regions (Probely: Default, EU, US, AU); null means default.</summary>
        public string? Region { get; set; }

        /// <summary>-Connection: its credential and settings apply unless a parameter of the command overrides them.</summary>
        public ScanProviderConnection? Connection { get; set; }

        /// <summary>
        /// The provider's default session connection, used when no -Connection is given: all of it, or, with -ApiKey or
        /// -Credential, all of it but the secret.
        /// </summary>
        public ScanProviderConnection? DefaultConnection { get; set; }

        /// <summary>
        /// For commands that ask ShouldProcess before sending (New-Scan, Start-ScanFromScan, New-ScheduledScanBulk):
        /// when no credential is given anywhere, open the session anyway so -WhatIf can answer; the first request then
        /// fails with the usual NoCredentialResolved error. A credential that is given but unusable is still an error here.
        /// </summary>
        public bool DeferMissingCredential { get; set; }

        /// <summary>
        /// Fills what the command did not give from the connection that applies (-Connection, else the default one) and
        /// returns that connection, or null. -ApiKey or -Credential replace only the connection's secret: its base URI,
        /// region, team, proxy, certificate check, time-out and retries still apply (a sandbox stays a sandbox).
        /// </summary>
        public ScanProviderConnection? ApplyConnection()
        {
            var connection = Connection ?? DefaultConnection;
            if (connection == null) return null;
            if (connection.Removed)
            {
                throw new ScanPSError(
                    ErrorIds.ConnectionRemoved,
                    ScanPSErrorCategory.InvalidOperation,
                    "The " + connection.Provider + " connection '" + connection.Name + "' was removed with Disconnect-ScanProvider.",
                    connection.Name)
                { RecommendedAction = "Run Connect-ScanProvider again, or pass another connection." }.ToException();
            }

            if (!string.Equals(connection.Provider, Provider, StringComparison.OrdinalIgnoreCase))
            {
                throw new ScanPSError(
                    ErrorIds.ConnectionProviderMismatch,
                    ScanPSErrorCategory.InvalidArgument,
                    "The connection '" + connection.Name + "' is for " + connection.Provider + ", not " + Provider + ".",
                    connection.Name)
                { RecommendedAction = "Pass a " + Provider + " connection (Get-ScanProviderConnection -Provider " + Provider + ")." }.ToException();
            }

            // A -Region given on the command names the vendor's regional host: it wins over the connection's base URI.
            if (Region == null) BaseUri ??= connection.BaseUri;
            Region ??= connection.Region;
            TeamId ??= connection.TeamId;
            if (connection.Proxy != null || connection.SkipCertificateCheck)
            {
                Network = new NetworkSettings
                {
                    SkipCertificateCheck = Network.SkipCertificateCheck || connection.SkipCertificateCheck,
                    Proxy = connection.Proxy,
                    ProxyCredential = connection.ProxyCredential,
                    ProxyUseDefaultCredentials = connection.ProxyUseDefaultCredentials,
                    CredentialOwner = connection.Identity,
                };
            }

            if (connection.TimeoutSec.HasValue || connection.MaximumRetryCount.HasValue)
            {
                Settings = new HttpSettings
                {
                    AttemptTimeout = connection.TimeoutSec.HasValue ? TimeSpan.FromSeconds(connection.TimeoutSec.Value) : Settings.AttemptTimeout,
                    TotalTimeout = Settings.TotalTimeout,
                    MaxRetries = connection.MaximumRetryCount ?? Settings.MaxRetries,
                    BaseDelay = Settings.BaseDelay,
                    MaxDelay = Settings.MaxDelay,
                    MaxRetryAfter = Settings.MaxRetryAfter,
                };
            }

            return connection;
        }
    }

    /// <summary>
    /// A resolved provider: base URI, credential and the vendor client, opened once per provider per cmdlet
    /// invocation. The factory (like PSResourceGet's ServerFactory) picks the one implementation per vendor.
    /// </summary>
    public sealed class ProviderSession
    {
        private readonly object _client;

        private ProviderSession(ProviderDefinition definition, Uri baseUri, ApiKeyCredential? credential, RequestLog log, object client)
        {
            Definition = definition;
            Provider = definition.Name;
            BaseUri = baseUri;
            Credential = credential;
            Log = log;
            _client = client;
        }

        /// <summary>Everything that is true of the vendor (its vocabulary, paging facts, capabilities).</summary>
        public ProviderDefinition Definition { get; }

        public string Provider { get; }

        public Uri BaseUri { get; }

        /// <summary>The resolved credential; null only for a session opened with DeferMissingCredential and no credential anywhere.</summary>
        public ApiKeyCredential? Credential { get; }

        public RequestLog Log { get; }

        /// <summary>The ShouldProcess target, e.g. "HostedScan (https://api.hostedscan.com/)".</summary>
        public string Display => Provider + " (" + BaseUri + ")";

        public static ProviderSession Open(ProviderSessionOptions options, RequestLog log)
        {
            var definition = ProviderDefinition.Get(options.Provider);
            string provider = definition.Name;
            options.Provider = provider;
            var connection = options.ApplyConnection();
            var baseUri = BaseUriPolicy.Resolve(provider, options.BaseUri, definition.DefaultBaseUri(options), options.GetEnvironmentVariable, definition.ApiRoot);
            var defaultCredential = connection != null && options.Connection == null ? connection.Credential : null;
            if (options.DeferMissingCredential &&
                CredentialResolver.NoneGiven(definition.Credential, options.ApiKey, options.CredentialPassword, options.Connection?.Credential, defaultCredential, options.GetEnvironmentVariable))
            {
                var missing = CredentialResolver.NothingFound(definition.Credential);
                log.Verbose("No " + provider + " credential is set: nothing can be sent to " + baseUri + " (what -WhatIf shows still works).");
                var pending = new VendorHttpClient(provider, baseUri, _ => throw missing, log, options.Settings, options.Network) { Advice = ProviderAdvice.For(definition) };
                return new ProviderSession(definition, baseUri, null, log, definition.OpenClient(pending, options, null));
            }

            var credential = CredentialResolver.Resolve(
                definition.Credential,
                options.ApiKey,
                options.CredentialPassword,
                options.CredentialUserName,
                options.Connection?.Credential,
                defaultCredential,
                options.GetEnvironmentVariable);
            foreach (var redaction in definition.Redactions(credential)) log.AddRedaction(redaction);
            RedactProxyPassword(options.Network, log);
            log.Verbose("Using " + provider + " at " + baseUri + " with the " + credential + ".");
            var http = new VendorHttpClient(provider, baseUri, definition.Authorizer(credential, options), log, options.Settings, options.Network) { Advice = ProviderAdvice.For(definition) };
            return new ProviderSession(definition, baseUri, credential, log, definition.OpenClient(http, options, credential));
        }

        /// <summary>The proxy password (-ProxyCredential) never prints either: as is, encoded, or in a Basic Proxy-Authorization value.</summary>
        private static void RedactProxyPassword(NetworkSettings network, RequestLog log)
        {
            string? password = network.ProxyCredential?.Password;
            if (string.IsNullOrEmpty(password)) return;
            log.AddRedaction(SecretPattern.Redaction(password));
            log.AddRedaction(SecretPattern.Redaction(network.ProxyCredential!.UserName + ":" + password));
        }

        /// <summary>Get-Scan's reader; ProviderNotSupported when the vendor has none.</summary>
        public IScanReader ScanReader(string commandName) => Capability<IScanReader>(commandName);

        /// <summary>New-Scan's creator; ProviderNotSupported when the vendor has none.</summary>
        public IScanCreator ScanCreator(string commandName) => Capability<IScanCreator>(commandName);

        /// <summary>Start-ScanFromScan's relauncher; ProviderNotSupported when the vendor has none.</summary>
        public IScanRelauncher ScanRelauncher(string commandName) => Capability<IScanRelauncher>(commandName);

        /// <summary>New-ScheduledScanBulk's creator; ProviderNotSupported when the vendor has none.</summary>
        public IScheduledScanCreator ScheduledScanCreator(string commandName) => Capability<IScheduledScanCreator>(commandName);

        /// <summary>Get-ScanFinding's reader; ProviderNotSupported when the vendor has none.</summary>
        public IFindingReader FindingReader(string commandName) => Capability<IFindingReader>(commandName);

        /// <summary>Connect-ScanProvider's credential check; ProviderNotSupported when the vendor has none.</summary>
        public IConnectionValidator ConnectionValidator(string commandName) => Capability<IConnectionValidator>(commandName);

        private T Capability<T>(string commandName) where T : class =>
            Definition.Supports(typeof(T)) && _client is T capability ? capability : throw Definition.NotSupported(commandName);
    }
}
