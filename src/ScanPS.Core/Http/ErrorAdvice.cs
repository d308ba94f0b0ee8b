namespace ScanPS.Http
{
    /// <summary>
    /// The recommended action for each kind of vendor refusal. The HTTP layer only picks the case; the layer that
    /// opens the session fills in the words, because only it knows the commands, parameters and environment
    /// variables a user can change (the HTTP layer names none). The defaults serve a client built on its own.
    /// </summary>
    public sealed class ErrorAdvice
    {
        /// <summary>401: the credential was refused.</summary>
        public string AuthenticationFailed { get; set; } = "Check the credential and that it is for this base URI.";

        /// <summary>407: the proxy, not the vendor, wants credentials.</summary>
        public string ProxyAuthenticationRequired { get; set; } = "The proxy wants credentials.";

        /// <summary>404.</summary>
        public string NotFound { get; set; } = "Check the id.";

        /// <summary>5xx to a create, which may have been acted on.</summary>
        public string CreateFailed { get; set; } = "The vendor may or may not have acted on the request; check before running it again.";

        /// <summary>A 3xx, which is never followed.</summary>
        public string Redirected { get; set; } = "Check the base URI: redirects are not followed so that the API key is never sent to another host.";
    }
}
