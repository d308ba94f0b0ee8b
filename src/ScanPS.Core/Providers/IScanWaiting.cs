using System;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Models;

namespace ScanPS.Providers
{
    /// <summary>
    /// A provider whose scans Wait-Scan can follow: one cheap status read per poll, and the full scan once it is
    /// finished (vendors whose status read is the full scan return it from both).
    /// </summary>
    public interface IScanStatusReader
    {
        /// <summary>
        /// One poll of the scan (the vendor's cheapest status call). A GET: the transport may retry it, honouring
        /// Retry-After. <paramref name="scan"/> is the scan id and, for vendors whose path needs more (Probely's
        /// target), the reference the command collected.
        /// </summary>
        Task<ScanPoll> PollScanAsync(ScanReference scan, CancellationToken cancellationToken);

        /// <summary>The full scan after <see cref="PollScanAsync"/> saw it finished (one detail call where the poll was not one).</summary>
        Task<Scan> FinishedScanAsync(ScanReference scan, ScanPoll lastPoll, CancellationToken cancellationToken);
    }

    /// <summary>A provider that can stop a running scan (Stop-Scan). Stops are never retried once they may have reached the vendor.</summary>
    public interface IScanStopper
    {
        /// <summary>
        /// Stops the scan; a vendor refusal throws ScanPSException with the vendor's reason. Returns the updated scan
        /// when the vendor's answer is one (Probely), else null (Stop-Scan -PassThru then reads it).
        /// </summary>
        Task<Scan?> StopScanAsync(ScanReference scan, CancellationToken cancellationToken);
    }

    /// <summary>What names one scan for Wait-Scan and Stop-Scan: its id (normalised), and the target for vendors that need it.</summary>
    public sealed class ScanReference
    {
        public ScanReference(string id, string? targetId = null)
        {
            Id = id;
            TargetId = targetId;
        }

        public string Id { get; }

        /// <summary>The scan's target (Probely paths name it); null for vendors that need none.</summary>
        public string? TargetId { get; }

        public override string ToString() => Id;
    }

    /// <summary>One poll's answer: the state and, where the vendor gives one, the percentage and the scan as now read.</summary>
    public sealed class ScanPoll
    {
        public ScanPoll(Scan scan, int? percent)
        {
            Scan = scan;
            Percent = percent.HasValue ? Math.Max(0, Math.Min(100, percent.Value)) : (int?)null;
        }

        /// <summary>The scan as last seen (for Invicti built from scans/status: id, state and steps only).</summary>
        public Scan Scan { get; }

        /// <summary>0–100 when the vendor reports progress; null otherwise.</summary>
        public int? Percent { get; }

        /// <summary>The longest Retry-After the vendor asked for while answering this poll; null when it asked for none.</summary>
        public TimeSpan? RetryAfter { get; set; }
    }
}
