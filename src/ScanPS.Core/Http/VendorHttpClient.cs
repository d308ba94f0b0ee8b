using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Polly.Retry;
using Polly.Timeout;
using Polly;
using Refit;
using ScanPS.Errors;

namespace ScanPS.Http
{
    /// <summary>
    /// The transport beneath every vendor's Refit interface (<see cref="Api{T}"/>): builds each attempt's message,
    /// applies auth, runs it through the Polly pipeline (overall timeout → retry → per-attempt timeout), logs one
    /// verbose line per attempt, and maps refusals and unreadable answers to ScanPSErrors.
    /// </summary>
    public sealed class VendorHttpClient
    {
        /// <summary>The Refit [Property] key under which a call passes its <see cref="VendorRequest"/>.</summary>
        public const string RequestProperty = "ScanPS.VendorRequest";

        private static readonly ResiliencePropertyKey<Attempts> AttemptsKey = new ResiliencePropertyKey<Attempts>("ScanPS.Attempts");
        private static readonly MediaTypeHeaderValue JsonContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        private readonly HttpClient _http;
        private readonly Action<HttpRequestMessage> _authorize;
        private readonly RequestLog _log;
        private readonly HttpSettings _settings;
        private readonly ResiliencePipeline<HttpResponseMessage> _readPipeline;
        private readonly ResiliencePipeline<HttpResponseMessage> _createPipeline;

        public VendorHttpClient(string provider, Uri baseUri, Action<HttpRequestMessage> authorize, RequestLog log, HttpSettings? settings = null, NetworkSettings? network = null)
            : this(provider, baseUri, HttpClientCache.Get(baseUri, network), authorize, log, settings)
        {
        }

        public VendorHttpClient(string provider, Uri baseUri, HttpClient http, Action<HttpRequestMessage> authorize, RequestLog log, HttpSettings? settings = null)
        {
            Provider = provider;
            BaseUri = baseUri;
            _http = http;
            _authorize = authorize;
            _log = log;
            _settings = settings ?? HttpSettings.Default;
            _readPipeline = BuildPipeline(RequestKind.Read);
            _createPipeline = BuildPipeline(RequestKind.Create);
        }

        public string Provider { get; }

        /// <summary>The recommended actions for vendor refusals, filled in by whoever opens the session.</summary>
        public ErrorAdvice Advice { get; set; } = new ErrorAdvice();

        /// <summary>
        /// The vendor's Refit interface over this transport: Refit builds the messages (routes, queries and bodies as the
        /// interface declares them, bodies with the vendor's source-generated JSON contract in <paramref name="bodies"/>),
        /// and <see cref="VendorTransportHandler"/> sends them here. The interface methods return the response (headers
        /// read, body not yet), so callers read it with <see cref="ReadJsonAsync{T}(Task{HttpResponseMessage}, VendorRequest, JsonTypeInfo{T}, CancellationToken)"/>.
        /// </summary>
        public T Api<T>(JsonSerializerOptions bodies)
        {
            // A light HttpClient per session over the pipeline; the sockets belong to the shared, pooled client beneath.
            var refitHttp = new HttpClient(new VendorTransportHandler(this), disposeHandler: true)
            {
                BaseAddress = BaseUri,
                Timeout = Timeout.InfiniteTimeSpan,
            };
            return RestService.For<T>(refitHttp, new RefitSettings { ContentSerializer = new JsonBodySerializer(bodies) });
        }

        public Uri BaseUri { get; }

        /// <summary>The session's log: clients queue warnings here (drained to the cmdlet's streams on the pipeline thread).</summary>
        public RequestLog Log => _log;

        /// <summary>
        /// Vendor-specific additions to the error built from a refusal (called with the redacted body), for vendors
        /// whose error bodies carry more than a message (ProjectDiscovery's param and error_id). Null: the generic error.
        /// </summary>
        public Func<ScanPSError, string, ScanPSError>? DescribeRefusal { get; set; }

