using System;
using System.Collections.Generic;
using System.Management.Automation;
using ScanPS.Completers;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers;

namespace ScanPS.Commands
{
    /// <summary>
    /// Wait-Scan: follows scans (piped from any ScanPS command, from Import-Csv, or named with -Provider and -Id) with
    /// their provider's cheapest status call until each is finished, and writes each refreshed scan as it finishes.
    /// Like Wait-Job it collects the piped scans first and waits in EndProcessing.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "Scan", DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(HostedScanScan), typeof(ProjectDiscoveryScan), typeof(InvictiScan), typeof(ProbelyScan))]
    public sealed class WaitScanCommand : ScanPSCmdlet
    {
        /// <summary>The one set: scans named by provider and id (shared by every provider).</summary>
        public const string ByIdSet = "ById";
        private const string CommandName = "Wait-Scan";
        private readonly List<WaitEntry> _entries = new List<WaitEntry>();

        /// <summary>The scanning service; binds from the Provider property of piped scans.</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateProvider(typeof(IScanStatusReader))]
        [ArgumentCompleter(typeof(KnownValuesCompleter))]
        public string Provider { get; set; } = string.Empty;

        /// <summary>Scan ids; binds from the Id (or ScanId) property of piped scans.</summary>
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

        /// <summary>The scan's target (Probely: polls then read GET /targets/{target}/scans/{id}/); binds from piped scans. Other providers ignore it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? TargetId { get; set; }

        /// <summary>How long to wait in all (a TimeSpan, or a number of seconds); a scan still running then is a WaitTimeout error. Default, or negative: no limit.</summary>
        [Parameter]
        [SecondsTransformation]
        public TimeSpan Timeout { get; set; }

        /// <summary>The time between two polls of a scan (a TimeSpan, or a number of seconds). Default: 5 s, growing to 60 s for long scans; a vendor's Retry-After is always honoured.</summary>
        [Parameter]
        [SecondsTransformation]
        public TimeSpan PollInterval { get; set; }

        /// <summary>Return as soon as one scan has finished, writing only the finished ones (like Wait-Job -Any).</summary>
        [Parameter]
        public SwitchParameter Any { get; set; }

        private WaitOptions? _options;

        protected override void ConfigureSession(ProviderSessionOptions options) =>
            options.TeamId = string.IsNullOrEmpty(TeamId) ? null : TeamId;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var bound = MyInvocation.BoundParameters;
            _options = Guard(() => WaitScanOperations.Check(
                bound.ContainsKey(nameof(Timeout)) ? Timeout : (TimeSpan?)null,
                bound.ContainsKey(nameof(PollInterval)) ? PollInterval : (TimeSpan?)null,
                Any.IsPresent));
        }

        protected override void ProcessRecord()
        {
            string provider = ProviderNames.Normalize(Provider) ?? Provider;
            var definition = Guard(() => ProviderDefinition.Get(provider));
            if (!string.IsNullOrEmpty(TeamId) && !definition.HasTeams)
            {
                Guard<bool>(() => throw new ScanPSError(ErrorIds.ParameterNotValidForProvider, ScanPSErrorCategory.InvalidArgument,
                    "-TeamId cannot be used with " + CommandName + " -Provider " + definition.Name + ".", "TeamId").ToException());
            }

            var references = new List<ScanReference>();
            foreach (var raw in Id)
            {
                try
                {
                    references.Add(StopScanOperations.Reference(definition, raw, TargetId, targetRequired: false));
                }
                catch (ScanPSException ex)
                {
                    CommandHost.WriteError(ex.Error);
                }
            }

            if (references.Count == 0) return;
            var session = Session(provider);
            Guard(() => session.ScanStatusReader(CommandName));
            foreach (var reference in references) _entries.Add(new WaitEntry(session, reference));
        }

        protected override void EndProcessing()
        {
            try
            {
                if (_entries.Count > 0) Run(host => WaitScanOperations.Wait(host, _entries, _options!));
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
