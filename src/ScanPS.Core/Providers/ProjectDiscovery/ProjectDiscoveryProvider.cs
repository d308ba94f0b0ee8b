using System;
using System.Net.Http;
using ScanPS.Auth;
using ScanPS.Errors;
using ScanPS.Http;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>ProjectDiscovery Cloud Platform: X-API-Key header, and X-Team-Id when a team is configured.</summary>
    public sealed class ProjectDiscoveryProvider : ProviderDefinition
    {
        public const string ApiKeyHeader = "X-API-Key";
        public const string TeamIdHeader = "X-Team-Id";

        /// <summary>Team id variables after -TeamId, first match wins (ScanPS's own, then the one PD's tools read).</summary>
        public static readonly string[] TeamIdVariables = { "SCANPS_PROJECTDISCOVERY_TEAM_ID", "PDCP_TEAM_ID" };

        public override string Name => ProviderNames.ProjectDiscovery;

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

        public override object CreateClient(VendorHttpClient http, ProviderSessionOptions options, ApiKeyCredential? credential) =>
            new ProjectDiscoveryClient(http, ResolveTeamId(options));

        public override void ValidateListQuery(ScanListQuery query) => ProjectDiscoveryVocabulary.ToVendorStates(query.States);

        /// <summary>
        /// -TeamId (or the connection's), then SCANPS_PROJECTDISCOVERY_TEAM_ID, then PDCP_TEAM_ID; null (no header) when
        /// none is set. A value that cannot be a header value is InvalidTeamId, naming where it came from.
        /// </summary>
        public static string? ResolveTeamId(ProviderSessionOptions options)
        {
            if (!string.IsNullOrWhiteSpace(options.TeamId)) return CheckTeamId(options.TeamId!.Trim(), "-TeamId");
            foreach (var variable in TeamIdVariables)
            {
                string? value = options.GetEnvironmentVariable(variable);
                if (!string.IsNullOrWhiteSpace(value)) return CheckTeamId(value!.Trim(), "the environment variable " + variable);
            }

            return null;
        }

        /// <summary>The team id, or InvalidTeamId (InvalidArgument) when it cannot be sent as X-Team-Id.</summary>
        public static string CheckTeamId(string teamId, string source)
        {
            if (HeaderValue.IsValid(teamId)) return teamId;
            throw new ScanPSError(
                "InvalidTeamId",
                ScanPSErrorCategory.InvalidArgument,
                "The ProjectDiscovery team id given by " + source + " " + HeaderValue.Problem + ". Nothing was sent.",
                "TeamId")
            { RecommendedAction = "Pass the team id as shown in ProjectDiscovery's team settings, without line breaks or other characters." }.ToException();
        }
    }
}
