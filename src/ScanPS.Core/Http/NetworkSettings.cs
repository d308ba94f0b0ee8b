namespace ScanPS.Http
{
    /// <summary>
    /// How one provider session reaches the network. Sessions with equal settings share a pooled HttpClient;
    /// different settings get their own handler, so a setting never leaks to another session or the process.
    /// </summary>
    public sealed class NetworkSettings
    {
        public static readonly NetworkSettings Default = new NetworkSettings();

        /// <summary>Accept any server certificate on this session's handler only (never ServicePointManager).</summary>
        public bool SkipCertificateCheck { get; set; }

        /// <summary>Part of the HttpClientCache key: equal settings, equal key.</summary>
        internal string CacheKey => SkipCertificateCheck ? "|insecure" : string.Empty;
    }
}
