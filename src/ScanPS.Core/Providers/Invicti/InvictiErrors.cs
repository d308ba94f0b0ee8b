using System;
using ScanPS.Errors;

namespace ScanPS.Providers.Invicti
{
    /// <summary>Invicti answers that are refusals although their status is 2xx (the shared mapping handles the rest).</summary>
    internal static class InvictiErrors
    {
        /// <summary>
        /// newfromscan answered a bare string instead of a scan (UNCONFIRMED for this endpoint: the Swagger document
        /// gives only 201 + ScanTaskModel, but Invicti's cancel/pause/resume answer 200 + an enum such as ScanNotFound).
        /// </summary>
        public static ScanPSError FromResultString(string result, string scanId, int statusCode)
        {
            bool notFound = string.Equals(result, "ScanNotFound", StringComparison.OrdinalIgnoreCase) ||
                            string.Equals(result, "NotFound", StringComparison.OrdinalIgnoreCase);
            return notFound
                ? new ScanPSError(ErrorIds.ScanNotFound, ScanPSErrorCategory.ObjectNotFound,
                    "Invicti did not launch a new scan from scan " + scanId + ": it answered " + result + ".", scanId)
                {
                    StatusCode = statusCode,
                    Details = result,
                    RecommendedAction = "Check the id; Get-Scan -Provider Invicti lists what exists.",
                }
                : new ScanPSError(ErrorIds.ScanNotRelaunched, ScanPSErrorCategory.InvalidOperation,
                    "Invicti did not launch a new scan from scan " + scanId + ": it answered " + result + ".", scanId)
                {
                    StatusCode = statusCode,
                    Details = result,
                    RecommendedAction = "See Invicti's answer in ErrorDetails; Get-Scan -Provider Invicti -Id " + scanId + " shows the scan.",
                };
        }

    }
}
