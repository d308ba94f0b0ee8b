using System;
using System.Collections;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using ScanPS.Benchmarks.Contenders;

namespace ScanPS.Benchmarks.Engine
{
    /// <summary>
    /// The floor (one reused HttpClient, System.Text.Json source-generated into <see cref="FloorScan"/> records) as an
    /// enumerable the engine pulls from, page by page: "the floor consumed through the engine's sink". Synchronous,
    /// as a cmdlet's pipeline thread is. Each enumeration lists again from the first page.
    /// </summary>
    public sealed class FloorSource : IEnumerable<FloorScan>
    {
        private readonly HttpClient _http;
        private readonly Uri _listingBaseUri;

        public FloorSource(HttpClient http, Uri listingBaseUri)
        {
            _http = http;
            _listingBaseUri = listingBaseUri;
        }

        public IEnumerator<FloorScan> GetEnumerator()
        {
            string? token = null;
            do
            {
                var url = new Uri(_listingBaseUri, token == null ? "v1/scans" : "v1/scans?page_token=" + Uri.EscapeDataString(token));
                FloorPage page;
                using (var request = new HttpRequestMessage(HttpMethod.Get, url))
                using (var response = _http.Send(request, HttpCompletionOption.ResponseHeadersRead))
                {
                    response.EnsureSuccessStatusCode();
                    using var body = response.Content.ReadAsStream();
                    page = JsonSerializer.Deserialize(body, FloorJsonContext.Default.FloorPage) ?? throw new InvalidOperationException("Empty page from " + url);
                }

                if (page.Data != null)
                {
                    foreach (var scan in page.Data) yield return scan;
                }

                token = page.NextPageToken;
            }
            while (!string.IsNullOrEmpty(token));
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
