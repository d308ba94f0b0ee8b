using System;
using System.Collections;
using ScanPS.Providers.ProjectDiscovery;

namespace ScanPS.Tests
{
    /// <summary>Requests shaped like the New-Scan -Provider ProjectDiscovery invocations the tests exercise.</summary>
    public static class ProjectDiscoveryRequests
    {
        /// <summary>New-Scan -Provider ProjectDiscovery -Target example.com,api.example.com -Template http/cves/ -Name nightly</summary>
        public static ProjectDiscoveryNewScanRequest Nightly() => new ProjectDiscoveryNewScanRequest
        {
            Name = "nightly",
            Targets = { "example.com", "api.example.com" },
            Templates = { "http/cves/" },
        };

        /// <summary>Every parameter of the ProjectDiscovery set given at once.</summary>
        public static ProjectDiscoveryNewScanRequest Everything() => new ProjectDiscoveryNewScanRequest
        {
            Name = "everything",
            Targets = { "example.com", " api.example.com ", "example.com", "" },
            Assets = { "asset-1", "asset-2" },
            Templates = { "http/cves/", "dns/" },
            PrivateTemplates = { new ProjectDiscoveryPrivateTemplate("mine.yaml", "id: mine\ninfo:\n  name: Mine\n") },
            EarlyTemplates = { "http/exposures/" },
            Recommended = true,
            AllTemplates = false,
            Exclusions = { "*.staging.example.com", "+prod-*.example.com" },
            ExcludeTargets = { "10.0.0.1" },
            EnumerationIds = { "enum-1" },
            ScanAllAssets = false,
            AssetFilters = new Hashtable
            {
                ["is_new"] = true,
                ["HOST"] = new[] { "a.example.com", "b.example.com" },
                ["port"] = 443,
                ["domain"] = "example.com",
                ["time"] = "last_week",
                ["start_date"] = new DateTime(2025, 1, 2, 15, 30, 0),
                ["end_date"] = "2025-02-03",
                ["not_seen_for_days"] = 7,
            },
            AlertingConfigIds = { "alert-1" },
            ScanConfigIds = { "scan-cfg-1" },
            ReportingConfigIds = { "report-1" },
            DisableGlobalAlertConfig = true,
            DisableGlobalReportConfig = false,
            DisableGlobalScanConfig = true,
            ScheduleOnly = false,
            Socks5Proxy = "socks5://127.0.0.1:1080",
            AgentId = "agent-1",
            AgentTags = { "dmz" },
            AgentNetworks = { "10.0.0.0/8" },
            AgentBehavior = "Mirror",
            AutomaticScan = true,
        };
    }
}
