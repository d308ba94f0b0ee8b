using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace ScanPS.FakeVendors;

/// <summary>
/// A Kestrel server on loopback hosting one <see cref="IFakeVendor"/>. It records every request and
/// applies queued <see cref="Faults"/> before the vendor's handlers run.
/// </summary>
public sealed class FakeVendorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _requestsGate = new();
    // Sequence numbers are taken on arrival, before the body is read, so a slow upload keeps its place in the order.
    private readonly List<(long Sequence, RecordedRequest Request)> _requests = new();
    private readonly ConcurrentDictionary<string, byte> _connectionIds = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private long _nextSequence;
    private int _disposed;

    private FakeVendorServer(WebApplication app, IFakeVendor vendor)
    {
        _app = app;
        Vendor = vendor;
    }

    /// <summary>Root address with a trailing slash, e.g. http://127.0.0.1:54321/.</summary>
    public Uri BaseUri { get; private set; } = null!;

    public IFakeVendor Vendor { get; }

    public FaultInjector Faults { get; } = new();

    /// <summary>Snapshot of every request received so far, in arrival order (faulted and rejected ones included).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requestsGate)
            {
                return _requests.Select(entry => entry.Request).ToArray();
            }
        }
    }

    /// <summary>Distinct TCP connections that have carried at least one request.</summary>
    public int ConnectionCount => _connectionIds.Count;

    /// <summary>Starts listening on <paramref name="url"/> (port 0 picks a free port) and returns once requests are accepted.</summary>
    /// <param name="certificate">When given, serves https on the url's address and port with this certificate (a self-signed one in TLS tests).</param>
    public static async Task<FakeVendorServer> StartAsync(IFakeVendor vendor, string url = "http://127.0.0.1:0", X509Certificate2? certificate = null)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = Array.Empty<string>(),
            // Not the caller's working directory: an appsettings.json lying around there must not reconfigure the fake.
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        if (certificate is null)
        {
            builder.WebHost.UseUrls(url);
        }
        else
        {
            // The slim builder has no https configuration binding, so the endpoint is set up explicitly.
            Uri endpoint = new(url, UriKind.Absolute);
            IPAddress listenAddress = endpoint.IsLoopback && !IPAddress.TryParse(endpoint.Host, out _) ? IPAddress.Loopback : IPAddress.Parse(endpoint.Host);
            builder.WebHost.ConfigureKestrel(options => options.Listen(listenAddress, endpoint.Port, listen => listen.UseHttps(certificate)));
        }

        // Tests start many servers; only problems are worth printing.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A failed start (port in use, bad url) already surfaces as the exception from StartAsync; don't also dump it to the console.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);

        // No console lifetime: in-process servers must not grab Ctrl+C; the standalone Program handles it itself.
        builder.Services.AddSingleton<IHostLifetime, NoSignalsLifetime>();
        // Short shutdown so disposing with a Delay fault in flight does not hang a test run.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));

        WebApplication app = builder.Build();
        FakeVendorServer server = new(app, vendor);
        app.Use(server.RecordAndApplyFaultsAsync);
        vendor.MapRoutes(app);

        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        // After start the addresses hold the real port when 0 was asked for.
        string address = app.Urls.First();
        server.BaseUri = new Uri(address.TrimEnd('/') + "/", UriKind.Absolute);
        return server;
    }

    public void ClearRequests()
    {
        lock (_requestsGate)
        {
            _requests.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // End fault waits first so StopAsync does not sit out a long Delay until the shutdown timeout.
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RecordAndApplyFaultsAsync(HttpContext context, RequestDelegate next)
    {
        long sequence = Interlocked.Increment(ref _nextSequence);
        DateTimeOffset receivedAt = DateTimeOffset.UtcNow;
        HttpRequest request = context.Request;
        _connectionIds.TryAdd(context.Connection.Id, 0);

        string body;
        bool bodyComplete = true;
        try
        {
            body = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // The client went away mid-body; still record that the request arrived.
            body = string.Empty;
            bodyComplete = false;
        }

        string path = (request.PathBase + request.Path).Value ?? "/";
        Record(sequence, new RecordedRequest(
            request.Method,
            path.Length == 0 ? "/" : path,
            request.QueryString.Value ?? string.Empty,
            CopyHeaders(request.Headers),
            body,
            context.Connection.Id,
            receivedAt));

        if (!bodyComplete)
        {
            return;
        }

        Fault? fault = Faults.TryConsume(request.Method, path);
        if (fault is not null && !await FaultResponder.ApplyAsync(context, fault, _stopping.Token).ConfigureAwait(false))
        {
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private void Record(long sequence, RecordedRequest recorded)
    {
        lock (_requestsGate)
        {
            // Almost always appends; walks back only past requests that arrived later but finished reading first.
            int index = _requests.Count;
            while (index > 0 && _requests[index - 1].Sequence > sequence)
            {
                index--;
            }

            _requests.Insert(index, (sequence, recorded));
        }
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Buffer so the vendor's handler can read the same body again.
        request.EnableBuffering();
        using StreamReader reader = new(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        string body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        request.Body.Position = 0;
        return body;
    }

    private static Dictionary<string, string> CopyHeaders(IHeaderDictionary headers)
    {
        Dictionary<string, string> copy = new(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, StringValues> header in headers)
        {
            // StringValues.ToString() joins with "," — the documented contract is ", ".
            copy[header.Key] = string.Join(", ", header.Value.ToArray());
        }

        return copy;
    }

    private sealed class NoSignalsLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
