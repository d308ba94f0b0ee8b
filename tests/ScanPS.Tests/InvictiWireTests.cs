using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ScanPS.Errors;
using ScanPS.FakeVendors;
using ScanPS.Http;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers.Invicti;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>What goes on the wire to Invicti, and what comes back as objects.</summary>
    public sealed class InvictiWireTests : InvictiServerTest
    {
        [Fact]
        public void Relaunch_posts_the_scan_id_as_a_bare_json_string_with_Basic_auth_and_maps_the_201_scan_task()
        {
            string source = Vendor.AddScan("Complete");
            var host = new RecordingHost();

            StartScanFromScanOperations.Relaunch(host, "Invicti", new[] { source }, () => Open());

            var request = Assert.Single(ApiRequests);
            Assert.Equal("POST", request.Method);
            Assert.Equal("/api/1.0/scans/newfromscan", request.Path);
            Assert.Equal("", request.RawQuery);
            Assert.Equal("\"" + source + "\"", request.Body);
            Assert.Equal(BasicHeader, request.Header("Authorization"));
            Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
            Assert.Equal("application/json", request.Header("Accept"));

            var scan = Assert.IsType<InvictiScan>(Assert.Single(host.Output));
            Assert.Empty(host.Errors);
            string newId = "1a0c0000-0000-4000-8000-000000000002";
            Assert.Equal(newId, scan.Id);
            Assert.Equal("Invicti", scan.Provider);
            Assert.Equal(ScanState.Queued, scan.State);
            Assert.Equal("Queued", scan.VendorState);
            Assert.Equal("Pending", scan.Phase);
            Assert.Equal(0, scan.Percentage);
            Assert.Equal("Full", scan.ScanType);
            Assert.Equal("https://www.example.com/", scan.TargetUrl);
            Assert.Equal("https://www.example.com/", scan.TargetUrlRoot);
            Assert.Equal("/", scan.TargetPath);
            Assert.Equal("Example", scan.WebsiteName);
            Assert.Equal("https://www.example.com/", scan.WebsiteUrl);
            Assert.Equal("a1000000-0000-4000-8000-000000000001", scan.WebsiteId);
            // The fake's clock: 2024-03-28T06:07:58Z plus one minute per event (source scan, then this one).
            Assert.Equal(new DateTime(2024, 3, 28, 6, 9, 58, DateTimeKind.Utc).ToLocalTime(), scan.InitiatedAt);
            Assert.Equal(DateTimeKind.Local, scan.InitiatedAt!.Value.Kind);
            Assert.Equal("28/03/2024", scan.InitiatedDate);
            Assert.Equal("6:09 AM", scan.InitiatedTime);
            Assert.Equal("None", scan.FailureReason);
            Assert.Equal("Unknown", scan.ThreatLevel);
            Assert.Equal(0, scan.VulnerabilityCriticalCount);
            Assert.Equal(0, scan.TotalVulnerabilityCount);
            Assert.Equal(2, scan.EstimatedLaunchTime);
            Assert.Equal(4000, scan.EstimatedSteps);
            Assert.False(scan.IsCompleted);
            Assert.False(scan.IsFinished);
            Assert.Equal("Default Security Checks", scan.PolicyName);
            // The rest of ScanTaskModel stays reachable.
            Assert.Equal("DontUse", scan.VendorFields["AuthenticationProfileOption"]);
            Assert.Equal(48L, scan.VendorFields["MaxScanDuration"]);
            Assert.Equal(true, scan.VendorFields["crawlandattack"]);
            var profile = Assert.IsType<Dictionary<string, object?>>(scan.VendorFields["ScanTaskProfile"]);
            Assert.Equal("Example profile", profile["Name"]);
            Assert.Equal(new object?[] { "b2000000-0000-4000-8000-000000000001" }, (object?[])scan.VendorFields["WebsiteGroupIds"]!);
            Assert.False(scan.VendorFields.ContainsKey("TargetUrl"));
            Assert.Equal("Invicti scan " + newId + " of https://www.example.com/ (Queued 0%)", scan.ToString());
        }

        [Fact]
        public void Ids_are_sent_in_canonical_form_whatever_the_user_typed()
        {
            string source = Vendor.AddScan("Complete");
            var host = new RecordingHost();

            StartScanFromScanOperations.Relaunch(host, "Invicti", new[] { "  {" + source.ToUpperInvariant() + "}  " }, () => Open());

            Assert.Equal("\"" + source + "\"", Assert.Single(ApiRequests).Body);
            Assert.Single(host.Output);
        }

        [Fact]
        public void Detail_walks_the_state_progression_Queued_Scanning_Archiving_Complete()
        {
            string id = Vendor.AddScan("Queued", advances: true);
            var host = new RecordingHost();
            var session = Open();

            for (int i = 0; i < 4; i++) ScanOperations.GetScansById(host, session, new[] { id });

            var scans = host.Output.Cast<InvictiScan>().ToList();
            Assert.Equal(new[] { "Scanning", "Archiving", "Complete", "Complete" }, scans.Select(s => s.VendorState));
            Assert.Equal(new[] { ScanState.Running, ScanState.Running, ScanState.Completed, ScanState.Completed }, scans.Select(s => s.State));
            Assert.Equal(new int?[] { 50, 100, 100, 100 }, scans.Select(s => s.Percentage));
            Assert.Equal(new[] { "CrawlingAndAttacking", "Complete", "Complete", "Complete" }, scans.Select(s => s.Phase));
            Assert.True(scans[2].IsCompleted);
            Assert.True(scans[2].IsFinished);
            // "Example" has 7 letters: counts are (7%2, 7%3, 2+7%4, 3, 5, 1).
            Assert.Equal((1, 1, 5, 3, 5, 1), (scans[2].VulnerabilityCriticalCount, scans[2].VulnerabilityHighCount, scans[2].VulnerabilityMediumCount,
                scans[2].VulnerabilityLowCount, scans[2].VulnerabilityInfoCount, scans[2].VulnerabilityBestPracticeCount));
            Assert.Equal(11, scans[2].TotalVulnerabilityCount);
            Assert.Equal("Critical", scans[2].ThreatLevel);
            Assert.All(ApiRequests, r => Assert.Equal(("GET", "/api/1.0/scans/detail/" + id, ""), (r.Method, r.Path, r.RawQuery)));
        }

        [Fact]
        public void Listing_pages_with_pageSize_200_until_HasNextPage_is_false_newest_first()
        {
            var ids = Vendor.SeedScans(450);
            var host = new RecordingHost();

            ScanOperations.ListScans(host, Open(), new ScanListQuery(), 0, ulong.MaxValue);

            Assert.Equal(Enumerable.Reverse(ids), host.Output.Cast<InvictiScan>().Select(s => s.Id));
            Assert.Equal(new[] { "?page=1&pageSize=200", "?page=2&pageSize=200", "?page=3&pageSize=200" }, ApiRequests.Select(r => r.RawQuery));
            Assert.All(ApiRequests, r => Assert.Equal(("GET", "/api/1.0/scans/list", BasicHeader), (r.Method, r.Path, r.Header("Authorization"))));
        }

        [Fact]
        public void First_5_asks_for_one_page_only()
        {
            Vendor.SeedScans(450);
            var host = new RecordingHost();

            ScanOperations.ListScans(host, Open(), new ScanListQuery(), 0, 5);

            Assert.Equal(5, host.Output.Count);
            Assert.Equal("?page=1&pageSize=200", Assert.Single(ApiRequests).RawQuery);
        }

        [Fact]
        public void State_uses_listbystate_once_per_vendor_state()
        {
            Vendor.SeedScans(60);
            var host = new RecordingHost();

            ScanOperations.ListScans(host, Open(), new ScanListQuery { States = new[] { "complete", "Cancelled", "Paused" } }, 0, ulong.MaxValue);

            Assert.Equal(new[]
            {
                "/api/1.0/scans/listbystate?scanTaskState=Complete&page=1&pageSize=200",
                "/api/1.0/scans/listbystate?scanTaskState=Cancelled&page=1&pageSize=200",
                "/api/1.0/scans/listbystate?scanTaskState=Paused&page=1&pageSize=200",
            }, ApiRequests.Select(r => r.Path + r.RawQuery));
            var scans = host.Output.Cast<InvictiScan>().ToList();
            // Odd seeds are Complete; even ones cycle the 11 states (Complete also at 6, 28, 50; Cancelled: 10, 32, 54; Paused: 16, 38, 60).
            Assert.Equal(33 + 3 + 3, scans.Count);
            Assert.Equal(new[] { "Complete", "Cancelled", "Paused" }, scans.Select(s => s.VendorState).Distinct());
            Assert.Equal(new[] { ScanState.Completed, ScanState.Cancelled, ScanState.Paused }, scans.Select(s => s.State).Distinct());
        }

        [Fact]
        public void The_total_count_comes_from_TotalItemCount_when_the_listing_is_one_series()
        {
            Vendor.SeedScans(60);
            var totals = new List<long?>();

            ScanOperations.ListScans(new RecordingHost(), Open(), new ScanListQuery(), 0, 1, totals.Add);
            ScanOperations.ListScans(new RecordingHost(), Open(), new ScanListQuery { States = new[] { "Complete" } }, 0, 1, totals.Add);
            ScanOperations.ListScans(new RecordingHost(), Open(), new ScanListQuery { States = new[] { "Cancelled", "Paused" } }, 0, 1, totals.Add);

            // 60 scans; 33 Complete (odd seeds, and 6, 28, 50); two states are two series with no one total.
            Assert.Equal(new long?[] { 60, 33, null }, totals);
            Assert.Equal(new[] { "scans/list?page=1", "scans/listbystate?scanTaskState=Complete&page=1", "scans/listbystate?scanTaskState=Cancelled&page=1" },
                ApiRequests.Select(r => (r.Path + r.RawQuery).Replace("/api/1.0/", string.Empty).Replace("&pageSize=200", string.Empty)));
        }

        [Theory]
        [InlineData("Completed", new[] { "Complete" })]
        [InlineData("Running", new[] { "Scanning", "Archiving", "AsyncArchiving", "Resuming" })]
        [InlineData("AsyncArchiving", new[] { "AsyncArchiving" })]
        // A name that is also one of Invicti's own states means that state only.
        [InlineData("queued", new[] { "Queued" })]
        [InlineData("Paused", new[] { "Paused" })]
        public void Normalised_and_vendor_states_map_to_scanTaskState_values(string state, string[] expected)
        {
            Assert.Equal(expected, InvictiVocabulary.ToVendorStates(new[] { state }));
        }

        [Fact]
        public void Every_vendor_state_normalises_and_an_unknown_one_is_Unknown()
        {
            Assert.Equal(
                new[] { ScanState.Queued, ScanState.Running, ScanState.Running, ScanState.Completed, ScanState.Failed, ScanState.Cancelled,
                        ScanState.Queued, ScanState.Paused, ScanState.Paused, ScanState.Running, ScanState.Running },
                InvictiVocabulary.VendorStates.Select(InvictiVocabulary.Normalise));
            Assert.Equal(ScanState.Unknown, InvictiVocabulary.Normalise("Hibernating"));
            Assert.Equal(FakeInvicti.States, InvictiVocabulary.VendorStates);
        }

        [Fact]
        public void An_unknown_state_is_an_error_before_any_request_or_credential_lookup()
        {
            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.ValidateListQuery("Invicti", new ScanListQuery { States = new[] { "SUCCEEDED" } }));

            Assert.Equal("InvalidStateFilter", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, ex.Error.Category);
            Assert.StartsWith("'SUCCEEDED' is not an Invicti scan state. Use one of: Queued, Running, Completed, Failed, Cancelled, Paused, Scanning, Archiving,", ex.Message);
            Assert.Empty(Server.Requests);
        }

        [Theory]
        [InlineData("api/1.0/")]
        [InlineData("api/1.0")]
        [InlineData("")]
        public void BaseUri_with_or_without_the_api_root_reaches_the_same_paths(string suffix)
        {
            string id = Vendor.AddScan("Complete");
            var host = new RecordingHost();

            ScanOperations.GetScansById(host, Open(baseUri: new Uri(Server.BaseUri, suffix)), new[] { id });

            Assert.Single(host.Output);
            Assert.Equal("/api/1.0/scans/detail/" + id, Assert.Single(ApiRequests).Path);
        }

        [Fact]
        public void The_default_host_is_netsparkercloud_and_the_environment_can_point_elsewhere()
        {
            var definition = ProviderDefinition.Get("invicti");
            var options = new ProviderSessionOptions { Provider = "Invicti" };
            Assert.Equal(new Uri("https://www.netsparkercloud.com/"), BaseUriPolicy.Resolve("Invicti", null, definition.DefaultBaseUri(options), _ => null, definition.ApiRoot));
            Assert.Equal(new Uri("https://eu.netsparker.cloud/"), BaseUriPolicy.Resolve("Invicti", null, definition.DefaultBaseUri(options),
                name => name == "SCANPS_INVICTI_BASE_URI" ? "https://eu.netsparker.cloud/api/1.0/" : null, definition.ApiRoot));
            Assert.Equal(new Uri("https://scanner.corp.example/invicti/"), BaseUriPolicy.Resolve("Invicti", new Uri("https://scanner.corp.example/invicti/api/1.0"),
                definition.DefaultBaseUri(options), _ => null, definition.ApiRoot));
        }

        [Fact]
        public void Credentials_come_from_Credential_or_from_the_two_environment_variables()
        {
            string id = Vendor.AddScan("Complete");
            var environment = new Dictionary<string, string> { ["SCANPS_INVICTI_USER_ID"] = UserId, ["SCANPS_INVICTI_API_TOKEN"] = Token };

            ScanOperations.GetScansById(new RecordingHost(), Open(userId: null, token: null, environment: environment), new[] { id });
            var noUser = Assert.Throws<ScanPSException>(() => Open(userId: null, token: null, environment: new Dictionary<string, string> { ["SCANPS_INVICTI_API_TOKEN"] = Token }));

            Assert.Equal(BasicHeader, Assert.Single(ApiRequests).Header("Authorization"));
            Assert.Equal("NoCredentialResolved", noUser.ErrorId);
            Assert.Contains("SCANPS_INVICTI_USER_ID", noUser.Message);
        }

        [Fact]
        public void Unknown_json_fields_and_values_outside_the_enums_do_not_break_parsing()
        {
            var wire = JsonSerializer.Deserialize("{\"Id\":\"" + Guid.Empty + "\",\"State\":\"Hibernating\",\"Percentage\":7,\"Brand\":\"new\",\"InitiatedAt\":\"not a date\",\"StateChanged\":\"2024-03-28T06:07:58.1+02:00\"}",
                InvictiJsonContext.Default.InvictiWireScanTask)!;

            var scan = InvictiMapper.ToScan(wire);

            Assert.Equal(ScanState.Unknown, scan.State);
            Assert.Equal("Hibernating", scan.VendorState);
            Assert.Equal("new", scan.VendorFields["Brand"]);
            Assert.Null(scan.InitiatedAt);
            Assert.Equal(new DateTime(2024, 3, 28, 4, 7, 58, 100, DateTimeKind.Utc).ToLocalTime(), scan.StateChanged);
        }
    }
}
