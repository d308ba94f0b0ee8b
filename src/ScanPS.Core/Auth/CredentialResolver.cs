using System;
using System.Linq;
using System.Security;
using ScanPS.Errors;
using ScanPS.Http;

namespace ScanPS.Auth
{
    /// <summary>
    /// The documented lookup order (about_ScanPS_Authentication), the same for every provider and command:
    /// explicit -ApiKey / -Credential, then -Connection, then the provider's default session connection
    /// (Connect-ScanProvider), then the provider's environment variables (<see cref="CredentialSpec"/>),
    /// then a terminating NoCredentialResolved error that names each option.
    /// </summary>
    public static class CredentialResolver
    {
        /// <summary>The lookup without a connection: an explicit credential, else the environment.</summary>
        public static ApiKeyCredential Resolve(
            CredentialSpec spec,
            SecureString? apiKey,
            SecureString? credentialPassword,
            string? credentialUserName,
            Func<string, string?> getEnvironmentVariable) =>
            Resolve(spec, apiKey, credentialPassword, credentialUserName, null, null, getEnvironmentVariable);

        public static ApiKeyCredential Resolve(
            CredentialSpec spec,
            SecureString? apiKey,
            SecureString? credentialPassword,
            string? credentialUserName,
            ApiKeyCredential? connection,
            ApiKeyCredential? defaultConnection,
            Func<string, string?> getEnvironmentVariable)
        {
            string provider = spec.Provider;
            if (apiKey != null && credentialPassword != null)
            {
                throw new ScanPSError(
                    ErrorIds.ConflictingCredentialParameters,
                    ScanPSErrorCategory.InvalidArgument,
                    "-ApiKey and -Credential both give the " + provider + " " + spec.SecretName + ". Use one of them.")
                { RecommendedAction = "Remove -ApiKey or -Credential." }.ToException();
            }

            ApiKeyCredential? found = null;
            if (apiKey != null) found = NonEmpty(new ApiKeyCredential(apiKey, "the -ApiKey parameter"), spec);
            else if (credentialPassword != null)
            {
                found = NonEmpty(new ApiKeyCredential(credentialPassword, "the -Credential parameter", Blank(credentialUserName)), spec);
            }
            else if (connection != null) found = connection;
            else if (defaultConnection != null) found = defaultConnection;
            else
            {
                foreach (var variable in spec.SecretVariables)
                {
                    string? fromEnvironment = getEnvironmentVariable(variable);
                    if (!string.IsNullOrWhiteSpace(fromEnvironment))
                    {
                        found = new ApiKeyCredential(ApiKeyCredential.ToSecureString(fromEnvironment!.Trim()), "environment variable " + variable);
                        break;
                    }
                }
            }

            if (found == null) throw NothingFound(spec);
            if (!found.IsHeaderSafe) throw Unsendable(spec, "The " + spec.Provider + " " + spec.SecretName + " given by " + found.Source);
            if (spec.RequiresUserName && found.UserName != null && !HeaderValue.IsValid(found.UserName)) throw Unsendable(spec, "The " + spec.UserNameMeaning + " given by " + found.Source);
            if (spec.RequiresUserName && found.UserName == null)
            {
                // An explicit -ApiKey (token) pairs with the user id of -Connection, else of the default connection.
                string? connectionUser = (connection ?? defaultConnection)?.UserName;
                if (connectionUser != null) return found.WithUserName(connectionUser);
            }

            return spec.RequiresUserName ? WithUserName(found, spec, getEnvironmentVariable) : found;
        }

        /// <summary>
        /// True when no source gives a credential at all (the case Resolve reports as "No … was found"). A command
        /// that asks ShouldProcess before it sends can then still answer -WhatIf, and report this at the first request.
        /// </summary>
        public static bool NoneGiven(CredentialSpec spec, SecureString? apiKey, SecureString? credentialPassword, ApiKeyCredential? connection, ApiKeyCredential? defaultConnection, Func<string, string?> getEnvironmentVariable) =>
            apiKey == null && credentialPassword == null && connection == null && defaultConnection == null &&
            spec.SecretVariables.All(variable => string.IsNullOrWhiteSpace(getEnvironmentVariable(variable)));

