using System;
using System.Net.Http;
using ScanPS.Auth;
using ScanPS.Http;

namespace ScanPS.Providers.HostedScan
{
    /// <summary>HostedScan: one host, X-HOSTEDSCAN-API-KEY header.</summary>
    public sealed class HostedScanProvider : ProviderDefinition
    {
        public override string Name => ProviderNames.HostedScan;

        public override Uri DefaultBaseUri(ProviderSessionOptions options) => HostedScanClient.DefaultBaseUri;

        public override Action<HttpRequestMessage> Authorizer(ApiKeyCredential credential, ProviderSessionOptions options) =>
            HostedScanClient.Authorizer(credential);

        public override object CreateClient(VendorHttpClient http, ProviderSessionOptions options, ApiKeyCredential? credential) =>
            new HostedScanClient(http);

        public override void ValidateListQuery(ScanListQuery query) => HostedScanClient.FiltersQuery(query);
    }
}
