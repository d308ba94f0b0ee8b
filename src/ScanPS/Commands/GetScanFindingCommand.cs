using System.Linq;
using System.Management.Automation;
using ScanPS.Completers;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers;

namespace ScanPS.Commands
{
    /// <summary>
    /// Get-ScanFinding: what one or more scans found, as ScanFinding objects, from -Provider/-ScanId or from piped scans
    /// (by property name: Provider, Id, and TargetId or TeamId where the vendor needs them). Streams as the vendor
    /// answers, honours -First/-Skip across all scans, and filters -Severity/-Status on the vendor where it can.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ScanFinding", SupportsPaging = true)]
    [OutputType(typeof(HostedScanFinding), typeof(ProjectDiscoveryFinding), typeof(InvictiFinding), typeof(ProbelyFinding))]
    public sealed class GetScanFindingCommand : ScanPSCmdlet
    {
        private FindingPaging? _paging;

        /// <summary>The scanning service; binds from the Provider of piped scans.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateProvider(typeof(IFindingReader))]
        [ArgumentCompleter(typeof(KnownValuesCompleter))]
        public string Provider { get; set; } = string.Empty;

        /// <summary>The scans whose findings to read; binds from the Id (or ScanId) of piped scans and CSV rows.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(ScanIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] ScanId { get; set; } = new string[0];

        /// <summary>Only findings of these normalised severities.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public FindingSeverity[]? Severity { get; set; }

        /// <summary>Only findings in these normalised states.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public FindingStatus[]? Status { get; set; }

        /// <summary>The scan's target, for a vendor that lists findings per target; binds from piped scans.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? TargetId { get; set; }

        /// <summary>The team (workspace) of the scan, for a vendor with teams; binds from piped scans.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? TeamId { get; set; }

        /// <summary>The piped object itself: a scan object of the provider saves reading the scan again.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        protected override void ConfigureSession(ProviderSessionOptions options) =>
            options.TeamId = string.IsNullOrWhiteSpace(TeamId) ? null : TeamId;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _paging = new FindingPaging(PagingParameters.Skip, PagingParameters.First);
            if (PagingParameters.IncludeTotalCount)
            {
                // Findings are read scan by scan, and most vendors give no count up front: the total is unknown.
                WriteObject(PagingParameters.NewTotalCount(0, 0.0));
            }
        }

        protected override void ProcessRecord()
        {
            if (_paging!.Done) return;
            string provider = ProviderNames.Normalize(Provider) ?? Provider;
            var definition = Guard(() => ProviderDefinition.Get(provider));
            if (!string.IsNullOrWhiteSpace(TeamId) && !definition.HasTeams)
            {
                Guard<bool>(() => throw new ScanPSError(
                    ErrorIds.ParameterNotValidForProvider,
                    ScanPSErrorCategory.InvalidArgument,
                    "-TeamId cannot be used with Get-ScanFinding -Provider " + definition.Name + ": it has no teams.",
                    "TeamId")
                { RecommendedAction = "Leave out -TeamId for this provider." }.ToException());
            }

            var severities = (Severity ?? new FindingSeverity[0]).Distinct().ToArray();
            var statuses = (Status ?? new FindingStatus[0]).Distinct().ToArray();
            var session = Session(definition.Name);
            object? piped = InputObject?.BaseObject;
            Run(host =>
            {
                foreach (var raw in ScanId)
                {
                    if (_paging.Done) return;
                    FindingQuery query;
                    try
                    {
                        query = FindingOperations.Query(session, raw, piped, TargetId, severities, statuses);
                    }
                    catch (ScanPSException ex)
                    {
                        host.WriteError(ex.Error);
                        continue;
                    }

                    FindingOperations.GetFindings(host, session, query, _paging);
                }
            });
        }
    }
}
