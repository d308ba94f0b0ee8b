using System;
using System.Threading.Tasks;
using ScanPS.Auth;
using ScanPS.Connections;
using ScanPS.Errors;
using ScanPS.FakeVendors;
using ScanPS.Http;
using ScanPS.Operations;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// A loopback HTTPS HostedScan fake with a self-signed certificate: refused by default, accepted only by the
    /// connection that set SkipCertificateCheck, while another connection in the same process still refuses it.
    /// </summary>
    public sealed class CertificateConnectionTests : IAsyncLifetime
    {
        private FakeVendorServer _server = null!;

        public async Task InitializeAsync()
        {
            _server = await FakeVendorServer.StartAsync(new FakeHostedScan(), "https://127.0.0.1:0", TestCertificates.SelfSigned("scanner.internal.test"));
        }

        public async Task DisposeAsync() => await _server.DisposeAsync();


        private ScanProviderConnection Connect(ConnectionStore store, string name, bool skip) =>
            ConnectionOperations.Connect(new RecordingHost(), store, new ConnectRequest
            {
                Provider = "HostedScan",
                Name = name,
                ApiKey = ApiKeyCredential.ToSecureString(HostedScanServerTest.Key),
                BaseUri = _server.BaseUri,
                SkipCertificateCheck = skip,
                SkipValidation = !skip,
                Settings = new HttpSettings { MaxRetries = 2 },
                GetEnvironmentVariable = _ => null,
            });

        private static ScanPSError? GetScan(ScanProviderConnection connection)
        {
            var session = ProviderSession.Open(new ProviderSessionOptions { Provider = "HostedScan", Connection = connection, Settings = new HttpSettings { MaxRetries = 2 }, GetEnvironmentVariable = _ => null }, new RequestLog(false));
            var host = new RecordingHost();
            try
            {
                ScanOperations.GetScansById(host, session, new[] { "missing" });
            }
            catch (ScanPSException ex)
            {
                return ex.Error;
            }

            return Assert.Single(host.Errors);
        }

        [Fact]
        public void Only_the_connection_that_skips_the_check_accepts_the_self_signed_certificate()
        {
            Assert.Equal("https", _server.BaseUri.Scheme);
            var store = new ConnectionStore();
            var strict = Connect(store, "strict", skip: false);
            var lenient = Connect(store, "lenient", skip: true); // validated over TLS with the certificate unchecked
            Assert.True(lenient.Validated);

            var refused = GetScan(strict)!;
            Assert.Equal("CertificateNotTrusted", refused.ErrorId);
            Assert.Equal(ScanPSErrorCategory.SecurityError, refused.Category);
            Assert.Contains("-SkipCertificateCheck", refused.RecommendedAction);

            Assert.Equal("ScanNotFound", GetScan(lenient)!.ErrorId); // reached the server: the fake answered 404

            // A session opened later in the same process, without the setting, still refuses: nothing went process-wide.
            var later = GetScan(Connect(store, "later", skip: false))!;
            Assert.Equal("CertificateNotTrusted", later.ErrorId);
            Assert.Equal(2, _server.Requests.Count); // the lenient connection's check and its GET; refusals send nothing
        }
    }
}
