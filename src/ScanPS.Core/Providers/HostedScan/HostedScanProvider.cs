using System;
using System.Collections.Generic;
using System.Net.Http;
using ScanPS.Auth;
using ScanPS.Http;

namespace ScanPS.Providers.HostedScan
{
    /// <summary>HostedScan: one host, X-HOSTEDSCAN-API-KEY header.</summary>
    public sealed class HostedScanProvider : ProviderDefinition<HostedScanClient>
    {
        public override string Name => ProviderNames.HostedScan;

        /// <summary>Save-ScanReport's formats and options (HostedScanReports).</summary>
        public override ReportFacts Reports => HostedScanReports.Facts;

        public override IFindingSignals FindingSignals => HostedScanFindingSignals.Instance;

        public override string? InformationUri => "https://hostedscan.com/";

        public override CredentialSpec Credential { get; } = new CredentialSpec(ProviderNames.HostedScan, new[] { "SCANPS_HOSTEDSCAN_API_KEY" });

        public override StateFilter States => HostedScanVocabulary.Filter;

        public override Uri DefaultBaseUri(ProviderSessionOptions options) => HostedScanClient.DefaultBaseUri;

        public override Action<HttpRequestMessage> Authorizer(ApiKeyCredential credential, ProviderSessionOptions options) =>
            HostedScanClient.Authorizer(credential);

        public override HostedScanClient CreateClient(VendorHttpClient http, ProviderSessionOptions options, ApiKeyCredential? credential) =>
            new HostedScanClient(http);

        public override void ValidateListQuery(ScanListQuery query) => HostedScanClient.FiltersQuery(query);

        /// <summary>-Type and -UseAuthentication with the collected -Target, -TargetId and -Tag values.</summary>
        public override NewScanRequest NewScanRequest(NewScanInput input) => new HostedScanNewScanRequest
        {
            Type = input.Text("Type") ?? string.Empty,
            Targets = new List<string>(input.Targets),
            TargetIds = new List<string>(input.TargetIds),
            Tags = new List<string>(input.Tags),
            UseAuthentication = input.Flag("UseAuthentication"),
        };

        /// <summary>The API reference (vendor-apis.md §1) has no endpoint that stops or cancels a scan.</summary>
        public override (string Reason, string Advice) StopUnsupported =>
            ("HostedScan's API documents no call that stops a scan; nothing was sent.", "Let the scan finish (Wait-Scan), or stop it in the HostedScan web app if it offers that.");
    }
}
