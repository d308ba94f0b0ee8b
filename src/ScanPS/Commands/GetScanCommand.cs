using System.Management.Automation;
using ScanPS.Completers;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers;

namespace ScanPS.Commands
{
    /// <summary>
    /// Get-Scan: lists scans (streaming page by page, honouring -First/-Skip) or gets scans by id.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Scan", DefaultParameterSetName = HostedScanSet, SupportsPaging = true)]
    [OutputType(typeof(HostedScanScan), typeof(ProjectDiscoveryScan), typeof(InvictiScan), typeof(ProbelyScan))]
    public sealed class GetScanCommand : ScanPSCmdlet
    {
        public const string HostedScanSet = ProviderNames.HostedScan;
        public const string InvictiSet = ProviderNames.Invicti;
        public const string ByIdSet = "ById";
        public const string ProjectDiscoverySet = ProviderNames.ProjectDiscovery;
        public const string ProbelySet = ProviderNames.Probely;

        /// <summary>-Id with -TeamId: a set of its own so that -TeamId is never accepted, and ignored, for other providers.</summary>
        public const string ProjectDiscoveryByIdSet = ProviderNames.ProjectDiscovery + "ById";
        private const string CommandName = "Get-Scan";

        /// <summary>
        /// The scanning service. It binds from piped objects only in the by-id sets: PowerShell binds piped properties
        /// in the default set first and then latches on to it, so a pipeline-bound Provider in the listing sets would
        /// turn $scan | Get-Scan into a listing of every scan.
        /// </summary>
        [Parameter(ParameterSetName = HostedScanSet, Mandatory = true, Position = 0)]
        [Parameter(ParameterSetName = InvictiSet, Mandatory = true, Position = 0)]
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ProjectDiscoverySet, Mandatory = true, Position = 0)]
        [Parameter(ParameterSetName = ProjectDiscoveryByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ProbelySet, Mandatory = true, Position = 0)]
        [ValidateProvider(typeof(IScanReader))]
        [ArgumentCompleter(typeof(KnownValuesCompleter))]
        public string Provider { get; set; } = string.Empty;

        /// <summary>Scan ids; binds from the Id property of piped scans, so New-Scan | Get-Scan refreshes them.</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ProjectDiscoveryByIdSet, Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ScanId")]
        [ArgumentCompleter(typeof(ScanIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Normalised (Queued, Running, Completed, Failed …) or the provider's own states (QUEUED … OVER_LIMIT; queued … scheduled; Queued … AsyncArchiving; queued … resuming).</summary>
        [Parameter(ParameterSetName = HostedScanSet)]
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [Parameter(ParameterSetName = InvictiSet)]
        [Parameter(ParameterSetName = ProbelySet)]
        [ArgumentCompleter(typeof(ScanStateCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? State { get; set; }

        /// <summary>HostedScan scanner types.</summary>
        [Parameter(ParameterSetName = HostedScanSet)]
        [ValidateSet("NMAP", "NMAP_UDP", "SSLYZE", "OPENVAS", "OWASP_ZAP", "OWASP_ZAP_ACTIVE")]
        public string[]? Type { get; set; }

        /// <summary>HostedScan scheduled_by values, passed through as given.</summary>
        [Parameter(ParameterSetName = HostedScanSet)]
        [ValidateNotNullOrEmpty]
        public string[]? ScheduledBy { get; set; }

        /// <summary>ProjectDiscovery search term (search), passed through as given.</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateNotNullOrEmpty]
        public string? Search { get; set; }

        /// <summary>
        /// ProjectDiscovery team (X-Team-Id); default: $env:SCANPS_PROJECTDISCOVERY_TEAM_ID, then $env:PDCP_TEAM_ID.
        /// Binds from the TeamId of piped scans, so a team's scan is read from that team. A scan of the key owner's
        /// own workspace has none (null, or "" from Import-Csv): allowed, and it means no team, as when omitted.
        /// </summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [Parameter(ParameterSetName = ProjectDiscoveryByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? TeamId { get; set; }

        protected override void ConfigureSession(ProviderSessionOptions options) => options.TeamId = TeamId;

        protected override void ProcessRecord()
        {
            string provider = ProviderNames.Normalize(Provider) ?? Provider;
            string set = ResolveParameterSet(CommandName, provider);
            if (set == ByIdSet || set == ProjectDiscoveryByIdSet)
            {
                var session = Session(provider);
                Run(host => ScanOperations.GetScansById(host, session, Id));
                return;
            }

            var query = new ScanListQuery
            {
                States = State ?? new string[0],
                Types = Type ?? new string[0],
                ScheduledBy = ScheduledBy ?? new string[0],
                Search = Search,
            };
            // Validates the filters before the credential lookup and before any request.
            Run(_ => ScanOperations.ValidateListQuery(provider, query));
            var listSession = Session(provider);
            if (listSession.Definition.ReportsTotal)
            {
                // The vendor's total comes with the first page: the total is exact when there is one.
                System.Action<long?>? onTotal = PagingParameters.IncludeTotalCount
                    ? total => WriteObject(PagingParameters.NewTotalCount((ulong)(total ?? 0), total.HasValue ? 1.0 : 0.0))
                    : (System.Action<long?>?)null;
                Run(host => ScanOperations.ListScans(host, listSession, query, PagingParameters.Skip, PagingParameters.First, onTotal));
                return;
            }

            if (PagingParameters.IncludeTotalCount)
            {
                // Paging without a total (HostedScan's cursor): the total is unknown.
                WriteObject(PagingParameters.NewTotalCount(0, 0.0));
            }

            Run(host => ScanOperations.ListScans(host, listSession, query, PagingParameters.Skip, PagingParameters.First));
        }
    }
}
