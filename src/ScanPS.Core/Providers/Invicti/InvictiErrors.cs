using System;
using ScanPS.Operations;

namespace ScanPS.Providers.Invicti
{
    /// <summary>Invicti-specific wording on top of the shared error mapping (VendorErrors).</summary>
    internal static class InvictiErrors
    {
        public const string CredentialAction =
            "Check the API user id and token (Invicti: your user menu → API Settings): pass -Credential (user name = API user id, password = API token), " +
            "or set $env:SCANPS_INVICTI_USER_ID and $env:SCANPS_INVICTI_API_TOKEN, and check that they belong to this base URI.";

        /// <summary>
        /// Adjusts a shared error for Invicti: a 401 names Invicti's two credential parts. Other errors pass
        /// through unchanged (an untrusted certificate is CertificateNotTrusted in the shared HTTP path).
        /// </summary>
        public static ScanPSError Refine(ScanPSError error)
        {
            if (error.ErrorId == "AuthenticationFailed")
            {
                error.RecommendedAction = CredentialAction;
                return error;
            }


            return error;
        }

        /// <summary>
        /// newfromscan answered a bare string instead of a scan (UNCONFIRMED for this endpoint: the Swagger document
        /// gives only 201 + ScanTaskModel, but Invicti's cancel/pause/resume answer 200 + an enum such as ScanNotFound).
        /// </summary>
        public static ScanPSError FromResultString(string result, string scanId, int statusCode)
        {
            bool notFound = string.Equals(result, "ScanNotFound", StringComparison.OrdinalIgnoreCase) ||
                            string.Equals(result, "NotFound", StringComparison.OrdinalIgnoreCase);
            return notFound
                ? new ScanPSError("ScanNotFound", ScanPSErrorCategory.ObjectNotFound,
                    "Invicti did not launch a new scan from scan " + scanId + ": it answered " + result + ".", scanId)
                {
                    StatusCode = statusCode,
                    Details = result,
                    RecommendedAction = "Check the id; Get-Scan -Provider Invicti lists what exists.",
                }
                : new ScanPSError("ScanNotRelaunched", ScanPSErrorCategory.InvalidOperation,
                    "Invicti did not launch a new scan from scan " + scanId + ": it answered " + result + ".", scanId)
                {
                    StatusCode = statusCode,
                    Details = result,
                    RecommendedAction = "See Invicti's answer in ErrorDetails; Get-Scan -Provider Invicti -Id " + scanId + " shows the scan.",
                };
        }

    }
}
