using System;
using System.Collections.Generic;
using System.Linq;

namespace ScanPS.Providers.HostedScan
{
    /// <summary>New-Scan -Provider HostedScan: POST /v1/scans.</summary>
    public sealed class HostedScanNewScanRequest : NewScanRequest
    {
        public string Type { get; set; } = string.Empty;
        public IList<string> Targets { get; set; } = new List<string>();
        public IList<string> TargetIds { get; set; } = new List<string>();
        public IList<string> Tags { get; set; } = new List<string>();

        /// <summary>null: not sent (the vendor's default); true/false: sent as given.</summary>
        public bool? UseAuthentication { get; set; }

        public override string Describe()
        {
            var parts = new List<string>();
            if (Targets.Count > 0) parts.Add(Count(Targets.Count, "target") + List(Targets));
            if (TargetIds.Count > 0) parts.Add(Count(TargetIds.Count, "target id") + List(TargetIds));
            if (Tags.Count > 0) parts.Add("targets tagged " + string.Join(", ", Tags));
            string of = parts.Count == 0 ? "no targets" : string.Join(" and ", parts);
            return "Create " + Type.ToUpperInvariant() + " scan of " + of + (UseAuthentication == true ? " with authentication" : string.Empty);
        }

        public override void Validate() => HostedScanClient.Prepare(this);

        private static string Count(int n, string noun) => n + " " + noun + (n == 1 ? string.Empty : "s");

        private static string List(IList<string> values) =>
            " (" + string.Join(", ", values.Take(5)) + (values.Count > 5 ? ", … " + (values.Count - 5) + " more" : string.Empty) + ")";
    }
}
