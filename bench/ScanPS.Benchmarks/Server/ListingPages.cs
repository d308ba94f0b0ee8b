using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ScanPS.Benchmarks.Server
{
    /// <summary>
    /// HostedScan GET /v1/scans pages ({"data":[...],"next_page_token":"..."}), rendered once, up front, as
    /// complete HTTP/1.1 responses, so serving one costs a lookup and a socket write. Each listing size has
    /// its own pages; a smaller listing shares the larger one's pages except its last (which has no token).
    /// </summary>
    public sealed class ListingPages
    {
        /// <summary>HostedScan's documented page size ("If there are more than 500 scans, results will be truncated").</summary>
        public const int VendorPageSize = 500;

        private static readonly string[] Types = { "NMAP", "OPENVAS", "SSLYZE", "OWASP_ZAP", "NMAP_UDP", "OWASP_ZAP_ACTIVE" };
        private static readonly string[] ContentTypes = { "text/html", "application/pdf", "application/xml", "application/json" };

        private readonly Dictionary<int, byte[][]> _responses = new Dictionary<int, byte[][]>();

        public ListingPages(IEnumerable<int> listingSizes, int pageSize = VendorPageSize)
        {
            if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize));
            PageSize = pageSize;
            var shared = new Dictionary<int, byte[]>();
            foreach (int size in listingSizes)
            {
                if (size < 1) throw new ArgumentOutOfRangeException(nameof(listingSizes), "A listing needs at least one scan.");
                int pageCount = PageCount(size, pageSize);
                var pages = new byte[pageCount][];
                for (int page = 0; page < pageCount; page++)
                {
                    bool last = page == pageCount - 1;
                    int first = page * pageSize;
                    int count = Math.Min(pageSize, size - first);
                    // A full page with a next token is the same bytes in every listing that has it.
                    if (!last && shared.TryGetValue(page, out var existing)) pages[page] = existing;
                    else pages[page] = Response(RenderPage(first, count, last ? null : PageToken(page + 1)));
                    if (!last) shared[page] = pages[page];
                }

                _responses[size] = pages;
            }
        }

        public int PageSize { get; }

        public IEnumerable<int> ListingSizes => _responses.Keys;

        public static int PageCount(int scans, int pageSize) => (scans + pageSize - 1) / pageSize;

        /// <summary>Mongo-style 24-hex id, as in the vendor's examples (e.g. 61918df1ed4b650040af5b0a).</summary>
        public static string ScanId(int index) => "6745f0c2" + index.ToString("x16", CultureInfo.InvariantCulture);

        /// <summary>An opaque-looking cursor; the first six digits are the page number the server needs back.</summary>
        public static string PageToken(int page) => page.ToString("D6", CultureInfo.InvariantCulture) + "eyJsYXN0X2lkIjoiNjc0NWYwYzIifQ";

        /// <summary>The page a page_token value points at (the value as it appears in the query, URL-encoded).</summary>
        public static bool TryParsePageToken(ReadOnlySpan<byte> value, out int page)
        {
            page = 0;
            return value.Length >= 6 && Utf8Parser.TryParse(value.Slice(0, 6), out page, out int consumed) && consumed == 6;
        }

        /// <summary>The pre-rendered response for page <paramref name="page"/> of the listing of <paramref name="scans"/> scans, or null.</summary>
        public byte[]? Find(int scans, int page) =>
            _responses.TryGetValue(scans, out var pages) && page >= 0 && page < pages.Length ? pages[page] : null;

        /// <summary>The JSON body of one page (without HTTP headers): the wire shape GET /v1/scans documents.</summary>
        public static byte[] RenderPage(int first, int count, string? nextPageToken)
        {
            var buffer = new ArrayBufferWriter<byte>(count * 1400 + 64);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteStartArray("data");
                for (int i = first; i < first + count; i++) WriteScan(json, i);
                json.WriteEndArray();
                if (nextPageToken != null) json.WriteString("next_page_token", nextPageToken);
                json.WriteEndObject();
            }

            return buffer.WrittenSpan.ToArray();
        }

        /// <summary>A scan with every documented field; shapes vary by state as a real account's listing would.</summary>
        private static void WriteScan(Utf8JsonWriter json, int i)
        {
            string state = (i % 20) switch
            {
                0 => "RUNNING",
                1 => "QUEUED",
                2 => "FAILED",
                3 => "OVER_LIMIT",
                _ => "SUCCEEDED",
            };
            string targetA = "host-" + i.ToString(CultureInfo.InvariantCulture) + ".example.com";
            string targetB = "10." + ((i >> 16) & 255) + "." + ((i >> 8) & 255) + "." + (i & 255);
            string idA = "5f1e0a7b" + (2 * i).ToString("x16", CultureInfo.InvariantCulture);
            string idB = "5f1e0a7b" + (2 * i + 1).ToString("x16", CultureInfo.InvariantCulture);

            json.WriteStartObject();
            json.WriteString("id", ScanId(i));
            json.WriteString("type", Types[i % Types.Length]);
            json.WriteString("state", state);
            json.WriteNumber("progress", state == "SUCCEEDED" ? 100 : state == "RUNNING" ? i % 100 : 0);

            json.WriteStartObject("risks");
            WriteRisks(json, "new_open", i, i % 3);
            WriteRisks(json, "still_open", i + 7, 2);
            WriteRisks(json, "closed", i + 13, i % 2);
            json.WriteEndObject();

            json.WriteStartArray("results");
            if (state == "SUCCEEDED")
            {
                for (int r = 0; r < ContentTypes.Length; r++)
                {
                    json.WriteStartObject();
                    json.WriteString("result_id", "7a2b9c4d" + (4 * i + r).ToString("x16", CultureInfo.InvariantCulture));
                    json.WriteString("content_type", ContentTypes[r]);
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();

            json.WriteStartArray("requested_targets");
            WritePair(json, "target_id", idA, "target", targetA);
            WritePair(json, "target_id", idB, "target", targetB);
            json.WriteEndArray();

            json.WriteStartArray("resolved_targets");
            if (state != "QUEUED")
            {
                WritePair(json, "target_id", idA, "resolved_target", "93.184." + ((i >> 8) & 255) + "." + (i & 255));
                WritePair(json, "target_id", idB, "resolved_target", targetB);
            }

            json.WriteEndArray();

            json.WriteStartArray("skipped_targets");
            if (i % 7 == 0) WritePair(json, "target_id", idA, "skipped_reason", "Target resolves to a private IP address");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void WriteRisks(Utf8JsonWriter json, string name, int seed, int count)
        {
            json.WriteStartArray(name);
            for (int r = 0; r < count; r++)
            {
                json.WriteStartObject();
                json.WriteString("risk_id", "63c1d2e3" + (seed * 3 + r).ToString("x16", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        private static void WritePair(Utf8JsonWriter json, string name1, string value1, string name2, string value2)
        {
            json.WriteStartObject();
            json.WriteString(name1, value1);
            json.WriteString(name2, value2);
            json.WriteEndObject();
        }

        private static byte[] Response(byte[] body)
        {
            byte[] head = Encoding.ASCII.GetBytes(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
                body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
            var response = new byte[head.Length + body.Length];
            head.CopyTo(response, 0);
            body.CopyTo(response, head.Length);
            return response;
        }
    }
}
