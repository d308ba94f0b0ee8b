using System;
using System.Net.Http;
using ScanPS.Errors;

namespace ScanPS.Http
{
    /// <summary>Whether a request may be repeated when its first attempt fails.</summary>
    public enum RequestKind
    {
        /// <summary>Safe to repeat (GET): retried on 429, 502, 503, 504, timeouts and transport errors.</summary>
        Read,

        /// <summary>
        /// Creates or starts something (POST a scan): retried only when the server surely did not act on it
        /// (429, or a connection that failed before the request was sent). A retry after a 500/502/504,
        /// a timeout or a reset could start a second scan.
        /// </summary>
        Create,
    }

    /// <summary>
    /// One logical vendor request, relative to the session's base URI. A vendor client passes one with each call of its
    /// Refit interface (as the request's <see cref="VendorHttpClient.RequestProperty"/>): it says how the transport may
    /// treat the request (kind, 404 id, target); the transport fills in the method, path and body Refit built.
    /// </summary>
    public sealed class VendorRequest
    {
        public VendorRequest(HttpMethod method, string relativeUri, RequestKind kind)
        {
            Method = method;
            RelativeUri = relativeUri;
            Kind = kind;
        }

        /// <summary>For a Refit call: method, path and body come from the message Refit builds.</summary>
        public VendorRequest(RequestKind kind)
            : this(HttpMethod.Get, string.Empty, kind)
        {
        }

        public HttpMethod Method { get; internal set; }

        /// <summary>Path and query relative to the base URI, already escaped, e.g. "v1/scans?page_token=abc".</summary>
        public string RelativeUri { get; internal set; }

        public RequestKind Kind { get; }

        /// <summary>UTF-8 JSON body, or null.</summary>
        public byte[]? JsonBody { get; set; }

        /// <summary>Error id used for a 404 answer (e.g. ScanNotFound); defaults to ResourceNotFound.</summary>
        public string NotFoundErrorId { get; set; } = ErrorIds.ResourceNotFound;

        /// <summary>What the request is about (an id), set as the error's TargetObject.</summary>
        public object? Target { get; set; }

        /// <summary>
        /// Optional vendor-specific reading of an error body (e.g. Probely's nested field errors); null or an empty
        /// answer falls back to <see cref="VendorErrors.ExtractMessage"/>. Gets the redacted, bounded body.
        /// </summary>
        public Func<string, string?>? DescribeError { get; set; }

        /// <summary>The longest Retry-After the vendor asked for while this request was retried (set by the transport); null when none.</summary>
        public TimeSpan? RetryAfter { get; internal set; }
    }
}
