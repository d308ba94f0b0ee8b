using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ScanPS.Providers.Invicti
{
    /// <summary>
    /// NewScanTaskApiModel (Swagger): the fields New-Scan sends. The document marks none required; a field left out
    /// takes the vendor's default (PolicyId: Default Security Checks; Scope: EnteredPathAndBelow).
    /// </summary>
    internal sealed class InvictiNewScanBody
    {
        public string TargetUri { get; set; } = string.Empty;

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? PolicyId { get; set; }

        /// <summary>EnteredPathAndBelow, OnlyEnteredUrl or WholeDomain.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Scope { get; set; }
    }

    /// <summary>NewScanTaskWithProfileApiModel: both fields required.</summary>
    internal sealed class InvictiNewScanWithProfileBody
    {
        public string ProfileName { get; set; } = string.Empty;

        public string TargetUri { get; set; } = string.Empty;
    }

    /// <summary>ScanPolicySettingApiModel: only what name resolution needs.</summary>
    internal sealed class InvictiWireScanPolicy
    {
        public string? Id { get; set; }

        public string? Name { get; set; }
    }

    [JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
    [JsonSerializable(typeof(InvictiNewScanBody))]
    [JsonSerializable(typeof(InvictiNewScanWithProfileBody))]
    [JsonSerializable(typeof(InvictiWireScanPolicy))]
    [JsonSerializable(typeof(List<InvictiWireScanTask>))]
    internal sealed partial class InvictiScanCreationJsonContext : JsonSerializerContext
    {
    }
}
