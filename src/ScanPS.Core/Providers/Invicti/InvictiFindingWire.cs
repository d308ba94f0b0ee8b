using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScanPS.Providers.Invicti
{
    // Wire shapes of scans/report/?type=Vulnerabilities&format=Json (the shape of DefectDojo's Invicti fixture
    // unittests/scans/invicti/invicti_one_finding.json; that it is exactly this call's output is UNCONFIRMED), of
    // scans/result/{id} (VulnerabilityModel) and of vulnerability/list (VulnerabilityTemplate) in the Swagger document.
    // Enums, dates and the CVSS values (text "5.7" and an int severity in the fixture) stay open.

    internal sealed class InvictiWireReport
    {
        public string? Generated { get; set; }
        public InvictiWireReportTarget? Target { get; set; }
        public List<InvictiWireReportVulnerability?>? Vulnerabilities { get; set; }
    }

    internal sealed class InvictiWireReportTarget
    {
        public string? ScanId { get; set; }
        public string? Url { get; set; }
        public string? Initiated { get; set; }
        public string? Duration { get; set; }
    }

    internal sealed class InvictiWireReportVulnerability
    {
        public string? LookupId { get; set; }
        public string? Name { get; set; }
        public string? Type { get; set; }
        public string? Severity { get; set; }
        public string? State { get; set; }
        public bool? IsPresent { get; set; }
        public bool? Confirmed { get; set; }
        public JsonElement? Certainty { get; set; }
        public InvictiWireClassification? Classification { get; set; }
        public string? FirstSeenDate { get; set; }
        public string? LastSeenDate { get; set; }
        public string? Url { get; set; }
        public InvictiWireHttpRequest? HttpRequest { get; set; }
        public string? Description { get; set; }
        public string? Impact { get; set; }
        public string? RemedialProcedure { get; set; }
    }

    internal sealed class InvictiWireClassification
    {
        public string? Cwe { get; set; }
        public string? Capec { get; set; }
        public string? Owasp { get; set; }
        public string? Wasc { get; set; }
        public string? Pci32 { get; set; }
        public string? Hipaa { get; set; }
        public string? Iso27001 { get; set; }
        public InvictiWireCvss? Cvss { get; set; }
        public InvictiWireCvss? Cvss31 { get; set; }
    }

    internal sealed class InvictiWireCvss
    {
        public InvictiWireCvssScore? BaseScore { get; set; }
        public string? Vector { get; set; }
    }

    internal sealed class InvictiWireCvssScore
    {
        /// <summary>"5.7" in the fixture; a number is read too.</summary>
        public JsonElement? Value { get; set; }

        /// <summary>An int (2) in the fixture, a name in CvssScoreValue: kept open.</summary>
        public JsonElement? Severity { get; set; }
    }

    internal sealed class InvictiWireHttpRequest
    {
        public string? Method { get; set; }
    }

    /// <summary>VulnerabilityModel of scans/result/{id}: no severity, id, state or dates.</summary>
    internal sealed class InvictiWireVulnerabilityModel
    {
        public string? IssueUrl { get; set; }
        public string? Title { get; set; }
        public string? Type { get; set; }
        public string? Url { get; set; }
    }

    /// <summary>VulnerabilityTemplate of vulnerability/list: the type's severity under a report policy.</summary>
    internal sealed class InvictiWireVulnerabilityTemplate
    {
        public string? Type { get; set; }
        public string? Severity { get; set; }
        public string? Summary { get; set; }
        public string? Description { get; set; }
        public string? Impact { get; set; }
        public string? Remedy { get; set; }
        public string? Order { get; set; }
        public InvictiWireTemplateClassification? Classification { get; set; }
        public string? CvssVectorString { get; set; }
        public string? Cvss31VectorString { get; set; }
        public Dictionary<string, InvictiWireCvssScore?>? CvssVector { get; set; }
        public Dictionary<string, InvictiWireCvssScore?>? Cvss31Vector { get; set; }
    }

    internal sealed class InvictiWireTemplateClassification
    {
        public string? Cwe { get; set; }
        public string? Capec { get; set; }
        public string? Owasp2017 { get; set; }
        public string? OwaspTopTen2021 { get; set; }
        public string? Wasc { get; set; }
        public string? Pci32 { get; set; }
        public string? Hipaa { get; set; }
        public string? Iso27001 { get; set; }
    }

    [JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
    [JsonSerializable(typeof(InvictiWireReport))]
    [JsonSerializable(typeof(List<InvictiWireVulnerabilityModel?>))]
    [JsonSerializable(typeof(List<InvictiWireVulnerabilityTemplate?>))]
    internal sealed partial class InvictiFindingJsonContext : JsonSerializerContext
    {
    }
}