        /// <summary>Sends the request and returns a 2xx response (headers read, body not yet); throws ScanPSException otherwise.</summary>
        public async Task<HttpResponseMessage> SendAsync(VendorRequest request, CancellationToken cancellationToken)
        {
            var url = new Uri(BaseUri, request.RelativeUri);
            if (request.JsonBody != null && _log.BodiesEnabled)
            {
                _log.Debug(Provider + " " + request.Method.Method + " " + url + " request body: " + Encoding.UTF8.GetString(request.JsonBody));
            }

            var pipeline = request.Kind == RequestKind.Read ? _readPipeline : _createPipeline;
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            var attempts = new Attempts(this, request, url);
            context.Properties.Set(AttemptsKey, attempts);
            HttpResponseMessage response;
            try
            {
                response = await pipeline.ExecuteAsync(
                    static (ctx, state) => state.SendOnceAsync(ctx.CancellationToken),
                    context,
                    attempts).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (TimeoutRejectedException ex)
            {
                throw new ScanPSError(
                    ErrorIds.VendorTimeout,
                    ScanPSErrorCategory.OperationTimeout,
                    Provider + " did not answer " + request.Method.Method + " " + url.AbsolutePath + " in time (" + Describe(ex.Timeout) + ", after " + attempts.Count + " attempt" + (attempts.Count == 1 ? string.Empty : "s") + ")." +
                    (request.Kind == RequestKind.Create ? " The request may or may not have been acted on; check with Get-Scan before running it again." : string.Empty),
                    request.Target ?? url)
                { InnerException = ex, RecommendedAction = "Try again later or check the network path to " + url.Host + "." }.ToException();
            }
            catch (Exception ex) when ((ex is HttpRequestException || ex is IOException) && RetryRules.IsCertificateFailure(ex))
            {
                throw new ScanPSError(
                    ErrorIds.CertificateNotTrusted,
                    ScanPSErrorCategory.SecurityError,
                    "Refused the TLS certificate of " + Provider + " at " + url.GetLeftPart(UriPartial.Authority) + " (" + _log.Redact(ex.GetBaseException().Message) + "). Nothing was sent.",
                    request.Target ?? url)
                {
                    InnerException = ex,
                    RecommendedAction = "Trust the server's certificate authority on this computer, or, for an on-premises server you control, add -SkipCertificateCheck (this command or connection only).",
                }.ToException();
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is WebException)
            {
                bool notSent = RetryRules.FailedBeforeSending(ex);
                throw new ScanPSError(
                    ErrorIds.ConnectionFailed,
                    ScanPSErrorCategory.ConnectionError,
                    "Could not reach " + Provider + " at " + url.GetLeftPart(UriPartial.Authority) + " (" + _log.Redact(ex.GetBaseException().Message) + ", after " + attempts.Count + " attempt" + (attempts.Count == 1 ? string.Empty : "s") + ")." +
                    (request.Kind == RequestKind.Create && !notSent ? " The connection broke after the request was sent: the vendor may or may not have acted on it; check with Get-Scan before running it again." : string.Empty),
                    request.Target ?? url)
                { InnerException = ex, RecommendedAction = "Check -BaseUri, DNS, proxy and firewall settings." }.ToException();
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            int code = (int)response.StatusCode;
            if (code >= 200 && code < 300) return response;

            using (response)
            {
                string redacted = await ReadRedactedAsync(response).ConfigureAwait(false);
                if (_log.BodiesEnabled) _log.Debug(Provider + " response body: " + redacted);
                var error = VendorErrors.FromStatus(Provider, request, url, response.StatusCode, response.ReasonPhrase, redacted, VendorErrors.RequestId(response), Advice);
                if (DescribeRefusal != null) error = DescribeRefusal(error, redacted);
                if (code == 429 && request.Kind == RequestKind.Create)
                {
                    // Refused for the rate, so nothing was created; creates are not retried automatically.
                    var wait = RetryRules.RetryAfter(response, DateTimeOffset.UtcNow);
                    error.RecommendedAction = "Nothing was created: " + Provider + " limits the request rate. Wait " +
                        (wait.HasValue ? Describe(wait.Value) + " (the vendor's Retry-After)" : "a minute") + " and run the command again.";
                }
                else if (code == 429 && attempts.Count > 1)
                {
                    error.RecommendedAction = "Wait and run the command again; ScanPS already made " + attempts.Count + " attempts.";
                }

                throw error.ToException();
            }
        }

        /// <summary>Sends the request and deserializes a 2xx JSON answer with a source-generated contract.</summary>
        public async Task<T> SendJsonAsync<T>(VendorRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        {
            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return await ReadJsonAsync(response, request, typeInfo, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Awaits a Refit call and deserializes its 2xx JSON answer; the response is disposed after.</summary>
        public async Task<T> ReadJsonAsync<T>(Task<HttpResponseMessage> call, VendorRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        {
            using var response = await ResponseAsync(call).ConfigureAwait(false);
            return await ReadJsonAsync(response, request, typeInfo, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Awaits a Refit call for its 2xx response. Refit wraps what the transport throws in an ApiRequestException;
        /// the transport's own exception (a ScanPSException, or the OperationCanceledException of Ctrl+C) is rethrown as it was.
        /// </summary>
        public static async Task<HttpResponseMessage> ResponseAsync(Task<HttpResponseMessage> call)
        {
            try
            {
                return await call.ConfigureAwait(false);
            }
            catch (ApiRequestException ex) when (ex.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }

        private async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, VendorRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        {
            var url = response.RequestMessage?.RequestUri ?? new Uri(BaseUri, request.RelativeUri);
            string? mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType != null && mediaType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
            {
                // A 2xx labelled text/plain or text/html may still be the JSON asked for (a server that forgot the
                // header): a body that reads as the expected JSON is used; an HTML page or other text is refused.
                string text;
                try
                {
                    text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when ((ex is IOException || ex is HttpRequestException) && !cancellationToken.IsCancellationRequested)
                {
                    throw VendorErrors.InvalidResponse(Provider, request, url, "the body ended early (" + ex.GetBaseException().Message + ").", ex).ToException();
                }

                T? labelled = TryParseJson(text, typeInfo);
                if (labelled != null)
                {
                    _log.Verbose(Provider + " labelled its JSON answer " + mediaType + "; it was read as JSON.");
                    return labelled;
                }

                throw VendorErrors.InvalidResponse(Provider, request, url,
                    "the body is " + mediaType + " (" + VendorErrors.ExtractMessage(_log.Redact(text)) + ").").ToException();
            }

            T? value;
            try
            {
                if (_log.BodiesEnabled)
                {
                    string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    _log.Debug(Provider + " response body: " + text);
                    value = JsonSerializer.Deserialize(text, typeInfo);
                }
                else
                {
                    using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    value = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (JsonException ex)
            {
                throw VendorErrors.InvalidResponse(Provider, request, url, ex.Message, ex).ToException();
            }
            catch (Exception ex) when ((ex is IOException || ex is HttpRequestException) && !cancellationToken.IsCancellationRequested)
            {
                throw VendorErrors.InvalidResponse(Provider, request, url, "the body ended early (" + ex.GetBaseException().Message + ").", ex).ToException();
            }

            if (value == null) throw VendorErrors.InvalidResponse(Provider, request, url, "the body is empty or null.").ToException();
            return value;
        }

        private static T? TryParseJson<T>(string text, JsonTypeInfo<T> typeInfo)
        {
            string start = text.TrimStart();
            if (!(start.StartsWith("{", StringComparison.Ordinal) || start.StartsWith("[", StringComparison.Ordinal) || start.StartsWith("\"", StringComparison.Ordinal))) return default;
            try
            {
                return JsonSerializer.Deserialize(text, typeInfo);
            }
            catch (JsonException)
            {
                return default;
            }
        }

        /// <summary>A refusal's body, redacted before it is shortened (a secret cut at the boundary would escape redaction).</summary>
        private async Task<string> ReadRedactedAsync(HttpResponseMessage response)
        {
            try
            {
                string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                return VendorErrors.Shorten(_log.Redact(text));
            }
            catch (Exception ex) when (ex is IOException || ex is HttpRequestException)
            {
                return "(the body could not be read: " + ex.GetBaseException().Message + ")";
            }
        }

        private ResiliencePipeline<HttpResponseMessage> BuildPipeline(RequestKind kind)
        {
            return new ResiliencePipelineBuilder<HttpResponseMessage>()
                .AddTimeout(new TimeoutStrategyOptions { Timeout = _settings.TotalTimeout })
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = Math.Max(1, _settings.MaxRetries),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = _settings.BaseDelay,
                    MaxDelay = _settings.MaxDelay,
                    ShouldHandle = args => new ValueTask<bool>(_settings.MaxRetries > 0 && ShouldRetry(kind, args.Outcome)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(RetryRules.RetryAfter(args.Outcome.Result, DateTimeOffset.UtcNow)),
                    OnRetry = args =>
                    {
                        var attempts = args.Context.Properties.GetValue(AttemptsKey, null!);
                        string why = args.Outcome.Exception != null
                            ? args.Outcome.Exception.GetType().Name
                            : ((int)args.Outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        bool vendorAsked = args.Outcome.Result?.Headers.RetryAfter != null;
                        if (vendorAsked && attempts != null && (attempts.Request.RetryAfter == null || attempts.Request.RetryAfter < args.RetryDelay)) attempts.Request.RetryAfter = args.RetryDelay;
                        attempts?.Log.Verbose(Provider + " retrying " + attempts.Request.Method.Method + " " + attempts.Url.AbsolutePath +
                            " after " + why + " in " + Describe(args.RetryDelay) + (vendorAsked ? " (Retry-After)" : " (backoff)") + ".");
                        return default;
                    },
                })
                .AddTimeout(new TimeoutStrategyOptions { Timeout = _settings.AttemptTimeout })
                .Build();
        }

        private bool ShouldRetry(RequestKind kind, Outcome<HttpResponseMessage> outcome)
        {
            if (outcome.Exception != null) return RetryRules.IsRetryableException(kind, outcome.Exception);
            var response = outcome.Result;
            if (response == null || !RetryRules.IsRetryableStatus(kind, response.StatusCode)) return false;
            var wait = RetryRules.RetryAfter(response, DateTimeOffset.UtcNow);
            return !wait.HasValue || wait.Value <= _settings.MaxRetryAfter;
        }

        private static string Describe(TimeSpan span) =>
            span.TotalSeconds >= 1
                ? span.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " s"
                : span.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " ms";

        /// <summary>Per-request state shared by the attempts: builds a fresh message each time (a message cannot be resent).</summary>
        private sealed class Attempts
        {
            private readonly VendorHttpClient _owner;

            public Attempts(VendorHttpClient owner, VendorRequest request, Uri url)
            {
                _owner = owner;
                Request = request;
                Url = url;
            }

            public VendorRequest Request { get; }

            public Uri Url { get; }

            public RequestLog Log => _owner._log;

            public int Count { get; private set; }

            public async ValueTask<HttpResponseMessage> SendOnceAsync(CancellationToken cancellationToken)
            {
                int attempt = ++Count;
                using var message = new HttpRequestMessage(Request.Method, Url);
                if (Request.JsonBody != null)
                {
                    message.Content = new ByteArrayContent(Request.JsonBody);
                    message.Content.Headers.ContentType = JsonContentType;
                }

                _owner._authorize(message);
                var stopwatch = Stopwatch.StartNew();
                try
                {
                    var response = await _owner._http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                    Log.Verbose(_owner.Provider + " " + Request.Method.Method + " " + Url + " -> " + (int)response.StatusCode + " " + response.ReasonPhrase +
                        " (" + stopwatch.ElapsedMilliseconds + " ms, attempt " + attempt + ")");
                    return response;
                }
                catch (Exception ex)
                {
                    string what = ex is OperationCanceledException ? "cancelled or timed out" : "failed: " + ex.GetBaseException().Message;
                    Log.Verbose(_owner.Provider + " " + Request.Method.Method + " " + Url + " -> " + what +
                        " (" + stopwatch.ElapsedMilliseconds + " ms, attempt " + attempt + ")");
                    throw;
                }
            }
        }
    }
}
