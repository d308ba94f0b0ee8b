using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Auth;
using ScanPS.Errors;
using ScanPS.Operations;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// The one lookup order (about_ScanPS_Authentication), for every provider and every source:
    /// -ApiKey/-Credential → -Connection → the default connection → environment → NoCredentialResolved.
    /// </summary>
    public sealed class CredentialLookupOrderTests
    {
        [Flags]
        public enum Sources
        {
            None = 0,
            ApiKey = 1,
            Credential = 2,
            Connection = 4,
            DefaultConnection = 8,
            Environment = 16,
            VendorEnvironment = 32, // PDCP_API_KEY, ProjectDiscovery's own variable
        }

        public static IEnumerable<object[]> Cases()
        {
            var cases = new (Sources Given, string Expected)[]
            {
                (Sources.ApiKey | Sources.Connection | Sources.DefaultConnection | Sources.Environment, "from-apikey"),
                (Sources.Credential | Sources.Connection | Sources.DefaultConnection | Sources.Environment, "from-credential"),
                (Sources.Connection | Sources.DefaultConnection | Sources.Environment, "from-connection"),
                (Sources.DefaultConnection | Sources.Environment, "from-default-connection"),
                (Sources.Environment | Sources.VendorEnvironment, "from-environment"),
                (Sources.None, "NoCredentialResolved"),
            };
            foreach (var provider in ProviderNames.All)
            {
                foreach (var (given, expected) in cases) yield return new object[] { provider, given, expected };
            }

            yield return new object[] { ProviderNames.ProjectDiscovery, Sources.VendorEnvironment, "from-vendor-environment" };
            yield return new object[] { ProviderNames.HostedScan, Sources.VendorEnvironment, "NoCredentialResolved" };
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void The_first_source_in_the_documented_order_wins(string provider, Sources given, string expected)
        {
            var spec = ProviderDefinition.Get(provider).Credential;
            var environment = new Dictionary<string, string>();
            if (given.HasFlag(Sources.Environment)) environment[spec.SecretVariables[0]] = "from-environment";
            if (given.HasFlag(Sources.VendorEnvironment)) environment["PDCP_API_KEY"] = "from-vendor-environment";
            if (spec.RequiresUserName) environment[spec.UserNameVariable!] = "user-from-environment";

            Func<ApiKeyCredential> resolve = () => CredentialResolver.Resolve(
                spec,
                given.HasFlag(Sources.ApiKey) ? ApiKeyCredential.ToSecureString("from-apikey") : null,
                given.HasFlag(Sources.Credential) ? ApiKeyCredential.ToSecureString("from-credential") : null,
                given.HasFlag(Sources.Credential) ? "user-from-credential" : null,
                given.HasFlag(Sources.Connection) ? new ApiKeyCredential(ApiKeyCredential.ToSecureString("from-connection"), "connection 'c'", "user-from-connection") : null,
                given.HasFlag(Sources.DefaultConnection) ? new ApiKeyCredential(ApiKeyCredential.ToSecureString("from-default-connection"), "connection 'd'", "user-from-default") : null,
                name => environment.TryGetValue(name, out var value) ? value : null);

            if (expected == "NoCredentialResolved")
            {
                var ex = Assert.Throws<ScanPSException>(resolve);
                Assert.Equal("NoCredentialResolved", ex.ErrorId);
                Assert.Equal(ScanPSErrorCategory.AuthenticationError, ex.Error.Category);
                // The message names every option.
                foreach (var option in new[] { "-Credential", "-Connection", "Connect-ScanProvider -Provider " + provider }.Concat(spec.SecretVariables))
                {
                    Assert.Contains(option, ex.Message);
                }

                if (!spec.RequiresUserName) Assert.Contains("-ApiKey", ex.Message);
                return;
            }

            var credential = resolve();
            Assert.Equal(expected, credential.Reveal());
            if (spec.RequiresUserName)
            {
                string expectedUser = expected switch
                {
                    "from-credential" => "user-from-credential",
                    "from-connection" => "user-from-connection",
                    "from-default-connection" => "user-from-default",
                    // -ApiKey pairs with -Connection's user id when there is one, else with SCANPS_INVICTI_USER_ID.
                    "from-apikey" when given.HasFlag(Sources.Connection) => "user-from-connection",
                    _ => "user-from-environment",
                };
                Assert.Equal(expectedUser, credential.UserName);
            }
        }

        [Fact]
        public void Invicti_without_a_user_id_anywhere_says_what_is_missing()
        {
            var ex = Assert.Throws<ScanPSException>(() => CredentialResolver.Resolve(
                ProviderDefinition.Get(ProviderNames.Invicti).Credential, ApiKeyCredential.ToSecureString("token"), null, null, null, null, _ => null));
            Assert.Equal("NoCredentialResolved", ex.ErrorId);
            Assert.Contains("the Invicti API user id", ex.Message);
            Assert.Contains("SCANPS_INVICTI_USER_ID", ex.Message);
        }
    }
}
