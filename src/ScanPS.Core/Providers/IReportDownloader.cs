using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ScanPS.Providers
{
    /// <summary>
    /// A provider that serves the vendor's own report file of a scan (Save-ScanReport). The downloader finds and asks
    /// for the file and hands back the response with its headers read and its body not yet: the caller streams the
    /// body to disk, so a report of any size never sits in memory.
    /// </summary>
    public interface IReportDownloader
    {
        /// <summary>
        /// The 2xx response carrying the report file (headers read, body not read). The request was checked against the
        /// provider's <see cref="ReportFacts"/> before; throws ScanPSException for refusals (ReportNotFound, ReportNotReady, …).
        /// </summary>
        Task<ReportResponse> OpenReportAsync(ReportRequest request, CancellationToken cancellationToken);
    }

    /// <summary>What to download: the scan, and the format and report type in the provider's spelling (already checked).</summary>
    public sealed class ReportRequest
    {
        public ReportRequest(string scanId, string format)
        {
            ScanId = scanId;
            Format = format;
        }

        public string ScanId { get; }

        /// <summary>One of the provider's <see cref="ReportFacts.Formats"/>.</summary>
        public string Format { get; }

        /// <summary>One of the provider's <see cref="ReportFacts.Types"/>; null for providers without report types.</summary>
        public string? ReportType { get; set; }

        /// <summary>The target the scan belongs to, for providers whose report path names it (<see cref="ReportFacts.NeedsTargetId"/>).</summary>
        public string? TargetId { get; set; }

        /// <summary>How long to wait for a report the vendor is still preparing (<see cref="ReportFacts.WaitsForReport"/>).</summary>
        public TimeSpan Timeout { get; set; } = ReportFacts.DefaultTimeout;
    }

    /// <summary>The open response of a report download; disposing it closes the connection's body.</summary>
    public sealed class ReportResponse : IDisposable
    {
        public ReportResponse(HttpResponseMessage response, string request)
        {
            Response = response;
            Request = request;
        }

        public HttpResponseMessage Response { get; }

        /// <summary>"GET /v1/results/…", for messages.</summary>
        public string Request { get; }

        /// <summary>The file extension (without the dot) the answer calls for, or null to use the requested format's.</summary>
        public string? Extension { get; set; }

        /// <summary>The body's length when the vendor sent Content-Length.</summary>
        public long? Length => Response.Content.Headers.ContentLength;

        public void Dispose() => Response.Dispose();
    }
}
