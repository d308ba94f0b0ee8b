using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using ScanPS.Errors;
using ScanPS.FakeVendors;
using ScanPS.Models;
using ScanPS.Operations;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>Batching, -WhatIf/-Confirm per batch, and partial failure that loses nothing.</summary>
    public sealed class ProbelyBulkTests : ProbelyServerTest
    {
        private static string[] SentTargets(RecordedRequest request) =>
            JsonDocument.Parse(request.Body).RootElement.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToArray();

        [Fact]
        public void Ids_are_sent_in_batches_of_BatchSize_in_order_and_every_scheduled_scan_is_emitted()
        {
            var host = new RecordingHost();

            ScheduledScanBulkOperations.NewScheduledScans(host, Open(), KnownTargets, Weekly(), 3);

            Assert.Equal(3, ApiRequests.Count);
            Assert.Equal(KnownTargets.Take(3), SentTargets(ApiRequests[0]));
            Assert.Equal(KnownTargets.Skip(3).Take(3), SentTargets(ApiRequests[1]));
            Assert.Equal(KnownTargets.Skip(6), SentTargets(ApiRequests[2]));
            Assert.Equal(KnownTargets, host.Output.Cast<ProbelyScheduledScan>().Select(s => s.TargetId));
            Assert.Equal(7, Vendor.ScheduledScans.Count);
            Assert.Empty(host.Errors);
            Assert.Equal(new[] { "(batch 1 of 3)", "(batch 2 of 3)", "(batch 3 of 3)" }, host.ShouldProcessCalls.Select(c => c.Action.Substring(c.Action.LastIndexOf('('))));
        }

        [Fact]
        public void WhatIf_prints_one_line_per_batch_with_the_count_and_the_schedule_and_sends_nothing()
        {
            var host = new RecordingHost { WhatIf = true };

            ScheduledScanBulkOperations.NewScheduledScans(host, Open(), KnownTargets, Weekly(), 6);

            Assert.Empty(Server.Requests);
            Assert.Empty(host.Output);
            Assert.Equal(
                new[]
                {
                    "Schedule scans of 6 targets (3epwuyBoKQKN, 5zJkQ8cQn2Pw, 7MNbRt2yYpXs, 9aVfGh3KdLqe, 4bCdEfGhJkLm, … 1 more): every week from 2026-12-01 02:00 Europe/Lisbon (UTC+00:00) (batch 1 of 2)",
                    "Schedule scans of 1 target (8zAbCdEfGhJk): every week from 2026-12-01 02:00 Europe/Lisbon (UTC+00:00) (batch 2 of 2)",
                },
                host.ShouldProcessCalls.Select(c => c.Action));
            Assert.All(host.ShouldProcessCalls, c => Assert.Equal("Probely (" + Server.BaseUri + ")", c.Target));
        }

        [Fact]
        public void Confirm_is_asked_once_per_batch_and_a_declined_batch_is_not_sent()
        {
            var recording = new RecordingHost();
            var host = new DecliningHost(recording, declineCall: 2);

            ScheduledScanBulkOperations.NewScheduledScans(host, Open(), KnownTargets.Take(6).ToArray(), Weekly(), 2);

            Assert.Equal(3, host.Asked);
            Assert.Equal(2, ApiRequests.Count);
            Assert.Equal(KnownTargets.Take(2), SentTargets(ApiRequests[0]));
            Assert.Equal(KnownTargets.Skip(4).Take(2), SentTargets(ApiRequests[1]));
            Assert.Equal(4, recording.Output.Count);
            Assert.Empty(recording.Errors);
        }

        [Fact]
        public void A_refused_batch_is_one_error_naming_its_ids_and_the_flattened_field_errors_while_the_other_batches_are_emitted()
        {
            var ids = new[] { KnownTargets[0], KnownTargets[1], KnownTargets[2], "nOtArEaLiD1", KnownTargets[3], KnownTargets[4] };
            var host = new RecordingHost();

            ScheduledScanBulkOperations.NewScheduledScans(host, Open(), ids, Weekly(), 2);

            Assert.Equal(3, ApiRequests.Count);
            Assert.Equal(new[] { KnownTargets[0], KnownTargets[1], KnownTargets[3], KnownTargets[4] }, host.Output.Cast<ProbelyScheduledScan>().Select(s => s.TargetId));
            var error = Assert.Single(host.Errors);
            Assert.Equal("InvalidRequest", error.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, error.Category);
            Assert.Equal(400, error.StatusCode);
            Assert.Equal(new[] { KnownTargets[2], "nOtArEaLiD1" }, Assert.IsType<string[]>(error.TargetObject));
            Assert.Equal(
                "2 targets (batch 2 of 3) were not scheduled: 7MNbRt2yYpXs, nOtArEaLiD1. " +
                "Probely answered 400 Bad Request to POST /scheduledscans/bulk/: target 'nOtArEaLiD1' id: Invalid pk \"nOtArEaLiD1\" - object does not exist.",
                error.Message);
            Assert.Equal("target 'nOtArEaLiD1' id: Invalid pk \"nOtArEaLiD1\" - object does not exist.", error.Details);
            Assert.EndsWith("Then run New-ScheduledScanBulk again for just these ids (the error's TargetObject): 7MNbRt2yYpXs,nOtArEaLiD1.", error.RecommendedAction);
        }

        [Fact]
        public void A_target_the_vendor_refuses_and_schedule_field_errors_are_flattened_with_their_paths()
        {
            Vendor.RefuseTarget(KnownTargets[1], "The target's domain is not verified.");
            var host = new RecordingHost();

            ScheduledScanBulkOperations.NewScheduledScans(host, Open(), new[] { KnownTargets[0], KnownTargets[1] }, Weekly(r => r.ScanProfile = "nOpRoFiLe"), 5);

            var error = Assert.Single(host.Errors);
            Assert.Equal(
                "target '5zJkQ8cQn2Pw' id: The target's domain is not verified.; scheduledscan.scan_profile: Invalid pk \"nOpRoFiLe\" - object does not exist.",
                error.Details);
            Assert.StartsWith("2 targets were not scheduled: 3epwuyBoKQKN, 5zJkQ8cQn2Pw. ", error.Message);
            Assert.Empty(host.Output);
        }

        [Fact]
        public void The_documented_400_shape_names_the_target_by_the_id_the_vendor_keyed_it_with()
        {
            // developers.probely.com's 400 example for this endpoint: list messages and errors keyed by target id, in one array.
            const string Documented = "{\"targets\":[\"This list may not be empty.\",{\"" + "5zJkQ8cQn2Pw" + "\":[\"Scheduled scan not saved as it may conflict with blackout period.\"]}]," +
                "\"scheduledscan\":[\"This field is required.\",{\"scan_profile\":[\"Invalid pk 'scan_profile_pk' - object does not exist\"]}]}";
            Server.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Status, StatusCode = 400, Body = Documented });
            var host = new RecordingHost();

            ScheduledScanBulkOperations.NewScheduledScans(host, Open(), new[] { KnownTargets[0], KnownTargets[1], KnownTargets[2] }, Weekly(), 5);

            var error = Assert.Single(host.Errors);
            Assert.Equal("5zJkQ8cQn2Pw", KnownTargets[1]);
            Assert.Equal(
                "target '5zJkQ8cQn2Pw': Scheduled scan not saved as it may conflict with blackout period.; targets: This list may not be empty.; " +
                "scheduledscan.scan_profile: Invalid pk 'scan_profile_pk' - object does not exist; scheduledscan: This field is required.",
                error.Details);
            Assert.Equal(new[] { KnownTargets[0], KnownTargets[1], KnownTargets[2] }, Assert.IsType<string[]>(error.TargetObject));
        }

        [Fact]
        public void Field_errors_mixed_with_list_messages_are_not_pinned_on_a_target_by_position()
        {
            // Two entries for two targets, but the mixed shape is about the list itself, not target 2.
            Server.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Status, StatusCode = 400, Body = "{\"targets\":[\"Too many targets.\",{\"id\":[\"Not a valid id.\"]}]}" });
            var host = new RecordingHost();

            ScheduledScanBulkOperations.NewScheduledScans(host, Open(), new[] { KnownTargets[0], KnownTargets[1] }, Weekly(), 5);

            Assert.Equal("targets.id: Not a valid id.; targets: Too many targets.", Assert.Single(host.Errors).Details);
        }

        [Fact]
        public void Vendor_side_rules_come_back_as_non_field_errors_in_readable_text()
        {
            // The fake's own clock says the start is past although the client's clock did not: the vendor's rule shows.
            Vendor.UtcNow = () => new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var host = new RecordingHost();

            ScheduledScanBulkOperations.NewScheduledScans(host, Open(), new[] { KnownTargets[0] }, Weekly(), 5);

            Assert.Equal("scheduledscan.date_time: Date and time must be in the future.", Assert.Single(host.Errors).Details);
        }

        [Fact]
        public void A_401_stops_the_command_with_an_error_naming_the_ids_of_the_batch_and_those_not_attempted()
        {
            var host = new RecordingHost();
            // The key is revoked after the first batch went through.
            host.OnObject = _ => Server.Faults.Enqueue(new Fault
            {
                PathPrefix = "/scheduledscans/bulk/",
                Kind = FaultKind.Status,
                StatusCode = 401,
                Body = "{\"detail\":\"Error decoding signature.\"}",
            });
            var ids = KnownTargets.Take(5).ToArray();

            var ex = Assert.Throws<ScanPSException>(() => ScheduledScanBulkOperations.NewScheduledScans(host, Open(), ids, Weekly(), 2));

            Assert.Equal(2, ApiRequests.Count);
            Assert.Equal(ids.Take(2), host.Output.Cast<ProbelyScheduledScan>().Select(s => s.TargetId));
            Assert.Equal("AuthenticationFailed", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.AuthenticationError, ex.Error.Category);
            Assert.Equal(ids.Skip(2), Assert.IsType<string[]>(ex.Error.TargetObject));
            Assert.Equal(
                "New-ScheduledScanBulk stopped (batch 2 of 3). The 2 targets of that batch were not scheduled: 7MNbRt2yYpXs, 9aVfGh3KdLqe. Not attempted: 4bCdEfGhJkLm. " +
                "Probely answered 401 Unauthorized to POST /scheduledscans/bulk/: Error decoding signature.",
                ex.Message);
            Assert.Empty(host.Errors);
        }

        [Fact]
        public void A_wrong_key_is_AuthenticationFailed_with_the_vendors_detail_and_every_id_named()
        {
            var host = new RecordingHost();

            var ex = Assert.Throws<ScanPSException>(() => ScheduledScanBulkOperations.NewScheduledScans(host, Open("eyJ.not-a-valid.key"), KnownTargets.Take(3).ToArray(), Weekly(), 2));

            Assert.Equal("AuthenticationFailed", ex.ErrorId);
            Assert.Contains("Not attempted: 7MNbRt2yYpXs.", ex.Message);
            Assert.EndsWith("Error decoding signature.", ex.Message);
            // The first request, the read of the existing scheduled scans, is refused: no batch is sent.
            var refused = Assert.Single(Server.Requests);
            Assert.Equal("GET /scheduledscans/", refused.Method + " " + refused.Path);
            Assert.Equal("JWT eyJ.not-a-valid.key", refused.Header("Authorization"));
        }

        [Fact]
        public void A_5xx_is_not_retried_says_the_batch_may_have_been_scheduled_and_the_next_batch_still_goes()
        {
            Server.Faults.Enqueue(new Fault { PathPrefix = "/scheduledscans/bulk/", Kind = FaultKind.Status, StatusCode = 502, Body = "{\"detail\":\"Internal server error.\"}" });
            var host = new RecordingHost();

            ScheduledScanBulkOperations.NewScheduledScans(host, Open(), KnownTargets.Take(4).ToArray(), Weekly(), 2);

            Assert.Equal(2, ApiRequests.Count);
            var error = Assert.Single(host.Errors);
            Assert.Equal("VendorUnavailable", error.ErrorId);
            Assert.StartsWith("2 targets (batch 1 of 2) may or may not have been scheduled: 3epwuyBoKQKN, 5zJkQ8cQn2Pw. ", error.Message);
            Assert.StartsWith("Check the targets' schedules in Probely", error.RecommendedAction);
            Assert.Equal(KnownTargets.Skip(2).Take(2), host.Output.Cast<ProbelyScheduledScan>().Select(s => s.TargetId));
        }

        [Fact]
        public void A_2xx_that_cannot_be_read_may_have_scheduled_the_batch()
        {
            Server.Faults.Enqueue(new Fault { PathPrefix = "/scheduledscans/bulk/", Kind = FaultKind.MalformedJson });
            var host = new RecordingHost();

            ScheduledScanBulkOperations.NewScheduledScans(host, Open(), new[] { KnownTargets[0] }, Weekly(), 2);

            var error = Assert.Single(host.Errors);
            Assert.Equal("InvalidVendorResponse", error.ErrorId);
            Assert.StartsWith("1 target may or may not have been scheduled: 3epwuyBoKQKN. ", error.Message);
        }

        [Fact]
        public void A_2xx_missing_some_targets_names_the_ones_without_a_scheduled_scan()
        {
            Server.Faults.Enqueue(new Fault
            {
                PathPrefix = "/scheduledscans/bulk/",
                StatusCode = 201,
                Body = "[{\"id\":\"AbCdEfGhJkLm\",\"date_time\":\"2026-12-01T02:00:00Z\",\"recurrence\":\"w\",\"timezone\":\"Europe/Lisbon\",\"target\":{\"id\":\"3epwuyBoKQKN\"}}]",
            });
            var host = new RecordingHost();

            ScheduledScanBulkOperations.NewScheduledScans(host, Open(), new[] { KnownTargets[0], KnownTargets[1] }, Weekly(), 5);

            Assert.Single(host.Output);
            var error = Assert.Single(host.Errors);
            Assert.Equal("TargetsNotScheduled", error.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidResult, error.Category);
            Assert.Equal(new[] { KnownTargets[1] }, Assert.IsType<string[]>(error.TargetObject));
            Assert.Equal("Probely accepted but returned no scheduled scan for 1 target: 5zJkQ8cQn2Pw.", error.Message);
        }

        [Fact]
        public void Ctrl_C_after_a_batch_stops_before_the_next_one()
        {
            using var cancellation = new CancellationTokenSource();
            var host = new RecordingHost { CancellationToken = cancellation.Token, OnObject = _ => cancellation.Cancel() };

            Assert.ThrowsAny<OperationCanceledException>(() => ScheduledScanBulkOperations.NewScheduledScans(host, Open(), KnownTargets.Take(4).ToArray(), Weekly(), 2));

            Assert.Single(ApiRequests);
            Assert.Equal(2, host.Output.Count);
        }

        [Fact]
        public void The_API_key_never_appears_in_Verbose_Debug_WhatIf_errors_or_objects()
        {
            const string secret = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXByb2JlbHk.s1gn4tur3";
            Vendor.ValidApiKeys.Add(secret);
            var host = new RecordingHost { DebugEnabled = true };
            var session = Open(secret, debug: true);

            ScheduledScanBulkOperations.NewScheduledScans(host, session, new[] { KnownTargets[0], "nOtArEaLiD1", KnownTargets[1] }, Weekly(), 1);
            ScheduledScanBulkOperations.NewScheduledScans(new RecordingHost { WhatIf = true }, session, KnownTargets, Weekly(), 2);
            session.Log.DrainTo(host);

            Assert.Equal("JWT " + secret, ApiRequests[0].Header("Authorization"));
            Assert.NotEmpty(host.Verbose);
            Assert.Contains(host.Debug, line => line.Contains("request body", StringComparison.Ordinal));
            Assert.Single(host.Errors);
            Assert.All(host.AllText(), text => Assert.DoesNotContain(secret, text));
            Assert.DoesNotContain(secret, session.Credential!.ToString());
        }

        [Fact]
        public void Ids_from_parameters_and_pipeline_records_are_collected_trimmed_and_deduplicated()
        {
            var collector = new TargetIdCollector(ProviderNames.Probely, "New-ScheduledScanBulk");
            collector.Add(new[] { "3epwuyBoKQKN", " 5zJkQ8cQn2Pw " }); // -TargetId
            collector.Add(new[] { "" });                                  // a CSV row with an empty Id column
            collector.Add(new[] { "3epwuyBoKQKN" });                      // repeated row
            collector.Add(new[] { "3EPWUYBOKQKN" });                      // Base58 ids are case-sensitive: another id
            collector.Add(null);

            Assert.Equal(new[] { "3epwuyBoKQKN", "5zJkQ8cQn2Pw", "3EPWUYBOKQKN" }, collector.Require("New-ScheduledScanBulk"));
            Assert.Equal(1, collector.Duplicates);
        }

        [Fact]
        public void No_usable_id_is_NoScanTargets_before_any_request()
        {
            var collector = new TargetIdCollector(ProviderNames.Probely, "New-ScheduledScanBulk");
            collector.Add(new[] { " ", "" });

            var ex = Assert.Throws<ScanPSException>(() => collector.Require("New-ScheduledScanBulk"));

            Assert.Equal("NoScanTargets", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, ex.Error.Category);
            Assert.Empty(Server.Requests);
        }

        [Fact]
        public void The_fake_refuses_a_path_without_the_trailing_slash_and_a_Bearer_header()
        {
            using var http = new System.Net.Http.HttpClient { BaseAddress = Server.BaseUri };
            var noSlash = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, "scheduledscans/bulk") { Content = new System.Net.Http.StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            noSlash.Headers.TryAddWithoutValidation("Authorization", "JWT " + Key);
            var bearer = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, "scheduledscans/bulk/") { Content = new System.Net.Http.StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            bearer.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Key);

            var notFound = http.SendAsync(noSlash).GetAwaiter().GetResult();
            var unauthorized = http.SendAsync(bearer).GetAwaiter().GetResult();

            Assert.Equal(404, (int)notFound.StatusCode);
            Assert.Equal("{\"detail\":\"Not found.\"}", notFound.Content.ReadAsStringAsync().GetAwaiter().GetResult());
            Assert.Equal(401, (int)unauthorized.StatusCode);
            Assert.Equal("{\"detail\":\"Authentication credentials were not provided.\"}", unauthorized.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        }

        /// <summary>-Confirm answered "No" for one batch: ShouldProcess returns false for call number <c>declineCall</c>.</summary>
        private sealed class DecliningHost : ICommandHost
        {
            private readonly RecordingHost _inner;
            private readonly int _declineCall;

            public DecliningHost(RecordingHost inner, int declineCall)
            {
                _inner = inner;
                _declineCall = declineCall;
            }

            public int Asked { get; private set; }

            public bool DebugEnabled => _inner.DebugEnabled;

            public CancellationToken CancellationToken => _inner.CancellationToken;

            public void WriteObject(object item) => _inner.WriteObject(item);

            public void WriteError(ScanPSError error) => _inner.WriteError(error);

            public void WriteWarning(string message) => _inner.WriteWarning(message);

            public void WriteVerbose(string message) => _inner.WriteVerbose(message);

            public void WriteDebug(string message) => _inner.WriteDebug(message);

            public bool ShouldProcess(string target, string action) => ++Asked != _declineCall;
        }
    }
}
