using System;
using System.Net.Http;

namespace ScanPS.Benchmarks.Server
{
    /// <summary>The harness's side of the control port: read or reset the listing server's counters between runs.</summary>
    public sealed class ServerControl : IDisposable
    {
        private readonly HttpClient _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        private readonly Uri _controlUri;

        public ServerControl(Uri controlUri)
        {
            _controlUri = controlUri;
        }

        public ServerStats Stats() => Get("stats");

        public ServerStats Reset() => Get("reset");

        public void Dispose() => _http.Dispose();

        // Synchronous on purpose: called between runs, or from a sink on the thread that consumes the listing.
        private ServerStats Get(string what) => ServerStats.Parse(_http.GetStringAsync(new Uri(_controlUri, what)).GetAwaiter().GetResult());
    }
}
