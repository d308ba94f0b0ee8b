using System;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>
    /// Save-ScanReport on ProjectDiscovery: GET /v1/scans/{scan_id}/export?type=json|csv|pdf. A 201 with an export_id
    /// means the export is not ready; asking the same request again later is the only route the spec leaves
    /// (UNCONFIRMED that the platform then answers 200 with the file: vendor-apis.md 5.2).
    /// </summary>
    internal static class ProjectDiscoveryReports
    {
        public static readonly ReportFacts Facts = new ReportFacts(ProviderNames.ProjectDiscovery, new[] { "Pdf", "Json", "Csv" }, "Pdf")
        {
            WaitsForReport = true,
        };

        /// <summary>The first wait after a 201; each later wait doubles, up to <see cref="MaxDelay"/>.</summary>
        public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

        public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(15);

        /// <summary>The spec's value of the type query parameter (json, csv, pdf).</summary>
        public static string TypeOf(string format) => format.ToLowerInvariant();
    }
}
