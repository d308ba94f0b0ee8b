using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ScanPS.FakeVendors;

/// <summary>
/// A report file the fakes serve: deterministic bytes of a known length, generated while streaming (never held as
/// one array), so a client can be tested for progress, for flat memory on a 100 MB download and for a cut-off
/// transfer. <see cref="OpenRead"/> gives the same bytes to a test that wants to compare what was saved.
/// The file looks like its format at both ends (a %PDF header, an HTML/XML document, a CSV header row, a JSON
/// object) and is padded in the middle with 64-byte lines naming the seed and the line number.
/// </summary>
public sealed class FakeReportFile
{
    /// <summary>Default size of a generated report: big enough that a download progress bar shows.</summary>
    public const long DefaultLength = 6L * 1024 * 1024;

    private const int LineLength = 64;

    private readonly byte[] _prologue;
    private readonly byte[] _epilogue;
    private readonly string _linePrefix;
    private readonly string _lineSuffix;

    public FakeReportFile(string seed, string contentType, long length = DefaultLength)
    {
        ArgumentException.ThrowIfNullOrEmpty(seed);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        Seed = seed;
        ContentType = contentType;
        (string prologue, string linePrefix, string lineSuffix, string epilogue) = Shape(contentType, seed);
        _prologue = Encoding.ASCII.GetBytes(prologue);
        _epilogue = Encoding.ASCII.GetBytes(epilogue);
        _linePrefix = linePrefix;
        _lineSuffix = lineSuffix;
        long fixedPart = _prologue.Length + _epilogue.Length;
        LineCount = Math.Max(0, (length - fixedPart) / LineLength);
        Length = fixedPart + LineCount * LineLength;
    }

    public string Seed { get; }

    /// <summary>The media type the fake sends in Content-Type.</summary>
    public string ContentType { get; }

    /// <summary>Exact size in bytes (the requested length rounded down to whole padding lines, never below the two ends).</summary>
    public long Length { get; }

    private long LineCount { get; }

    /// <summary>A read-only stream of exactly the bytes the fake sends.</summary>
    public Stream OpenRead() => new GeneratedStream(this);

    /// <summary>Streams the file as a 200 with Content-Type and Content-Length, in 64 KB writes; stops quietly when the client goes away.</summary>
    /// <param name="wireContentType">The Content-Type to send when the vendor labels every file alike (PDCP: application/octet-stream).</param>
    internal async Task WriteAsync(HttpContext context, string? wireContentType = null)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = wireContentType ?? ContentType;
        context.Response.ContentLength = Length;
        byte[] buffer = new byte[64 * 1024];
        using Stream source = OpenRead();
        try
        {
            int read;
            while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client hung up or a CutOffAfterBytes fault ended the connection: nothing more to send.
        }
    }

    private static (string Prologue, string LinePrefix, string LineSuffix, string Epilogue) Shape(string contentType, string seed)
    {
        string media = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return media switch
        {
            "application/pdf" => ("%PDF-1.7\n%ScanPS fake report " + seed + "\n", "%", "\n", "%%EOF\n"),
            "text/html" => ("<!DOCTYPE html>\n<html><head><title>Report " + seed + "</title></head><body>\n<pre>\n", "", "\n", "</pre>\n</body></html>\n"),
            "application/xml" or "text/xml" => ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<report seed=\"" + seed + "\">\n", "<l>", "</l>\n", "</report>\n"),
            "application/json" or "text/json" => ("{\"report\":\"" + seed + "\",\"lines\":[\n", "\"", "\",\n", "\"end\"]}\n"),
            "text/csv" => ("seed,line,text\n", seed.Replace(',', ' ') + ",", "\n", ""),
            _ => ("ScanPS fake report " + seed + "\n", "", "\n", ""),
        };
    }

    /// <summary>Padding line <paramref name="index"/>: prefix, "seed line N", dots to 64 bytes, suffix.</summary>
    private void WriteLine(long index, Span<byte> destination)
    {
        string body = _linePrefix + Seed + " line " + index.ToString("D10", CultureInfo.InvariantCulture) + " ";
        int room = LineLength - _lineSuffix.Length;
        if (body.Length > room) body = body[..room];
        body = body.PadRight(room, '.') + _lineSuffix;
        Encoding.ASCII.GetBytes(body, destination);
    }

    private sealed class GeneratedStream(FakeReportFile file) : Stream
    {
        private readonly byte[] _line = new byte[LineLength];
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => file.Length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int written = 0;
            while (written < buffer.Length && _position < file.Length)
            {
                long bodyStart = file._prologue.Length;
                long bodyEnd = bodyStart + file.LineCount * LineLength;
                int n;
                if (_position < bodyStart)
                {
                    n = CopyFrom(file._prologue, (int)_position, buffer[written..]);
                }
                else if (_position < bodyEnd)
                {
                    long index = (_position - bodyStart) / LineLength;
                    int inLine = (int)((_position - bodyStart) % LineLength);
                    file.WriteLine(index + 1, _line);
                    n = CopyFrom(_line, inLine, buffer[written..]);
                }
                else
                {
                    n = CopyFrom(file._epilogue, (int)(_position - bodyEnd), buffer[written..]);
                }

                written += n;
                _position += n;
            }

            return written;
        }

        private static int CopyFrom(byte[] source, int start, Span<byte> destination)
        {
            int n = Math.Min(source.Length - start, destination.Length);
            source.AsSpan(start, n).CopyTo(destination);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
