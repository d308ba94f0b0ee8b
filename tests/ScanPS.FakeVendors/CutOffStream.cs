using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace ScanPS.FakeVendors;

/// <summary>
/// The response body under a <see cref="FaultKind.CutOffAfterBytes"/> fault: passes the first N bytes through, then
/// flushes them, lets the transport send them, shuts the socket's send side (the client reads the N bytes and then
/// sees the body end before its Content-Length) and aborts the connection. Later writes are dropped; the handler
/// sees RequestAborted and stops.
/// </summary>
internal sealed class CutOffStream(HttpContext context, Stream inner, long limit, CancellationToken serverStopping) : Stream
{
    private long _sent;
    private bool _cut;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _sent;
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_cut)
        {
            throw new OperationCanceledException("The connection was cut off by a fault.");
        }

        long room = limit - _sent;
        if (buffer.Length < room)
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            _sent += buffer.Length;
            return;
        }

        await inner.WriteAsync(buffer[..(int)room], cancellationToken).ConfigureAwait(false);
        _sent += room;
        _cut = true;
        await CutAsync().ConfigureAwait(false);
        throw new OperationCanceledException("The connection was cut off by a fault.");
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => _cut ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    private async Task CutAsync()
    {
        try
        {
            await inner.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            // Kestrel's send loop drains its pipe asynchronously; give it a moment so the N bytes reach the socket.
            await Task.Delay(TimeSpan.FromMilliseconds(200), serverStopping).ConfigureAwait(false);
            context.Features.Get<IConnectionSocketFeature>()?.Socket?.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or IOException or InvalidOperationException)
        {
            // The client or the server went away first.
        }

        context.Abort();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
