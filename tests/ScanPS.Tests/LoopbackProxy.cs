using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ScanPS.Tests
{
    /// <summary>
    /// A minimal HTTP forward proxy on loopback: takes absolute-form requests ("GET http://host/path HTTP/1.1"),
    /// optionally demands Basic proxy credentials (407), forwards to the target and relays the answer.
    /// Records every request line and Proxy-Authorization header it saw.
    /// </summary>
    public sealed class LoopbackProxy : IDisposable
    {
        private static readonly HttpClient Upstream = new HttpClient(new HttpClientHandler { UseProxy = false, AllowAutoRedirect = false });
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly string? _expectedAuthorization;

        public LoopbackProxy(string? userName = null, string? password = null)
        {
            if (userName != null) _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password));
            _listener.Start();
            Uri = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/");
            _ = AcceptLoopAsync();
        }

        public Uri Uri { get; }

        /// <summary>Request lines as received, e.g. "GET http://127.0.0.1:5099/v1/scans HTTP/1.1".</summary>
        public ConcurrentQueue<string> RequestLines { get; } = new ConcurrentQueue<string>();

        /// <summary>Proxy-Authorization values received (null when the request had none).</summary>
        public ConcurrentQueue<string?> Authorizations { get; } = new ConcurrentQueue<string?>();

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => HandleAsync(client));
            }
        }

        private async Task HandleAsync(TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                try
                {
                    while (true)
                    {
                        var head = await ReadHeadAsync(stream).ConfigureAwait(false);
                        if (head == null) return;
                        var lines = head.Split("\r\n");
                        RequestLines.Enqueue(lines[0]);
                        var headers = lines.Skip(1).Where(l => l.Contains(':'))
                            .Select(l => (Name: l.Substring(0, l.IndexOf(':')).Trim(), Value: l.Substring(l.IndexOf(':') + 1).Trim())).ToList();
                        string? authorization = headers.FirstOrDefault(h => h.Name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)).Value;
                        Authorizations.Enqueue(authorization);
                        int length = int.TryParse(headers.FirstOrDefault(h => h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value, out var l2) ? l2 : 0;
                        var body = new byte[length];
                        int read = 0;
                        while (read < length)
                        {
                            int n = await stream.ReadAsync(body.AsMemory(read, length - read)).ConfigureAwait(false);
                            if (n == 0) return;
                            read += n;
                        }

                        if (_expectedAuthorization != null && authorization != _expectedAuthorization)
                        {
                            await WriteAsync(stream, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"scanps-test\"\r\nContent-Length: 0\r\n\r\n", Array.Empty<byte>()).ConfigureAwait(false);
                            continue;
                        }

                        var parts = lines[0].Split(' ');
                        using var forward = new HttpRequestMessage(new HttpMethod(parts[0]), parts[1]);
                        if (length > 0)
                        {
                            forward.Content = new ByteArrayContent(body);
                            string? type = headers.FirstOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
                            if (type != null) forward.Content.Headers.TryAddWithoutValidation("Content-Type", type);
                        }

                        foreach (var (name, value) in headers)
                        {
                            if (name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) || name.Equals("Host", StringComparison.OrdinalIgnoreCase) ||
                                name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)) continue;
                            forward.Headers.TryAddWithoutValidation(name, value);
                        }

                        using var response = await Upstream.SendAsync(forward).ConfigureAwait(false);
                        var responseBody = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                        var builder = new StringBuilder();
                        builder.Append("HTTP/1.1 ").Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase).Append("\r\n");
                        if (response.Content.Headers.ContentType != null) builder.Append("Content-Type: ").Append(response.Content.Headers.ContentType).Append("\r\n");
                        builder.Append("Content-Length: ").Append(responseBody.Length).Append("\r\n\r\n");
                        await WriteAsync(stream, builder.ToString(), responseBody).ConfigureAwait(false);
                    }
                }
                catch (IOException)
                {
                    // The client closed the connection.
                }
            }
        }

        private static async Task WriteAsync(NetworkStream stream, string head, byte[] body)
        {
            var bytes = Encoding.ASCII.GetBytes(head);
            await stream.WriteAsync(bytes).ConfigureAwait(false);
            if (body.Length > 0) await stream.WriteAsync(body).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }

        private static async Task<string?> ReadHeadAsync(NetworkStream stream)
        {
            var buffer = new List<byte>();
            var one = new byte[1];
            while (true)
            {
                int n = await stream.ReadAsync(one.AsMemory(0, 1)).ConfigureAwait(false);
                if (n == 0) return null;
                buffer.Add(one[0]);
                int c = buffer.Count;
                if (c >= 4 && buffer[c - 4] == '\r' && buffer[c - 3] == '\n' && buffer[c - 2] == '\r' && buffer[c - 1] == '\n')
                {
                    return Encoding.ASCII.GetString(buffer.ToArray(), 0, c - 4);
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }
}
