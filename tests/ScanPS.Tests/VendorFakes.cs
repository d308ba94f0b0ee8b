using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ScanPS.Auth;
using ScanPS.FakeVendors;
using ScanPS.Http;
using ScanPS.Providers;

namespace ScanPS.Tests
{
    /// <summary>One row per provider: its loopback fake, a credential it accepts, and what its cheapest read looks like.</summary>
    public sealed class VendorFake
    {
        public VendorFake(string provider, Func<IFakeVendor> create, string secret, string? userName, string validationPathAndQuery, string authorizationHeader, string expectedAuthorization)
        {
            Provider = provider;
            Create = create;
            Secret = secret;
            UserName = userName;
            ValidationPathAndQuery = validationPathAndQuery;
            AuthorizationHeader = authorizationHeader;
            ExpectedAuthorization = expectedAuthorization;
        }

        public string Provider { get; }
        public Func<IFakeVendor> Create { get; }
        public string Secret { get; }
        public string? UserName { get; }
        public string ValidationPathAndQuery { get; }
        public string AuthorizationHeader { get; }
        public string ExpectedAuthorization { get; }

        public static readonly IReadOnlyDictionary<string, VendorFake> All = new Dictionary<string, VendorFake>
        {
            ["HostedScan"] = new VendorFake("HostedScan", () => new FakeHostedScan(), "test-key", null, "/v1/scans", "X-HOSTEDSCAN-API-KEY", "test-key"),
            ["ProjectDiscovery"] = new VendorFake("ProjectDiscovery", () => new FakeProjectDiscovery(), "test-key", null, "/v1/scans?offset=0&limit=1", "X-API-Key", "test-key"),
            ["Invicti"] = new VendorFake("Invicti", () => new FakeInvicti(), "test-token", "test-user-id", "/api/1.0/scans/list?page=1&pageSize=1", "Authorization", "Basic dGVzdC11c2VyLWlkOnRlc3QtdG9rZW4="),
            ["Probely"] = new VendorFake("Probely", () => new FakeProbely(), "test-key", null, "/targets/?page=1&length=1", "Authorization", "JWT test-key"),
        };

        public static HttpSettings Fast => HostedScanServerTest.FastSettings;
    }
}
