using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using ScanPS.Commands;
using ScanPS.Errors;
using ScanPS.FakeVendors;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers;
using Xunit;
using static ScanPS.Tests.CmdletReflection;

namespace ScanPS.Tests
{
    /// <summary>Start-ScanFromScan: the pipeline from Get-Scan, many ids, -WhatIf, and every way Invicti says no.</summary>
    public sealed class InvictiRelaunchTests : InvictiServerTest
    {
        private const string Unknown = "0badbad0-0000-4000-8000-000000000000";

        /// <summary>What PowerShell binds from a piped object: each ByPropertyName parameter from the property of its name or alias.</summary>
        private static Dictionary<string, object?> BindByPropertyName(object piped)
        {
            var bound = new Dictionary<string, object?>();
            foreach (var parameter in Parameters(typeof(StartScanFromScanCommand)).Where(p => p.ByPropertyName))
            {
                var aliases = Attribute(typeof(StartScanFromScanCommand).GetProperty(parameter.Name)!, "AliasAttribute")?.ConstructorArguments[0].Value
                    as IEnumerable<CustomAttributeTypedArgument>;
                var names = new[] { parameter.Name }.Concat(aliases?.Select(a => (string)a.Value!) ?? Enumerable.Empty<string>());
                var property = names.Select(n => piped.GetType().GetProperty(n, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)).FirstOrDefault(p => p != null);
                if (property != null) bound[parameter.Name] = property.GetValue(piped);
            }

            return bound;
        }

        /// <summary>Six scans on two websites, three of them Complete on staging; returns what the pipeline's Where-Object keeps.</summary>
        private List<InvictiScan> CompletedStagingScans(RecordingHost host)
        {
            string www = Vendor.AddWebsite("https://www.example.com/", "Example");
            string stagingSite = Vendor.AddWebsite("https://staging.example.com/", "Example staging");
            Vendor.AddScan("Complete", www);
            Vendor.AddScan("Complete", stagingSite);
            Vendor.AddScan("Failed", stagingSite);
            Vendor.AddScan("Complete", stagingSite);
            Vendor.AddScan("Scanning", www);
            Vendor.AddScan("Complete", stagingSite);

            ScanOperations.ListScans(host, Open(), new ScanListQuery { States = new[] { "Complete" } }, 0, ulong.MaxValue);
            var staging = host.Output.Cast<InvictiScan>().Where(s => s.TargetUrl!.Contains("staging", StringComparison.Ordinal)).ToList();
            host.Output.Clear();
            return staging;
        }

        [Fact]
        public void Get_Scan_objects_bind_Provider_and_Id_by_property_name_and_each_launches_one_scan()
        {
            // Get-Scan -Provider Invicti -State Complete | Where-Object TargetUrl -like '*staging*' | Start-ScanFromScan
            var host = new RecordingHost();
            var staging = CompletedStagingScans(host);
            Server.ClearRequests();
            var session = Open();

            foreach (var piped in staging)
            {
                var bound = BindByPropertyName(piped);
                Assert.Equal(new[] { "Id", "Provider", "TargetUrl" }, bound.Keys.OrderBy(k => k));
                Assert.Equal("Invicti", bound["Provider"]);
                StartScanFromScanOperations.Relaunch(host, (string)bound["Provider"]!, new[] { (string)bound["Id"]! }, () => session, (string?)bound["TargetUrl"]);
            }

            Assert.Equal(new[] { "5ca70000-0000-4000-8000-000000000006", "5ca70000-0000-4000-8000-000000000004", "5ca70000-0000-4000-8000-000000000002" },
                staging.Select(s => s.Id)); // newest first
            Assert.Equal(staging.Select(s => "\"" + s.Id + "\""), ApiRequests.Select(r => r.Body));
            Assert.All(ApiRequests, r => Assert.Equal("/api/1.0/scans/newfromscan", r.Path));
            var launched = host.Output.Cast<InvictiScan>().ToList();
            Assert.Equal(3, launched.Count);
            Assert.All(launched, s => Assert.Equal(("Invicti", ScanState.Queued, "https://staging.example.com/"), (s.Provider, s.State, s.TargetUrl)));
            Assert.Empty(host.Errors);
            Assert.Equal(9, Vendor.ScanCount);
        }

