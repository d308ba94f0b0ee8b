using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ScanPS.FakeVendors;
using ScanPS.Http;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>A fresh loopback ProjectDiscovery fake per test, and sessions pointed at it with fast retries.</summary>
    public abstract class ProjectDiscoveryServerTest : IAsyncLifetime
    {
        public const string Key = "test-key";

        protected FakeVendorServer Server { get; private set; } = null!;

        protected FakeProjectDiscovery Vendor => (FakeProjectDiscovery)Server.Vendor;

        public async Task InitializeAsync()
        {
            Server = await FakeVendorServer.StartAsync(new FakeProjectDiscovery());
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();

        protected ProviderSession Open(string? key = Key, string? teamId = null, bool debug = false, IDictionary<string, string>? environment = null, HttpSettings? settings = null)
        {
            var options = new ProviderSessionOptions
            {
                Provider = "ProjectDiscovery",
                ApiKey = key == null ? null : Auth.ApiKeyCredential.ToSecureString(key),
                BaseUri = Server.BaseUri,
                TeamId = teamId,
                Settings = settings ?? HostedScanServerTest.FastSettings,
                GetEnvironmentVariable = name => environment != null && environment.TryGetValue(name, out var v) ? v : null,
            };
            return ProviderSession.Open(options, new RequestLog(debug));
        }

        protected IReadOnlyList<RecordedRequest> ApiRequests => Server.Requests.Where(r => r.Path.StartsWith("/v1/", StringComparison.Ordinal)).ToList();
    }
}
