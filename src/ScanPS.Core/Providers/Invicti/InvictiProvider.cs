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
    public sealed class InvictiProvider : ProviderDefinition<InvictiClient>
    {
        public override string Name => ProviderNames.Invicti;

        /// <summary>Save-ScanReport's formats and options (InvictiReports).</summary>
        public override ReportFacts Reports => InvictiReports.Facts;

        public override IFindingSignals FindingSignals => InvictiFindingSignals.Instance;

        public override string? InformationUri => "https://www.invicti.com/";

        public override CredentialSpec Credential { get; } =
            new CredentialSpec(ProviderNames.Invicti, new[] { "SCANPS_INVICTI_API_TOKEN" }, "API token", "SCANPS_INVICTI_USER_ID", "the Invicti API user id");

        public override StateFilter States => InvictiVocabulary.Filter;

        /// <summary>TotalItemCount comes with the first page.</summary>
        public override bool ReportsTotal => true;

        /// <summary>So both https://host/ and https://host/api/1.0/ work as -BaseUri.</summary>
        public override string ApiRoot => InvictiClient.ApiRoot;

        public override Uri DefaultBaseUri(ProviderSessionOptions options) => InvictiClient.DefaultBaseUri;

        public override Action<HttpRequestMessage> Authorizer(ApiKeyCredential credential, ProviderSessionOptions options) =>
            InvictiClient.Authorizer(credential);

        public override InvictiClient CreateClient(VendorHttpClient http, ProviderSessionOptions options, ApiKeyCredential? credential) =>
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


        public override string NormaliseScanId(string id) => InvictiVocabulary.NormaliseScanId(id);

        /// <summary>Start-ScanFromScan served Invicti alone before the other providers had it: still its default.</summary>
        public override bool IsRelaunchDefault => true;

        /// <summary>New-Scan: the collected -TargetUri values (one scans/new or scans/newwithprofile each) and the policy or profile.</summary>
        public override NewScanRequest NewScanRequest(NewScanInput input) => new InvictiNewScanRequest
        {
            TargetUris = new List<string>(input.Targets),
            ProfileName = input.Text("ProfileName"),
            PolicyId = input.Value("PolicyId") is Guid id ? id : (Guid?)null,
            PolicyName = input.Text("PolicyName"),
            Scope = input.Text("Scope"),
        };
    }
}