        [Fact]
        public void Many_ids_with_one_unknown_give_two_scans_and_one_non_terminating_ScanNotFound()
        {
            string first = Vendor.AddScan("Complete");
            string third = Vendor.AddScan("Failed");
            var host = new RecordingHost();

            StartScanFromScanOperations.Relaunch(host, "Invicti", new[] { first, Unknown, third }, () => Open());

            Assert.Equal(3, ApiRequests.Count);
            Assert.Equal(new[] { first, Unknown, third }.Select(i => "\"" + i + "\""), ApiRequests.Select(r => r.Body));
            Assert.Equal(2, host.Output.Count);
            var error = Assert.Single(host.Errors);
            Assert.Equal("ScanNotFound", error.ErrorId);
            Assert.Equal(ScanPSErrorCategory.ObjectNotFound, error.Category);
            Assert.Equal(Unknown, error.TargetObject);
            Assert.Equal(404, error.StatusCode);
            Assert.Equal("Scan not found: " + Unknown, error.Details);
            Assert.Equal("Invicti answered 404 Not Found to POST /api/1.0/scans/newfromscan: Scan not found: " + Unknown, error.Message);
        }

        [Fact]
        public void WhatIf_lists_each_scan_that_would_be_relaunched_and_sends_nothing()
        {
            var host = new RecordingHost();
            var staging = CompletedStagingScans(host);
            Server.ClearRequests();
            host.WhatIf = true;
            var session = Open();

            StartScanFromScanOperations.Relaunch(host, "Invicti", staging.Select(s => s.Id), () => session);

            Assert.Equal(3, staging.Count);
            Assert.Equal(staging.Select(s => ("scan " + s.Id + " on Invicti (" + Server.BaseUri + ")", "Start a new scan with the same configuration")), host.ShouldProcessCalls);
            Assert.Empty(Server.Requests);
            Assert.Empty(host.Output);
            Assert.Empty(host.Errors);
            Assert.All(host.AllText(), t => Assert.DoesNotContain(Token, t));
        }

        [Fact]
        public void A_malformed_id_is_InvalidScanId_before_any_credential_lookup_or_request_and_the_others_go_on()
        {
            string good = Vendor.AddScan("Complete");
            var host = new RecordingHost();
            int opened = 0;

            StartScanFromScanOperations.Relaunch(host, "Invicti", new[] { "12345" }, () => { opened++; return Open(); });
            Assert.Equal(0, opened);
            StartScanFromScanOperations.Relaunch(host, "Invicti", new[] { "12345", good }, () => { opened++; return Open(); });

            Assert.Equal(1, opened);
            Assert.Equal(new[] { "InvalidScanId", "InvalidScanId" }, host.Errors.Select(e => e.ErrorId));
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, host.Errors[0].Category);
            Assert.Equal("'12345' is not an Invicti scan id: Invicti scan ids are GUIDs such as 3fa85f64-5717-4562-b3fc-2c963f66afa6.", host.Errors[0].Message);
            Assert.Equal("\"" + good + "\"", Assert.Single(ApiRequests).Body);
            Assert.Single(host.Output);
        }

        [Fact]
        public void A_404_with_a_bare_string_body_is_ScanNotFound_with_that_string()
        {
            Vendor.UnknownScanAnswer = InvictiUnknownScanAnswer.NotFoundBareString;
            var host = new RecordingHost();

            StartScanFromScanOperations.Relaunch(host, "Invicti", new[] { Unknown }, () => Open());

            var error = Assert.Single(host.Errors);
            Assert.Equal(("ScanNotFound", ScanPSErrorCategory.ObjectNotFound, 404), (error.ErrorId, error.Category, error.StatusCode));
            Assert.Equal("Scan not found: " + Unknown, error.Details);
        }

