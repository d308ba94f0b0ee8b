using System;
using System.Linq;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.FakeVendors;
using ScanPS.Http;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>An on-premises Invicti with a self-signed certificate: refused by default; -SkipCertificateCheck is per session.</summary>
    public sealed class InvictiTlsTests : IAsyncLifetime
    {
        private FakeVendorServer _server = null!;
        private string _scanId = null!;

        public async Task InitializeAsync()
        {
            var vendor = new FakeInvicti();
            _scanId = vendor.AddScan("Complete");
            _server = await FakeVendorServer.StartAsync(vendor, "https://127.0.0.1:0", TestCertificates.SelfSigned("invicti.onprem.test"));
        }

        public async Task DisposeAsync() => await _server.DisposeAsync();


        private ProviderSession Open(bool skipCertificateCheck)
        {
            var settings = HostedScanServerTest.FastSettings;
            settings.MaxRetries = 0;
            return ProviderSession.Open(new ProviderSessionOptions
            {
                Provider = "Invicti",
                CredentialUserName = InvictiServerTest.UserId,
                CredentialPassword = Auth.ApiKeyCredential.ToSecureString(InvictiServerTest.Token),
                BaseUri = _server.BaseUri,
                Settings = settings,
                Network = skipCertificateCheck ? new NetworkSettings { SkipCertificateCheck = true } : NetworkSettings.Default,
                GetEnvironmentVariable = _ => null,
            }, new RequestLog(false));
        }

        [Fact]
        public void The_server_really_is_https()
        {
            Assert.Equal("https", _server.BaseUri.Scheme);
        }

        [Fact]
        public void An_untrusted_certificate_is_refused_by_default_with_a_clear_terminating_error()
        {
            var host = new RecordingHost();

            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.GetScansById(host, Open(skipCertificateCheck: false), new[] { _scanId }));

            Assert.Equal(("CertificateNotTrusted", ScanPSErrorCategory.SecurityError), (ex.ErrorId, ex.Error.Category));
            Assert.StartsWith("Refused the TLS certificate of Invicti at " + _server.BaseUri.GetLeftPart(UriPartial.Authority), ex.Message);
            Assert.Contains("-SkipCertificateCheck", ex.Error.RecommendedAction);
            Assert.Empty(_server.Requests); // the handshake failed: no HTTP request reached the server
        }

        [Fact]
        public void SkipCertificateCheck_accepts_it_for_that_session_only_and_a_later_session_still_refuses()
        {
            var trusting = new RecordingHost();
            ScanOperations.GetScansById(trusting, Open(skipCertificateCheck: true), new[] { _scanId });

            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.GetScansById(new RecordingHost(), Open(skipCertificateCheck: false), new[] { _scanId }));

            Assert.Equal(_scanId, Assert.IsType<InvictiScan>(Assert.Single(trusting.Output)).Id);
            Assert.Equal("CertificateNotTrusted", ex.ErrorId);
            Assert.Single(_server.Requests);
            Assert.False(NetworkSettings.Default.SkipCertificateCheck);
        }
    }
}
