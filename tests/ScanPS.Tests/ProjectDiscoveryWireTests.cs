using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers.ProjectDiscovery;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>Exact wire requests against the PDCP OpenAPI: method, path, query, X-API-Key / X-Team-Id, JSON body field by field.</summary>
    public sealed class ProjectDiscoveryWireTests : ProjectDiscoveryServerTest
    {
        [Fact]
        public void NewScan_posts_the_documented_body_with_the_key_header_then_reads_the_scan()
        {
            var host = new RecordingHost();

            ScanOperations.NewScan(host, Open(), ProjectDiscoveryRequests.Nightly());

            Assert.Equal(2, ApiRequests.Count);
            var post = ApiRequests[0];
            Assert.Equal("POST", post.Method);
            Assert.Equal("/v1/scans", post.Path);
            Assert.Equal("", post.RawQuery);
            Assert.Equal(Key, post.Header("X-API-Key"));
            Assert.Null(post.Header("X-Team-Id"));
            Assert.Equal("application/json; charset=utf-8", post.Header("Content-Type"));
            Assert.Equal("application/json", post.Header("Accept"));
            Assert.Equal("{\"name\":\"nightly\",\"targets\":[\"example.com\",\"api.example.com\"],\"templates\":[\"http/cves/\"]}", post.Body);

            var scan = Assert.IsType<ProjectDiscoveryScan>(Assert.Single(host.Output));
            var get = ApiRequests[1];
            Assert.Equal("GET", get.Method);
            Assert.Equal("/v1/scans/" + scan.Id, get.Path);
            Assert.Equal(Key, get.Header("X-API-Key"));
            Assert.Matches("^[a-z0-9]{20}$", scan.Id);
            Assert.Equal("ProjectDiscovery", scan.Provider);
            Assert.Equal("nightly", scan.Name);
            // The fake moves a new scan one step per GET: queued -> running.
            Assert.Equal(ScanState.Running, scan.State);
            Assert.Equal("running", scan.VendorState);
            Assert.Equal(50, scan.Progress);
            Assert.Equal(2, scan.TargetCount);
            Assert.Equal(1, scan.TemplateCount);
            Assert.Equal(0, scan.ResultCount);
            Assert.Equal(new[] { "http/cves/" }, scan.PublicTemplates);
            Assert.Null(scan.CompletedAt);
            Assert.Equal(0, scan.TruncatedTargetCount);
            Assert.Empty(host.Errors);
            Assert.Empty(host.Warnings);
            Assert.Equal(("ProjectDiscovery (" + Server.BaseUri + ")", "Create scan 'nightly' of 2 targets (example.com, api.example.com) with 1 template (http/cves/)"),
                Assert.Single(host.ShouldProcessCalls));
        }

        [Fact]
        public void Every_parameter_maps_to_its_TriggerUserScanRequest_field()
        {
            var host = new RecordingHost();

            ScanOperations.NewScan(host, Open(), ProjectDiscoveryRequests.Everything());

            Assert.Empty(host.Errors);
            using var body = JsonDocument.Parse(ApiRequests[0].Body);
            var root = body.RootElement;
            string[] Strings(string name) => root.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();
            Assert.Equal("everything", root.GetProperty("name").GetString());
            Assert.Equal(new[] { "example.com", "api.example.com" }, Strings("targets"));
            Assert.Equal(new[] { "asset-1", "asset-2" }, Strings("assets"));
            Assert.Equal(new[] { "http/cves/", "dns/" }, Strings("templates"));
            var template = Assert.Single(root.GetProperty("private_templates").EnumerateArray());
            Assert.Equal("mine.yaml", template.GetProperty("name").GetString());
            Assert.Equal("id: mine\ninfo:\n  name: Mine\n", template.GetProperty("contents").GetString());
            Assert.Equal(new[] { "http/exposures/" }, Strings("early_templates"));
            Assert.True(root.GetProperty("recommended").GetBoolean());
            Assert.False(root.GetProperty("all").GetBoolean());
            Assert.Equal(new[] { "*.staging.example.com", "+prod-*.example.com" }, Strings("exclusions"));
            Assert.Equal(new[] { "10.0.0.1" }, Strings("exclude_targets"));
            Assert.Equal("enum-1", Assert.Single(root.GetProperty("enumeration_ids").EnumerateArray()).GetProperty("id").GetString());
            Assert.False(root.GetProperty("scan_all_assets").GetBoolean());
            Assert.Equal(new[] { "alert-1" }, Strings("alerting_config_ids"));
            Assert.Equal(new[] { "scan-cfg-1" }, Strings("scan_config_ids"));
            Assert.Equal(new[] { "report-1" }, Strings("reporting_config_ids"));
            Assert.True(root.GetProperty("disable_global_alert_config").GetBoolean());
            Assert.False(root.GetProperty("disable_global_report_config").GetBoolean());
            Assert.True(root.GetProperty("disable_global_scan_config").GetBoolean());
            Assert.False(root.GetProperty("schedule_only").GetBoolean());
            Assert.Equal("socks5://127.0.0.1:1080", root.GetProperty("socks5_proxy").GetString());
            Assert.Equal("agent-1", root.GetProperty("agent_id").GetString());
            Assert.Equal(new[] { "dmz" }, Strings("agent_tags"));
            Assert.Equal(new[] { "10.0.0.0/8" }, Strings("agent_networks"));
            Assert.Equal("mirror", root.GetProperty("agent_behavior").GetString());
            Assert.True(root.GetProperty("automatic_scan").GetBoolean());

            var filters = root.GetProperty("asset_filters");
            Assert.Equal(new[] { "domain", "end_date", "host", "is_new", "not_seen_for_days", "port", "start_date", "time" },
                filters.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.True(filters.GetProperty("is_new").GetBoolean());
            Assert.Equal("a.example.com,b.example.com", filters.GetProperty("host").GetString());
            Assert.Equal("443", filters.GetProperty("port").GetString());
            Assert.Equal(new[] { "example.com" }, filters.GetProperty("domain").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("last_week", filters.GetProperty("time").GetString());
            Assert.Equal("2025-01-02", filters.GetProperty("start_date").GetString());
            Assert.Equal("2025-02-03", filters.GetProperty("end_date").GetString());
            Assert.Equal(7, filters.GetProperty("not_seen_for_days").GetInt32());

            // Every field of the vendor's request schema is reachable from a parameter.
            var sent = root.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal);
            var documented = ((Newtonsoft.Json.Linq.JObject)PdcpOpenApi.Root.SelectToken("components.requestBodies.TriggerUserScanRequest.content['application/json'].schema.properties")!)
                .Properties().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(documented, sent);
        }

        [Fact]
        public void NoRefresh_sends_only_the_create_and_emits_the_id_and_name()
        {
            var host = new RecordingHost();
            var request = ProjectDiscoveryRequests.Nightly();
            request.Refresh = false;

            ScanOperations.NewScan(host, Open(), request);

            Assert.Equal("POST", Assert.Single(ApiRequests).Method);
            var scan = Assert.IsType<ProjectDiscoveryScan>(Assert.Single(host.Output));
            Assert.Matches("^[a-z0-9]{20}$", scan.Id);
            Assert.Equal("nightly", scan.Name);
            Assert.Equal(ScanState.Unknown, scan.State);
            Assert.Null(scan.VendorState);
            Assert.Null(scan.Progress);
        }

        [Fact]
        public void Truncated_scan_targets_above_zero_is_a_warning_with_the_count()
        {
            Vendor.MaxTargetsPerScan = 2;
            var host = new RecordingHost();
            var request = new ProjectDiscoveryNewScanRequest { Targets = { "a.example", "b.example", "c.example", "d.example", "e.example" }, Templates = { "dns/" } };

            ScanOperations.NewScan(host, Open(), request);

            var scan = Assert.IsType<ProjectDiscoveryScan>(Assert.Single(host.Output));
            Assert.Equal(3, scan.TruncatedTargetCount);
            Assert.Equal(2, scan.TargetCount);
            Assert.Equal("ProjectDiscovery dropped 3 of the 5 requested targets of scan " + scan.Id +
                " (truncated-scan-targets: the plan's target limit was reached); the scan runs without them.", Assert.Single(host.Warnings));
        }

        [Fact]
        public void TeamId_becomes_the_X_Team_Id_header_of_every_request()
        {
            Vendor.SeedScans(2, "team-blue");
            var host = new RecordingHost();
            var session = Open(teamId: "team-blue");

            ScanOperations.NewScan(host, session, ProjectDiscoveryRequests.Nightly());
            ScanOperations.ListScans(host, session, new ScanListQuery(), 0, ulong.MaxValue);

            Assert.Equal(3, ApiRequests.Count);
            Assert.All(ApiRequests, r => Assert.Equal("team-blue", r.Header("X-Team-Id")));
            // The team's workspace: its 2 seeded scans and the new one, nothing of the personal workspace.
            Assert.Equal(1 + 3, host.Output.Count);
            Assert.Empty(host.Errors);
        }

        [Theory]
        [InlineData("param-team", "env-team", "pdcp-team", "param-team")]
        [InlineData(null, "env-team", "pdcp-team", "env-team")]
        [InlineData(null, null, "pdcp-team", "pdcp-team")]
        [InlineData(null, "  ", "pdcp-team", "pdcp-team")]
        [InlineData(null, null, null, null)]
        public void The_team_comes_from_TeamId_then_SCANPS_then_PDCP_variables(string? parameter, string? scanps, string? pdcp, string? expected)
        {
            var environment = new Dictionary<string, string?> { ["SCANPS_PROJECTDISCOVERY_TEAM_ID"] = scanps, ["PDCP_TEAM_ID"] = pdcp };
            var options = new ProviderSessionOptions { TeamId = parameter, GetEnvironmentVariable = name => environment.TryGetValue(name, out var v) ? v : null };

            Assert.Equal(expected, ProjectDiscoveryProvider.ResolveTeamId(options));
        }

        [Fact]
        public void The_team_variable_reaches_the_wire_and_no_team_sends_no_header()
        {
            ScanOperations.ListScans(new RecordingHost(), Open(environment: new Dictionary<string, string> { ["PDCP_TEAM_ID"] = "team-blue" }), new ScanListQuery(), 0, 1);
            Assert.Equal("team-blue", Assert.Single(ApiRequests).Header("X-Team-Id"));
            Server.ClearRequests();

            ScanOperations.ListScans(new RecordingHost(), Open(), new ScanListQuery(), 0, 1);
            Assert.Null(Assert.Single(ApiRequests).Header("X-Team-Id"));
        }

        [Fact]
        public void GetScan_lists_with_offset_and_limit_until_total_results()
        {
            var ids = Vendor.SeedScans(7);
            Vendor.MaxLimit = 3; // the server clamps limit=100 to 3, so paging follows what came back, not what was asked
            var host = new RecordingHost();

            ScanOperations.ListScans(host, Open(), new ScanListQuery(), 0, ulong.MaxValue);

            Assert.Equal(new[] { "?offset=0&limit=100", "?offset=3&limit=100", "?offset=6&limit=100" }, ApiRequests.Select(r => r.RawQuery));
            Assert.All(ApiRequests, r => { Assert.Equal("GET", r.Method); Assert.Equal("/v1/scans", r.Path); Assert.Equal(Key, r.Header("X-API-Key")); });
            var scans = host.Output.Cast<ProjectDiscoveryScan>().ToList();
            Assert.Equal(ids.Reverse(), scans.Select(s => s.Id)); // newest first
            Assert.All(scans, s => Assert.Equal("ProjectDiscovery", s.Provider));
        }

        [Fact]
        public void Listing_streams_a_page_is_requested_only_when_needed()
        {
            Vendor.SeedScans(7);
            Vendor.MaxLimit = 3;
            var host = new RecordingHost();
            var requestsWhenFirstObjectArrived = -1;
            host.OnObject = _ => { if (requestsWhenFirstObjectArrived < 0) requestsWhenFirstObjectArrived = ApiRequests.Count; };

            ScanOperations.ListScans(host, Open(), new ScanListQuery(), 1, 3);

            Assert.Equal(1, requestsWhenFirstObjectArrived);
            Assert.Equal(3, host.Output.Count);
            Assert.Equal(2, ApiRequests.Count); // skip 1 + first 3 = 4 scans: two pages of 3, never the third
        }

        [Fact]
        public void A_seeded_scan_maps_every_documented_field()
        {
            var ids = Vendor.SeedScans(4); // the 4th seeded scan is "finished"
            var host = new RecordingHost();

            ScanOperations.GetScansById(host, Open(), new[] { ids[3] });

            var scan = Assert.IsType<ProjectDiscoveryScan>(Assert.Single(host.Output));
            Assert.Equal("/v1/scans/" + ids[3], Assert.Single(ApiRequests).Path);
            Assert.Equal(ids[3], scan.Id);
            Assert.Equal("nightly-4", scan.Name);
            Assert.Equal("finished", scan.VendorState);
            Assert.Equal(ScanState.Completed, scan.State);
            Assert.True(scan.IsFinished);
            Assert.Equal(100, scan.Progress);
            Assert.Equal(new DateTimeOffset(2025, 6, 2, 8, 40, 0, TimeSpan.Zero), scan.CreatedAt);
            Assert.Equal(new DateTimeOffset(2025, 6, 2, 8, 47, 0, TimeSpan.Zero), scan.CompletedAt);
            Assert.Equal(scan.CompletedAt, scan.UpdatedAt);
            Assert.Equal("7m0s", scan.ScanTimeElapsed);
            Assert.Equal(5, scan.TargetCount);
            Assert.Equal(5, scan.ScanCount);
            Assert.Equal(120, scan.TemplateCount);
            Assert.Equal(0, scan.ResultCount);
            Assert.Equal(0, scan.Severity["critical"]);
            Assert.Equal(5, scan.Severity.Count);
            Assert.Null(scan.FailureReason);
            Assert.False(scan.IsOss);
            Assert.True(scan.IsCloud);
            Assert.Equal(new[] { "http/cves/" }, scan.PublicTemplates);
            Assert.Null(scan.Schedule);
            Assert.Null(scan.TruncatedTargetCount);
        }

        [Fact]
        public void A_scheduled_scan_carries_its_schedule()
        {
            var ids = Vendor.SeedScans(7); // the 7th is "scheduled"
            var host = new RecordingHost();

            ScanOperations.GetScansById(host, Open(), new[] { ids[6] });

            var scan = Assert.IsType<ProjectDiscoveryScan>(Assert.Single(host.Output));
            Assert.Equal(ScanState.Queued, scan.State);
            Assert.Equal("weekly", scan.Schedule!.Frequency);
            Assert.Equal("09:10:00", scan.Schedule.StartTime);
            Assert.Equal(new[] { 1, 3 }, scan.Schedule.CustomWeekdays);
        }

        [Fact]
        public void State_maps_to_the_documented_status_values_one_series_each_and_search_passes_through()
        {
            Vendor.SeedScans(14); // statuses cycle: nightly-3 and nightly-10 are running, nightly-2 and nightly-9 starting
            var host = new RecordingHost();

            ScanOperations.ListScans(host, Open(), new ScanListQuery { States = new[] { "Running" }, Search = " nightly-1 " }, 0, ulong.MaxValue);

            Assert.Equal(new[] { "?offset=0&limit=100&status=starting&search=nightly-1", "?offset=0&limit=100&status=running&search=nightly-1" },
                ApiRequests.Select(r => r.RawQuery));
            var scan = Assert.IsType<ProjectDiscoveryScan>(Assert.Single(host.Output));
            Assert.Equal("nightly-10", scan.Name);
            Assert.Equal(ScanState.Running, scan.State);
            Assert.Equal(40, scan.Progress);
        }

        [Fact]
        public void List_query_values_are_escaped()
        {
            Assert.Equal("v1/scans?offset=200&limit=100&status=failed&search=a%20b%26c%3Dd", ProjectDiscoveryClient.ListUri(200, "failed", "a b&c=d"));
            Assert.Equal("v1/scans?offset=0&limit=100", ProjectDiscoveryClient.ListUri(0, null, null));
        }

        [Theory]
        [InlineData("failed", new[] { "failed" })]
        [InlineData("FINISHED", new[] { "finished" })]
        [InlineData("Completed", new[] { "finished", "uploaded" })]
        [InlineData("Queued", new[] { "queued", "scheduled" })]
        [InlineData("Failed", new[] { "failed" })]
        [InlineData("running", new[] { "starting", "running" })]
        [InlineData("uploaded", new[] { "uploaded" })]
        public void Normalised_and_vendor_states_map_to_status_values(string state, string[] expected)
        {
            Assert.Equal(expected, ProjectDiscoveryVocabulary.ToVendorStates(new[] { state }));
        }

        [Fact]
        public void The_total_count_comes_from_total_results_when_the_listing_is_one_series()
        {
            Vendor.SeedScans(14);
            var totals = new List<long?>();

            ScanOperations.ListScans(new RecordingHost(), Open(), new ScanListQuery { States = new[] { "failed" } }, 0, 1, totals.Add);
            ScanOperations.ListScans(new RecordingHost(), Open(), new ScanListQuery(), 0, 1, totals.Add);
            ScanOperations.ListScans(new RecordingHost(), Open(), new ScanListQuery { States = new[] { "Running" } }, 0, 1, totals.Add);

            Assert.Equal(new long?[] { 2, 14, null }, totals);
        }

        [Fact]
        public void An_unknown_state_is_an_error_before_any_request()
        {
            var ex = Assert.Throws<ScanPSException>(() =>
                ScanOperations.ListScans(new RecordingHost(), Open(), new ScanListQuery { States = new[] { "OVER_LIMIT" } }, 0, ulong.MaxValue));

            Assert.Equal("InvalidStateFilter", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, ex.Error.Category);
            Assert.Equal("'OVER_LIMIT' is not a ProjectDiscovery scan state. Use one of: Queued, Running, Completed, Failed, Cancelled, starting, finished, uploaded, scheduled, stopped.", ex.Message);
            Assert.Empty(ApiRequests);
            Assert.Equal("InvalidStateFilter", Assert.Throws<ScanPSException>(() =>
                ScanOperations.ValidateListQuery("ProjectDiscovery", new ScanListQuery { States = new[] { "Paused" } })).ErrorId);
        }

        [Fact]
        public void GetScan_by_id_escapes_the_id_and_a_missing_one_is_ScanNotFound_while_the_others_come_out()
        {
            var ids = Vendor.SeedScans(1);
            var host = new RecordingHost();

            ScanOperations.GetScansById(host, Open(), new[] { "no such scan", ids[0] });

            Assert.Equal("/v1/scans/no such scan", ApiRequests[0].Path);
            var error = Assert.Single(host.Errors);
            Assert.Equal("ScanNotFound", error.ErrorId);
            Assert.Equal(ScanPSErrorCategory.ObjectNotFound, error.Category);
            Assert.Equal("no such scan", error.TargetObject);
            Assert.StartsWith("ProjectDiscovery answered 404 Not Found to GET /v1/scans/no%20such%20scan: scan not found (parameter 'scan_id', error id err", error.Message);
            Assert.Equal(ids[0], Assert.IsType<ProjectDiscoveryScan>(Assert.Single(host.Output)).Id);
        }
    }
}