        [Fact]
        public void A_200_with_the_enum_string_ScanNotFound_is_ScanNotFound_not_a_parse_error()
        {
            Vendor.UnknownScanAnswer = InvictiUnknownScanAnswer.OkResultString;
            var host = new RecordingHost();

            StartScanFromScanOperations.Relaunch(host, "Invicti", new[] { Unknown }, () => Open());

            var error = Assert.Single(host.Errors);
            Assert.Equal(("ScanNotFound", ScanPSErrorCategory.ObjectNotFound), (error.ErrorId, error.Category));
            Assert.Equal("Invicti did not launch a new scan from scan " + Unknown + ": it answered ScanNotFound.", error.Message);
            Assert.Equal("ScanNotFound", error.Details);
            Assert.Empty(host.Output);
        }

        [Fact]
        public void Another_enum_string_is_ScanNotRelaunched_with_the_vendor_word_and_the_next_id_goes_on()
        {
            string good = Vendor.AddScan("Complete");
            Server.Faults.Enqueue(new Fault { Method = "POST", PathPrefix = "/api/1.0/scans/newfromscan", Kind = FaultKind.Status, StatusCode = 200, Body = "\"ScanQueued\"" });
            var host = new RecordingHost();

            StartScanFromScanOperations.Relaunch(host, "Invicti", new[] { good, good }, () => Open());

            var error = Assert.Single(host.Errors);
            Assert.Equal(("ScanNotRelaunched", ScanPSErrorCategory.InvalidOperation, "ScanQueued"), (error.ErrorId, error.Category, error.Details));
            Assert.Single(host.Output);
            Assert.Equal(2, ApiRequests.Count);
        }

