namespace ScanPS.Providers.Invicti
{
    /// <summary>
    /// Save-ScanReport on Invicti: scans/report's format and type enums from the Swagger document (operationId
    /// Scans_Report). Its format description says Crawled, Scanned and Vulnerabilities come as XML, CSV or JSON; scan
    /// detail, compliance, executive summary and knowledge base reports as HTML or PDF; ModSecurity WAF rules as TXT.
    /// So the default type follows the format; a pair the vendor does not serve is refused by the vendor (400, its
    /// message shown), because the document does not pair every type with its formats.
    /// </summary>
    internal static class InvictiReports
    {
        public static readonly string[] Formats = { "Pdf", "Html", "Xml", "Csv", "Json", "Txt" };

        /// <summary>The 25 values of the type parameter, in the Swagger document's order.</summary>
        public static readonly string[] Types =
        {
            "Crawled", "Scanned", "Vulnerabilities", "ScanDetail", "ModSecurityWafRules", "OwaspTopTen2013", "HIPAACompliance",
            "Pci32", "KnowledgeBase", "ExecutiveSummary", "FullScanDetail", "OwaspTopTen2017", "CustomReport", "Iso27001Compliance",
            "F5BigIpAsmWafRules", "WASC", "SansTop25", "Asvs40", "Nistsp80053", "DisaStig", "OwaspApiTop10", "OwaspTopTen2021",
            "VulnerabilitiesPerWebsite", "OwaspApiTopTen2023", "PciDss40",
        };

        public static readonly ReportFacts Facts = new ReportFacts(ProviderNames.Invicti, Formats, "Pdf", Types, DefaultType);

        /// <summary>ScanDetail for Pdf and Html, Vulnerabilities for Xml, Csv and Json, ModSecurityWafRules for Txt.</summary>
        public static string DefaultType(string format)
        {
            switch (format)
            {
                case "Xml":
                case "Csv":
                case "Json":
                    return "Vulnerabilities";
                case "Txt":
                    return "ModSecurityWafRules";
                default:
                    return "ScanDetail";
            }
        }
    }
}
