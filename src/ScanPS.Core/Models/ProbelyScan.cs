using System;
using System.Globalization;

namespace ScanPS.Models
{
    /// <summary>
    /// A Probely scan (the Scan object of GET /scans/, GET /scans/{id}/ and POST /targets/{target_id}/scan_now/).
    /// <see cref="TargetId"/> is the scan's target: cancelling a scan, re-running it and reading its findings go
    /// through /targets/{target_id}/…, so it binds by property name to the commands that need it.
    /// </summary>
    public sealed class ProbelyScan : Scan
    {
        public ProbelyScan(string id) : base(ProviderNames.Probely, id)
        {
        }

        // Declared again so that PowerShell lists them first (Format-List *, Export-Csv columns).
        public override string Provider => base.Provider;

        public override string Id => base.Id;

        public override ScanState State { get => base.State; internal set => base.State = value; }

        /// <summary>queued, started, under_review, finishing_up, completed, completed_with_errors, failed, canceling, canceled, pausing, paused, resuming (kept open).</summary>
        public override string? VendorState { get => base.VendorState; internal set => base.VendorState = value; }

        /// <summary>The scan's target (target.id).</summary>
        public string? TargetId { get; internal set; }

        /// <summary>The target's site name (target.site.name).</summary>
        public string? TargetName { get; internal set; }

        /// <summary>The target's site URL (target.site.url).</summary>
        public string? TargetUrl { get; internal set; }

        /// <summary>The target's host (target.site.host).</summary>
        public string? TargetHost { get; internal set; }

        /// <summary>single (a web application) or api (kept open).</summary>
        public string? TargetType { get; internal set; }

        /// <summary>The scan profile id (lightning, safe, normal, full, api_normal or a custom profile's id).</summary>
        public string? ScanProfile { get; internal set; }

        public DateTimeOffset? Created { get; internal set; }

        public DateTimeOffset? Started { get; internal set; }

        /// <summary>When the scan ended; null while it runs.</summary>
        public DateTimeOffset? Completed { get; internal set; }

        /// <summary>When the scan last changed.</summary>
        public DateTimeOffset? Changed { get; internal set; }

        /// <summary>The runtime exactly as sent (format UNCONFIRMED).</summary>
        public string? Runtime { get; internal set; }

        /// <summary>Findings of each severity so far (lows, mediums, highs, criticals).</summary>
        public int? Lows { get; internal set; }

        public int? Mediums { get; internal set; }

        public int? Highs { get; internal set; }

        public int? Criticals { get; internal set; }

        public bool? Incremental { get; internal set; }

        public bool? ReducedScope { get; internal set; }

        public bool? Unlimited { get; internal set; }

        public bool? IgnoreBlackoutPeriod { get; internal set; }

        /// <summary>The e-mail (else the name) of the user who started the scan (created_by).</summary>
        public string? CreatedBy { get; internal set; }

        /// <summary>The crawler, fingerprinter and scanner errors the vendor reported (crawler.error …), in that order.</summary>
        public ValueList<string> Errors { get; internal set; } = ValueList<string>.Empty;

        /// <summary>The crawler, fingerprinter and scanner warnings (crawler.warning …).</summary>
        public ValueList<string> Warnings { get; internal set; } = ValueList<string>.Empty;

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "Probely scan {0} of {1} ({2})", Id, TargetUrl ?? TargetId, VendorState ?? State.ToString());
    }
}
