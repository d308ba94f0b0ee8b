using System;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers.Probely;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>Combinations Probely cannot honour are clear errors before any credential lookup or request.</summary>
    public sealed class ProbelyScheduleValidationTests
    {
        private static ProbelyScheduleRequest Valid() => new ProbelyScheduleRequest
        {
            StartTime = new DateTime(2026, 12, 1, 2, 0, 0),
            TimeZone = "Europe/Lisbon",
            Recurrence = ScheduleRecurrence.Monthly,
        };

        public static TheoryData<string, Action<ProbelyScheduleRequest>, string> Invalid() => new TheoryData<string, Action<ProbelyScheduleRequest>, string>
        {
            { "DayOfWeek with Weekly", r => { r.Recurrence = ScheduleRecurrence.Weekly; r.DayOfWeek = DayOfWeek.Tuesday; r.WeekIndex = WeekOfMonth.Second; },
              "-DayOfWeek only applies to -Recurrence Monthly or Quarterly (\"the second Tuesday of each month\"); this schedule is Weekly." },
            { "DayOfWeek with None", r => { r.Recurrence = ScheduleRecurrence.None; r.DayOfWeek = DayOfWeek.Friday; r.WeekIndex = WeekOfMonth.Last; },
              "-DayOfWeek only applies to -Recurrence Monthly or Quarterly (\"the second Tuesday of each month\"); this schedule is None." },
            { "WeekIndex without DayOfWeek", r => r.WeekIndex = WeekOfMonth.Second,
              "-WeekIndex needs -DayOfWeek: together they name a weekday of the month (e.g. -WeekIndex Second -DayOfWeek Tuesday)." },
            { "DayOfWeek without WeekIndex", r => r.DayOfWeek = DayOfWeek.Tuesday,
              "-DayOfWeek needs -WeekIndex (First, Second, Third, Fourth or Last) to say which Tuesday of the month." },
            { "PartialScan without OverrideTargetSettings", r => { r.PartialScan = true; r.Incremental = true; },
              "-PartialScan needs -OverrideTargetSettings: Probely applies partial-scan options only when they override the target's settings." },
            { "Incremental without PartialScan", r => { r.Incremental = true; r.OverrideTargetSettings = true; },
              "-Incremental needs -PartialScan and -OverrideTargetSettings (Probely uses them together)." },
            { "ReducedScope without PartialScan", r => r.ReducedScope = true,
              "-ReducedScope needs -PartialScan and -OverrideTargetSettings (Probely uses them together)." },
        };

        [Theory]
        [MemberData(nameof(Invalid))]
        public void Invalid_combinations_are_InvalidScheduleCombination(string name, Action<ProbelyScheduleRequest> change, string message)
        {
            var request = Valid();
            change(request);

            var ex = Assert.Throws<ScanPSException>(() => request.Validate(ProbelyServerTest.Clock));

            Assert.True(ex.ErrorId == "InvalidScheduleCombination", name);
            Assert.Equal(ScanPSErrorCategory.InvalidArgument, ex.Error.Category);
            Assert.Equal(message, ex.Message);
            Assert.EndsWith("Nothing was sent.", ex.Error.RecommendedAction);
        }

        [Fact]
        public void Combinations_are_checked_before_the_time_zone_so_the_first_error_is_about_what_was_typed_wrong()
        {
            var request = Valid();
            request.TimeZone = "Nowhere/Special";
            request.WeekIndex = WeekOfMonth.First;

            Assert.Equal("InvalidScheduleCombination", Assert.Throws<ScanPSException>(() => request.Validate(ProbelyServerTest.Clock)).ErrorId);
        }

        [Fact]
        public void A_blank_scan_profile_is_InvalidScanProfile()
        {
            var request = Valid();
            request.ScanProfile = "  ";

            var ex = Assert.Throws<ScanPSException>(() => request.Validate(ProbelyServerTest.Clock));

            Assert.Equal("InvalidScanProfile", ex.ErrorId);
        }

        [Fact]
        public void Valid_combinations_pass_and_keep_what_was_asked()
        {
            var request = Valid();
            request.Recurrence = ScheduleRecurrence.Quarterly;
            request.DayOfWeek = DayOfWeek.Sunday;
            request.WeekIndex = WeekOfMonth.Last;
            request.OverrideTargetSettings = true;
            request.PartialScan = true;
            request.ReducedScope = true;

            var schedule = request.Validate(ProbelyServerTest.Clock);

            Assert.Equal(ScheduleRecurrence.Quarterly, schedule.Recurrence);
            Assert.Equal(DayOfWeek.Sunday, schedule.DayOfWeek);
            Assert.Equal(WeekOfMonth.Last, schedule.WeekIndex);
            Assert.True(schedule.PartialScan && schedule.OverrideTargetSettings && schedule.ReducedScope);
            Assert.False(schedule.Incremental);
            Assert.Equal("every 3 months on the last Sunday from 2026-12-01 02:00 Europe/Lisbon (UTC+00:00), partial, reduced scope, overriding target settings", schedule.Describe());
        }

        [Theory]
        [InlineData(DayOfWeek.Monday, 1)]
        [InlineData(DayOfWeek.Tuesday, 2)]
        [InlineData(DayOfWeek.Saturday, 6)]
        [InlineData(DayOfWeek.Sunday, 7)]
        public void Weekdays_are_numbered_Monday_first_and_read_back(DayOfWeek day, int number)
        {
            Assert.Equal(number, ProbelyVocabulary.DayNumber(day));
            Assert.Equal(day, ProbelyVocabulary.ParseDayNumber(number));
        }
    }
}
