using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ScanPS.Http
{
    /// <summary>
    /// The handler beneath each vendor's Refit client: Refit builds the message from the interface (route, query, body);
    /// this hands it to <see cref="VendorHttpClient"/>, which sends it through ScanPS's one pipeline (auth, Polly time-outs
    /// and retries, Retry-After, the redacted request log, vendor errors as ScanPS error ids) over the shared pooled
    /// HttpClient. Each attempt sends a fresh copy of the message, so a retried request goes out byte for byte the same.
    /// </summary>
    internal sealed class VendorTransportHandler : HttpMessageHandler
    {
        private readonly VendorHttpClient _owner;

        public VendorTransportHandler(VendorHttpClient owner)
        {
            _owner = owner;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
        {
            var request = Describe(message) ?? new VendorRequest(RequestKind.Read);
            request.Method = message.Method;
            request.RelativeUri = Relative(message.RequestUri!);
            if (message.Content != null) request.JsonBody = await message.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return await _owner.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The message's path and query relative to the session's base URI (Refit appends the route to it).</summary>
        private string Relative(Uri uri)
        {
            string absolute = uri.AbsoluteUri;
            string baseUri = _owner.BaseUri.AbsoluteUri;
            if (absolute.StartsWith(baseUri, StringComparison.Ordinal)) return absolute.Substring(baseUri.Length);
            throw new InvalidOperationException("Refit built " + absolute + ", outside the session's base URI " + baseUri + ".");
        }

        private static VendorRequest? Describe(HttpRequestMessage message)
        {
#if NET
            return message.Options.TryGetValue(new HttpRequestOptionsKey<VendorRequest>(VendorHttpClient.RequestProperty), out var request) ? request : null;
#else
            return message.Properties.TryGetValue(VendorHttpClient.RequestProperty, out var request) ? request as VendorRequest : null;
#endif
        }
    }
}
