using System;
using System.Net.Http;
using ScanPS.Auth;
using ScanPS.Http;

namespace ScanPS.Providers.Probely
{
    /// <summary>Probely: regional hosts (-Region), no API path prefix, "Authorization: JWT &lt;key&gt;".</summary>
    public sealed class ProbelyProvider : ProviderDefinition
    {
        public override string Name => ProviderNames.Probely;

        /// <summary>Probely paths start at the host root (/scheduledscans/bulk/): nothing to trim from -BaseUri.</summary>
        public override string ApiRoot => string.Empty;

        public override Uri DefaultBaseUri(ProviderSessionOptions options) => ProbelyRegions.BaseUri(ProbelyRegions.Parse(options.Region));

        public override Action<HttpRequestMessage> Authorizer(ApiKeyCredential credential, ProviderSessionOptions options) =>
            ProbelyClient.Authorizer(credential);

        public override object CreateClient(VendorHttpClient http, ProviderSessionOptions options, ApiKeyCredential? credential) =>
            new ProbelyClient(http);
    }
}
