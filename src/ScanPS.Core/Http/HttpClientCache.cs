using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading;

namespace ScanPS.Http
{
    /// <summary>
    /// One HttpClient per base address and network setting, shared by every cmdlet call in the process
    /// (thread-safe), so connections are pooled and reused instead of one socket per call.
    /// </summary>
    public static class HttpClientCache
    {
        private static readonly ConcurrentDictionary<string, Lazy<HttpClient>> Clients =
            new ConcurrentDictionary<string, Lazy<HttpClient>>(StringComparer.OrdinalIgnoreCase);

        public static readonly string UserAgent = "ScanPS/" + (typeof(HttpClientCache).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0");

        public static HttpClient Get(Uri baseUri, NetworkSettings? network = null)
        {
            network ??= NetworkSettings.Default;
            // The key is the origin (scheme, host, port) plus the network settings: a session that skips
            // certificate checks never shares a handler with one that does not.
            string key = baseUri.GetLeftPart(UriPartial.Authority) + network.CacheKey;
            return Clients.GetOrAdd(key, _ => new Lazy<HttpClient>(() => Create(network), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }

        /// <summary>
        /// Drops the clients only one connection can use (those keyed by its proxy credential) from the cache, when the
        /// connection is removed or replaced, or was refused at Connect, so a runbook that connects again and again
        /// does not keep a handler per attempt. They are not disposed: a command still running with that connection
        /// (a pipeline, a parallel runspace) holds its own reference and finishes; the handler and its idle
        /// connections are collected after that. Returns how many were dropped.
        /// </summary>
        internal static int ReleaseOwnedBy(Guid owner)
        {
            string suffix = NetworkSettings.CredentialKey(owner);
            int released = 0;
            foreach (var key in Clients.Keys)
            {
                if (key.EndsWith(suffix, StringComparison.Ordinal) && Clients.TryRemove(key, out _)) released++;
            }

            return released;
        }

        /// <summary>True when a client for this origin and these settings has been created and not released (for tests).</summary>
        internal static bool Holds(Uri baseUri, NetworkSettings network) =>
            Clients.ContainsKey(baseUri.GetLeftPart(UriPartial.Authority) + network.CacheKey);

        /// <summary>How many cached clients send through this proxy (for tests).</summary>
        internal static int CountUsingProxy(Uri proxy) =>
            Clients.Keys.Count(key => key.IndexOf("|proxy=" + proxy.AbsoluteUri, StringComparison.Ordinal) >= 0);

        private static HttpClient Create(NetworkSettings network)
        {
            var handler = new HttpClientHandler
            {
                // Never follow redirects: custom key headers (X-HOSTEDSCAN-API-KEY) would be replayed to the new host.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
            };
            var proxy = network.CreateProxy();
            if (proxy != null)
            {
                handler.Proxy = proxy;
                handler.UseProxy = true;
            }

            if (network.SkipCertificateCheck)
            {
                // This handler only; ServicePointManager and other sessions keep validating.
                handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true;
            }
            var client = new HttpClient(handler, disposeHandler: true)
            {
                // Timeouts belong to the Polly pipeline (per attempt and overall), not to HttpClient.
                Timeout = Timeout.InfiniteTimeSpan,
            };
            client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            return client;
        }
    }
}
