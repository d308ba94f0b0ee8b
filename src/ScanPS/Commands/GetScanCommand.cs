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
    [OutputType(typeof(HostedScanScan), typeof(InvictiScan))]
    public sealed class GetScanCommand : ScanPSCmdlet
    {
        public const string HostedScanSet = ProviderNames.HostedScan;
        public const string InvictiSet = ProviderNames.Invicti;
        public const string ByIdSet = "ById";
        private const string CommandName = "Get-Scan";

        /// <summary>The scanning service.</summary>
        [Parameter(ParameterSetName = HostedScanSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = InvictiSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSet(ProviderNames.HostedScan, ProviderNames.Invicti)]
        public string Provider { get; set; } = string.Empty;

        /// <summary>Scan ids; binds from the Id property of piped scans, so New-Scan | Get-Scan refreshes them.</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ScanId")]
        [ArgumentCompleter(typeof(ScanIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Normalised (Queued, Running, Completed, Failed …) or the provider's own states (QUEUED … OVER_LIMIT; Queued … AsyncArchiving).</summary>
        [Parameter(ParameterSetName = HostedScanSet)]
        [Parameter(ParameterSetName = InvictiSet)]
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

        protected override void ProcessRecord()
        {
            string provider = ProviderNames.Normalize(Provider) ?? Provider;
            string set = ResolveParameterSet(CommandName, provider);
            if (set == ByIdSet)
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
            };
            // Validates the filters before the credential lookup and before any request.
            Run(_ => ScanOperations.ValidateListQuery(provider, query));
            var listSession = Session(provider);
            if (PagingParameters.IncludeTotalCount)
            {
                // HostedScan's cursor paging gives no total.
                WriteObject(PagingParameters.NewTotalCount(0, 0.0));
            }

            Run(host => ScanOperations.ListScans(host, listSession, query, PagingParameters.Skip, PagingParameters.First));
        }
    }
}
