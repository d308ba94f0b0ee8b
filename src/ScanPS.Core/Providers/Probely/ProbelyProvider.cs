using System;
using System.Net.Http;
using ScanPS.Auth;
using ScanPS.Http;

namespace ScanPS.Providers.Probely
{
    /// <summary>Probely: placeholder until its client exists; every call is a clear ProviderNotSupported error.</summary>
    public sealed class ProbelyProvider : ProviderDefinition
    {
        public override string Name => ProviderNames.Probely;

        public override Uri DefaultBaseUri(ProviderSessionOptions options) => throw NotSupportedYet();

        public override Action<HttpRequestMessage> Authorizer(ApiKeyCredential credential, ProviderSessionOptions options) => throw NotSupportedYet();

        public override object CreateClient(VendorHttpClient http, ProviderSessionOptions options, ApiKeyCredential credential) => throw NotSupportedYet();
    }
}
