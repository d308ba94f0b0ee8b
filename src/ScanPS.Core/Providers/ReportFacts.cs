using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Errors;

namespace ScanPS.Providers
{
    /// <summary>
    /// What a provider's report download accepts (Save-ScanReport), declared by its definition
    /// (<see cref="ProviderDefinition.Reports"/>): the formats it serves, its report types if it has any, and whether
    /// it needs a target id or may answer "not ready yet". Save-ScanReport checks every value against these before any
    /// request, and completes -Format and -ReportType from them.
    /// </summary>
    public sealed class ReportFacts
    {
        /// <summary>-Timeout when none is given: how long a report that is still being prepared is waited for.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

        private readonly Func<string, string>? _defaultType;

        public ReportFacts(string provider, IReadOnlyList<string> formats, string defaultFormat, IReadOnlyList<string>? types = null, Func<string, string>? defaultType = null)
        {
            Provider = provider;
            Formats = formats;
            DefaultFormat = defaultFormat;
            Types = types ?? new string[0];
            _defaultType = defaultType;
        }

        public string Provider { get; }

        /// <summary>The formats -Format takes, in the provider's spelling (Pdf, Html, Xml, Json, Csv, Txt).</summary>
        public IReadOnlyList<string> Formats { get; }

        public string DefaultFormat { get; }

        /// <summary>The report types -ReportType takes; empty when the provider has none (then -ReportType is refused).</summary>
        public IReadOnlyList<string> Types { get; }

        /// <summary>True when the report's path names the scan's target (-TargetId, or the piped scan's TargetId).</summary>
        public bool NeedsTargetId { get; set; }

        /// <summary>True when the vendor may answer "not ready" and the report is asked for again until -Timeout.</summary>
        public bool WaitsForReport { get; set; }

        /// <summary>True when the file's extension comes from the answer's Content-Type rather than the format.</summary>
        public bool ExtensionFromContentType { get; set; }

        /// <summary>The report type used when -ReportType is not given, for a format; null for providers without types.</summary>
        public string? DefaultType(string format) => Types.Count == 0 ? null : _defaultType?.Invoke(format) ?? Types[0];

        /// <summary>The format in the provider's spelling (any case), or InvalidReportFormat (InvalidArgument).</summary>
        public string NormaliseFormat(string? format)
        {
            if (format == null) return DefaultFormat;
            string? known = Formats.FirstOrDefault(f => string.Equals(f, format.Trim(), StringComparison.OrdinalIgnoreCase));
            if (known != null) return known;
            throw new ScanPSError(
                ErrorIds.InvalidReportFormat,
                ScanPSErrorCategory.InvalidArgument,
                "'" + format + "' is not a report format of " + Provider + ". Use one of: " + string.Join(", ", Formats) + ". Nothing was sent.",
                format)
            { RecommendedAction = "Pass -Format " + string.Join(", ", Formats) + " (it tab-completes)." }.ToException();
        }

        /// <summary>The report type in the provider's spelling, the default one when null, or InvalidReportType / ParameterNotValidForProvider.</summary>
        public string? NormaliseType(string? type, string format)
        {
            if (type == null) return DefaultType(format);
            if (Types.Count == 0)
            {
                throw new ScanPSError(
                    ErrorIds.ParameterNotValidForProvider,
                    ScanPSErrorCategory.InvalidArgument,
                    "-ReportType cannot be used with Save-ScanReport -Provider " + Provider + ": it has no report types, only the formats " + string.Join(", ", Formats) + ". Nothing was sent.",
                    type)
                { RecommendedAction = "Leave out -ReportType for " + Provider + "." }.ToException();
            }

            string? known = Types.FirstOrDefault(t => string.Equals(t, type.Trim(), StringComparison.OrdinalIgnoreCase));
            if (known != null) return known;
            throw new ScanPSError(
                ErrorIds.InvalidReportType,
                ScanPSErrorCategory.InvalidArgument,
                "'" + type + "' is not a report type of " + Provider + ". Use one of: " + string.Join(", ", Types) + ". Nothing was sent.",
                type)
            { RecommendedAction = "Pass one of the documented -ReportType values (it tab-completes)." }.ToException();
        }

        /// <summary>The file extension for a format (pdf, html, …).</summary>
        public static string ExtensionOf(string format) => format.ToLowerInvariant();

        /// <summary>The extension for a Content-Type (application/pdf → pdf, a Word document → docx), or null when unknown.</summary>
        public static string? ExtensionOfContentType(string? mediaType)
        {
            switch ((mediaType ?? string.Empty).Trim().ToLowerInvariant())
            {
                case "application/pdf": return "pdf";
                case "application/vnd.openxmlformats-officedocument.wordprocessingml.document": return "docx";
                case "application/msword": return "doc";
                case "text/html": return "html";
                case "application/xml":
                case "text/xml": return "xml";
                case "application/json": return "json";
                case "text/csv": return "csv";
                case "text/plain": return "txt";
                case "application/zip": return "zip";
                default: return null;
            }
        }
    }
}
