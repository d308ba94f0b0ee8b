using System;
using System.Collections.Generic;
using System.Management.Automation;
using ScanPS.Completers;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers.Probely;
using ScanPS.Providers;

namespace ScanPS.Commands
{
    /// <summary>
    /// New-ScheduledScanBulk: schedules recurring Probely scans for many targets, in batches of
    /// POST /scheduledscans/bulk/. Target ids from the command line and every pipeline record are collected and
    /// sent when the pipeline ends; -WhatIf/-Confirm apply once per batch.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ScheduledScanBulk", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ProbelySet)]
    [OutputType(typeof(ProbelyScheduledScan))]
    public sealed class NewScheduledScanBulkCommand : ScanPSCmdlet
    {
        protected override bool AsksBeforeSending => true;

        public const string ProbelySet = ProviderNames.Probely;

        /// <summary>UNCONFIRMED: Probely documents no limit on targets per bulk request; 50 keeps one refusal small.</summary>
        public const int DefaultBatchSize = 50;

        private readonly TargetIdCollector _targets = new TargetIdCollector(ProviderNames.Probely, ScheduledScanBulkOperations.CommandName);
        private ProbelySchedule? _schedule;

        /// <summary>
        /// Probely target ids; binds from the TargetId or Id property of piped objects (Import-Csv rows). No
        /// [ValidateNotNullOrEmpty]: an empty CSV cell is "" and would fail its whole row; blanks are dropped instead,
        /// and none at all is NoScanTargets.
        /// </summary>
        [Parameter(ParameterSetName = ProbelySet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [AllowEmptyString]
        public string[] TargetId { get; set; } = new string[0];

        /// <summary>
        /// The provider of the piped objects' ids, bound from their Provider property: only Probely (any case) or
        /// blank; another provider's scan is refused with ProviderMismatch, since its Id is not a Probely target id.
        /// </summary>
        [Parameter(ParameterSetName = ProbelySet, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [AllowNull]
        public string? Provider { get; set; }

        /// <summary>First run. A time without a zone (e.g. '2026-12-01 02:00') is wall-clock time in -TimeZone.</summary>
        [Parameter(ParameterSetName = ProbelySet, Mandatory = true)]
        public DateTime StartTime { get; set; }

        /// <summary>How often the scan repeats; None schedules one run.</summary>
        [Parameter(ParameterSetName = ProbelySet)]
        public ScheduleRecurrence Recurrence { get; set; } = ScheduleRecurrence.None;

        /// <summary>IANA time zone name (Windows ids accepted where they map); default: this computer's zone.</summary>
        [Parameter(ParameterSetName = ProbelySet)]
        [ArgumentCompleter(typeof(TimeZoneCompleter))]
        [ValidateNotNullOrEmpty]
        public string? TimeZone { get; set; }

        /// <summary>Monthly/Quarterly: the weekday to run on (with -WeekIndex), e.g. the second Tuesday.</summary>
        [Parameter(ParameterSetName = ProbelySet)]
        public DayOfWeek DayOfWeek { get; set; }

        /// <summary>Which -DayOfWeek of the month: First, Second, Third, Fourth or Last.</summary>
        [Parameter(ParameterSetName = ProbelySet)]
        public WeekOfMonth WeekIndex { get; set; }

        /// <summary>Scan profile id; default: each target's own profile.</summary>
        [Parameter(ParameterSetName = ProbelySet)]
        [ArgumentCompleter(typeof(ProbelyScanProfileCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ScanProfile { get; set; }

        /// <summary>Future scans are partial (with -Incremental and/or -ReducedScope); needs -OverrideTargetSettings.</summary>
        [Parameter(ParameterSetName = ProbelySet)]
        public SwitchParameter PartialScan { get; set; }

        /// <summary>The schedule's scan options override the target's own scan settings.</summary>
        [Parameter(ParameterSetName = ProbelySet)]
        public SwitchParameter OverrideTargetSettings { get; set; }

        /// <summary>Future scans are incremental; needs -PartialScan.</summary>
        [Parameter(ParameterSetName = ProbelySet)]
        public SwitchParameter Incremental { get; set; }

        /// <summary>Future scans have a reduced scope; needs -PartialScan.</summary>
        [Parameter(ParameterSetName = ProbelySet)]
        public SwitchParameter ReducedScope { get; set; }

        /// <summary>Targets per request.</summary>
        [Parameter(ParameterSetName = ProbelySet)]
        [ValidateRange(1, 1000)]
        public int BatchSize { get; set; } = DefaultBatchSize;

        /// <summary>The Probely region the API key belongs to (keys work only in their own region).</summary>
        [Parameter(ParameterSetName = ProbelySet)]
        public ProbelyRegion Region { get; set; } = ProbelyRegion.Default;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var request = new ProbelyScheduleRequest
            {
                StartTime = StartTime,
                TimeZone = TimeZone,
                Recurrence = Recurrence,
                DayOfWeek = Bound(nameof(DayOfWeek)) ? DayOfWeek : (DayOfWeek?)null,
                WeekIndex = Bound(nameof(WeekIndex)) ? WeekIndex : (WeekOfMonth?)null,
                ScanProfile = ScanProfile,
                PartialScan = PartialScan.IsPresent,
                OverrideTargetSettings = OverrideTargetSettings.IsPresent,
                Incremental = Incremental.IsPresent,
                ReducedScope = ReducedScope.IsPresent,
            };
            // Every schedule error is reported here, before any pipeline input is read, any credential looked up or anything sent.
            Run(_ => _schedule = request.Validate());
        }

        protected override void ProcessRecord() => Run(_ => _targets.Add(TargetId, Provider));

        protected override void EndProcessing()
        {
            try
            {
                var schedule = _schedule;
                if (schedule == null) return;
                IReadOnlyList<string> ids = Array.Empty<string>();
                Run(_ => ids = _targets.Require(ScheduledScanBulkOperations.CommandName));
                if (_targets.Duplicates > 0) WriteVerboseLine(_targets.Duplicates == 1 ? "1 repeated target id will be scheduled once." : _targets.Duplicates + " repeated target ids will be scheduled once each.");
                var session = Session(ProviderNames.Probely);
                Run(host => ScheduledScanBulkOperations.NewScheduledScans(host, session, ids, schedule, BatchSize));
            }
            finally
            {
                base.EndProcessing();
            }
        }

        // Only when given, so a connection's region (Connect-ScanProvider -Region) applies otherwise.
        protected override void ConfigureSession(ProviderSessionOptions options)
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Region))) options.Region = Region.ToString();
        }

        private bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);
    }
}
