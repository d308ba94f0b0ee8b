using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security;
using ScanPS.Auth;
using ScanPS.Connections;
using ScanPS.Errors;
using ScanPS.FakeVendors;
using ScanPS.Http;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>Connect-ScanProvider's logic against the loopback HostedScan fake, and the session store.</summary>
    public sealed class ConnectionTests : HostedScanServerTest
    {
        private ConnectRequest Request(string key = Key, string? name = null) => new ConnectRequest
        {
            Provider = "hostedscan",
            Name = name,
            ApiKey = ApiKeyCredential.ToSecureString(key),
            BaseUri = Server.BaseUri,
            Settings = FastSettings,
            GetEnvironmentVariable = _ => null,
        };

        [Fact]
        public void A_good_key_is_checked_with_one_read_and_stored_as_the_provider_default()
        {
            var store = new ConnectionStore();
            var host = new RecordingHost();

            var connection = ConnectionOperations.Connect(host, store, Request());

            var request = Assert.Single(ApiRequests);
            Assert.Equal("GET", request.Method);
            Assert.Equal("/v1/scans", request.Path);
            Assert.Equal(Key, request.Header("X-HOSTEDSCAN-API-KEY"));
            Assert.Equal("HostedScan", connection.Provider);
            Assert.Equal("HostedScan", connection.Name);
            Assert.True(connection.Validated);
            Assert.True(connection.IsDefault);
            Assert.Same(connection, store.Default("HostedScan"));
            Assert.Equal("connection 'HostedScan' (the -ApiKey parameter)", connection.CredentialSource);
        }

        [Fact]
        public void A_refused_key_is_an_AuthenticationFailed_error_and_nothing_is_stored()
        {
            var store = new ConnectionStore();
            var ex = Assert.Throws<ScanPSException>(() => ConnectionOperations.Connect(new RecordingHost(), store, Request("wrong-key")));
            Assert.Equal("AuthenticationFailed", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.AuthenticationError, ex.Error.Category);
            Assert.Equal(401, ex.Error.StatusCode);
            Assert.StartsWith("The HostedScan connection 'HostedScan' was not stored: HostedScan answered 401", ex.Message);
            Assert.Contains("-SkipValidation", ex.Error.RecommendedAction);
            Assert.DoesNotContain("wrong-key", ex.Message + ex.Error.Details + ex.Error.RecommendedAction);
            Assert.Empty(store.Find(null, null));
        }

        [Fact]
        public void A_403_is_a_PermissionDenied_error()
        {
            Server.Faults.Enqueue(new Fault { Kind = FaultKind.Status, StatusCode = 403, Body = "{\"error\":\"API access needs a paid plan\"}" });
            var store = new ConnectionStore();
            var ex = Assert.Throws<ScanPSException>(() => ConnectionOperations.Connect(new RecordingHost(), store, Request()));
            Assert.Equal("PermissionDenied", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.PermissionDenied, ex.Error.Category);
            Assert.Contains("API access needs a paid plan", ex.Message);
            Assert.Empty(store.Find(null, null));
        }

        [Fact]
        public void An_unreachable_host_is_a_ConnectionFailed_error_that_names_it()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop(); // nothing listens there now

            var request = Request();
            request.BaseUri = new Uri("http://127.0.0.1:" + port + "/");
            request.Settings = new HttpSettings { MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(5), TotalTimeout = TimeSpan.FromSeconds(10) };
            var ex = Assert.Throws<ScanPSException>(() => ConnectionOperations.Connect(new RecordingHost(), new ConnectionStore(), request));
            Assert.Equal("ConnectionFailed", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.ConnectionError, ex.Error.Category);
            Assert.Contains("127.0.0.1:" + port, ex.Message);
        }

        [Fact]
        public void SkipValidation_stores_without_a_request()
        {
            var request = Request("not-checked");
            request.SkipValidation = true;
            var connection = ConnectionOperations.Connect(new RecordingHost(), new ConnectionStore(), request);
            Assert.False(connection.Validated);
            Assert.Empty(Server.Requests);
        }

        [Fact]
        public void A_stored_connection_is_used_by_commands_without_credential_parameters()
        {
            var store = new ConnectionStore();
            var connection = ConnectionOperations.Connect(new RecordingHost(), store, Request("test-data-key"));
            Server.ClearRequests();

            // No -ApiKey, no -BaseUri, no environment: everything comes from the default connection.
            var options = new ProviderSessionOptions { Provider = "HostedScan", DefaultConnection = store.Default("HostedScan"), Settings = FastSettings, GetEnvironmentVariable = _ => null };
            var session = ProviderSession.Open(options, new RequestLog(false));
            var host = new RecordingHost();
            ScanOperations.GetScansById(host, session, new[] { "missing" });

            Assert.Equal(Server.BaseUri, session.BaseUri);
            Assert.Equal("test-data-key", Assert.Single(ApiRequests).Header("X-HOSTEDSCAN-API-KEY"));
            Assert.Equal("ScanNotFound", Assert.Single(host.Errors).ErrorId);
            Assert.Same(connection, store.Default("HostedScan"));
        }

        [Fact]
        public void Region_and_TeamId_belong_to_their_providers_and_proxy_settings_must_agree()
        {
            var request = Request();
            request.Region = "EU";
            Assert.Equal("ParameterNotValidForProvider", Assert.Throws<ScanPSException>(() => ConnectionOperations.Connect(new RecordingHost(), new ConnectionStore(), request)).ErrorId);

            request = Request();
            request.TeamId = "t1";
            Assert.Equal("ParameterNotValidForProvider", Assert.Throws<ScanPSException>(() => ConnectionOperations.Connect(new RecordingHost(), new ConnectionStore(), request)).ErrorId);

            request = Request();
            request.ProxyUseDefaultCredentials = true;
            Assert.Equal("ProxyRequired", Assert.Throws<ScanPSException>(() => ConnectionOperations.Connect(new RecordingHost(), new ConnectionStore(), request)).ErrorId);

            request = Request();
            request.Proxy = new Uri("http://proxy.example:8080");
            request.ProxyUseDefaultCredentials = true;
            request.ProxyCredential = new NetworkCredential("u", "p");
            Assert.Equal("ConflictingProxyCredentials", Assert.Throws<ScanPSException>(() => ConnectionOperations.Connect(new RecordingHost(), new ConnectionStore(), request)).ErrorId);

            request = Request();
            request.Proxy = new Uri("socks5://proxy.example:1080");
            Assert.Equal("InvalidProxy", Assert.Throws<ScanPSException>(() => ConnectionOperations.Connect(new RecordingHost(), new ConnectionStore(), request)).ErrorId);
            Assert.Empty(Server.Requests);
        }

        [Fact]
        public void A_connection_object_shows_no_secret_in_any_public_property_or_ToString()
        {
            const string secret = "hs-secret-0123456789-abcdef";
            var request = Request(secret, "prod");
            request.SkipValidation = true;
            request.Proxy = new Uri("http://proxy.example:8080");
            request.ProxyCredential = new NetworkCredential("proxy-user", "proxy-password-42");
            var connection = ConnectionOperations.Connect(new RecordingHost(), new ConnectionStore(), request);

            // What Format-List *, ConvertTo-Json and Export-Clixml see: the public properties.
            var properties = typeof(ScanProviderConnection).GetProperties(BindingFlags.Public | BindingFlags.Instance);
            Assert.DoesNotContain(properties, p => p.PropertyType == typeof(SecureString) || p.PropertyType == typeof(NetworkCredential) || p.PropertyType == typeof(ApiKeyCredential));
            string visible = string.Join("\n", properties.Select(p => Convert.ToString(p.GetValue(connection), System.Globalization.CultureInfo.InvariantCulture))) + "\n" + connection;
            Assert.DoesNotContain(secret, visible);
            Assert.DoesNotContain("proxy-password-42", visible);
            Assert.Equal("****cdef", connection.KeyHint);
            Assert.Equal("proxy-user", connection.ProxyUserName);
            Assert.Equal("HostedScan connection 'prod' (****cdef)", connection.ToString());
        }
    }

    public sealed class ConnectionStoreTests
    {
        private static ScanProviderConnection Make(string provider, string name) =>
            new ScanProviderConnection(provider, name, new ApiKeyCredential(ApiKeyCredential.ToSecureString("k-" + name), "test"));

        [Fact]
        public void Several_connections_per_provider_one_default_each()
        {
            var store = new ConnectionStore();
            var a = Make("Invicti", "tenant-a");
            var b = Make("Invicti", "tenant-b");
            var h = Make("HostedScan", "hs");
            store.Add(a, makeDefault: false);
            store.Add(b, makeDefault: false);
            store.Add(h, makeDefault: false);
            Assert.Same(a, store.Default("Invicti"));
            Assert.Same(h, store.Default("HostedScan"));

            store.Add(Make("Invicti", "tenant-c"), makeDefault: true);
            Assert.Equal("tenant-c", store.Default("Invicti")!.Name);
            Assert.Single(store.Find("Invicti", null), c => c.IsDefault);

            store.Remove(store.Get("tenant-c"));
            Assert.Same(a, store.Default("Invicti")); // the oldest remaining one takes over
            Assert.Equal(new[] { "tenant-a", "tenant-b" }, store.Find("invicti", null).Select(c => c.Name));
        }

        [Fact]
        public void Names_are_unique_in_the_session_and_reconnecting_replaces()
        {
            var store = new ConnectionStore();
            store.Add(Make("Invicti", "prod"), false);
            var ex = Assert.Throws<ScanPSException>(() => store.Add(Make("HostedScan", "PROD"), false));
            Assert.Equal("ConnectionNameInUse", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.ResourceExists, ex.Error.Category);

            var replacement = Make("Invicti", "prod");
            store.Add(replacement, false);
            Assert.Same(replacement, Assert.Single(store.Find(null, null)));
            Assert.True(replacement.IsDefault);
        }

        [Fact]
        public void An_unknown_name_lists_the_names_that_exist()
        {
            var store = new ConnectionStore();
            store.Add(Make("Probely", "eu"), false);
            var ex = Assert.Throws<ScanPSException>(() => store.Get("us"));
            Assert.Equal("ConnectionNotFound", ex.ErrorId);
            Assert.Equal("There is no ScanPS connection named 'us' in this session. Connections: eu.", ex.Message);
        }

        [Fact]
        public void A_connection_of_another_provider_is_refused()
        {
            var options = new ProviderSessionOptions { Provider = "HostedScan", Connection = Make("Invicti", "inv") };
            var ex = Assert.Throws<ScanPSException>(() => options.ApplyConnection());
            Assert.Equal("ConnectionProviderMismatch", ex.ErrorId);
        }

        [Theory]
        [InlineData(SecurityProtocolType.Tls, SecurityProtocolType.Tls | SecurityProtocolType.Tls12)]
        [InlineData(SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12, SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12)]
        [InlineData((SecurityProtocolType)0, (SecurityProtocolType)0)]
        public void Tls12_is_added_without_removing_anything(SecurityProtocolType current, SecurityProtocolType expected)
        {
#pragma warning disable SYSLIB0039 // TLS 1.0/1.1 named only to prove they are kept
            Assert.Equal(expected, TlsDefaults.WithTls12(current));
#pragma warning restore SYSLIB0039
        }
    }
}

