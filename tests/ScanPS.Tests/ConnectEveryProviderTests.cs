using System.Linq;
using System.Threading.Tasks;
using ScanPS.Auth;
using ScanPS.Connections;
using ScanPS.Errors;
using ScanPS.FakeVendors;
using ScanPS.Operations;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>Connect-ScanProvider checks each provider's credential with its cheapest read call.</summary>
    public sealed class ConnectEveryProviderTests
    {
        public static TheoryData<string> Providers() => new TheoryData<string> { "HostedScan", "ProjectDiscovery", "Invicti", "Probely" };

        private static ConnectRequest Request(VendorFake fake, FakeVendorServer server, string secret) => new ConnectRequest
        {
            Provider = fake.Provider,
            CredentialPassword = ApiKeyCredential.ToSecureString(secret),
            CredentialUserName = fake.UserName,
            BaseUri = server.BaseUri,
            Settings = VendorFake.Fast,
            GetEnvironmentVariable = _ => null,
        };

        [Theory]
        [MemberData(nameof(Providers))]
        public async Task A_good_credential_is_checked_with_one_authenticated_read(string provider)
        {
            var fake = VendorFake.All[provider];
            await using var server = await FakeVendorServer.StartAsync(fake.Create());
            var store = new ConnectionStore();

            var connection = ConnectionOperations.Connect(new RecordingHost(), store, Request(fake, server, fake.Secret));

            var request = Assert.Single(server.Requests);
            Assert.Equal("GET", request.Method);
            Assert.Equal(fake.ValidationPathAndQuery, request.Path + (request.RawQuery.Length > 0 && !request.RawQuery.StartsWith("?") ? "?" : string.Empty) + request.RawQuery);
            Assert.Equal(fake.ExpectedAuthorization, request.Header(fake.AuthorizationHeader));
            Assert.True(connection.Validated);
            Assert.Same(connection, store.Default(provider));
            Assert.Equal(fake.UserName, connection.UserName);
        }

        [Theory]
        [MemberData(nameof(Providers))]
        public async Task A_refused_credential_is_AuthenticationFailed_and_not_stored(string provider)
        {
            var fake = VendorFake.All[provider];
            await using var server = await FakeVendorServer.StartAsync(fake.Create());
            var store = new ConnectionStore();
            string wrong = "wrong-" + fake.Secret + "-0000";

            var ex = Assert.Throws<ScanPSException>(() => ConnectionOperations.Connect(new RecordingHost(), store, Request(fake, server, wrong)));

            Assert.Equal("AuthenticationFailed", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.AuthenticationError, ex.Error.Category);
            Assert.Empty(store.Find(null, null));
            Assert.DoesNotContain(wrong, ex.Message + ex.Error.Details + ex.Error.RecommendedAction);
        }

        [Fact]
        public async Task A_server_without_the_check_endpoint_stores_the_connection_unconfirmed_with_a_warning()
        {
            var fake = VendorFake.All["HostedScan"];
            await using var server = await FakeVendorServer.StartAsync(fake.Create());
            server.Faults.Enqueue(new Fault { Kind = FaultKind.Status, StatusCode = 404, Body = "{\"error\":\"Not found\"}" });
            var host = new RecordingHost();

            var connection = ConnectionOperations.Connect(host, new ConnectionStore(), Request(fake, server, fake.Secret));

            Assert.False(connection.Validated);
            Assert.Contains(host.Warnings, w => w.Contains("could not be checked (the check answered 404)"));
        }
    }
}
