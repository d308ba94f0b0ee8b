using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Auth;
using ScanPS.FakeVendors;
using ScanPS.Http;
using ScanPS.Providers;
using ScanPS.Providers.Invicti;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>A fresh loopback Invicti fake per test, and sessions pointed at it with fast retries.</summary>
    public abstract class InvictiServerTest : IAsyncLifetime
    {
        public const string UserId = "test-user-id";
        public const string Token = "test-token";

        /// <summary>base64("test-user-id:test-token").</summary>
        public const string BasicHeader = "Basic dGVzdC11c2VyLWlkOnRlc3QtdG9rZW4=";

        protected FakeVendorServer Server { get; private set; } = null!;

        protected FakeInvicti Vendor => (FakeInvicti)Server.Vendor;

        public async Task InitializeAsync()
        {
            Server = await FakeVendorServer.StartAsync(new FakeInvicti());
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();

        /// <summary>A session as Start-ScanFromScan -Credential (user id, token) -BaseUri &lt;fake&gt; opens it.</summary>
        protected ProviderSession Open(string? userId = UserId, string? token = Token, HttpSettings? settings = null, bool debug = false,
            IDictionary<string, string>? environment = null, Uri? baseUri = null)
        {
            var options = new ProviderSessionOptions
            {
                Provider = "Invicti",
                CredentialPassword = token == null ? null : ApiKeyCredential.ToSecureString(token),
                CredentialUserName = userId,
                BaseUri = baseUri ?? Server.BaseUri,
                Settings = settings ?? HostedScanServerTest.FastSettings,
                GetEnvironmentVariable = name => environment != null && environment.TryGetValue(name, out var v) ? v : null,
            };
            return ProviderSession.Open(options, new RequestLog(debug));
        }

        protected IReadOnlyList<RecordedRequest> ApiRequests => Server.Requests.Where(r => r.Path.StartsWith("/api/1.0/", StringComparison.Ordinal)).ToList();

        /// <summary>
        /// An InvictiClient on the shared request function whose HttpClient also records each response (status,
        /// Content-Type, body), for the contract tests: the session's pooled client cannot be observed.
        /// </summary>
        protected (InvictiClient Client, List<RecordedResponse> Responses) OpenRecording(string userId = UserId, string token = Token)
        {
            var responses = new List<RecordedResponse>();
            var http = new HttpClient(new RecordingHandler(responses)) { Timeout = Timeout.InfiniteTimeSpan };
            http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            var credential = new ApiKeyCredential(ApiKeyCredential.ToSecureString(token), "test", userId);
            var baseUri = BaseUriPolicy.Validate("Invicti", Server.BaseUri, apiRoot: InvictiClient.ApiRoot);
            var vendorHttp = new VendorHttpClient("Invicti", baseUri, http, InvictiClient.Authorizer(credential), new RequestLog(false), HostedScanServerTest.FastSettings);
            return (new InvictiClient(vendorHttp), responses);
        }

        public sealed record RecordedResponse(string Method, string Path, int Status, string? ContentType, string Body);

        private sealed class RecordingHandler : DelegatingHandler
        {
            private readonly List<RecordedResponse> _responses;

            public RecordingHandler(List<RecordedResponse> responses) : base(new HttpClientHandler { AllowAutoRedirect = false })
            {
                _responses = responses;
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = await base.SendAsync(request, cancellationToken);
                string body = await response.Content.ReadAsStringAsync(cancellationToken);
                var headers = response.Content.Headers.ToList();
                response.Content = new StringContent(body);
                response.Content.Headers.Clear();
                foreach (var header in headers) response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                lock (_responses)
                {
                    _responses.Add(new RecordedResponse(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode,
                        response.Content.Headers.ContentType?.ToString(), body));
                }

                return response;
            }
        }
    }
}
