using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Models;

namespace ScanPS.Providers
{
    /// <summary>A provider that can list and read scans (Get-Scan). One implementation per vendor.</summary>
    public interface IScanReader
    {
        /// <summary>Streams scans page by page: the next page is requested only when the caller asks for more.</summary>
        IAsyncEnumerable<Scan> ListScansAsync(ScanListQuery query, CancellationToken cancellationToken);

        /// <summary>One scan; a missing id throws ScanPSException with id ScanNotFound.</summary>
        Task<Scan> GetScanAsync(string id, CancellationToken cancellationToken);
    }

    /// <summary>A provider that can create scans (New-Scan).</summary>
    public interface IScanCreator
    {
        /// <summary>
        /// Creates the scan. Never retried after the vendor may have acted on it. Null when the vendor accepted the
        /// scan but named no scan to show (the provider queues a warning saying so).
        /// </summary>
        Task<Scan?> CreateScanAsync(NewScanRequest request, CancellationToken cancellationToken);
    }

    /// <summary>Provider-specific create input; each provider has its own subclass.</summary>
    public abstract class NewScanRequest
    {
        /// <summary>The ShouldProcess action sentence, e.g. "Create NMAP scan of 2 targets (a, b)".</summary>
        public abstract string Describe();

        /// <summary>Checks the input without sending anything (no credential needed); throws ScanPSException on bad input.</summary>
        public abstract void Validate();

        /// <summary>
        /// The create requests this input becomes, each asked for (ShouldProcess) and sent on its own: one by default;
        /// a vendor that creates one scan per target per request returns one per target.
        /// </summary>
        public virtual IReadOnlyList<NewScanRequest> Parts() => new[] { this };
    }

    /// <summary>A creator whose one create request may answer several scans (New-Scan writes each).</summary>
    public interface IScanSetCreator
    {
        /// <summary>Creates the scans of one request; never retried after the vendor may have acted on it.</summary>
        Task<IReadOnlyList<Scan>> CreateScansAsync(NewScanRequest request, CancellationToken cancellationToken);
    }

    /// <summary>Listing filters. Each provider uses the ones it supports; the cmdlet rejects the others before any request.</summary>
    public sealed class ScanListQuery
    {
        public string[] States { get; set; } = new string[0];

        /// <summary>HostedScan scanner types.</summary>
        public string[] Types { get; set; } = new string[0];

        /// <summary>HostedScan scheduled_by values.</summary>
        public string[] ScheduledBy { get; set; } = new string[0];

        /// <summary>Free-text search passed through to vendors that have one (ProjectDiscovery's search); null when not given.</summary>
        public string? Search { get; set; }

        /// <summary>
        /// Set by a provider whose listing reports how many scans match (ProjectDiscovery's total_results), before the
        /// first scan is yielded; null when the vendor gives no total.
        /// </summary>
        public long? TotalCount { get; set; }
    }
}
