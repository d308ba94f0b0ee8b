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
    /// <summary>A fresh loopback HostedScan fake per test, and sessions pointed at it with fast retries.</summary>
    public abstract class HostedScanServerTest : IAsyncLifetime
    {
        public const string Key = "test-key";

        protected FakeVendorServer Server { get; private set; } = null!;

        protected FakeHostedScan Vendor => (FakeHostedScan)Server.Vendor;

        public static HttpSettings FastSettings => new HttpSettings
        {
            BaseDelay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(50),
            AttemptTimeout = TimeSpan.FromSeconds(10),
            TotalTimeout = TimeSpan.FromSeconds(30),
            MaxRetries = 3,
        };

        public async Task InitializeAsync()
        {
            Server = await FakeVendorServer.StartAsync(new FakeHostedScan());
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();

        protected ProviderSession Open(string key = Key, HttpSettings? settings = null, bool debug = false, IDictionary<string, string>? environment = null)
        {
            var options = new ProviderSessionOptions
            {
                Provider = "HostedScan",
                ApiKey = key == null ? null : Auth.ApiKeyCredential.ToSecureString(key),
                BaseUri = Server.BaseUri,
                Settings = settings ?? FastSettings,
                GetEnvironmentVariable = name => environment != null && environment.TryGetValue(name, out var v) ? v : null,
            };
            return ProviderSession.Open(options, new RequestLog(debug));
        }

        protected IReadOnlyList<RecordedRequest> ApiRequests => Server.Requests.Where(r => r.Path.StartsWith("/v1/", StringComparison.Ordinal)).ToList();
    }
}
