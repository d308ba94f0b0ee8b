using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Issue 17 item 5: -StartTime values at the ends of the calendar, in far time zones, are typed errors before any
    /// request (never an ArgumentOutOfRangeException from the date arithmetic), with and without -WhatIf.
    /// </summary>
    public sealed class ScheduleInputTests : IClassFixture<FakesFixture>
    {
        private const string ErrorIdSuffix = ",ScanPS.Commands.NewScheduledScanBulkCommand";

        private readonly Sandbox _sandbox;

        public ScheduleInputTests(FakesFixture fixture) => _sandbox = fixture.Sandbox;

        [Theory]
        // 23:00 in New York on the last day is 04:00 UTC in year 10000.
        [InlineData("'9999-12-31 23:00'", "America/New_York", "", "-StartTime 9999-12-31 23:00 America/New_York (UTC-05:00) is outside the years 0001 to 9999 in UTC.")]
        [InlineData("'9999-12-31 23:00'", "America/New_York", "-WhatIf", "-StartTime 9999-12-31 23:00 America/New_York (UTC-05:00) is outside the years 0001 to 9999 in UTC.")]
        // The first instant .NET knows, read as a wall clock ahead of UTC (Kiritimati's local mean time then: +13:31), is in year 0.
        [InlineData("[datetime]::MinValue", "Pacific/Kiritimati", "", "-StartTime 0001-01-01 00:00 Pacific/Kiritimati (UTC+13:31) is outside the years 0001 to 9999 in UTC.")]
        [InlineData("[datetime]::MinValue", "Pacific/Kiritimati", "-WhatIf", "-StartTime 0001-01-01 00:00 Pacific/Kiritimati (UTC+13:31) is outside the years 0001 to 9999 in UTC.")]
        // The last UTC instant shown in a zone 14 hours ahead is 10000-01-01 13:59 there.
        [InlineData("[datetime]::SpecifyKind([datetime]::MaxValue, 'Utc')", "Pacific/Kiritimati", "", "-StartTime 9999-12-31 23:59 UTC is outside the years 0001 to 9999 in Pacific/Kiritimati (UTC+14:00).")]
        [InlineData("[datetime]::SpecifyKind([datetime]::MaxValue, 'Utc')", "Pacific/Kiritimati", "-WhatIf", "-StartTime 9999-12-31 23:59 UTC is outside the years 0001 to 9999 in Pacific/Kiritimati (UTC+14:00).")]
        // The first UTC instant shown 12 hours behind is in year 0.
        [InlineData("[datetime]::SpecifyKind([datetime]::MinValue, 'Utc')", "Etc/GMT+12", "", "-StartTime 0001-01-01 00:00 UTC is outside the years 0001 to 9999 in Etc/GMT+12 (UTC-12:00).")]
        public void A_start_outside_the_calendar_is_InvalidStartTime_before_any_request(string start, string zone, string whatIf, string expectedMessage)
        {
            using var engine = _sandbox.Connect(new Engine(), "Probely");
            int before = _sandbox.RequestCount;

            var result = engine.Run("New-ScheduledScanBulk -TargetId t-1 -StartTime (" + start + ") -TimeZone $args[0] -Recurrence Weekly " + whatIf, zone);

            var error = result.SingleError();
            Assert.Equal("InvalidStartTime" + ErrorIdSuffix, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.IsNotType<System.ArgumentOutOfRangeException>(error.Exception);
            string message = error.ErrorDetails?.Message ?? error.Exception.Message;
            Assert.Equal(expectedMessage, message);
            Assert.Empty(result.Output);
            Assert.DoesNotContain("What if:", engine.Host.Console);
            Assert.Equal(before, _sandbox.RequestCount);
        }

        [Theory]
        // The first day of the calendar that is a real instant in the zone is refused for being past.
        [InlineData("[datetime]::MinValue", "America/New_York", "StartTimeInPast")]
        [InlineData("[datetime]::MinValue", "Etc/GMT+12", "StartTimeInPast")]
        [InlineData("[datetime]::SpecifyKind([datetime]::MinValue, 'Utc')", "Pacific/Kiritimati", "StartTimeInPast")]
        // A Local time is read in this computer's zone first, then shown 12 hours behind UTC: year 0 whatever that zone is
        // (short of UTC-12 itself).
        [InlineData("[datetime]::SpecifyKind([datetime]::MinValue, 'Local')", "Etc/GMT+12", "InvalidStartTime")]
        public void The_ends_of_the_calendar_are_typed_errors(string start, string zone, string errorId)
        {
            using var engine = _sandbox.Connect(new Engine(), "Probely");
            int before = _sandbox.RequestCount;

            var result = engine.Run("New-ScheduledScanBulk -TargetId t-1 -StartTime (" + start + ") -TimeZone $args[0] -WhatIf", zone);

            var error = result.SingleError();
            Assert.Equal(errorId + ErrorIdSuffix, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal(before, _sandbox.RequestCount);
        }

        [Fact]
        public void The_last_instant_in_a_zone_behind_UTC_is_a_valid_start()
        {
            using var engine = _sandbox.Connect(new Engine(), "Probely");
            int before = _sandbox.RequestCount;

            var result = engine.Run("New-ScheduledScanBulk -TargetId t-1 -StartTime ([datetime]::SpecifyKind([datetime]::MaxValue, 'Utc')) -TimeZone Etc/GMT+12 -WhatIf").ThrowIfFailed();

            Assert.Empty(result.Output);
            Assert.Contains("at 9999-12-31 11:59 Etc/GMT+12 (UTC-12:00)", engine.Host.Console);
            Assert.Equal(before, _sandbox.RequestCount);
        }
    }
}
