using System;
using System.Collections.Generic;
using System.Net.Http;
using ScanPS.Auth;
using ScanPS.Http;

namespace ScanPS.Providers.Probely
{
    /// <summary>Probely: regional hosts (-Region), no API path prefix, "Authorization: JWT &lt;key&gt;".</summary>
    public sealed class ProbelyProvider : ProviderDefinition<ProbelyClient>
    {
        public override string Name => ProviderNames.Probely;

        /// <summary>Save-ScanReport's formats and options (ProbelyReports).</summary>
        public override ReportFacts Reports => ProbelyReports.Facts;

        public override IFindingSignals FindingSignals => ProbelyFindingSignals.Instance;

        public override string? InformationUri => "https://probely.com/";

        /// <summary>GET /findings/ takes severity and state (each repeatable).</summary>
        public override IReadOnlyList<string> ServerSideFindingFilters { get; } = new[] { "Severity", "Status" };

        public override CredentialSpec Credential { get; } = new CredentialSpec(ProviderNames.Probely, new[] { "SCANPS_PROBELY_API_KEY" });

        public override IReadOnlyList<string> Regions => ProbelyRegions.Names;

        public override IReadOnlyList<string> ScanProfiles => ProbelyVocabulary.BuiltInScanProfiles;

        /// <summary>The scan status vocabulary of GET /scans/ (Get-Scan -State).</summary>
        public override StateFilter States => ProbelyScanVocabulary.Filter;

        /// <summary>count comes with the first page of GET /scans/.</summary>
        public override bool ReportsTotal => true;

        public override string NormaliseRegion(string region) => ProbelyRegions.Parse(region).ToString();

        /// <summary>Probely paths start at the host root (/scheduledscans/bulk/): nothing to trim from -BaseUri.</summary>
        public override string ApiRoot => string.Empty;

        public override Uri DefaultBaseUri(ProviderSessionOptions options) => ProbelyRegions.BaseUri(ProbelyRegions.Parse(options.Region));

        public override Action<HttpRequestMessage> Authorizer(ApiKeyCredential credential, ProviderSessionOptions options) =>
            ProbelyClient.Authorizer(credential);

        /// <summary>New-Scan: the collected -TargetId values (one scan_now each) and -ScanProfile.</summary>
        public override NewScanRequest NewScanRequest(NewScanInput input) => new ProbelyNewScanRequest
        {
            TargetIds = new List<string>(input.TargetIds),
            ScanProfile = input.Text("ScanProfile"),
        };

        public override ProbelyClient CreateClient(VendorHttpClient http, ProviderSessionOptions options, ApiKeyCredential? credential) =>
            new ProbelyClient(http);

        /// <summary>Cancel is POST /targets/{target_id}/scans/{id}/cancel/: Stop-Scan needs the scan's TargetId.</summary>
        public override bool ScanPathNeedsTarget => true;
    }
}
