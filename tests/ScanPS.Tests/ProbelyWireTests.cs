using System;
using System.Linq;
using System.Text.Json;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers.Probely;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>Exact wire requests of POST /scheduledscans/bulk/ against the vendor's documented body, and the objects made of the answer.</summary>
    public sealed class ProbelyWireTests : ProbelyServerTest
    {
        [Fact]
        public void The_issue_example_sends_one_POST_with_JWT_auth_a_trailing_slash_and_the_documented_body()
        {
            var host = new RecordingHost();

            ScheduledScanBulkOperations.NewScheduledScans(host, Open(), new[] { KnownTargets[0], KnownTargets[1] }, Weekly(), 50);

            var sent = Assert.Single(ApiRequests);
            Assert.Equal("POST", sent.Method);
            Assert.Equal("/scheduledscans/bulk/", sent.Path);
            Assert.Equal("", sent.RawQuery);
            Assert.Equal("JWT " + Key, sent.Header("Authorization"));
            Assert.Equal("application/json; charset=utf-8", sent.Header("Content-Type"));
            Assert.Equal(
                "{\"targets\":[{\"id\":\"3epwuyBoKQKN\"},{\"id\":\"5zJkQ8cQn2Pw\"}]," +
                "\"scheduledscan\":{\"date_time\":\"2026-12-01T02:00:00+00:00\",\"recurrence\":\"w\",\"timezone\":\"Europe/Lisbon\"," +
                "\"run_on_day_of_week\":false,\"partial_scan\":false,\"override_target_settings\":false,\"incremental\":false,\"reduced_scope\":false}}",
                sent.Body);
            Assert.Empty(host.Errors);
            Assert.Equal(2, host.Output.Count);
            Assert.Equal(
                ("Probely (" + Server.BaseUri + ")", "Schedule scans of 2 targets (3epwuyBoKQKN, 5zJkQ8cQn2Pw): every week from 2026-12-01 02:00 Europe/Lisbon (UTC+00:00)"),
                Assert.Single(host.ShouldProcessCalls));
        }

        [Theory]
        [InlineData(ScheduleRecurrence.None, "")]
        [InlineData(ScheduleRecurrence.Hourly, "h")]
        [InlineData(ScheduleRecurrence.Daily, "d")]
        [InlineData(ScheduleRecurrence.Weekly, "w")]
        [InlineData(ScheduleRecurrence.Monthly, "m")]
        [InlineData(ScheduleRecurrence.Quarterly, "q")]
        public void Each_recurrence_is_sent_as_the_vendor_code_field_by_field(ScheduleRecurrence recurrence, string code)
        {
            var host = new RecordingHost();

            ScheduledScanBulkOperations.NewScheduledScans(host, Open(), new[] { KnownTargets[2] }, Weekly(r => r.Recurrence = recurrence), 50);

            var schedule = ScheduleOf(Assert.Single(ApiRequests).Body);
            Assert.Equal(
                new[] { "date_time", "incremental", "override_target_settings", "partial_scan", "recurrence", "reduced_scope", "run_on_day_of_week", "timezone" },
                schedule.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(code, schedule.GetProperty("recurrence").GetString());
            Assert.Equal("2026-12-01T02:00:00+00:00", schedule.GetProperty("date_time").GetString());
            Assert.Equal("Europe/Lisbon", schedule.GetProperty("timezone").GetString());
            Assert.False(schedule.GetProperty("run_on_day_of_week").GetBoolean());
            Assert.False(schedule.GetProperty("partial_scan").GetBoolean());
            Assert.False(schedule.GetProperty("override_target_settings").GetBoolean());
            Assert.False(schedule.GetProperty("incremental").GetBoolean());
            Assert.False(schedule.GetProperty("reduced_scope").GetBoolean());

            var scheduled = Assert.IsType<ProbelyScheduledScan>(Assert.Single(host.Output));
            Assert.Equal(recurrence, scheduled.Recurrence);
            Assert.Equal(code, scheduled.VendorRecurrence);
        }

        [Theory]
        [InlineData(ScheduleRecurrence.Monthly, DayOfWeek.Tuesday, WeekOfMonth.Second, 2, "second", "Every month on the second Tuesday")]
        [InlineData(ScheduleRecurrence.Monthly, DayOfWeek.Monday, WeekOfMonth.First, 1, "first", "Every month on the first Monday")]
        [InlineData(ScheduleRecurrence.Quarterly, DayOfWeek.Sunday, WeekOfMonth.Last, 7, "last", "Every 3 months on the last Sunday")]
        [InlineData(ScheduleRecurrence.Quarterly, DayOfWeek.Saturday, WeekOfMonth.Fourth, 6, "fourth", "Every 3 months on the fourth Saturday")]
        [InlineData(ScheduleRecurrence.Monthly, DayOfWeek.Wednesday, WeekOfMonth.Third, 3, "third", "Every month on the third Wednesday")]
        public void A_weekday_of_the_month_sets_run_on_day_of_week_with_Monday_first_numbering(
            ScheduleRecurrence recurrence, DayOfWeek day, WeekOfMonth week, int number, string weekCode, string words)
        {
            var host = new RecordingHost();

            ScheduledScanBulkOperations.NewScheduledScans(host, Open(), new[] { KnownTargets[0] },
                Weekly(r => { r.Recurrence = recurrence; r.DayOfWeek = day; r.WeekIndex = week; }), 50);

            var schedule = ScheduleOf(Assert.Single(ApiRequests).Body);
            Assert.True(schedule.GetProperty("run_on_day_of_week").GetBoolean());
            Assert.Equal(number, schedule.GetProperty("scheduled_day_of_week").GetInt32());
            Assert.Equal(weekCode, schedule.GetProperty("week_index").GetString());
            Assert.Equal(ProbelyVocabulary.RecurrenceCode(recurrence), schedule.GetProperty("recurrence").GetString());

            var scheduled = Assert.IsType<ProbelyScheduledScan>(Assert.Single(host.Output));
            Assert.Equal(day, scheduled.DayOfWeek);
            Assert.Equal(week, scheduled.WeekIndex);
            Assert.Equal(words, scheduled.Repeats);
            Assert.EndsWith(": e" + words.Substring(1) + " from 2026-12-01 02:00 Europe/Lisbon (UTC+00:00)", host.ShouldProcessCalls.Single().Action);
        }

        [Fact]
        public void Scan_profile_and_partial_scan_switches_are_sent_with_vendor_names()
        {
            var host = new RecordingHost();
            var schedule = Weekly(r =>
            {
                r.ScanProfile = " lightning ";
                r.PartialScan = true;
                r.OverrideTargetSettings = true;
                r.Incremental = true;
                r.ReducedScope = true;
            });

            ScheduledScanBulkOperations.NewScheduledScans(host, Open(), new[] { KnownTargets[0] }, schedule, 50);

            var body = ScheduleOf(Assert.Single(ApiRequests).Body);
            Assert.Equal("lightning", body.GetProperty("scan_profile").GetString());
            Assert.True(body.GetProperty("partial_scan").GetBoolean());
            Assert.True(body.GetProperty("override_target_settings").GetBoolean());
            Assert.True(body.GetProperty("incremental").GetBoolean());
            Assert.True(body.GetProperty("reduced_scope").GetBoolean());
            var scheduled = Assert.IsType<ProbelyScheduledScan>(Assert.Single(host.Output));
            Assert.Equal("lightning", scheduled.ScanProfile);
            Assert.True(scheduled.PartialScan && scheduled.OverrideTargetSettings && scheduled.Incremental && scheduled.ReducedScope);
            Assert.EndsWith(", scan profile lightning, partial, incremental, reduced scope, overriding target settings", host.ShouldProcessCalls.Single().Action);
        }

        [Fact]
        public void The_answer_becomes_typed_objects_with_target_name_url_and_next_run_in_the_schedule_zone()
        {
            var host = new RecordingHost();
            var summer = Weekly(r => { r.StartTime = new DateTime(2026, 7, 1, 2, 0, 0); r.ScanProfile = "normal"; });

            ScheduledScanBulkOperations.NewScheduledScans(host, Open(), new[] { KnownTargets[0], KnownTargets[1] }, summer, 50);

            var first = Assert.IsType<ProbelyScheduledScan>(host.Output[0]);
            Assert.Equal("Probely", first.Provider);
            Assert.Equal("111111111112", first.Id);
            Assert.Equal(KnownTargets[0], first.TargetId);
            Assert.Equal("Site 1", first.TargetName);
            Assert.Equal("https://site1.example.com/", first.TargetUrl);
            // The fake answers in UTC (01:00Z); the object shows the same instant in Lisbon summer time.
            Assert.Equal(new DateTimeOffset(2026, 7, 1, 2, 0, 0, TimeSpan.FromHours(1)), first.NextRun);
            Assert.Equal(TimeSpan.FromHours(1), first.NextRun!.Value.Offset);
            Assert.Equal(ScheduleRecurrence.Weekly, first.Recurrence);
            Assert.Equal("Every week", first.Repeats);
            Assert.Equal("Europe/Lisbon", first.TimeZone);
            Assert.Equal("normal", first.ScanProfile);
            Assert.Null(first.DayOfWeek);
            Assert.Equal("Probely scheduled scan 111111111112 of Site 1: Every week, next 2026-07-01 02:00 +01:00 Europe/Lisbon", first.ToString());
            Assert.Equal("111111111113", ((ProbelyScheduledScan)host.Output[1]).Id);
            Assert.Equal(KnownTargets[1], ((ProbelyScheduledScan)host.Output[1]).TargetId);
        }

        [Fact]
        public void A_scan_profile_object_and_an_unknown_recurrence_from_the_vendor_do_not_break_parsing()
        {
            Server.Faults.Enqueue(new FakeVendors.Fault
            {
                PathPrefix = "/scheduledscans/bulk/",
                StatusCode = 200,
                Body = "[{\"id\":\"AbCdEfGhJkLm\",\"date_time\":\"2026-12-01T02:00:00.000000Z\",\"recurrence\":\"y\",\"timezone\":\"Europe/Lisbon\"," +
                       "\"scan_profile\":{\"id\":\"full\",\"name\":\"Full\"},\"target\":{\"id\":\"3epwuyBoKQKN\",\"name\":\"Shop\"}}]",
            });
            var host = new RecordingHost();

            ScheduledScanBulkOperations.NewScheduledScans(host, Open(), new[] { KnownTargets[0] }, Weekly(), 50);

            var scheduled = Assert.IsType<ProbelyScheduledScan>(Assert.Single(host.Output));
            Assert.Null(scheduled.Recurrence);
            Assert.Equal("y", scheduled.VendorRecurrence);
            Assert.Equal("Unknown (y)", scheduled.Repeats);
            Assert.Equal("full", scheduled.ScanProfile);
            Assert.Equal("Shop", scheduled.TargetName);
            Assert.Null(scheduled.TargetUrl);
            Assert.Empty(host.Errors);
        }

        [Theory]
        [InlineData(null, "https://api.probely.com/")]
        [InlineData("Default", "https://api.probely.com/")]
        [InlineData("EU", "https://api.eu.probely.com/")]
        [InlineData("us", "https://api.us.probely.com/")]
        [InlineData("AU", "https://api.au.probely.com/")]
        public void Region_picks_the_regional_host_and_nothing_is_trimmed_from_it(string? region, string expected)
        {
            var session = Open(region: region, toFake: false);
            Assert.Equal(new Uri(expected), session.BaseUri);
            Assert.Empty(ApiRequests);
        }

        [Fact]
        public void BaseUri_overrides_the_region_and_an_unknown_region_is_a_clear_error()
        {
            Assert.Equal(Server.BaseUri, Open(region: "AU").BaseUri);
            var ex = Assert.Throws<ScanPSException>(() => Open(region: "Mars", toFake: false));
            Assert.Equal("InvalidRegion", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, ex.Error.Category);
            Assert.Contains("Default, EU, US, AU", ex.Message);
        }

        [Fact]
        public void The_API_key_comes_from_SCANPS_PROBELY_API_KEY()
        {
            Assert.Equal(new[] { "SCANPS_PROBELY_API_KEY" }, ProviderDefinition.Get("Probely").Credential.SecretVariables);
        }

        private static JsonElement ScheduleOf(string body) => JsonDocument.Parse(body).RootElement.GetProperty("scheduledscan").Clone();
    }
}
