using System.Collections;
using System.Collections.Generic;
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
    /// New-Scan: creates one scan. Values of -Target/-TargetId/-Tag from every pipeline object are collected
    /// and sent as ONE scan at the end of the pipeline.
    /// </summary>
    /// <remarks>
    /// The default set is ProjectDiscovery's, the set without a mandatory parameter of its own. When objects are
    /// piped in, PowerShell cannot drop a set for a missing mandatory parameter (it might come from the pipeline);
    /// without a default it would prompt for HostedScan's -Type even for `Import-Csv | New-Scan -Provider
    /// ProjectDiscovery`. On the command line HostedScan's -Type selects its set; ProviderParameterRules settles
    /// a -Provider that does not match the set.
    /// </remarks>
    [Cmdlet(VerbsCommon.New, "Scan", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ProjectDiscoverySet)]
    [OutputType(typeof(HostedScanScan), typeof(ProjectDiscoveryScan), typeof(InvictiScan), typeof(ProbelyScan))]
    public sealed class NewScanCommand : ScanPSCmdlet
    {
        public const string HostedScanSet = ProviderNames.HostedScan;
        public const string ProjectDiscoverySet = ProviderNames.ProjectDiscovery;
        public const string InvictiSet = ProviderNames.Invicti;
        public const string ProbelySet = ProviderNames.Probely;
        private const string CommandName = "New-Scan";

        protected override bool AsksBeforeSending => true;

        private readonly NewScanCollector _collected = new NewScanCollector();

        /// <summary>
        /// The scanning service. Never from the pipeline: a piped connection (Get-ScanProviderConnection -Name prod)
        /// would bind only its Provider, and the scan would quietly go through that provider's default connection.
        /// </summary>
        [Parameter(ParameterSetName = HostedScanSet, Mandatory = true, Position = 0)]
        [Parameter(ParameterSetName = ProjectDiscoverySet, Mandatory = true, Position = 0)]
        [Parameter(ParameterSetName = InvictiSet, Mandatory = true, Position = 0)]
        [Parameter(ParameterSetName = ProbelySet, Mandatory = true, Position = 0)]
        [ValidateProvider(typeof(IScanCreator))]
        [ArgumentCompleter(typeof(KnownValuesCompleter))]
        public string Provider { get; set; } = string.Empty;

        /// <summary>HostedScan scanner type.</summary>
        [Parameter(ParameterSetName = HostedScanSet, Mandatory = true)]
        [ValidateSet("NMAP", "NMAP_UDP", "SSLYZE", "OPENVAS", "OWASP_ZAP")]
        public string Type { get; set; } = string.Empty;

        /// <summary>Hosts, IP addresses or URLs to scan.</summary>
        [Parameter(ParameterSetName = HostedScanSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ProjectDiscoverySet, ValueFromPipelineByPropertyName = true)]
        [Alias("HostName", "Url")]
        public string[]? Target { get; set; }

        /// <summary>
        /// Ids of targets saved in HostedScan, or the Probely targets to scan now (one scan each). Binds from the TargetId
        /// property of piped objects, else from their Id (an Import-Csv column "id"); a property named TargetId wins.
        /// </summary>
        [Parameter(ParameterSetName = HostedScanSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ProbelySet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public string[]? TargetId { get; set; }

        /// <summary>Probely scan profile id (scan_profile), e.g. lightning, safe, normal, full; default: the target's own profile.</summary>
        [Parameter(ParameterSetName = ProbelySet)]
        [ArgumentCompleter(typeof(ScanProfileCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ScanProfile { get; set; }

        /// <summary>Invicti: the URLs to scan (TargetUri), one scan each; binds from TargetUri or TargetUrl of piped objects.</summary>
        [Parameter(ParameterSetName = InvictiSet, ValueFromPipelineByPropertyName = true)]
        [Alias("TargetUrl")]
        public string[]? TargetUri { get; set; }

        /// <summary>Invicti scan profile name: the scan is started with scans/newwithprofile (not with -PolicyId or -PolicyName).</summary>
        [Parameter(ParameterSetName = InvictiSet)]
        [ValidateNotNullOrEmpty]
        public string? ProfileName { get; set; }

        /// <summary>Invicti scan policy id (PolicyId, a GUID); default: the account's Default Security Checks.</summary>
        [Parameter(ParameterSetName = InvictiSet)]
        public System.Guid PolicyId { get; set; }

        /// <summary>Invicti scan policy name, resolved to its id with scanpolicies/get?name= before the scan is started.</summary>
        [Parameter(ParameterSetName = InvictiSet)]
        [ValidateNotNullOrEmpty]
        public string? PolicyName { get; set; }

        /// <summary>Invicti scan scope (Scope): EnteredPathAndBelow (the vendor's default), OnlyEnteredUrl or WholeDomain.</summary>
        [Parameter(ParameterSetName = InvictiSet)]
        [ValidateSet("EnteredPathAndBelow", "OnlyEnteredUrl", "WholeDomain")]
        public string? Scope { get; set; }

        /// <summary>Scan every saved target that has one of these tags.</summary>
        [Parameter(ParameterSetName = HostedScanSet, ValueFromPipelineByPropertyName = true)]
        public string[]? Tag { get; set; }

        /// <summary>Use the login recording saved on the targets.</summary>
        [Parameter(ParameterSetName = HostedScanSet)]
        public SwitchParameter UseAuthentication { get; set; }

        /// <summary>ProjectDiscovery team (X-Team-Id); default: $env:SCANPS_PROJECTDISCOVERY_TEAM_ID, then $env:PDCP_TEAM_ID.</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateNotNullOrEmpty]
        public string? TeamId { get; set; }

        /// <summary>ProjectDiscovery scan name (name).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>ProjectDiscovery asset ids (assets).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateNotNullOrEmpty]
        public string[]? Asset { get; set; }

        /// <summary>Nuclei template paths or ids, e.g. http/cves/ (templates).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateNotNullOrEmpty]
        public string[]? Template { get; set; }

        /// <summary>Template files sent inline (private_templates: each file's name and contents); wildcards allowed.</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? PrivateTemplatePath { get; set; }

        /// <summary>Templates to run first (early_templates).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateNotNullOrEmpty]
        public string[]? EarlyTemplate { get; set; }

        /// <summary>Run ProjectDiscovery's recommended templates (recommended).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        public SwitchParameter Recommended { get; set; }

        /// <summary>Run all templates (all).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        public SwitchParameter AllTemplates { get; set; }

        /// <summary>Scope patterns (exclusions); a leading + makes an allow-list pattern.</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateNotNullOrEmpty]
        public string[]? Exclusion { get; set; }

        /// <summary>Targets not to scan (exclude_targets).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateNotNullOrEmpty]
        public string[]? ExcludeTarget { get; set; }

        /// <summary>Scan the assets of these enumerations (enumeration_ids).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateNotNullOrEmpty]
        public string[]? EnumerationId { get; set; }

        /// <summary>Scan every asset (scan_all_assets).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        public SwitchParameter ScanAllAssets { get; set; }

        /// <summary>Asset filters (asset_filters) as a hashtable with the vendor's keys, e.g. @{ host = 'a.example.com'; is_new = $true }.</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateNotNull]
        public IDictionary? AssetFilter { get; set; }

        /// <summary>Alerting configurations to use (alerting_config_ids).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateNotNullOrEmpty]
        public string[]? AlertingConfigId { get; set; }

        /// <summary>Scan configurations to use (scan_config_ids).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateNotNullOrEmpty]
        public string[]? ScanConfigId { get; set; }

        /// <summary>Reporting configurations to use (reporting_config_ids).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateNotNullOrEmpty]
        public string[]? ReportingConfigId { get; set; }

        /// <summary>Do not apply the team's global alerting configuration (disable_global_alert_config).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        public SwitchParameter DisableGlobalAlertConfig { get; set; }

        /// <summary>Do not apply the global reporting configuration (disable_global_report_config).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        public SwitchParameter DisableGlobalReportConfig { get; set; }

        /// <summary>Do not apply the global scan configuration (disable_global_scan_config).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        public SwitchParameter DisableGlobalScanConfig { get; set; }

        /// <summary>Create the scan for scheduling without running it now (schedule_only).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        public SwitchParameter ScheduleOnly { get; set; }

        /// <summary>SOCKS5 proxy the scan goes through (socks5_proxy); user info in it is never printed.</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateNotNullOrEmpty]
        public string? Socks5Proxy { get; set; }

        /// <summary>Run on this scan agent (agent_id).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateNotNullOrEmpty]
        public string? AgentId { get; set; }

        /// <summary>Run on agents with these tags (agent_tags).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateNotNullOrEmpty]
        public string[]? AgentTag { get; set; }

        /// <summary>Run on agents in these networks (agent_networks).</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateNotNullOrEmpty]
        public string[]? AgentNetwork { get; set; }

        /// <summary>How targets are spread over several agents (agent_behavior): distribute (the vendor's default) or mirror.</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        [ValidateSet("distribute", "mirror")]
        public string? AgentBehavior { get; set; }

        /// <summary>automatic_scan.</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        public SwitchParameter AutomaticScan { get; set; }

        /// <summary>Emit the scan from the create answer alone (id and name), without reading its state afterwards.</summary>
        [Parameter(ParameterSetName = ProjectDiscoverySet)]
        public SwitchParameter NoRefresh { get; set; }

        protected override void ProcessRecord()
        {
            string provider = ProviderNames.Normalize(Provider) ?? Provider;
            ResolveParameterSet(CommandName, provider);
            // -Target and -TargetUri are in different sets: at most one is bound, and it is the scan's URLs or hosts.
            Run(_ => _collected.Add(provider, TargetUri ?? Target, TargetId, Tag));
        }

        protected override void EndProcessing()
        {
            try
            {
                if (_collected.Provider == null) return; // every pipeline record failed to bind
                NewScanRequest request = null!;
                Run(_ => request = ProviderDefinition.Get(_collected.Provider).NewScanRequest(_collected.ToInput(BoundValues())));
                Run(_ => request.Validate()); // bad input is reported before the credential lookup and any request
                var session = Session(_collected.Provider);
                Run(host => ScanOperations.NewScan(host, session, request));
            }
            finally
            {
                base.EndProcessing();
            }
        }

        protected override void ConfigureSession(ProviderSessionOptions options) => options.TeamId = TeamId;

        /// <summary>
        /// The bound parameters for the provider's definition: a switch as its bool, a hashtable with PowerShell's
        /// wrappers taken off, and -PrivateTemplatePath as the file paths it resolves to.
        /// </summary>
        private Dictionary<string, object?> BoundValues()
        {
            var values = new Dictionary<string, object?>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var pair in MyInvocation.BoundParameters)
            {
                object? value = pair.Value is PSObject wrapped ? wrapped.BaseObject : pair.Value;
                values[pair.Key] = value is SwitchParameter flag ? flag.IsPresent
                    : value is IDictionary table ? HostValues.Unwrap(table, v => v is PSObject w ? w.BaseObject : v)
                    : value;
            }

            if (values.ContainsKey(nameof(PrivateTemplatePath))) values[nameof(PrivateTemplatePath)] = ResolvePrivateTemplatePaths();
            return values;
        }

        /// <summary>Each -PrivateTemplatePath resolved by PowerShell's file system provider (wildcards expanded) to its files.</summary>
        private string[] ResolvePrivateTemplatePaths()
        {
            var templates = new List<string>();
            foreach (var path in PrivateTemplatePath ?? new string[0])
            {
                IEnumerable<string> files;
                ProviderInfo provider;
                try
                {
                    files = GetResolvedProviderPathFromPSPath(path, out provider);
                }
                catch (SessionStateException ex)
                {
                    throw new ScanPSError(ErrorIds.PrivateTemplateNotReadable, ScanPSErrorCategory.ObjectNotFound, "No private template matches '" + path + "': " + ex.Message, path)
                    { RecommendedAction = "Check the path given to -PrivateTemplatePath." }.ToException();
                }

                if (provider.Name != "FileSystem")
                {
                    throw new ScanPSError(ErrorIds.PrivateTemplateNotReadable, ScanPSErrorCategory.InvalidArgument, "'" + path + "' is not a file system path.", path).ToException();
                }

                templates.AddRange(files);
            }

            return templates.ToArray();
        }
    }
}
