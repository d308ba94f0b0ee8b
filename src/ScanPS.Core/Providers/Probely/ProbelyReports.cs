namespace ScanPS.Providers.Probely
{
    /// <summary>
    /// Save-ScanReport on Probely: GET /targets/{target_id}/scans/{id}/report/, a PDF "using the report type specified
    /// for the target". The target's report_fileformat may be docx (probely-python ReportFileformat), so the file's
    /// extension comes from the answer's Content-Type (UNCONFIRMED that a DOCX target answers with a Word Content-Type).
    /// </summary>
    internal static class ProbelyReports
    {
        public static readonly ReportFacts Facts = new ReportFacts(ProviderNames.Probely, new[] { "Pdf" }, "Pdf")
        {
            NeedsTargetId = true,
            ExtensionFromContentType = true,
        };
    }
}
