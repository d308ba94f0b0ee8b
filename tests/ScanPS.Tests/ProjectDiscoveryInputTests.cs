using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ScanPS.Auth;
using ScanPS.Errors;
using ScanPS.Operations;
using ScanPS.Providers.ProjectDiscovery;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>Bad input is refused before ShouldProcess and before any request; -WhatIf sends nothing; secrets are never printed.</summary>
    public sealed class ProjectDiscoveryInputTests : ProjectDiscoveryServerTest
    {
        private static ScanPSException Refused(ProjectDiscoveryNewScanRequest request) => Assert.Throws<ScanPSException>(request.Validate);

        [Fact]
        public void Nothing_to_scan_is_NoScanTargets_before_ShouldProcess_and_any_request()
        {
            var host = new RecordingHost();
            var request = new ProjectDiscoveryNewScanRequest { Targets = { " ", "" }, Templates = { "http/cves/" }, ScanAllAssets = false };

            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.NewScan(host, Open(), request));

            Assert.Equal("NoScanTargets", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, ex.Error.Category);
            Assert.Contains("-Target, -Asset, -EnumerationId, -ScanAllAssets or -AssetFilter", ex.Message);
            Assert.Empty(host.ShouldProcessCalls);
            Assert.Empty(Server.Requests);
        }

        [Fact]
        public void An_unknown_asset_filter_key_names_the_key_and_the_valid_ones()
        {
            var ex = Refused(new ProjectDiscoveryNewScanRequest { ScanAllAssets = true, AssetFilters = new Hashtable { ["hostname"] = "a.example.com" } });

            Assert.Equal("InvalidAssetFilter", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, ex.Error.Category);
            Assert.Equal("hostname", ex.Error.TargetObject);
            Assert.Equal("'hostname' is not a ProjectDiscovery asset filter. Valid keys: is_tech, is_favicon, is_new, labels, host, port, status_code, content_length, " +
                "title, domain, cname, technologies, ip, is_screenshot, time, start_date, end_date, custom_filter, search, enumeration_ids, only_dns, only_ip, not_seen_for_days.", ex.Message);
        }

        [Theory]
        [InlineData("is_new", "yes", "The asset filter 'is_new' takes $true or $false, not 'yes'.")]
        [InlineData("time", "yesterday", "The asset filter 'time' takes one of: last_day, last_week, last_month, last_3_months, last_6_months, last_12_months, all_time; not 'yesterday'.")]
        [InlineData("not_seen_for_days", 0, "The asset filter 'not_seen_for_days' takes a whole number of days, 1 or more; not '0'.")]
        [InlineData("not_seen_for_days", "2.5", "The asset filter 'not_seen_for_days' takes a whole number of days, 1 or more; not '2.5'.")]
        [InlineData("start_date", "02/01/2025", "The asset filter 'start_date' takes a date (a [datetime] or 'yyyy-MM-dd'), not '02/01/2025'.")]
        [InlineData("host", true, "The asset filter 'host' takes text (or a list of text), not 'True'.")]
        [InlineData("domain", " ", "The asset filter 'domain' is empty.")]
        public void A_wrong_asset_filter_value_is_refused_with_what_it_takes(string key, object value, string message)
        {
            var ex = Refused(new ProjectDiscoveryNewScanRequest { ScanAllAssets = true, AssetFilters = new Hashtable { [key] = value } });

            Assert.Equal("InvalidAssetFilter", ex.ErrorId);
            Assert.Equal(message, ex.Message);
        }

        [Fact]
        public void The_same_key_twice_in_different_case_is_refused()
        {
            var filters = new System.Collections.Specialized.OrderedDictionary { ["host"] = "a", ["Host"] = "b" };
            Assert.Equal("The asset filter 'host' is given twice.", Refused(new ProjectDiscoveryNewScanRequest { ScanAllAssets = true, AssetFilters = filters }).Message);
        }

        [Fact]
        public void An_unknown_agent_behaviour_is_refused_and_case_is_forgiven()
        {
            var ex = Refused(new ProjectDiscoveryNewScanRequest { Targets = { "a.example" }, AgentBehavior = "spread" });
            Assert.Equal("InvalidAgentBehavior", ex.ErrorId);
            Assert.Equal("'spread' is not an agent behaviour. Use one of: distribute, mirror.", ex.Message);

            Assert.Equal("distribute", ProjectDiscoveryClient.Prepare(new ProjectDiscoveryNewScanRequest { Targets = { "a.example" }, AgentBehavior = "DISTRIBUTE" }).AgentBehavior);
        }

        [Fact]
        public void WhatIf_says_what_would_be_scanned_and_sends_nothing()
        {
            var host = new RecordingHost { WhatIf = true };
            var request = ProjectDiscoveryRequests.Everything();

            ScanOperations.NewScan(host, Open(), request);

            Assert.Empty(Server.Requests);
            Assert.Empty(host.Output);
            Assert.Equal(("ProjectDiscovery (" + Server.BaseUri + ")",
                "Create scan 'everything' of 2 targets (example.com, api.example.com) and 2 assets (asset-1, asset-2) and the assets of 1 enumeration and assets matching 8 filters " +
                "with 2 templates (http/cves/, dns/) and 1 private template (mine.yaml) and 1 early template and the recommended templates, 3 exclusions applied"),
                Assert.Single(host.ShouldProcessCalls));
        }

        [Theory]
        [InlineData("all", "Create scan of all assets with all templates")]
        [InlineData("schedule", "Create scan 'weekly' of 1 target (example.com) with no templates named (schedule only, not run now)")]
        [InlineData("many", "Create scan of 7 targets (h1.example, h2.example, h3.example, h4.example, h5.example, … 2 more) with 1 template (dns/)")]
        public void The_ShouldProcess_text_counts_targets_and_templates(string which, string expected)
        {
            var request = which switch
            {
                "all" => new ProjectDiscoveryNewScanRequest { ScanAllAssets = true, AllTemplates = true },
                "schedule" => new ProjectDiscoveryNewScanRequest { Name = "weekly", Targets = { "example.com" }, ScheduleOnly = true },
                _ => new ProjectDiscoveryNewScanRequest { Targets = Enumerable.Range(1, 7).Select(i => "h" + i + ".example").ToList(), Templates = { "dns/" } },
            };
            Assert.Equal(expected, request.Describe());
        }

        [Fact]
        public void A_private_template_file_becomes_its_name_and_contents()
        {
            string directory = Path.Combine(Path.GetTempPath(), "scanps-pd-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                string path = Path.Combine(directory, "login-panel.yaml");
                File.WriteAllText(path, "id: login-panel\ninfo:\n  name: Login panel – détecté\n");
                var template = ProjectDiscoveryPrivateTemplate.FromFile(path);
                Assert.Equal("login-panel.yaml", template.Name);
                Assert.Equal("id: login-panel\ninfo:\n  name: Login panel – détecté\n", template.Contents);

                var missing = Assert.Throws<ScanPSException>(() => ProjectDiscoveryPrivateTemplate.FromFile(Path.Combine(directory, "nope.yaml")));
                Assert.Equal("PrivateTemplateNotReadable", missing.ErrorId);
                Assert.Equal(ScanPSErrorCategory.ObjectNotFound, missing.Error.Category);

                File.WriteAllText(Path.Combine(directory, "empty.yaml"), "  \n");
                var empty = Assert.Throws<ScanPSException>(() => ProjectDiscoveryPrivateTemplate.FromFile(Path.Combine(directory, "empty.yaml")));
                Assert.Equal("PrivateTemplateNotReadable", empty.ErrorId);
                Assert.Equal(ScanPSErrorCategory.InvalidData, empty.Error.Category);
            }
            finally
            {
                Directory.Delete(directory, true);
            }
        }

        [Fact]
        public void Pipeline_rows_become_the_targets_of_one_scan()
        {
            var collector = new NewScanCollector();
            collector.Add("ProjectDiscovery", new[] { "web1.example.com" }, null, null);
            collector.Add("projectdiscovery", new[] { "web2.example.com", "web1.example.com" }, null, null);
            var request = NewScanRequests.ProjectDiscovery(collector);
            request.Templates.Add("http/cves/");

            ScanOperations.NewScan(new RecordingHost(), Open(), request);

            Assert.Equal("{\"targets\":[\"web1.example.com\",\"web2.example.com\"],\"templates\":[\"http/cves/\"]}", ApiRequests[0].Body);
        }

        [Fact]
        public void The_key_comes_from_SCANPS_then_PDCP_variables()
        {
            string? Env(string name, string? scanps, string? pdcp) => name == "SCANPS_PROJECTDISCOVERY_API_KEY" ? scanps : name == "PDCP_API_KEY" ? pdcp : null;

            var both = CredentialResolver.Resolve(ProviderDefinition.Get("ProjectDiscovery").Credential, null, null, null, n => Env(n, "scanps-key", "pdcp-key"));
            Assert.Equal("scanps-key", both.Reveal());
            var pdcpOnly = CredentialResolver.Resolve(ProviderDefinition.Get("ProjectDiscovery").Credential, null, null, null, n => Env(n, null, "pdcp-key"));
            Assert.Equal("pdcp-key", pdcpOnly.Reveal());
            Assert.Equal("environment variable PDCP_API_KEY", pdcpOnly.Source);
            var none = Assert.Throws<ScanPSException>(() => CredentialResolver.Resolve(ProviderDefinition.Get("ProjectDiscovery").Credential, null, null, null, n => null));
            Assert.Equal("NoCredentialResolved", none.ErrorId);
            Assert.Contains("SCANPS_PROJECTDISCOVERY_API_KEY or PDCP_API_KEY", none.Message);
        }

        [Fact]
        public void The_key_and_proxy_credentials_never_appear_in_any_stream_even_under_Debug()
        {
            const string secret = "pdcp-s3cret-key-value";
            Vendor.ValidApiKeys.Add(secret);
            var host = new RecordingHost { DebugEnabled = true };
            var request = ProjectDiscoveryRequests.Nightly();
            request.Socks5Proxy = "socks5://scanner:pr0xy-pa55@10.0.0.9:1080";
            var session = Open(key: secret, debug: true, environment: new Dictionary<string, string> { ["PDCP_TEAM_ID"] = "team-blue" });
            var wrong = Open(key: secret + "-revoked", debug: true);

            ScanOperations.NewScan(host, session, request);
            ScanOperations.GetScansById(host, session, new[] { "missing" });
            ScanOperations.ListScans(host, session, new ScanListQuery { Search = "nightly" }, 0, ulong.MaxValue);
            Assert.Throws<ScanPSException>(() => ScanOperations.ListScans(host, wrong, new ScanListQuery(), 0, 1));
            session.Log.DrainTo(host);
            wrong.Log.DrainTo(host);

            Assert.Contains(host.Debug, line => line.Contains("socks5://***@10.0.0.9:1080", StringComparison.Ordinal));
            Assert.Contains("\"socks5_proxy\":\"socks5://scanner:pr0xy-pa55@10.0.0.9:1080\"", ApiRequests[0].Body); // the vendor still gets it
            Assert.NotEmpty(host.Verbose);
            Assert.All(host.AllText(), text =>
            {
                Assert.DoesNotContain("s3cret", text, StringComparison.Ordinal);
                Assert.DoesNotContain("pr0xy-pa55", text, StringComparison.Ordinal);
            });
        }
    }
}
