using System.Collections.Generic;
using System.Management.Automation;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers.HostedScan;

namespace ScanPS.Commands
{
    /// <summary>
    /// New-Scan: creates one scan. Values of -Target/-TargetId/-Tag from every pipeline object are collected
    /// and sent as ONE scan at the end of the pipeline.
    /// </summary>
    /// <remarks>
    /// No DefaultParameterSetName on purpose: with one set per provider and parameters such as -Target shared
    /// between providers, a default set would make PowerShell pick HostedScan (and prompt for its mandatory
    /// -Type) whenever another provider's call is ambiguous. Without it, PowerShell drops the sets whose
    /// mandatory parameters are unbound, and ProviderParameterRules settles the rest by -Provider.
    /// </remarks>
    [Cmdlet(VerbsCommon.New, "Scan", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(HostedScanScan))]
    public sealed class NewScanCommand : ScanPSCmdlet
    {
        public const string HostedScanSet = ProviderNames.HostedScan;
        private const string CommandName = "New-Scan";

        private readonly List<string> _targets = new List<string>();
        private readonly List<string> _targetIds = new List<string>();
        private readonly List<string> _tags = new List<string>();
        private string? _provider;

        /// <summary>The scanning service.</summary>
        [Parameter(ParameterSetName = HostedScanSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSet(ProviderNames.HostedScan)]
        public string Provider { get; set; } = string.Empty;

        /// <summary>HostedScan scanner type.</summary>
        [Parameter(ParameterSetName = HostedScanSet, Mandatory = true)]
        [ValidateSet("NMAP", "NMAP_UDP", "SSLYZE", "OPENVAS", "OWASP_ZAP")]
        public string Type { get; set; } = string.Empty;

        /// <summary>Hosts, IP addresses or URLs to scan.</summary>
        [Parameter(ParameterSetName = HostedScanSet, ValueFromPipelineByPropertyName = true)]
        [Alias("HostName", "Url")]
        [ValidateNotNullOrEmpty]
        public string[]? Target { get; set; }

        /// <summary>Ids of targets saved in HostedScan.</summary>
        [Parameter(ParameterSetName = HostedScanSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? TargetId { get; set; }

        /// <summary>Scan every saved target that has one of these tags.</summary>
        [Parameter(ParameterSetName = HostedScanSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        /// <summary>Use the login recording saved on the targets.</summary>
        [Parameter(ParameterSetName = HostedScanSet)]
        public SwitchParameter UseAuthentication { get; set; }

        protected override void ProcessRecord()
        {
            string provider = ProviderNames.Normalize(Provider) ?? Provider;
            if (_provider == null)
            {
                _provider = provider;
            }
            else if (_provider != provider)
            {
                ThrowTerminatingError(ErrorRecords.From(new ScanPSError(
                    "ProviderMismatch",
                    ScanPSErrorCategory.InvalidArgument,
                    "New-Scan creates one scan, but the pipeline gave two providers (" + _provider + ", " + provider + "). Split the input by provider.",
                    provider)));
            }

            ResolveParameterSet(CommandName, provider);
            if (Target != null) _targets.AddRange(Target);
            if (TargetId != null) _targetIds.AddRange(TargetId);
            if (Tag != null) _tags.AddRange(Tag);
        }

        protected override void EndProcessing()
        {
            try
            {
                if (_provider == null) return;
                var request = new HostedScanNewScanRequest
                {
                    Type = Type,
                    Targets = _targets,
                    TargetIds = _targetIds,
                    Tags = _tags,
                    UseAuthentication = MyInvocation.BoundParameters.ContainsKey(nameof(UseAuthentication)) ? UseAuthentication.IsPresent : (bool?)null,
                };
                // Bad input fails here, before credentials are looked up or anything is sent.
                var session = Session(_provider);
                Run(host => ScanOperations.NewScan(host, session, request));
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
