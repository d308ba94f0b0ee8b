using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Models;

namespace ScanPS.Providers
{
    /// <summary>A provider that can schedule recurring scans for many targets in one request (New-ScheduledScanBulk).</summary>
    public interface IScheduledScanCreator
    {
        /// <summary>
        /// Schedules scans of <paramref name="targetIds"/> (one batch) and returns what the vendor created.
        /// Never retried after the vendor may have acted on it; a refusal throws ScanPSException.
        /// </summary>
        Task<IReadOnlyList<ScheduledScan>> CreateScheduledScansAsync(IReadOnlyList<string> targetIds, ScheduledScanSchedule schedule, CancellationToken cancellationToken);

        /// <summary>Every scheduled scan of the account (all pages), so that a repeated schedule can be reported before it is created.</summary>
        Task<IReadOnlyList<ScheduledScan>> ListScheduledScansAsync(CancellationToken cancellationToken);
    }

    /// <summary>A validated schedule; each provider has its own subclass, built before any request.</summary>
    public abstract class ScheduledScanSchedule
    {
        /// <summary>The schedule in words for -WhatIf and -Confirm, e.g. "every week from 2026-12-01 02:00 Europe/Lisbon (+00:00)".</summary>
        public abstract string Describe();

        /// <summary>True when <paramref name="existing"/> already runs at this schedule's start with its recurrence.</summary>
        public abstract bool IsRepeatedBy(ScheduledScan existing);
    }
}
