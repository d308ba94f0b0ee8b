using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ScanPS.Benchmarks.Server
{
    /// <summary>
    /// A minimal HTTP/1.1 keep-alive server on loopback that answers GET /n{scans}/v1/scans[?page_token=…] with
    /// pre-rendered HostedScan pages: per request it finds the end of the headers, reads the page number from
    /// the token, checks the API key header is there and writes one byte array. No per-request allocation, so
    /// the server costs microseconds and the client's own cost is what a run measures. It counts requests and
    /// the TCP connections they came on. A second port answers GET /stats and GET /reset for the harness.
    /// </summary>
    public sealed class PrerenderedListingServer : IAsyncDisposable
    {
        private static readonly byte[] HeaderEnd = Encoding.ASCII.GetBytes("\r\n\r\n");
        private static readonly byte[] ApiKeyHeader = Encoding.ASCII.GetBytes("\r\nx-hostedscan-api-key:");
        private static readonly byte[] PageTokenParameter = Encoding.ASCII.GetBytes("page_token=");
        private static readonly byte[] ScansPath = Encoding.ASCII.GetBytes("/v1/scans");
        private static readonly byte[] Unauthorized = Plain(401, "Unauthorized", "{\"error\":\"missing X-HOSTEDSCAN-API-KEY\"}");
        private static readonly byte[] NotFound = Plain(404, "Not Found", "{\"error\":\"not found\"}");

        private readonly ListingPages _pages;
        private readonly TcpListener _data;
        private readonly TcpListener _control;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _dataLoop;
        private readonly Task _controlLoop;
        private int _epoch;
        private int _requests;
        private int _connectionsUsed;
        private int _connectionsAccepted;
        private int _rejected;

        private PrerenderedListingServer(ListingPages pages)
        {
            _pages = pages;
            _data = new TcpListener(IPAddress.Loopback, 0);
            _control = new TcpListener(IPAddress.Loopback, 0);
            _data.Start(64);
            _control.Start(8);
            DataUri = new Uri("http://127.0.0.1:" + ((IPEndPoint)_data.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture) + "/");
            ControlUri = new Uri("http://127.0.0.1:" + ((IPEndPoint)_control.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture) + "/");
            _dataLoop = AcceptLoopAsync(_data, ServeDataAsync);
            _controlLoop = AcceptLoopAsync(_control, ServeControlAsync);
        }

        public static PrerenderedListingServer Start(ListingPages pages) => new PrerenderedListingServer(pages);

        /// <summary>http://127.0.0.1:port/ of the listing port.</summary>
        public Uri DataUri { get; }

        /// <summary>http://127.0.0.1:port/ of the control port (stats, reset).</summary>
        public Uri ControlUri { get; }

        public ListingPages Pages => _pages;

        /// <summary>The base URI a client uses for the listing of <paramref name="scans"/> scans (it then asks for v1/scans).</summary>
        public static Uri ListingBaseUri(Uri dataUri, int scans) => new Uri(dataUri, "n" + scans.ToString(CultureInfo.InvariantCulture) + "/");

        public ServerStats Snapshot() => new ServerStats(
            Volatile.Read(ref _requests), Volatile.Read(ref _connectionsUsed), Volatile.Read(ref _connectionsAccepted), Volatile.Read(ref _rejected));

        /// <summary>Starts a new counting period; call between runs, when no request is in flight.</summary>
        public void Reset()
        {
            Interlocked.Increment(ref _epoch);
            Interlocked.Exchange(ref _requests, 0);
            Interlocked.Exchange(ref _connectionsUsed, 0);
            Interlocked.Exchange(ref _connectionsAccepted, 0);
            Interlocked.Exchange(ref _rejected, 0);
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _data.Stop();
            _control.Stop();
            try
            {
                await Task.WhenAll(_dataLoop, _controlLoop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException || ex is SocketException || ex is ObjectDisposedException)
            {
            }

            _stop.Dispose();
        }

        private async Task AcceptLoopAsync(TcpListener listener, Func<Socket, Task> serve)
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException || ex is SocketException || ex is ObjectDisposedException)
                {
                    return;
                }

                socket.NoDelay = true;
                _ = Task.Run(() => serve(socket));
            }
        }

        private async Task ServeDataAsync(Socket socket)
        {
            Interlocked.Increment(ref _connectionsAccepted);
            int usedInEpoch = -1;
            var buffer = new byte[16 * 1024];
            int filled = 0;
            using var stream = new NetworkStream(socket, ownsSocket: true);
            try
            {
                while (true)
                {
                    int read = await stream.ReadAsync(buffer.AsMemory(filled), _stop.Token).ConfigureAwait(false);
                    if (read == 0) return;
                    filled += read;
                    int end;
                    while ((end = buffer.AsSpan(0, filled).IndexOf(HeaderEnd)) >= 0)
                    {
                        int length = end + HeaderEnd.Length;
                        byte[] response = Route(buffer.AsSpan(0, length));
                        if (response != Unauthorized && response != NotFound)
                        {
                            Interlocked.Increment(ref _requests);
                            int epoch = Volatile.Read(ref _epoch);
                            if (usedInEpoch != epoch)
                            {
                                usedInEpoch = epoch;
                                Interlocked.Increment(ref _connectionsUsed);
                            }
                        }
                        else
                        {
                            Interlocked.Increment(ref _rejected);
                        }

                        await stream.WriteAsync(response, _stop.Token).ConfigureAwait(false);
                        // GET requests have no body: whatever follows the headers is the next request.
                        Buffer.BlockCopy(buffer, length, buffer, 0, filled - length);
                        filled -= length;
                    }

                    if (filled == buffer.Length) return; // headers larger than 16 KiB: not a client of this benchmark
                }
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is OperationCanceledException || ex is ObjectDisposedException)
            {
                // The client closed the connection, or the server is stopping.
            }
        }

        /// <summary>The response for one request head ("GET /n100000/v1/scans?page_token=000001… HTTP/1.1\r\n…\r\n\r\n").</summary>
        private byte[] Route(ReadOnlySpan<byte> head)
        {
            int lineEnd = head.IndexOf((byte)'\r');
            var line = head.Slice(0, lineEnd);
            if (!line.StartsWith("GET /n"u8)) return NotFound;
            var target = line.Slice(5);
            int space = target.IndexOf((byte)' ');
            if (space >= 0) target = target.Slice(0, space);

            int slash = target.Slice(1).IndexOf((byte)'/') + 1;
            if (slash <= 0 || !System.Buffers.Text.Utf8Parser.TryParse(target.Slice(1, slash - 1), out int scans, out int consumed) || consumed != slash - 1)
            {
                return NotFound;
            }

            var rest = target.Slice(slash);
            if (!rest.StartsWith(ScansPath)) return NotFound;
            var query = rest.Slice(ScansPath.Length);
            if (query.Length > 0 && query[0] != (byte)'?') return NotFound;

            int page = 0;
            int token = query.IndexOf(PageTokenParameter);
            if (token >= 0 && !ListingPages.TryParsePageToken(query.Slice(token + PageTokenParameter.Length), out page)) return NotFound;
            if (!ContainsIgnoreCase(head, ApiKeyHeader)) return Unauthorized;
            return _pages.Find(scans, page) ?? NotFound;
        }

        private async Task ServeControlAsync(Socket socket)
        {
            using var stream = new NetworkStream(socket, ownsSocket: true);
            try
            {
                var buffer = new byte[4096];
                int filled = 0;
                while (buffer.AsSpan(0, filled).IndexOf(HeaderEnd) < 0 && filled < buffer.Length)
                {
                    int read = await stream.ReadAsync(buffer.AsMemory(filled), _stop.Token).ConfigureAwait(false);
                    if (read == 0) return;
                    filled += read;
                }

                string line = Encoding.ASCII.GetString(buffer, 0, Math.Max(0, buffer.AsSpan(0, filled).IndexOf((byte)'\r')));
                byte[] response;
                if (line.StartsWith("GET /reset ", StringComparison.Ordinal))
                {
                    Reset();
                    response = Plain(200, "OK", Snapshot().ToLine());
                }
                else if (line.StartsWith("GET /stats ", StringComparison.Ordinal))
                {
                    response = Plain(200, "OK", Snapshot().ToLine());
                }
                else
                {
                    response = Plain(404, "Not Found", "GET /stats or GET /reset");
                }

                await stream.WriteAsync(response, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is OperationCanceledException || ex is ObjectDisposedException)
            {
            }
        }

        private static bool ContainsIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> lowerNeedle)
        {
            for (int i = 0; i + lowerNeedle.Length <= haystack.Length; i++)
            {
                int j = 0;
                while (j < lowerNeedle.Length && Lower(haystack[i + j]) == lowerNeedle[j]) j++;
                if (j == lowerNeedle.Length) return true;
            }

            return false;
        }

        private static byte Lower(byte b) => b >= (byte)'A' && b <= (byte)'Z' ? (byte)(b | 0x20) : b;

        /// <summary>A small response: JSON bodies are the listing port's refusals (keep-alive), text ones the control port's (close).</summary>
        private static byte[] Plain(int status, string reason, string body)
        {
            bool json = body.StartsWith("{", StringComparison.Ordinal);
            return Encoding.ASCII.GetBytes(
                "HTTP/1.1 " + status.ToString(CultureInfo.InvariantCulture) + " " + reason +
                "\r\nContent-Type: " + (json ? "application/json" : "text/plain") +
                "\r\nContent-Length: " + Encoding.ASCII.GetByteCount(body).ToString(CultureInfo.InvariantCulture) +
                (json ? string.Empty : "\r\nConnection: close") + "\r\n\r\n" + body);
        }
    }
}
