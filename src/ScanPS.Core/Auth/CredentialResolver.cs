using System;
using System.Security;
using ScanPS.Operations;

namespace ScanPS.Auth
{
    /// <summary>
    /// The documented lookup order, the same for every provider:
    /// explicit -ApiKey / -Credential, then the environment variable SCANPS_&lt;PROVIDER&gt;_API_KEY,
    /// then a terminating NoCredentialResolved error that names each option.
    /// </summary>
    public static class CredentialResolver
    {
        public static string ApiKeyVariable(string provider) => "SCANPS_" + provider.ToUpperInvariant() + "_API_KEY";

        public static ApiKeyCredential Resolve(
            string provider,
            SecureString? apiKey,
            SecureString? credentialPassword,
            string? credentialUserName,
            Func<string, string?> getEnvironmentVariable)
        {
            if (apiKey != null && credentialPassword != null)
            {
                throw new ScanPSError(
                    "ConflictingCredentialParameters",
                    ScanPSErrorCategory.InvalidArgument,
                    "-ApiKey and -Credential both give the " + provider + " API key. Use one of them.")
                { RecommendedAction = "Remove -ApiKey or -Credential." }.ToException();
            }

            if (apiKey != null) return NonEmpty(new ApiKeyCredential(apiKey, "the -ApiKey parameter"), provider);
            if (credentialPassword != null)
            {
                return NonEmpty(new ApiKeyCredential(credentialPassword, "the -Credential parameter", credentialUserName), provider);
            }

            string variable = ApiKeyVariable(provider);
            string? fromEnvironment = getEnvironmentVariable(variable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return new ApiKeyCredential(ApiKeyCredential.ToSecureString(fromEnvironment!.Trim()), "environment variable " + variable);
            }

            throw new ScanPSError(
                "NoCredentialResolved",
                ScanPSErrorCategory.AuthenticationError,
                "No " + provider + " API key was found. Pass -ApiKey <SecureString> or -Credential <PSCredential> (the password is the key), or set the environment variable " + variable + ".",
                provider)
            {
                RecommendedAction = "Pass -ApiKey (Read-Host -AsSecureString) or -Credential (Get-Credential), or set $env:" + variable + ".",
            }.ToException();
        }

        private static ApiKeyCredential NonEmpty(ApiKeyCredential credential, string provider)
        {
            if (!credential.IsEmpty) return credential;
            throw new ScanPSError(
                "NoCredentialResolved",
                ScanPSErrorCategory.AuthenticationError,
                "The " + provider + " API key given by " + credential.Source + " is empty.",
                provider)
            { RecommendedAction = "Pass the API key created in the vendor's settings." }.ToException();
        }
    }
}
