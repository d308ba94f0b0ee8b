using System;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers.Probely;
using ScanPS.Scheduling;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// -StartTime and -TimeZone combined into the instant the user meant, sent as date_time with the zone's offset.
    /// Europe/Lisbon: clocks go forward 2027-03-28 01:00 → 02:00 and back 2026-10-25 02:00 → 01:00.
    /// </summary>
    public sealed class ProbelyScheduleTimeTests
    {
        private static readonly FixedClock Clock = ProbelyServerTest.Clock;

        private static ProbelySchedule Schedule(DateTime start, string? zone = "Europe/Lisbon", TimeProvider? clock = null) =>
            new ProbelyScheduleRequest { StartTime = start, TimeZone = zone, Recurrence = ScheduleRecurrence.Daily }.Validate(clock ?? Clock);

        [Fact]
        public void An_Unspecified_time_is_wall_clock_time_in_the_zone_winter_and_summer()
        {
            Assert.Equal("2026-12-01T02:00:00+00:00", Schedule(new DateTime(2026, 12, 1, 2, 0, 0)).WireDateTime);
            Assert.Equal("2026-07-01T02:00:00+01:00", Schedule(new DateTime(2026, 7, 1, 2, 0, 0)).WireDateTime);
            Assert.Equal("2026-12-01T02:00:00-05:00", Schedule(new DateTime(2026, 12, 1, 2, 0, 0), "America/New_York").WireDateTime);
        }

        [Fact]
        public void A_UTC_time_is_that_instant_shown_in_the_zone()
        {
            Assert.Equal("2026-07-01T02:00:00+01:00", Schedule(new DateTime(2026, 7, 1, 1, 0, 0, DateTimeKind.Utc)).WireDateTime);
            Assert.Equal("2026-12-01T10:30:00+09:00", Schedule(new DateTime(2026, 12, 1, 1, 30, 0, DateTimeKind.Utc), "Asia/Tokyo").WireDateTime);
        }

        [Fact]
        public void A_Local_time_is_read_in_the_computers_zone_then_shown_in_the_schedule_zone()
        {
            var newYorkComputer = new FixedClock(ProbelyServerTest.Now, "America/New_York");

            // 09:00 in New York (EST, -05:00) is 14:00 UTC, which is 14:00 in Lisbon in winter.
            var schedule = Schedule(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Local), "Europe/Lisbon", newYorkComputer);

            Assert.Equal("2026-12-01T14:00:00+00:00", schedule.WireDateTime);
            Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero), schedule.Start);
        }

        [Fact]
        public void Without_TimeZone_the_computers_zone_is_used_by_its_IANA_name()
        {
            var tokyoComputer = new FixedClock(ProbelyServerTest.Now, "Asia/Tokyo");

            var schedule = Schedule(new DateTime(2026, 12, 1, 2, 0, 0), null, tokyoComputer);

            Assert.Equal("Asia/Tokyo", schedule.TimeZone.IanaName);
            Assert.Equal("2026-12-01T02:00:00+09:00", schedule.WireDateTime);
        }

        [Fact]
        public void DST_spring_forward_a_skipped_wall_time_is_an_error_and_the_times_around_it_get_their_own_offsets()
        {
            Assert.Equal("2027-03-28T00:30:00+00:00", Schedule(new DateTime(2027, 3, 28, 0, 30, 0)).WireDateTime);
            Assert.Equal("2027-03-28T02:30:00+01:00", Schedule(new DateTime(2027, 3, 28, 2, 30, 0)).WireDateTime);

            var ex = Assert.Throws<ScanPSException>(() => Schedule(new DateTime(2027, 3, 28, 1, 30, 0)));
            Assert.Equal("InvalidStartTime", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, ex.Error.Category);
            Assert.Equal("-StartTime 2027-03-28 01:30 does not exist in Europe/Lisbon: the clocks go forward over it that day.", ex.Message);
        }

        [Fact]
        public void DST_fall_back_a_repeated_wall_time_means_the_first_one_and_UTC_instants_keep_their_own_offsets()
        {
            Assert.Equal("2026-10-25T01:30:00+01:00", Schedule(new DateTime(2026, 10, 25, 1, 30, 0)).WireDateTime);
            // The two UTC instants that both read 01:30 in Lisbon that night.
            Assert.Equal("2026-10-25T01:30:00+01:00", Schedule(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc)).WireDateTime);
            Assert.Equal("2026-10-25T01:30:00+00:00", Schedule(new DateTime(2026, 10, 25, 1, 30, 0, DateTimeKind.Utc)).WireDateTime);
        }

        [Fact]
        public void A_Local_time_in_the_computers_own_DST_gap_is_an_error_naming_that_zone()
        {
            var lisbonComputer = new FixedClock(ProbelyServerTest.Now, "Europe/Lisbon");

            var ex = Assert.Throws<ScanPSException>(() => Schedule(new DateTime(2027, 3, 28, 1, 30, 0, DateTimeKind.Local), "UTC", lisbonComputer));

            Assert.Equal("InvalidStartTime", ex.ErrorId);
            Assert.Contains("this computer's time zone (Europe/Lisbon)", ex.Message);
        }

        [Fact]
        public void Fractions_of_a_second_are_dropped()
        {
            Assert.Equal("2026-12-01T02:00:05+00:00", Schedule(new DateTime(2026, 12, 1, 2, 0, 5, 999)).WireDateTime);
        }

        [Theory]
        [InlineData("Europe/Lisbon", "Europe/Lisbon")]
        [InlineData("europe/lisbon", "Europe/Lisbon")]
        [InlineData(" America/New_York ", "America/New_York")]
        [InlineData("UTC", "UTC")]
        [InlineData("GMT Standard Time", "Europe/London")]
        [InlineData("W. Europe Standard Time", "Europe/Berlin")]
        [InlineData("Eastern Standard Time", "America/New_York")]
        public void IANA_names_in_any_case_and_Windows_ids_are_sent_as_IANA_names(string given, string sent)
        {
            Assert.Equal(sent, Schedule(new DateTime(2026, 12, 1, 2, 0, 0), given).TimeZone.IanaName);
        }

        [Fact]
        public void A_Windows_id_uses_that_zones_rules()
        {
            Assert.Equal("2026-07-01T02:00:00+02:00", Schedule(new DateTime(2026, 7, 1, 2, 0, 0), "W. Europe Standard Time").WireDateTime);
        }

        [Theory]
        [InlineData("Europe/Lisboa")]
        [InlineData("Mars/Olympus_Mons")]
        [InlineData("GMT Standard")]
        public void An_unknown_time_zone_is_UnknownTimeZone(string zone)
        {
            var ex = Assert.Throws<ScanPSException>(() => Schedule(new DateTime(2026, 12, 1, 2, 0, 0), zone));

            Assert.Equal("UnknownTimeZone", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, ex.Error.Category);
            Assert.Equal(zone, ex.Error.TargetObject);
            Assert.Contains("Use an IANA name such as 'Europe/Lisbon'", ex.Message);
        }

        [Fact]
        public void The_Windows_to_IANA_table_covers_every_zone_this_computer_knows()
        {
            // Regenerating TimeZoneNames.Data.cs is needed only when this fails after a tzdata/CLDR update.
            foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
            {
                Assert.Equal(zone.Id, ScheduleTimeZone.Resolve(zone.Id, Clock).IanaName, StringComparer.OrdinalIgnoreCase);
            }
        }

        [Fact]
        public void A_start_time_in_the_past_by_the_injected_clock_is_StartTimeInPast()
        {
            // Now is 2026-06-01 12:00 UTC = 13:00 in Lisbon (summer time).
            var ex = Assert.Throws<ScanPSException>(() => Schedule(new DateTime(2026, 6, 1, 12, 30, 0)));

            Assert.Equal("StartTimeInPast", ex.ErrorId);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, ex.Error.Category);
            Assert.Equal("-StartTime 2026-06-01 12:30 Europe/Lisbon (2026-06-01 11:30 UTC) is not in the future; it is now 2026-06-01 12:00 UTC.", ex.Message);
            Assert.Throws<ScanPSException>(() => Schedule(new DateTime(2026, 6, 1, 13, 0, 0)));
            Assert.Equal("2026-06-01T13:00:01+01:00", Schedule(new DateTime(2026, 6, 1, 13, 0, 1)).WireDateTime);
        }
    }
}
