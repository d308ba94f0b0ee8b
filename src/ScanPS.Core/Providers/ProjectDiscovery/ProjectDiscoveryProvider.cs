using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using ScanPS.Auth;
using ScanPS.Errors;
using ScanPS.Http;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>ProjectDiscovery Cloud Platform: X-API-Key header, and X-Team-Id when a team is configured.</summary>
    public sealed class ProjectDiscoveryProvider : ProviderDefinition<ProjectDiscoveryClient>
    {
        public const string ApiKeyHeader = "X-API-Key";
        public const string TeamIdHeader = "X-Team-Id";

        /// <summary>Team id variables after -TeamId, first match wins (ScanPS's own, then the one PD's tools read).</summary>
        public static readonly string[] TeamIdVariables = { "SCANPS_PROJECTDISCOVERY_TEAM_ID", "PDCP_TEAM_ID" };

        public override string Name => ProviderNames.ProjectDiscovery;

        /// <summary>Save-ScanReport's formats and options (ProjectDiscoveryReports).</summary>
        public override ReportFacts Reports => ProjectDiscoveryReports.Facts;

        public override IFindingSignals FindingSignals => ProjectDiscoveryFindingSignals.Instance;

        public override string? InformationUri => "https://cloud.projectdiscovery.io/";

        /// <summary>PDCP_API_KEY is what ProjectDiscovery's own tools read; ScanPS's name wins when both are set.</summary>
        public override CredentialSpec Credential { get; } =
            new CredentialSpec(ProviderNames.ProjectDiscovery, new[] { "SCANPS_PROJECTDISCOVERY_API_KEY", "PDCP_API_KEY" });

        public override StateFilter States => ProjectDiscoveryVocabulary.Filter;

        /// <summary>total_results comes with the first page.</summary>
        public override bool ReportsTotal => true;

        public override bool HasTeams => true;

        public override string CheckTeamId(string teamId, string source) => TeamIdFrom(teamId, source);

        public override Uri DefaultBaseUri(ProviderSessionOptions options) => ProjectDiscoveryClient.DefaultBaseUri;

        public override Action<HttpRequestMessage> Authorizer(ApiKeyCredential credential, ProviderSessionOptions options)
        {
            string? teamId = ResolveTeamId(options);
            return message =>
            {
                HeaderValue.Add(message, ApiKeyHeader, credential.Reveal());
                // Without the header the request acts on the key owner's default workspace (UNCONFIRMED), as nuclei does.
                if (teamId != null) HeaderValue.Add(message, TeamIdHeader, teamId);
            };
        }

        public override ProjectDiscoveryClient CreateClient(VendorHttpClient http, ProviderSessionOptions options, ApiKeyCredential? credential) =>
            new ProjectDiscoveryClient(http, ResolveTeamId(options));


        /// <summary>
        /// New-Scan's ProjectDiscovery parameters with the collected -Target values. -PrivateTemplatePath arrives as the
        /// file paths the command resolved; each file is read here.
        /// </summary>
        public override NewScanRequest NewScanRequest(NewScanInput input) => new ProjectDiscoveryNewScanRequest
        {
            Targets = new List<string>(input.Targets),
            Name = input.Text("Name"),
            Assets = input.List("Asset"),
            Templates = input.List("Template"),
            PrivateTemplates = input.List("PrivateTemplatePath").Select(ProjectDiscoveryPrivateTemplate.FromFile).ToList(),
            EarlyTemplates = input.List("EarlyTemplate"),
            Recommended = input.Flag("Recommended"),
            AllTemplates = input.Flag("AllTemplates"),
            Exclusions = input.List("Exclusion"),
            ExcludeTargets = input.List("ExcludeTarget"),
            EnumerationIds = input.List("EnumerationId"),
            ScanAllAssets = input.Flag("ScanAllAssets"),
            AssetFilters = input.Value("AssetFilter") as IDictionary,
            AlertingConfigIds = input.List("AlertingConfigId"),
            ScanConfigIds = input.List("ScanConfigId"),
            ReportingConfigIds = input.List("ReportingConfigId"),
            DisableGlobalAlertConfig = input.Flag("DisableGlobalAlertConfig"),
            DisableGlobalReportConfig = input.Flag("DisableGlobalReportConfig"),
            DisableGlobalScanConfig = input.Flag("DisableGlobalScanConfig"),
            ScheduleOnly = input.Flag("ScheduleOnly"),
            Socks5Proxy = input.Text("Socks5Proxy"),
            AgentId = input.Text("AgentId"),
            AgentTags = input.List("AgentTag"),
            AgentNetworks = input.List("AgentNetwork"),
            AgentBehavior = input.Text("AgentBehavior"),
            AutomaticScan = input.Flag("AutomaticScan"),
            Refresh = input.Flag("NoRefresh") != true,
        };

        /// <summary>
        /// -TeamId (or the connection's), then SCANPS_PROJECTDISCOVERY_TEAM_ID, then PDCP_TEAM_ID; null (no header) when
        /// none is set. A value that cannot be a header value is InvalidTeamId, naming where it came from.
        /// </summary>
        public static string? ResolveTeamId(ProviderSessionOptions options)
        {
            if (!string.IsNullOrWhiteSpace(options.TeamId)) return TeamIdFrom(options.TeamId!.Trim(), "-TeamId");
            foreach (var variable in TeamIdVariables)
            {
                string? value = options.GetEnvironmentVariable(variable);
                if (!string.IsNullOrWhiteSpace(value)) return TeamIdFrom(value!.Trim(), "the environment variable " + variable);
            }

            return null;
        }

        /// <summary>The team id, or InvalidTeamId (InvalidArgument) when it cannot be sent as X-Team-Id.</summary>
        public static string TeamIdFrom(string teamId, string source)
        {
            if (HeaderValue.IsValid(teamId)) return teamId;
            throw new ScanPSError(
                ErrorIds.InvalidTeamId,
                ScanPSErrorCategory.InvalidArgument,
                "The ProjectDiscovery team id given by " + source + " " + HeaderValue.Problem + ". Nothing was sent.",
                "TeamId")
            { RecommendedAction = "Pass the team id as shown in ProjectDiscovery's team settings, without line breaks or other characters." }.ToException();
        }
    }
}
