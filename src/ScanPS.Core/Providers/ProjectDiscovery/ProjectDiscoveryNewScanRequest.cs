using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>New-Scan -Provider ProjectDiscovery: POST /v1/scans (TriggerUserScanRequest), field for field.</summary>
    public sealed class ProjectDiscoveryNewScanRequest : NewScanRequest
    {
        public string? Name { get; set; }
        public IList<string> Targets { get; set; } = new List<string>();
        public IList<string> Assets { get; set; } = new List<string>();
        public IList<string> Templates { get; set; } = new List<string>();
        public IList<ProjectDiscoveryPrivateTemplate> PrivateTemplates { get; set; } = new List<ProjectDiscoveryPrivateTemplate>();
        public IList<string> EarlyTemplates { get; set; } = new List<string>();
        public bool? Recommended { get; set; }
        public bool? AllTemplates { get; set; }

        /// <summary>Exclusion patterns; a leading '+' makes an inclusion (allow-list) pattern.</summary>
        public IList<string> Exclusions { get; set; } = new List<string>();
        public IList<string> ExcludeTargets { get; set; } = new List<string>();
        public IList<string> EnumerationIds { get; set; } = new List<string>();
        public bool? ScanAllAssets { get; set; }

        /// <summary>asset_filters keys and values (a PowerShell hashtable); checked by <see cref="ProjectDiscoveryAssetFilters"/>.</summary>
        public IDictionary? AssetFilters { get; set; }
        public IList<string> AlertingConfigIds { get; set; } = new List<string>();
        public IList<string> ScanConfigIds { get; set; } = new List<string>();
        public IList<string> ReportingConfigIds { get; set; } = new List<string>();
        public bool? DisableGlobalAlertConfig { get; set; }
        public bool? DisableGlobalReportConfig { get; set; }
        public bool? DisableGlobalScanConfig { get; set; }
        public bool? ScheduleOnly { get; set; }
        public string? Socks5Proxy { get; set; }
        public string? AgentId { get; set; }
        public IList<string> AgentTags { get; set; } = new List<string>();
        public IList<string> AgentNetworks { get; set; } = new List<string>();
        public string? AgentBehavior { get; set; }
        public bool? AutomaticScan { get; set; }

        /// <summary>False for -NoRefresh: emit the scan from the create answer alone, without GET /v1/scans/{id}.</summary>
        public bool Refresh { get; set; } = true;

        /// <summary>"Create scan 'nightly' of 2 targets (a, b) with 1 template (http/cves/)": never the proxy or template contents.</summary>
        public override string Describe()
        {
            var body = ProjectDiscoveryClient.Prepare(this);
            var of = new List<string>();
            if (body.Targets != null) of.Add(Count(body.Targets.Length, "target") + List(body.Targets));
            if (body.Assets != null) of.Add(Count(body.Assets.Length, "asset") + List(body.Assets));
            if (body.EnumerationIds != null) of.Add("the assets of " + Count(body.EnumerationIds.Length, "enumeration"));
            if (body.ScanAllAssets == true) of.Add("all assets");
            if (body.AssetFilters != null) of.Add("assets matching " + Count(body.AssetFilters.Count, "filter"));

            var with = new List<string>();
            if (body.Templates != null) with.Add(Count(body.Templates.Length, "template") + List(body.Templates));
            if (body.PrivateTemplates != null) with.Add(Count(body.PrivateTemplates.Length, "private template") + List(body.PrivateTemplates.Select(t => t.Name).ToArray()));
            if (body.EarlyTemplates != null) with.Add(Count(body.EarlyTemplates.Length, "early template"));
            if (body.Recommended == true) with.Add("the recommended templates");
            if (body.All == true) with.Add("all templates");

            string text = "Create scan" + (body.Name != null ? " '" + body.Name + "'" : string.Empty) +
                " of " + (of.Count == 0 ? "no targets" : string.Join(" and ", of)) +
                (with.Count == 0 ? " with no templates named" : " with " + string.Join(" and ", with));
            if (body.Exclusions != null || body.ExcludeTargets != null)
            {
                text += ", " + Count((body.Exclusions?.Length ?? 0) + (body.ExcludeTargets?.Length ?? 0), "exclusion") + " applied";
            }

            if (body.ScheduleOnly == true) text += " (schedule only, not run now)";
            return text;
        }

        public override void Validate() => ProjectDiscoveryClient.Prepare(this);

        private static string Count(int n, string noun) => n + " " + noun + (n == 1 ? string.Empty : "s");

        private static string List(string[] values) =>
            " (" + string.Join(", ", values.Take(5)) + (values.Length > 5 ? ", … " + (values.Length - 5) + " more" : string.Empty) + ")";
    }
}
