using System;
using System.Net;

namespace ScanPS.Http
{
    /// <summary>
    /// How one provider session reaches the network. Sessions with equal settings share a pooled HttpClient;
    /// different settings get their own handler, so a setting never leaks to another session or the process.
    /// </summary>
    public sealed class NetworkSettings
    {
        public static readonly NetworkSettings Default = new NetworkSettings();

        /// <summary>Accept any server certificate on this session's handler only (never ServicePointManager).</summary>
        public bool SkipCertificateCheck { get; set; }

        /// <summary>Send every request through this proxy; null means the system proxy settings.</summary>
        public Uri? Proxy { get; set; }

        /// <summary>Credential for <see cref="Proxy"/> (answers its 407 challenge).</summary>
        public NetworkCredential? ProxyCredential { get; set; }

        /// <summary>Answer the proxy's challenge with the current Windows user (Kerberos/NTLM).</summary>
        public bool ProxyUseDefaultCredentials { get; set; }

        /// <summary>
        /// Owner of <see cref="ProxyCredential"/> (a connection id): sessions with different proxy credentials never
        /// share a handler, and the cache key never contains the password.
        /// </summary>
        public Guid? CredentialOwner { get; set; }

        /// <summary>Part of the HttpClientCache key: equal settings, equal key.</summary>
        internal string CacheKey =>
            (SkipCertificateCheck ? "|insecure" : string.Empty) +
            (Proxy != null ? "|proxy=" + Proxy.AbsoluteUri : string.Empty) +
            (ProxyUseDefaultCredentials ? "|proxy-default-credentials" : string.Empty) +
            (ProxyCredential != null
                ? (CredentialOwner.HasValue
                    ? CredentialKey(CredentialOwner.Value)
                    : "|proxy-credential=" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(ProxyCredential).ToString(System.Globalization.CultureInfo.InvariantCulture))
                : string.Empty);

        /// <summary>The last part of the cache key of every client that uses the proxy credential of connection <paramref name="owner"/>.</summary>
        internal static string CredentialKey(Guid owner) => "|proxy-credential=" + owner.ToString("N");

        /// <summary>The web proxy for the handler, or null for the system settings.</summary>
        internal IWebProxy? CreateProxy()
        {
            if (Proxy == null) return null;
            return new WebProxy(Proxy)
            {
                // Loopback is not bypassed: a proxy given explicitly is used for every request.
                BypassProxyOnLocal = false,
                UseDefaultCredentials = ProxyUseDefaultCredentials && ProxyCredential == null,
                Credentials = ProxyCredential ?? (ProxyUseDefaultCredentials ? CredentialCache.DefaultCredentials : null),
            };
        }
    }
}
