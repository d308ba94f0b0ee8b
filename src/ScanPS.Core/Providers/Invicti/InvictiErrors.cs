using System;
using System.Security.Authentication;
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
        /// Adjusts a shared error for Invicti: a 401 names Invicti's two credential parts, and a TLS certificate
        /// that is not trusted becomes CertificateNotTrusted (with the -SkipCertificateCheck hint) instead of a
        /// generic ConnectionFailed. Other errors pass through unchanged.
        /// </summary>
        public static ScanPSError Refine(ScanPSError error)
        {
            if (error.ErrorId == "AuthenticationFailed")
            {
                error.RecommendedAction = CredentialAction;
                return error;
            }

            if (error.ErrorId == "ConnectionFailed" && IsCertificateFailure(error.InnerException))
            {
                return new ScanPSError(
                    "CertificateNotTrusted",
                    ScanPSErrorCategory.SecurityError,
                    error.Message.Replace("Could not reach", "Refused the TLS certificate of"),
                    error.TargetObject)
                {
                    InnerException = error.InnerException,
                    RecommendedAction = "Trust the server's certificate authority on this computer, or, for an on-premises server you control, add -SkipCertificateCheck (this command only).",
                };
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

        private static bool IsCertificateFailure(Exception? exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is AuthenticationException) return true;
            }

            return false;
        }
    }
}
