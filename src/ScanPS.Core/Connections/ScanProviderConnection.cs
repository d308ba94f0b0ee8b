using System;
using System.Net;
using ScanPS.Auth;

namespace ScanPS.Connections
{
    /// <summary>
    /// A provider connection stored by Connect-ScanProvider for the current PowerShell session (runspace):
    /// credential, address and network settings, so commands need no credential parameters.
    /// The secrets are internal fields: they are not properties, so they never show in Format-List *,
    /// ConvertTo-Json or Export-Clixml; only a masked hint of the key is public.
    /// </summary>
    public sealed class ScanProviderConnection
    {
        internal ScanProviderConnection(string provider, string name, ApiKeyCredential credential)
        {
            Provider = provider;
            Name = name;
            Credential = credential;
            CredentialSource = credential.Source;
            UserName = credential.UserName;
            KeyHint = credential.Hint();
        }

        public string Provider { get; }

        /// <summary>Unique in the session; -Connection accepts it.</summary>
        public string Name { get; }

        /// <summary>True for the connection that commands of this provider use when no -Connection is given.</summary>
        public bool IsDefault { get; internal set; }

        /// <summary>The API address; null means the environment variable SCANPS_&lt;PROVIDER&gt;_BASE_URI or the vendor's host.</summary>
        public Uri? BaseUri { get; internal set; }

        /// <summary>Probely's regional host (Default, EU, US, AU); null elsewhere.</summary>
        public string? Region { get; internal set; }

        /// <summary>ProjectDiscovery team id (sent as X-Team-Id); null elsewhere or when not set.</summary>
        public string? TeamId { get; internal set; }

        /// <summary>The user name paired with the secret (Invicti's API user id); not a secret.</summary>
        public string? UserName { get; }

        /// <summary>Where the secret came from, e.g. "connection 'prod' (the -ApiKey parameter)" or "connection 'prod' (secret 'hs-key' in vault 'ci')".</summary>
        public string CredentialSource { get; }

        /// <summary>A masked hint such as "****wxyz" (never more than the last four characters of a long key).</summary>
        public string KeyHint { get; }

        /// <summary>The proxy every request goes through; null means the system proxy settings.</summary>
        public Uri? Proxy { get; internal set; }

        /// <summary>The proxy user name when -ProxyCredential was given (the password is never shown).</summary>
        public string? ProxyUserName { get; internal set; }

        public bool ProxyUseDefaultCredentials { get; internal set; }

        public bool SkipCertificateCheck { get; internal set; }

        /// <summary>Seconds one HTTP attempt may take; null means the default (100).</summary>
        public int? TimeoutSec { get; internal set; }

        /// <summary>Retries after a failed read; null means the default (4).</summary>
        public int? MaximumRetryCount { get; internal set; }

        /// <summary>True when Connect-ScanProvider checked the credential with the vendor.</summary>
        public bool Validated { get; internal set; }

        public DateTimeOffset ConnectedAt { get; internal set; } = DateTimeOffset.Now;

        internal ApiKeyCredential Credential { get; }

        /// <summary>Set by Disconnect-ScanProvider: a removed connection object can no longer be used.</summary>
        internal bool Removed { get; set; }

        internal NetworkCredential? ProxyCredential { get; set; }

        /// <summary>Distinguishes connections in the HttpClient cache when they carry their own proxy credential.</summary>
        internal Guid Identity { get; } = Guid.NewGuid();

        /// <summary>Disposes the HttpClient kept for this connection's proxy credential (nothing else can use it).</summary>
        internal void ReleaseNetwork()
        {
            if (ProxyCredential != null) Http.HttpClientCache.ReleaseOwnedBy(Identity);
        }

        public override string ToString() => Provider + " connection '" + Name + "' (" + KeyHint + ")";
    }
}
