using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Polly.Timeout;

namespace ScanPS.Http
{
    /// <summary>Which outcomes are retried, and how long the vendor asked us to wait.</summary>
    public static class RetryRules
    {
        /// <summary>
        /// Reads only. A create is never repeated automatically on any answer, as the vendor notes ask ("retry only
        /// idempotent GETs automatically; creates are not idempotent on any of the four"): after a 5xx the vendor
        /// may have acted, and a 429 is reported with the wait the vendor asked for, for the user to decide.
        /// </summary>
        public static bool IsRetryableStatus(RequestKind kind, HttpStatusCode status)
        {
            int code = (int)status;
            return kind == RequestKind.Read && (code == 429 || code == 502 || code == 503 || code == 504);
        }

        public static bool IsRetryableException(RequestKind kind, Exception exception)
        {
            if (exception is TimeoutRejectedException) return kind == RequestKind.Read;
            if (exception is OperationCanceledException) return false; // the user pressed Ctrl+C
            if (IsCertificateFailure(exception)) return false; // the same certificate will be refused again
            if (exception is HttpRequestException || exception is IOException || exception is WebException)
            {
                return kind == RequestKind.Read || FailedBeforeSending(exception);
            }

            return false;
        }

        /// <summary>True when TLS refused the server's certificate (an AuthenticationException in the chain).</summary>
        public static bool IsCertificateFailure(Exception? exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is System.Security.Authentication.AuthenticationException) return true;
            }

            return false;
        }

        /// <summary>
        /// True when the connection could not even be made (refused, unknown host, unreachable network):
        /// the server cannot have seen the request, so even a create may be retried.
        /// </summary>
        public static bool FailedBeforeSending(Exception exception)
        {
            for (Exception? e = exception; e != null; e = e.InnerException)
            {
                if (e is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.TryAgain:
                        case SocketError.NoData:
                        case SocketError.AddressNotAvailable:
                            return true;
                    }
                }

                if (e is WebException web &&
                    (web.Status == WebExceptionStatus.ConnectFailure || web.Status == WebExceptionStatus.NameResolutionFailure))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The Retry-After header as a delay (delta-seconds or an HTTP date), or null.</summary>
        public static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now)
        {
            var header = response?.Headers.RetryAfter;
            if (header == null) return null;
            if (header.Delta.HasValue) return header.Delta.Value < TimeSpan.Zero ? TimeSpan.Zero : header.Delta.Value;
            if (header.Date.HasValue)
            {
                var wait = header.Date.Value - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }
    }
}
