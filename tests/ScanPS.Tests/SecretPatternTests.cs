using System;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Operations;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// The redaction pattern finds a secret in each encoding it can be printed in, and the id check lets every
    /// vendor's real ids through (issue 17; the engine tests in BadInputTests prove the streams and the requests).
    /// </summary>
    public sealed class SecretPatternTests
    {
        private const string Secret = "k+&'<>\"\\/ é%😀1234567890";

        public static TheoryData<string, string> Encodings() => new TheoryData<string, string>
        {
            { "raw", Secret },
            { "JSON (System.Text.Json default)", JsonSerializer.Serialize(Secret).Trim('"') },
            { "JSON (relaxed)", JsonSerializer.Serialize(Secret, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Trim('"') },
            { "JSON (lowercase hex)", JsonSerializer.Serialize(Secret).Trim('"').Replace("\\u002B", "\\u002b").Replace("\\u003C", "\\u003c") },
            { "URL (data)", Uri.EscapeDataString(Secret) },
            { "URL (form)", System.Net.WebUtility.UrlEncode(Secret) },
            { "URL (lowercase hex)", Uri.EscapeDataString(Secret).ToLowerInvariant() },
            { "HTML", System.Net.WebUtility.HtmlEncode(Secret) },
            { "base64", Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret)) },
            { "base64url", Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret)).TrimEnd('=').Replace('+', '-').Replace('/', '_') },
        };

        [Theory]
        [MemberData(nameof(Encodings))]
        public void Each_encoding_of_the_secret_is_masked_and_the_text_around_it_kept(string encoding, string encoded)
        {
            var pattern = SecretPattern.For(Secret)!;
            string text = "before " + encoded + " after";

            Assert.True(pattern.IsIn(text), encoding);
            Assert.Equal("before *** after", pattern.Redact(text));
        }

        [Fact]
        public void Other_text_and_short_secrets_are_left_alone()
        {
            Assert.Equal("k+&'<>1234567891", SecretPattern.For(Secret)!.Redact("k+&'<>1234567891"));
            Assert.Null(SecretPattern.For("abc"));
            Assert.Equal("abc abc", SecretPattern.Redaction("abc")("abc abc"));
        }

        [Theory]
        [InlineData("HostedScan", "61918df1ed4b650040af5b0a")]
        [InlineData("ProjectDiscovery", "cq3v0j1n8mhs73c0tbl0")]
        [InlineData("Probely", "3epwuyBoKQKN")]
        [InlineData("HostedScan", " 61918df1ed4b650040af5b0a ")]
        [InlineData("HostedScan", "a b")]
        [InlineData("HostedScan", "a..b")]
        public void Real_ids_pass_the_check_trimmed(string provider, string id)
        {
            Assert.Equal(id.Trim(), ResourceIds.CheckScanId(id, provider));
            Assert.Equal(id.Trim(), ResourceIds.CheckTargetId(id, provider));
        }

        [Theory]
        [InlineData("..")]
        [InlineData(".")]
        [InlineData(" ")]
        [InlineData(null)]
        [InlineData("a/b")]
        [InlineData("a\\b")]
        [InlineData("a?b")]
        [InlineData("a#b")]
        [InlineData("%2e%2e")]
        [InlineData("a\r\nb")]
        public void Ids_that_are_not_one_path_segment_are_refused(string? id)
        {
            var ex = Assert.Throws<ScanPSException>(() => ResourceIds.CheckScanId(id, "HostedScan"));
            Assert.Equal("InvalidScanId", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, ex.Error.Category);
            Assert.DoesNotContain("\n", ex.Message);
            Assert.Equal("InvalidTargetId", Assert.Throws<ScanPSException>(() => ResourceIds.CheckTargetId(id, "Probely")).ErrorId);
        }

        [Theory]
        [InlineData("SCANPS_PROJECTDISCOVERY_TEAM_ID")]
        [InlineData("PDCP_TEAM_ID")]
        public void A_team_id_from_the_environment_with_a_line_break_is_refused_naming_the_variable(string variable)
        {
            var options = new ProviderSessionOptions { Provider = "ProjectDiscovery", GetEnvironmentVariable = name => name == variable ? "team\r\nX-Injected: 1" : null };

            var ex = Assert.Throws<ScanPSException>(() => ScanPS.Providers.ProjectDiscovery.ProjectDiscoveryProvider.ResolveTeamId(options));

            Assert.Equal("InvalidTeamId", ex.ErrorId);
            Assert.Contains(variable, ex.Message);
            Assert.DoesNotContain("X-Injected", ex.Message);
        }

        [Fact]
        public void A_key_from_the_environment_with_a_line_break_is_refused_naming_the_variable()
        {
            var ex = Assert.Throws<ScanPSException>(() => ScanPS.Auth.CredentialResolver.Resolve(
                ScanPS.Providers.ProviderDefinition.Get("HostedScan").Credential, null, null, null, name => name == "SCANPS_HOSTEDSCAN_API_KEY" ? "key-part\nX-Injected: 1" : null));

            Assert.Equal("InvalidCredential", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, ex.Error.Category);
            Assert.Contains("SCANPS_HOSTEDSCAN_API_KEY", ex.Message);
            Assert.DoesNotContain("key-part", ex.Message);
        }
    }
}
