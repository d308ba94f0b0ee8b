using System.Collections.Generic;
using System.Text.Json;
using ScanPS.Errors;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>
    /// Adds what the PDCP ErrorResponse carries beyond its message — the offending parameter (param) and the
    /// vendor's error id (error_id) — to the error VendorErrors built from the status.
    /// </summary>
    internal static class ProjectDiscoveryErrors
    {
        public static ScanPSError Enrich(ScanPSError error, string body)
        {
            ProjectDiscoveryWireError? wire;
            try
            {
                wire = string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize(body, ProjectDiscoveryJsonContext.Default.ProjectDiscoveryWireError);
            }
            catch (JsonException)
            {
                return error; // not the documented shape (a proxy page, say): keep the generic error
            }

            if (wire == null || (string.IsNullOrEmpty(wire.Param) && string.IsNullOrEmpty(wire.ErrorId))) return error;

            var extra = new List<string>();
            if (!string.IsNullOrEmpty(wire.Param)) extra.Add("parameter '" + wire.Param + "'");
            if (!string.IsNullOrEmpty(wire.ErrorId)) extra.Add("error id " + wire.ErrorId);
            string suffix = " (" + string.Join(", ", extra) + ")";
            string message = error.Message.EndsWith(".") ? error.Message.Substring(0, error.Message.Length - 1) + suffix + "." : error.Message + suffix;

            return new ScanPSError(error.ErrorId, error.Category, message, error.TargetObject)
            {
                Details = (error.Details ?? string.Empty) + suffix,
                RecommendedAction = error.RecommendedAction,
                StatusCode = error.StatusCode,
                VendorRequestId = string.IsNullOrEmpty(wire.ErrorId) ? error.VendorRequestId : wire.ErrorId,
                InnerException = error.InnerException,
            };
        }
    }
}
