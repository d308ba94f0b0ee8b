using System.Management.Automation;
using ScanPS.Completers;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers;

namespace ScanPS.Commands
{
    /// <summary>
    /// Stop-Scan: stops running scans (ProjectDiscovery POST /v1/scans/{id}/stop, Invicti POST /api/1.0/scans/cancel,
    /// Probely POST /targets/{target}/scans/{id}/cancel/).
    /// Scans bind from piped ScanPS objects or Import-Csv rows by property name. HostedScan documents no stop call:
    /// its scans are refused (StopNotSupported) before any request.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "Scan", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(ProjectDiscoveryScan), typeof(InvictiScan), typeof(ProbelyScan))]
    public sealed class StopScanCommand : ScanPSCmdlet
    {
        /// <summary>The one set: scans named by provider and id (shared by every provider).</summary>
        public const string ByIdSet = "ById";
        private const string CommandName = "Stop-Scan";

        protected override bool AsksBeforeSending => true;

        /// <summary>The scanning service; binds from the Provider property of piped scans.</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateProvider(typeof(IScanReader))]
        [ArgumentCompleter(typeof(KnownValuesCompleter))]
        public string Provider { get; set; } = string.Empty;

        /// <summary>Ids of the scans to stop; binds from the Id (or ScanId) property of piped scans.</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ScanId")]
        [ArgumentCompleter(typeof(ScanIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>ProjectDiscovery team (X-Team-Id) of the scan; binds from piped scans. Empty means the key owner's own workspace.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? TeamId { get; set; }

        /// <summary>The scan's target, for vendors whose stop path names it (Probely); binds from piped scans. Other providers ignore it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? TargetId { get; set; }

        /// <summary>The piped scan's TargetUrl, named in the -WhatIf and -Confirm text; nothing that is sent.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? TargetUrl { get; set; }

        /// <summary>Writes each stopped scan as it reads after the stop.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ConfigureSession(ProviderSessionOptions options) =>
            options.TeamId = string.IsNullOrEmpty(TeamId) ? null : TeamId;

        protected override void ProcessRecord()
        {
            string provider = ProviderNames.Normalize(Provider) ?? Provider;
            var definition = Guard(() => ProviderDefinition.Get(provider));
            if (!string.IsNullOrEmpty(TeamId) && !definition.HasTeams)
            {
                Guard<bool>(() => throw new ScanPSError(ErrorIds.ParameterNotValidForProvider, ScanPSErrorCategory.InvalidArgument,
                    "-TeamId cannot be used with " + CommandName + " -Provider " + definition.Name + ".", "TeamId").ToException());
            }

            string? label = Id.Length == 1 ? TargetUrl : null;
            foreach (var raw in Id)
            {
                var reference = StopScanOperations.Check(CommandHost, provider, raw, TargetId);
                if (reference == null) continue;
                var session = Session(provider);
                Run(host => StopScanOperations.Stop(host, session, reference, PassThru.IsPresent, label));
            }
        }
    }
}