        private static ApiKeyCredential WithUserName(ApiKeyCredential credential, CredentialSpec spec, Func<string, string?> getEnvironmentVariable)
        {
            if (credential.UserName != null) return credential;
            string? fromEnvironment = Blank(getEnvironmentVariable(spec.UserNameVariable!));
            if (fromEnvironment != null)
            {
                if (!HeaderValue.IsValid(fromEnvironment.Trim())) throw Unsendable(spec, "The " + spec.UserNameMeaning + " given by the environment variable " + spec.UserNameVariable);
                return credential.WithUserName(fromEnvironment.Trim());
            }

            throw new ScanPSError(
                ErrorIds.NoCredentialResolved,
                ScanPSErrorCategory.AuthenticationError,
                "The " + spec.Provider + " " + spec.SecretName + " from " + credential.Source + " needs " + spec.UserNameMeaning +
                " too. Pass -Credential (user name = " + spec.UserNameMeaning + ", password = the " + spec.SecretName + ") or set the environment variable " + spec.UserNameVariable + ".",
                spec.Provider)
            { RecommendedAction = "Use -Credential (Get-Credential) or set $env:" + spec.UserNameVariable + "." }.ToException();
        }

        /// <summary>The error Resolve throws when <see cref="NoneGiven"/>.</summary>
        public static ScanPSException NothingFound(CredentialSpec spec)
        {
            string variables = string.Join(" or ", spec.SecretVariables);
            string credentialHint = spec.RequiresUserName
                ? "-Credential <PSCredential> (user name = " + spec.UserNameMeaning + ", password = the " + spec.SecretName + ")"
                : "-ApiKey <SecureString> or -Credential <PSCredential> (the password is the key)";
            string environmentHint = spec.RequiresUserName
                ? "the environment variables " + spec.UserNameVariable + " and " + variables
                : "the environment variable " + variables;
            return new ScanPSError(
                ErrorIds.NoCredentialResolved,
                ScanPSErrorCategory.AuthenticationError,
                "No " + spec.Provider + " " + spec.SecretName + " was found. Pass " + credentialHint + " or -Connection, run Connect-ScanProvider -Provider " + spec.Provider + ", or set " + environmentHint + ".",
                spec.Provider)
            {
                RecommendedAction = spec.RequiresUserName
                    ? "Run Connect-ScanProvider -Provider " + spec.Provider + " -Credential (Get-Credential), pass -Credential, or set $env:" + spec.UserNameVariable + " and $env:" + spec.SecretVariables[0] + "."
                    : "Run Connect-ScanProvider -Provider " + spec.Provider + " -ApiKey (Read-Host -AsSecureString), pass -ApiKey or -Credential, or set $env:" + spec.SecretVariables[0] + ".",
            }.ToException();
        }

        /// <summary>
        /// A secret or user name that cannot go in a request header: refused before anything is sent, naming where it
        /// came from (never the value), so a line break cannot add a header of its own and a stray character is not
        /// mistaken for a network failure.
        /// </summary>
        private static ScanPSException Unsendable(CredentialSpec spec, string what) =>
            new ScanPSError(
                ErrorIds.InvalidCredential,
                ScanPSErrorCategory.InvalidArgument,
                what + " " + HeaderValue.Problem + ". Nothing was sent.",
                spec.Provider)
            { RecommendedAction = "Copy the " + spec.SecretName + " again without line breaks or stray characters, for example with -ApiKey (Read-Host -AsSecureString)." }.ToException();

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

        private static ApiKeyCredential NonEmpty(ApiKeyCredential credential, CredentialSpec spec)
        {
            if (!credential.IsEmpty) return credential;
            throw new ScanPSError(
                ErrorIds.NoCredentialResolved,
                ScanPSErrorCategory.AuthenticationError,
                "The " + spec.Provider + " " + spec.SecretName + " given by " + credential.Source + " is empty.",
                spec.Provider)
            { RecommendedAction = "Pass the " + spec.SecretName + " created in the vendor's settings." }.ToException();
        }
    }
}
