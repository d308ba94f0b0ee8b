using System.Management.Automation;
using ScanPS.Completers;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers;

namespace ScanPS.Commands
{
    /// <summary>
    /// Start-ScanFromScan: launches a new scan with the configuration of an earlier scan, once per id (Invicti:
    /// POST /api/1.0/scans/newfromscan; ProjectDiscovery: POST /v1/scans/{id}/rescan; Probely: a scan_now of the
    /// scan's target with its profile; HostedScan: a new scan of the same type and targets). Provider, Id and
    /// (ProjectDiscovery) TeamId bind from piped scans by property name.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "ScanFromScan", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(InvictiScan), typeof(ProjectDiscoveryScan), typeof(ProbelyScan), typeof(HostedScanScan))]
    public sealed class StartScanFromScanCommand : ScanPSCmdlet
    {
        public const string ByIdSet = "ById";
        private const string CommandName = "Start-ScanFromScan";

        protected override bool AsksBeforeSending => true;

        /// <summary>The scanning service; binds from the Provider of piped scans. Invicti, the first with this operation, is the default.</summary>
        [Parameter(ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateProvider(typeof(IScanRelauncher))]
        [ArgumentCompleter(typeof(KnownValuesCompleter))]
        public string Provider { get; set; } = System.Linq.Enumerable.First(ProviderDefinition.All, d => d.IsRelaunchDefault).Name;

        /// <summary>Ids of the earlier scans; each one launches one new scan.</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ScanId")]
        [ArgumentCompleter(typeof(Completers.ScanIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>
        /// The earlier scan's TargetUrl, usually bound from the piped scan, so -WhatIf and -Confirm name the site
        /// as well as the id. It changes nothing that is sent.
        /// </summary>
        [Parameter(ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        public string? TargetUrl { get; set; }

        /// <summary>
        /// The team (workspace) the scan lives in, for providers that have teams (ProjectDiscovery: X-Team-Id); binds from
        /// the TeamId of piped scans. Null or "" (a scan of the key owner's own workspace) means no team, as when omitted;
        /// a team for a provider without teams is ParameterNotValidForProvider.
        /// </summary>
        [Parameter(ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? TeamId { get; set; }

        protected override void ConfigureSession(ProviderSessionOptions options) => options.TeamId = TeamId;

        protected override void ProcessRecord()
        {
            string provider = ProviderNames.Normalize(Provider) ?? Provider;
            ResolveParameterSet(CommandName, provider);
            if (!string.IsNullOrEmpty(TeamId)) Run(_ => RefuseTeamWithoutTeams(provider));
            // Only a single piped id has a TargetUrl of its own.
            string? targetUrl = Id.Length == 1 ? TargetUrl : null;
            Run(host => StartScanFromScanOperations.Relaunch(host, provider, Id, () => Session(provider), targetUrl));
        }

        private static void RefuseTeamWithoutTeams(string provider)
        {
            if (ProviderDefinition.Get(provider).HasTeams) return;
            throw new Errors.ScanPSError(Errors.ErrorIds.ParameterNotValidForProvider, Errors.ScanPSErrorCategory.InvalidArgument,
                "-TeamId cannot be used with " + CommandName + " -Provider " + provider + ": " + provider + " has no teams.", "TeamId")
            { RecommendedAction = "Leave -TeamId out for " + provider + " scans." }.ToException();
        }
    }
}
