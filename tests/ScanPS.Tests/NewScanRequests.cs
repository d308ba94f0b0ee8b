using System.Collections.Generic;
using ScanPS.Operations;
using ScanPS.Providers;
using ScanPS.Providers.HostedScan;
using ScanPS.Providers.ProjectDiscovery;

namespace ScanPS.Tests
{
    /// <summary>New-Scan's requests as the command builds them: the collected input through the provider's definition.</summary>
    internal static class NewScanRequests
    {
        public static HostedScanNewScanRequest HostedScan(NewScanCollector collected, string type, bool? useAuthentication)
        {
            var parameters = new Dictionary<string, object?> { ["Type"] = type };
            if (useAuthentication.HasValue) parameters["UseAuthentication"] = useAuthentication.Value;
            return (HostedScanNewScanRequest)ProviderDefinition.Get(ProviderNames.HostedScan).NewScanRequest(collected.ToInput(parameters));
        }

        /// <summary>The collected -Target values and no other parameter; the caller sets the other fields.</summary>
        public static ProjectDiscoveryNewScanRequest ProjectDiscovery(NewScanCollector collected) =>
            (ProjectDiscoveryNewScanRequest)ProviderDefinition.Get(ProviderNames.ProjectDiscovery).NewScanRequest(collected.ToInput(new Dictionary<string, object?>()));
    }
}
