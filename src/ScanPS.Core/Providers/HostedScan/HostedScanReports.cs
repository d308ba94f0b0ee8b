using System;
using System.Linq;

namespace ScanPS.Providers.HostedScan
{
    /// <summary>
    /// Save-ScanReport on HostedScan: a scan's results[] name result ids with a content type each (text/html,
    /// application/pdf, application/xml, application/json: hostedscan-docs-gitbook api/scans); -Format picks the result.
    /// </summary>
    internal static class HostedScanReports
    {
        public static readonly ReportFacts Facts = new ReportFacts(ProviderNames.HostedScan, new[] { "Pdf", "Html", "Xml", "Json" }, "Pdf");

        /// <summary>The content types a format's result may carry.</summary>
        public static string[] ContentTypes(string format)
        {
            switch (format)
            {
                case "Pdf": return new[] { "application/pdf" };
                case "Html": return new[] { "text/html" };
                case "Xml": return new[] { "application/xml", "text/xml" };
                default: return new[] { "application/json" };
            }
        }

        /// <summary>The format of a result's content type (its media type, parameters ignored), or the content type itself.</summary>
        public static string FormatOf(string? contentType)
        {
            string media = MediaType(contentType);
            return Facts.Formats.FirstOrDefault(f => ContentTypes(f).Contains(media, StringComparer.OrdinalIgnoreCase)) ?? media;
        }

        public static string MediaType(string? contentType)
        {
            string text = (contentType ?? string.Empty).Trim();
            int semicolon = text.IndexOf(';');
            return (semicolon < 0 ? text : text.Substring(0, semicolon)).Trim();
        }
    }
}