namespace ScanPS.Tests
{
    public sealed class RemovedConnectionTests
    {
        [Fact]
        public void A_removed_or_replaced_connection_object_can_no_longer_be_used_and_a_replacement_keeps_its_place()
        {
            var store = new ScanPS.Connections.ConnectionStore();
            ScanPS.Connections.ScanProviderConnection Make(string name) =>
                new ScanPS.Connections.ScanProviderConnection("HostedScan", name, new ScanPS.Auth.ApiKeyCredential(ScanPS.Auth.ApiKeyCredential.ToSecureString("k"), "t"));
            var first = Make("a");
            var second = Make("b");
            store.Add(first, false);
            store.Add(second, false);
            var replacement = Make("a");
            store.Add(replacement, false);
            Assert.Equal(new[] { replacement, second }, store.Find(null, null));
            Assert.True(replacement.IsDefault);

            store.Remove(second);
            foreach (var stale in new[] { first, second })
            {
                var options = new ScanPS.Providers.ProviderSessionOptions { Provider = "HostedScan", Connection = stale };
                Assert.Equal("ConnectionRemoved", Assert.Throws<ScanPS.Errors.ScanPSException>(() => options.ApplyConnection()).ErrorId);
            }
        }
    }
}

namespace ScanPS.Tests
{
    public sealed class ConnectionSettingsTests
    {
        [Fact]
        public void A_connections_region_and_team_choose_the_host_and_header_when_the_command_gives_none()
        {
            var probely = new ScanPS.Connections.ScanProviderConnection("Probely", "eu", new ScanPS.Auth.ApiKeyCredential(ScanPS.Auth.ApiKeyCredential.ToSecureString("k"), "t")) { Region = "EU" };
            var session = ScanPS.Providers.ProviderSession.Open(
                new ScanPS.Providers.ProviderSessionOptions { Provider = "Probely", DefaultConnection = probely, GetEnvironmentVariable = _ => null },
                new ScanPS.Http.RequestLog(false));
            Assert.Equal(new System.Uri("https://api.eu.probely.com/"), session.BaseUri);

            // A region given to the command wins over the connection's.
            var options = new ScanPS.Providers.ProviderSessionOptions { Provider = "Probely", Region = "US", DefaultConnection = probely, GetEnvironmentVariable = _ => null };
            Assert.Equal(new System.Uri("https://api.us.probely.com/"), ScanPS.Providers.ProviderSession.Open(options, new ScanPS.Http.RequestLog(false)).BaseUri);
        }
    }
}
