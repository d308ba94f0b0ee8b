using System.Linq;
using ScanPS.Auth;
using ScanPS.Http;
using ScanPS.Operations;
using ScanPS.Providers;
using ScanPS.Providers.HostedScan;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>Commands that ask before sending answer -WhatIf without any credential; sending still needs one.</summary>
    public sealed class WhatIfWithoutCredentialTests : HostedScanServerTest
    {
        private ProviderSession OpenWithout(bool defer, System.Security.SecureString? apiKey = null) => ProviderSession.Open(
            new ProviderSessionOptions
            {
                Provider = "HostedScan",
                BaseUri = Server.BaseUri,
                ApiKey = apiKey,
                Settings = FastSettings,
                GetEnvironmentVariable = _ => null,
                DeferMissingCredential = defer,
            },
            new RequestLog(false));

        private static HostedScanNewScanRequest Request() => new HostedScanNewScanRequest { Type = "NMAP", Targets = { "example.com" } };

        [Fact]
        public void WhatIf_shows_the_scan_it_would_create_with_no_credential_set_anywhere()
        {
            var host = new RecordingHost { WhatIf = true };

            ScanOperations.NewScan(host, OpenWithout(defer: true), Request());

            Assert.Equal(("HostedScan (" + Server.BaseUri + ")", "Create NMAP scan of 1 target (example.com)"), Assert.Single(host.ShouldProcessCalls));
            Assert.Empty(host.Errors);
            Assert.Empty(Server.Requests);
        }

        [Fact]
        public void Sending_without_a_credential_is_the_usual_NoCredentialResolved_and_nothing_reaches_the_vendor()
        {
            var session = OpenWithout(defer: true);

            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.NewScan(new RecordingHost(), session, Request()));

            Assert.Equal(("NoCredentialResolved", ScanPSErrorCategory.AuthenticationError), (ex.ErrorId, ex.Error.Category));
            Assert.StartsWith("No HostedScan API key was found.", ex.Message);
            Assert.Null(session.Credential);
            Assert.Empty(Server.Requests);
        }

        [Fact]
        public void A_credential_that_is_given_but_unusable_is_still_an_error_before_anything_else()
        {
            var ex = Assert.Throws<ScanPSException>(() => OpenWithout(defer: true, apiKey: ApiKeyCredential.ToSecureString("")));

            Assert.Equal("NoCredentialResolved", ex.ErrorId);
            Assert.Contains("is empty", ex.Message);
        }

        [Fact]
        public void Commands_that_do_not_ask_first_still_need_the_credential_when_the_session_opens()
        {
            var ex = Assert.Throws<ScanPSException>(() => OpenWithout(defer: false));

            Assert.Equal("NoCredentialResolved", ex.ErrorId);
            Assert.Empty(Server.Requests);
        }

        [Fact]
        public void The_commands_that_ask_before_sending_are_the_ones_that_defer()
        {
            var asking = CmdletReflection.CmdletTypes
                .Where(t => typeof(ScanPS.Commands.ScanPSCmdlet).IsAssignableFrom(t))
                .Where(t => (bool)t.GetProperty("AsksBeforeSending", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                    .GetValue(System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(t))!)
                .Select(CmdletReflection.CommandName)
                .OrderBy(n => n);

            Assert.Equal(new[] { "New-Scan", "New-ScheduledScanBulk", "Start-ScanFromScan" }, asking);
        }
    }
}
