using System;
using System.Linq;
using System.Net;
using ScanPS.Auth;
using ScanPS.Connections;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Operations;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>-Proxy really routes requests (with proxy credentials when given); the default path does not.</summary>
    public sealed class ProxyTests : HostedScanServerTest
    {
        private ConnectRequest Request(LoopbackProxy? proxy, NetworkCredential? proxyCredential = null) => new ConnectRequest
        {
            Provider = "HostedScan",
            Name = "via-proxy-" + Guid.NewGuid().ToString("N").Substring(0, 6),
            ApiKey = ApiKeyCredential.ToSecureString(Key),
            BaseUri = Server.BaseUri,
            Proxy = proxy?.Uri,
            ProxyCredential = proxyCredential,
            Settings = FastSettings,
            GetEnvironmentVariable = _ => null,
        };

        [Fact]
        public void Requests_of_a_connection_with_Proxy_go_through_the_proxy()
        {
            using var proxy = new LoopbackProxy();
            var store = new ConnectionStore();
            ConnectionOperations.Connect(new RecordingHost(), store, Request(proxy));

            var session = ProviderSession.Open(new ProviderSessionOptions { Provider = "HostedScan", DefaultConnection = store.Default("HostedScan"), Settings = FastSettings, GetEnvironmentVariable = _ => null }, new RequestLog(false));
            ScanOperations.GetScansById(new RecordingHost(), session, new[] { "abc" });

            string origin = Server.BaseUri.GetLeftPart(UriPartial.Authority);
            Assert.Equal(new[] { "GET " + origin + "/v1/scans HTTP/1.1", "GET " + origin + "/v1/scans/abc HTTP/1.1" }, proxy.RequestLines.ToArray());
            Assert.Equal(2, ApiRequests.Count); // and the vendor got them, with the key
            Assert.All(ApiRequests, r => Assert.Equal(Key, r.Header("X-HOSTEDSCAN-API-KEY")));
        }

        [Fact]
        public void Proxy_credentials_answer_the_proxy_challenge()
        {
            using var proxy = new LoopbackProxy("proxy-user", "proxy-pass");
            var connection = ConnectionOperations.Connect(new RecordingHost(), new ConnectionStore(), Request(proxy, new NetworkCredential("proxy-user", "proxy-pass")));

            Assert.True(connection.Validated);
            string expected = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("proxy-user:proxy-pass"));
            Assert.Equal(new string?[] { null, expected }, proxy.Authorizations.ToArray()); // challenged once, then signed in
            Assert.Single(ApiRequests);
        }

        [Fact]
        public void Without_proxy_credentials_the_proxy_refuses_with_a_clear_error()
        {
            using var proxy = new LoopbackProxy("proxy-user", "proxy-pass");
            var ex = Assert.Throws<Errors.ScanPSException>(() => ConnectionOperations.Connect(new RecordingHost(), new ConnectionStore(), Request(proxy)));
            Assert.Equal(407, ex.Error.StatusCode);
            Assert.Equal("ProxyAuthenticationRequired", ex.ErrorId);
            Assert.Equal(Errors.ScanPSErrorCategory.AuthenticationError, ex.Error.Category);
            Assert.Contains("407", ex.Message);
            Assert.Empty(ApiRequests);
        }

        [Fact]
        public void The_client_kept_for_a_proxy_credential_is_released_when_its_connection_goes()
        {
            using var proxy = new LoopbackProxy("proxy-user", "proxy-pass");
            var store = new ConnectionStore();
            var credential = new NetworkCredential("proxy-user", "proxy-pass");
            NetworkSettings Network(ScanProviderConnection c) => new NetworkSettings { Proxy = proxy.Uri, ProxyCredential = credential, CredentialOwner = c.Identity };

            var first = ConnectionOperations.Connect(new RecordingHost(), store, Request(proxy, credential));
            Assert.True(HttpClientCache.Holds(Server.BaseUri, Network(first)));

            // Connecting again under the same name replaces the connection: the old one's client goes.
            var request = Request(proxy, credential);
            request.Name = first.Name;
            var second = ConnectionOperations.Connect(new RecordingHost(), store, request);
            Assert.False(HttpClientCache.Holds(Server.BaseUri, Network(first)));
            Assert.True(HttpClientCache.Holds(Server.BaseUri, Network(second)));

            // Removing it releases its client; a connection refused at Connect keeps none.
            Assert.True(store.Remove(second));
            Assert.False(HttpClientCache.Holds(Server.BaseUri, Network(second)));
            Assert.Equal(0, HttpClientCache.CountUsingProxy(proxy.Uri));
            var refused = Request(proxy, new NetworkCredential("proxy-user", "wrong"));
            var ex = Assert.Throws<ScanPSException>(() => ConnectionOperations.Connect(new RecordingHost(), store, refused));
            Assert.Equal("ProxyAuthenticationRequired", ex.ErrorId);
            Assert.Empty(store.Find(null, null));
            Assert.Equal(0, HttpClientCache.CountUsingProxy(proxy.Uri));
            Assert.Equal(0, HttpClientCache.ReleaseOwnedBy(first.Identity));
        }

        [Fact]
        public void Without_Proxy_requests_do_not_touch_the_proxy()
        {
            using var proxy = new LoopbackProxy();
            ConnectionOperations.Connect(new RecordingHost(), new ConnectionStore(), Request(null));
            Assert.Empty(proxy.RequestLines);
            Assert.Single(ApiRequests);
        }
    }
}
