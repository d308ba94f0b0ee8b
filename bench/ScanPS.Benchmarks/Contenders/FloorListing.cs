using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ScanPS.Benchmarks.Contenders
{
    /// <summary>
    /// The floor: the least a typed client can do. One reused HttpClient, one GET per page, System.Text.Json
    /// (source-generated) reading the streamed body into <see cref="FloorPage"/>, then the page's records out.
    /// No retries, no time-outs, no error mapping, no logging.
    /// </summary>
    public sealed class FloorListing : IDisposable
    {
        private readonly HttpClient _http = new HttpClient();

        public FloorListing(string apiKey)
        {
            _http.DefaultRequestHeaders.TryAddWithoutValidation("X-HOSTEDSCAN-API-KEY", apiKey);
        }

        public async Task ListAsync(Uri listingBaseUri, IScanSink sink, CancellationToken cancellationToken)
        {
            string? token = null;
            do
            {
                var url = new Uri(listingBaseUri, token == null ? "v1/scans" : "v1/scans?page_token=" + Uri.EscapeDataString(token));
                using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                var page = await JsonSerializer.DeserializeAsync(body, FloorJsonContext.Default.FloorPage, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("Empty page from " + url);
                if (page.Data != null)
                {
                    foreach (var scan in page.Data) sink.Add(scan.Id ?? string.Empty, scan);
                }

                token = page.NextPageToken;
            }
            while (!string.IsNullOrEmpty(token));
        }

        public void Dispose() => _http.Dispose();
    }
}
