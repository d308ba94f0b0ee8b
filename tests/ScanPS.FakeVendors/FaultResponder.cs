using System;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace ScanPS.FakeVendors;

/// <summary>Turns a consumed <see cref="Fault"/> into what goes on the wire.</summary>
internal static class FaultResponder
{
    // Cut off inside a property name so no lenient parser can accept it.
    internal const string MalformedJsonBody = "{\"data\": [ {\"id\": \"abc\", \"ty";

    // Exactly 20 bytes of plausible JSON; the declared Content-Length is 1000.
    internal const string TruncatedJsonPrefix = "{\"data\":[{\"id\":\"abc\"";
    internal const int TruncatedDeclaredLength = 1000;

    /// <summary>Applies the fault. Returns true when the request should then be served normally.</summary>
    /// <param name="serverStopping">Cancelled when the server is disposed, so waits inside faults end at once.</param>
    internal static async Task<bool> ApplyAsync(HttpContext context, Fault fault, CancellationToken serverStopping)
    {
        switch (fault.Kind)
        {
            case FaultKind.Status:
                SetRetryAfter(context, fault);
                string body = fault.Body ?? FakeHttp.ToJson(FakeHttp.Error(ReasonPhrase(fault.StatusCode)));
                await FakeHttp.WriteJsonAsync(context, fault.StatusCode, body).ConfigureAwait(false);
                return false;

            case FaultKind.Delay:
                using (CancellationTokenSource wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping))
                {
                    try
                    {
                        await Task.Delay(fault.Delay, wait.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        // The client gave up or the server is being disposed: drop rather than answer an empty 200.
                        context.Abort();
                        return false;
                    }
                }

                return true;

            case FaultKind.MalformedJson:
                await FakeHttp.WriteJsonAsync(context, StatusCodes.Status200OK, MalformedJsonBody).ConfigureAwait(false);
                return false;

            case FaultKind.Html:
                SetRetryAfter(context, fault);
                await FakeHttp.WriteAsync(context, fault.StatusCode, "text/html; charset=utf-8", HtmlPage(fault.StatusCode)).ConfigureAwait(false);
                return false;

            case FaultKind.DropConnection:
                context.Abort();
                return false;

            case FaultKind.TruncatedBody:
                await SendTruncatedBodyAsync(context, serverStopping).ConfigureAwait(false);
                return false;

            case FaultKind.CutOffAfterBytes:
                context.Response.Body = new CutOffStream(context, context.Response.Body, fault.AfterBytes, serverStopping);
                return true;

            default:
                throw new InvalidOperationException("Unknown fault kind " + fault.Kind + ".");
        }
    }

    /// <summary>
    /// 200 with Content-Length 1000 but only 20 body bytes, then the connection ends.
    /// Kestrel's Abort() resets the socket (RST) and may do so before its send loop has written buffered bytes, and a
    /// reset can also make the client's kernel drop bytes not yet read; either way the 20 bytes would only sometimes
    /// arrive. So the response is written straight to the socket and followed by a FIN: the client always reads the
    /// 20 bytes and then sees the body end early. The abort follows once the client hangs up (or after a few seconds).
    /// </summary>
    private static async Task SendTruncatedBodyAsync(HttpContext context, CancellationToken serverStopping)
    {
        Socket? socket = context.Features.Get<IConnectionSocketFeature>()?.Socket;
        if (socket is null)
        {
            // Not on a socket transport: best effort through Kestrel's own pipeline.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = FakeHttp.JsonContentType;
            context.Response.ContentLength = TruncatedDeclaredLength;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(TruncatedJsonPrefix), CancellationToken.None).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            context.Abort();
            return;
        }

        string head = "HTTP/1.1 200 OK\r\n"
            + "Content-Type: " + FakeHttp.JsonContentType + "\r\n"
            + "Content-Length: " + TruncatedDeclaredLength.ToString(CultureInfo.InvariantCulture) + "\r\n"
            + "Date: " + DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture) + "\r\n"
            + "Server: Kestrel\r\n\r\n";
        try
        {
            using CancellationTokenSource wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
            await socket.SendAsync(Encoding.ASCII.GetBytes(head + TruncatedJsonPrefix), SocketFlags.None, wait.Token).ConfigureAwait(false);
            socket.Shutdown(SocketShutdown.Send);
            await Task.Delay(TimeSpan.FromSeconds(5), wait.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Client hung up (the expected path) or the socket is already gone.
        }

        context.Abort();
    }

    private static void SetRetryAfter(HttpContext context, Fault fault)
    {
        if (fault.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = fault.RetryAfter;
        }
    }

    private static string ReasonPhrase(int statusCode)
    {
        string phrase = ReasonPhrases.GetReasonPhrase(statusCode);
        return phrase.Length > 0 ? phrase : "Error";
    }

    // Shaped like an nginx gateway page: what a client sees when something in front of the API fails.
    private static string HtmlPage(int statusCode)
    {
        string title = string.Create(CultureInfo.InvariantCulture, $"{statusCode} {ReasonPhrase(statusCode)}");
        return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
            + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    }
}
