using System;
using System.Collections.Generic;
using System.Net.Http;
using ScanPS.Auth;
using ScanPS.Http;

namespace ScanPS.Providers.Invicti
{
    /// <summary>
    /// Invicti Enterprise: Basic auth with the API user id and token, paths under /api/1.0, one host per
    /// installation (US cloud by default; EU cloud or on-premises through -BaseUri / SCANPS_INVICTI_BASE_URI).
    /// </summary>
    public sealed class InvictiProvider : ProviderDefinition
    {
        public override string Name => ProviderNames.Invicti;

        /// <summary>So both https://host/ and https://host/api/1.0/ work as -BaseUri.</summary>
        public override string ApiRoot => InvictiClient.ApiRoot;

        public override Uri DefaultBaseUri(ProviderSessionOptions options) => InvictiClient.DefaultBaseUri;

        public override Action<HttpRequestMessage> Authorizer(ApiKeyCredential credential, ProviderSessionOptions options) =>
            InvictiClient.Authorizer(credential);

        public override object CreateClient(VendorHttpClient http, ProviderSessionOptions options, ApiKeyCredential? credential) =>
            new InvictiClient(http);

        /// <summary>The token itself, and the base64 Basic value that carries it, never print.</summary>
        public override IEnumerable<Func<string, string>> Redactions(ApiKeyCredential credential)
        {
            string basic = InvictiClient.BasicValue(credential);
            return new Func<string, string>[]
            {
                credential.Redaction(),
                text => text.IndexOf(basic, StringComparison.Ordinal) < 0 ? text : text.Replace(basic, "***"),
            };
        }

        public override void ValidateListQuery(ScanListQuery query) => InvictiVocabulary.ToVendorStates(query.States);

        public override string NormaliseScanId(string id) => InvictiVocabulary.NormaliseScanId(id);
    }
}
