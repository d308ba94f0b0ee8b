using System;
using System.Net;
using ScanPS.Errors;

namespace ScanPS.Http
{
    /// <summary>
    /// Resolves the vendor base URI (-BaseUri, then SCANPS_&lt;PROVIDER&gt;_BASE_URI, then the vendor default)
    /// and refuses plain http for anything but loopback, so an API key never travels in clear text.
    /// </summary>
    public static class BaseUriPolicy
    {
        public static string BaseUriVariable(string provider) => "SCANPS_" + provider.ToUpperInvariant() + "_BASE_URI";

        /// <summary>The effective base URI. A path ending with <c>apiRoot</c> ("/v1", "/api/1.0") is trimmed: clients add it themselves.</summary>
        public static Uri Resolve(string provider, Uri? explicitUri, Uri defaultUri, Func<string, string?> getEnvironmentVariable, string apiRoot = "/v1")
        {
            Uri? candidate = explicitUri;
            string source = "-BaseUri";
            if (candidate == null)
            {
                string variable = BaseUriVariable(provider);
                string? fromEnvironment = getEnvironmentVariable(variable);
                if (!string.IsNullOrWhiteSpace(fromEnvironment))
                {
                    source = "environment variable " + variable;
                    if (!Uri.TryCreate(fromEnvironment!.Trim(), UriKind.Absolute, out candidate))
                    {
                        throw Invalid(provider, fromEnvironment, source, "it is not an absolute URI");
                    }
                }
            }

            if (candidate == null) return defaultUri;
            return Validate(provider, candidate, source, apiRoot);
        }

        public static Uri Validate(string provider, Uri uri, string source = "-BaseUri", string apiRoot = "/v1")
        {
            if (!uri.IsAbsoluteUri) throw Invalid(provider, uri.OriginalString, source, "it is not an absolute URI");
            if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                // HttpClient does not sign in with it, and the address shows in -Verbose, -WhatIf and the connection.
                throw Invalid(provider, WithoutUserInfo(uri), source, "a base URI cannot carry a user name or password; pass the credential with -ApiKey or -Credential");
            }

            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                throw Invalid(provider, uri.OriginalString, source, "a base URI cannot have a query or fragment");
            }

            if (uri.Scheme == Uri.UriSchemeHttp)
            {
                if (!IsLoopback(uri))
                {
                    throw new ScanPSError(
                        ErrorIds.InsecureBaseUri,
                        ScanPSErrorCategory.SecurityError,
                        "Refusing to send the " + provider + " API key over plain http to " + uri.Host + " (from " + source + "). Use https; plain http is allowed only for loopback addresses such as http://127.0.0.1.",
                        uri)
                    { RecommendedAction = "Use an https:// base URI." }.ToException();
                }
            }
            else if (uri.Scheme != Uri.UriSchemeHttps)
            {
                throw Invalid(provider, uri.OriginalString, source, "the scheme must be https (or http for loopback)");
            }

            return Normalize(uri, apiRoot);
        }

        public static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback) return true;
            string host = uri.Host.Trim('[', ']');
            return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
        }

        /// <summary>Ends the path with '/' so relative request paths append; a trailing API root (/v1) is dropped because clients add it.</summary>
        internal static Uri Normalize(Uri uri, string apiRoot = "/v1")
        {
            var builder = new UriBuilder(uri);
            string path = builder.Path.TrimEnd('/');
            string root = apiRoot.TrimEnd('/');
            if (root.Length > 0 && path.EndsWith(root, StringComparison.OrdinalIgnoreCase)) path = path.Substring(0, path.Length - root.Length);
            builder.Path = path + "/";
            return builder.Uri;
        }

        /// <summary>An absolute URI as a message may show it: any user name and password in it are left out.</summary>
        public static string WithoutUserInfo(Uri uri) =>
            !uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.UserInfo)
                ? uri.OriginalString
                : uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped);

        private static ScanPSException Invalid(string provider, string value, string source, string reason) =>
            new ScanPSError(
                ErrorIds.InvalidBaseUri,
                ScanPSErrorCategory.InvalidArgument,
                "The " + provider + " base URI '" + value + "' from " + source + " cannot be used: " + reason + ".",
                value).ToException();
    }
}