        [Fact]
        public void A_400_Message_body_is_InvalidRequest_with_the_vendor_message()
        {
            string good = Vendor.AddScan("Complete");
            Server.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Status, StatusCode = 400, Body = "{\"Message\":\"The website of this scan is deleted.\"}" });
            var host = new RecordingHost();

            StartScanFromScanOperations.Relaunch(host, "Invicti", new[] { good }, () => Open());

            var error = Assert.Single(host.Errors);
            Assert.Equal(("InvalidRequest", ScanPSErrorCategory.InvalidArgument, "The website of this scan is deleted."), (error.ErrorId, error.Category, error.Details));
        }

        [Fact]
        public void A_wrong_token_stops_the_command_at_the_first_id_with_Invicti_credential_advice()
        {
            string a = Vendor.AddScan("Complete");
            string b = Vendor.AddScan("Complete");
            var host = new RecordingHost();

            var ex = Assert.Throws<ScanPSException>(() => StartScanFromScanOperations.Relaunch(host, "Invicti", new[] { a, b }, () => Open(token: "wrong-token")));

            Assert.Equal(("AuthenticationFailed", ScanPSErrorCategory.AuthenticationError), (ex.ErrorId, ex.Error.Category));
            Assert.Equal("Authorization has been denied for this request.", ex.Error.Details);
            Assert.Contains("SCANPS_INVICTI_USER_ID", ex.Error.RecommendedAction);
            Assert.Contains("SCANPS_INVICTI_API_TOKEN", ex.Error.RecommendedAction);
            Assert.Single(ApiRequests);
            Assert.Empty(host.Output);
        }

        [Fact]
        public void A_5xx_on_launch_is_not_retried_and_says_the_scan_may_have_started()
        {
            string good = Vendor.AddScan("Complete");
            Server.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Status, StatusCode = 502, Body = "{\"Message\":\"Bad gateway\"}" });
            var host = new RecordingHost();

            StartScanFromScanOperations.Relaunch(host, "Invicti", new[] { good }, () => Open());

            var error = Assert.Single(host.Errors);
            Assert.Equal("VendorUnavailable", error.ErrorId);
            Assert.Contains("may or may not have acted", error.RecommendedAction);
            Assert.Single(ApiRequests);
        }

        [Fact]
        public void The_token_and_the_Basic_value_never_reach_verbose_debug_errors_or_WhatIf()
        {
            const string secret = "s3cr3t-T0ken-9f8e7d";
            Vendor.Credentials["test-user-id"] = secret;
            string good = Vendor.AddScan("Complete");
            string basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("test-user-id:" + secret));
            // A vendor that echoes the credential back must not get it printed either.
            Server.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Status, StatusCode = 400, Body = "{\"Message\":\"bad token " + secret + " in Basic " + basic + "\"}" });
            var host = new RecordingHost { DebugEnabled = true };
            var session = Open(token: secret, debug: true);

            StartScanFromScanOperations.Relaunch(host, "Invicti", new[] { good, good }, () => session);
            ScanOperations.ListScans(host, session, new ScanListQuery(), 0, 5);
            session.Log.DrainTo(host);

            Assert.Contains(host.Errors, e => e.Details == "bad token *** in Basic ***");
            Assert.Contains(host.Debug, line => line.Contains("request body: \"" + good + "\""));
            Assert.Contains(host.Verbose, line => line.Contains("POST " + Server.BaseUri + "api/1.0/scans/newfromscan -> 201"));
            Assert.All(host.AllText().Concat(new[] { session.Credential!.ToString(), session.Display }), text =>
            {
                Assert.DoesNotContain(secret, text);
                Assert.DoesNotContain(basic, text);
            });
            Assert.Contains(ApiRequests, r => r.Header("Authorization") == "Basic " + basic);
        }

        [Fact]
        public void Ctrl_C_aborts_a_launch_in_flight()
        {
            string good = Vendor.AddScan("Complete");
            Server.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(30) });
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var host = new RecordingHost { CancellationToken = cancellation.Token };
            var started = DateTime.UtcNow;

            Assert.ThrowsAny<OperationCanceledException>(() => StartScanFromScanOperations.Relaunch(host, "Invicti", new[] { good, good }, () => Open()));

            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
            Assert.Single(ApiRequests);
            Assert.Empty(host.Output);
        }

        [Fact]
        public void The_cmdlet_takes_ids_by_position_and_by_property_name_and_defaults_Provider_to_Invicti()
        {
            var cmdlet = Attribute(typeof(StartScanFromScanCommand), "CmdletAttribute")!;
            Assert.Equal(true, Named(cmdlet, "SupportsShouldProcess"));
            Assert.Equal(2, Convert.ToInt32(Named(cmdlet, "ConfirmImpact"))); // Medium
            var id = Assert.Single(Parameters(typeof(StartScanFromScanCommand)), p => p.Name == "Id");
            Assert.Equal((true, 0, true, typeof(string[])), (id.Mandatory, id.Position, id.ByPropertyName, id.Type));
            var provider = Assert.Single(Parameters(typeof(StartScanFromScanCommand)), p => p.Name == "Provider");
            Assert.Equal((false, true), (provider.Mandatory, provider.ByPropertyName));
            // Issue 18: every provider re-runs scans; Invicti stays the default -Provider.
            Assert.Equal(new[] { "HostedScan", "ProjectDiscovery", "Invicti", "Probely" }, ValidateSet(typeof(StartScanFromScanCommand), "Provider"));
            Assert.Equal("Invicti", new StartScanFromScanCommand().Provider);
            Assert.Equal(StartScanFromScanCommand.ByIdSet, ChooseSet(typeof(StartScanFromScanCommand), new[] { "Id" }));
            var output = (IEnumerable<CustomAttributeTypedArgument>)Attribute(typeof(StartScanFromScanCommand), "OutputTypeAttribute")!.ConstructorArguments[0].Value!;
            Assert.Equal(new[] { typeof(InvictiScan), typeof(ProjectDiscoveryScan), typeof(ProbelyScan), typeof(HostedScanScan) }, output.Select(a => (Type)a.Value!));
            // Get-Scan -Provider Invicti picks the Invicti set for listing and ById for ids.
            var rules = new ProviderParameterRules("Get-Scan", CmdletMetadataAccess.Declarations(typeof(GetScanCommand)));
            Assert.Equal("Invicti", rules.Resolve("Invicti", "HostedScan", new[] { "Provider", "State" }));
            Assert.Equal("Invicti", rules.Resolve("Invicti", "HostedScan", new[] { "Provider" }));
            Assert.Equal("ById", rules.Resolve("Invicti", "ById", new[] { "Provider", "Id" }));
            Assert.Equal("ParameterNotValidForProvider", Assert.Throws<ScanPSException>(() => rules.Resolve("Invicti", "HostedScan", new[] { "Provider", "Type" })).ErrorId);
        }
    }
}
