using Microsoft.AspNetCore.Routing;

namespace ScanPS.FakeVendors;

/// <summary>
/// One vendor's fake REST surface. A <see cref="FakeVendorServer"/> hosts exactly one vendor,
/// because vendors collide on paths (HostedScan and ProjectDiscovery both serve /v1/scans).
/// </summary>
public interface IFakeVendor
{
    /// <summary>Display name, e.g. "HostedScan".</summary>
    string Name { get; }

    /// <summary>Maps every route of the vendor, including its own not-found fallback.</summary>
    void MapRoutes(IEndpointRouteBuilder app);
}
