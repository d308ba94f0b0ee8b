using System.Management.Automation;
using ScanPS.Completers;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers;

namespace ScanPS.Commands
{
    /// <summary>
    /// Start-ScanFromScan: launches a new scan with the configuration of an earlier scan, once per id
    /// (Invicti: POST /api/1.0/scans/newfromscan). Ids bind from piped Get-Scan objects by property name.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "ScanFromScan", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InvictiSet)]
    [OutputType(typeof(InvictiScan))]
    public sealed class StartScanFromScanCommand : ScanPSCmdlet
    {
        public const string InvictiSet = ProviderNames.Invicti;
        private const string CommandName = "Start-ScanFromScan";

        protected override bool AsksBeforeSending => true;

        /// <summary>The scanning service; Invicti, the only one with this operation today, is the default.</summary>
        [Parameter(ParameterSetName = InvictiSet, ValueFromPipelineByPropertyName = true)]
        [ValidateProvider(typeof(IScanRelauncher))]
        [ArgumentCompleter(typeof(KnownValuesCompleter))]
        public string Provider { get; set; } = ProviderNames.Invicti;

        /// <summary>Ids of the earlier scans; each one launches one new scan.</summary>
        [Parameter(ParameterSetName = InvictiSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ScanId")]
        [ArgumentCompleter(typeof(Completers.ScanIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>
        /// The earlier scan's TargetUrl, usually bound from the piped scan, so -WhatIf and -Confirm name the site
        /// as well as the GUID. It changes nothing that is sent.
        /// </summary>
        [Parameter(ParameterSetName = InvictiSet, ValueFromPipelineByPropertyName = true)]
        public string? TargetUrl { get; set; }

        protected override void ProcessRecord()
        {
            string provider = ProviderNames.Normalize(Provider) ?? Provider;
            ResolveParameterSet(CommandName, provider);
            // Only a single piped id has a TargetUrl of its own.
            string? targetUrl = Id.Length == 1 ? TargetUrl : null;
            Run(host => StartScanFromScanOperations.Relaunch(host, provider, Id, () => Session(provider), targetUrl));
        }
    }
}
