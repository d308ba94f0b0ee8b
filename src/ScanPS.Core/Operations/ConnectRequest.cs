using System;
using System.Net;
using System.Security;
using ScanPS.Http;

namespace ScanPS.Operations
{
    /// <summary>Connect-ScanProvider's input; a SecretManagement secret is read through <see cref="ReadSecret"/>.</summary>
    public sealed class ConnectRequest
    {
        public string Provider { get; set; } = string.Empty;

        /// <summary>Null means the provider's name.</summary>
        public string? Name { get; set; }

        public SecureString? ApiKey { get; set; }

        public SecureString? CredentialPassword { get; set; }

        public string? CredentialUserName { get; set; }

        /// <summary>Describes where the secret came from when it was not a parameter, e.g. "secret 'hs' (SecretManagement)".</summary>
        public string? SecretSource { get; set; }

        /// <summary>
        /// Reads -SecretName into <see cref="ApiKey"/> or the credential fields (and sets <see cref="SecretSource"/>).
        /// Called after the input and the connection name are checked, so a refused request never opens a vault.
        /// </summary>
        public Action<ConnectRequest>? ReadSecret { get; set; }

        public Uri? BaseUri { get; set; }

        public string? Region { get; set; }

        public string? TeamId { get; set; }

        public Uri? Proxy { get; set; }

        public NetworkCredential? ProxyCredential { get; set; }

        public bool ProxyUseDefaultCredentials { get; set; }

        public bool SkipCertificateCheck { get; set; }

        public int? TimeoutSec { get; set; }

        public int? MaximumRetryCount { get; set; }

        public bool SkipValidation { get; set; }

        public bool MakeDefault { get; set; }

        public Func<string, string?> GetEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;

        /// <summary>Retry and timeout defaults (tests shorten them).</summary>
        public HttpSettings Settings { get; set; } = HttpSettings.Default;
    }
}
