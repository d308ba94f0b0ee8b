using System;
using System.Collections.Generic;
using ScanPS.Auth;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Operations;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    public sealed class CredentialTests
    {
        private static Func<string, string?> Env(params (string Name, string Value)[] variables)
        {
            var map = new Dictionary<string, string>();
            foreach (var (name, value) in variables) map[name] = value;
            return name => map.TryGetValue(name, out var v) ? v : null;
        }

        private static string Plain(ApiKeyCredential credential) => credential.Reveal();

        [Fact]
        public void ApiKey_parameter_wins_over_the_environment()
        {
            var c = CredentialResolver.Resolve(ProviderDefinition.Get("HostedScan").Credential, ApiKeyCredential.ToSecureString("from-param"), null, null, Env(("SCANPS_HOSTEDSCAN_API_KEY", "from-env")));
            Assert.Equal("from-param", Plain(c));
            Assert.Equal("the -ApiKey parameter", c.Source);
        }

        [Fact]
        public void Credential_password_is_the_key_and_keeps_the_user_name()
        {
            var c = CredentialResolver.Resolve(ProviderDefinition.Get("HostedScan").Credential, null, ApiKeyCredential.ToSecureString("pw-key"), "ignored-user", Env(("SCANPS_HOSTEDSCAN_API_KEY", "from-env")));
            Assert.Equal("pw-key", Plain(c));
            Assert.Equal("ignored-user", c.UserName);
            Assert.Equal("the -Credential parameter", c.Source);
        }

        [Fact]
        public void The_environment_variable_is_used_when_no_parameter_is_given()
        {
            var c = CredentialResolver.Resolve(ProviderDefinition.Get("HostedScan").Credential, null, null, null, Env(("SCANPS_HOSTEDSCAN_API_KEY", "  from-env  ")));
            Assert.Equal("from-env", Plain(c));
            Assert.Equal("environment variable SCANPS_HOSTEDSCAN_API_KEY", c.Source);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("   ")]
        public void Nothing_set_is_a_NoCredentialResolved_error_that_says_what_to_set(string? environmentValue)
        {
            var env = environmentValue == null ? Env() : Env(("SCANPS_HOSTEDSCAN_API_KEY", environmentValue));
            var ex = Assert.Throws<ScanPSException>(() => CredentialResolver.Resolve(ProviderDefinition.Get("HostedScan").Credential, null, null, null, env));

            Assert.Equal("NoCredentialResolved", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.AuthenticationError, ex.Error.Category);
            Assert.Contains("-ApiKey", ex.Message);
            Assert.Contains("-Credential", ex.Message);
            Assert.Contains("SCANPS_HOSTEDSCAN_API_KEY", ex.Message);
        }

        [Fact]
        public void Both_ApiKey_and_Credential_is_an_error()
        {
            var ex = Assert.Throws<ScanPSException>(() => CredentialResolver.Resolve(ProviderDefinition.Get("HostedScan").Credential, ApiKeyCredential.ToSecureString("a"), ApiKeyCredential.ToSecureString("b"), "u", Env()));
            Assert.Equal("ConflictingCredentialParameters", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, ex.Error.Category);
        }

        [Fact]
        public void An_empty_explicit_key_is_refused()
        {
            var ex = Assert.Throws<ScanPSException>(() => CredentialResolver.Resolve(ProviderDefinition.Get("HostedScan").Credential, ApiKeyCredential.ToSecureString(""), null, null, Env(("SCANPS_HOSTEDSCAN_API_KEY", "env"))));
            Assert.Equal("NoCredentialResolved", ex.ErrorId);
        }

        [Theory]
        [InlineData("http://example.com")]
        [InlineData("http://10.0.0.5:8080/")]
        [InlineData("http://api.hostedscan.com")]
        public void Plain_http_is_refused_for_anything_but_loopback(string uri)
        {
            var ex = Assert.Throws<ScanPSException>(() => BaseUriPolicy.Resolve("HostedScan", new Uri(uri), new Uri("https://api.hostedscan.com/"), Env()));
            Assert.Equal("InsecureBaseUri", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.SecurityError, ex.Error.Category);
        }

        [Theory]
        [InlineData("http://127.0.0.1:5099", "http://127.0.0.1:5099/")]
        [InlineData("http://127.10.0.1:5099/", "http://127.10.0.1:5099/")]
        [InlineData("http://localhost:5099", "http://localhost:5099/")]
        [InlineData("http://[::1]:5099", "http://[::1]:5099/")]
        [InlineData("https://api.hostedscan.com/v1", "https://api.hostedscan.com/")]
        [InlineData("https://proxy.example.com/hostedscan", "https://proxy.example.com/hostedscan/")]
        public void Loopback_http_and_https_are_accepted_and_normalised(string uri, string expected)
        {
            Assert.Equal(new Uri(expected), BaseUriPolicy.Resolve("HostedScan", new Uri(uri), new Uri("https://api.hostedscan.com/"), Env()));
        }

        [Fact]
        public void Base_uri_comes_from_the_parameter_then_the_environment_then_the_default()
        {
            var fallback = new Uri("https://api.hostedscan.com/");
            var env = Env(("SCANPS_HOSTEDSCAN_BASE_URI", "http://127.0.0.1:5099"));
            Assert.Equal(new Uri("https://p.example/"), BaseUriPolicy.Resolve("HostedScan", new Uri("https://p.example"), fallback, env));
            Assert.Equal(new Uri("http://127.0.0.1:5099/"), BaseUriPolicy.Resolve("HostedScan", null, fallback, env));
            Assert.Equal(fallback, BaseUriPolicy.Resolve("HostedScan", null, fallback, Env()));
            Assert.Equal("InsecureBaseUri", Assert.Throws<ScanPSException>(() =>
                BaseUriPolicy.Resolve("HostedScan", null, fallback, Env(("SCANPS_HOSTEDSCAN_BASE_URI", "http://evil.example")))).ErrorId);
            Assert.Equal("InvalidBaseUri", Assert.Throws<ScanPSException>(() =>
                BaseUriPolicy.Resolve("HostedScan", null, fallback, Env(("SCANPS_HOSTEDSCAN_BASE_URI", "not a uri")))).ErrorId);
            Assert.Equal("InvalidBaseUri", Assert.Throws<ScanPSException>(() =>
                BaseUriPolicy.Resolve("HostedScan", new Uri("ftp://x.example"), fallback, Env())).ErrorId);
        }

        [Fact]
        public void ToString_never_shows_the_key()
        {
            var c = new ApiKeyCredential(ApiKeyCredential.ToSecureString("s3cret-value"), "the -ApiKey parameter");
            Assert.DoesNotContain("s3cret-value", c.ToString());
            Assert.Equal("a *** b", c.Redact("a s3cret-value b"));
        }
    }
}
