using System;

namespace ScanPS.Http
{
    /// <summary>Timeouts and retry budget for one provider session. Defaults suit interactive use and runbooks.</summary>
    public sealed class HttpSettings
    {
        public static readonly HttpSettings Default = new HttpSettings();

        /// <summary>Limit for one HTTP attempt (connect, send, response headers).</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>Limit for a request including all its retries and waits.</summary>
        public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>Retries after the first attempt.</summary>
        public int MaxRetries { get; set; } = 4;

        /// <summary>First backoff delay; doubles per retry, with jitter, when the vendor sends no Retry-After.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>A Retry-After longer than this is not waited for: the 429 is reported instead.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);
    }
}
