using System.Management.Automation;
using ScanPS.Models;
using ScanPS.Operations;

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

        private readonly NewScanCollector _collected = new NewScanCollector();

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
            ResolveParameterSet(CommandName, provider);
            Run(_ => _collected.Add(provider, Target, TargetId, Tag));
        }

        protected override void EndProcessing()
        {
            try
            {
                if (_collected.Provider == null) return; // every pipeline record failed to bind
                bool? useAuthentication = MyInvocation.BoundParameters.ContainsKey(nameof(UseAuthentication)) ? UseAuthentication.IsPresent : (bool?)null;
                var request = _collected.ToHostedScanRequest(Type, useAuthentication);
                Run(_ => request.Validate()); // bad input is reported before the credential lookup and any request
                var session = Session(_collected.Provider);
                Run(host => ScanOperations.NewScan(host, session, request));
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
