using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ScanPS.FakeVendors;
using ScanPS.Http;
using ScanPS.Models;
using ScanPS.Providers;
using ScanPS.Providers.Probely;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>A clock pinned for tests: "now" and the computer's own time zone.</summary>
    public sealed class FixedClock : TimeProvider
    {
        public FixedClock(DateTimeOffset now, string localZone = "UTC")
        {
            Now = now;
            Local = TimeZoneInfo.FindSystemTimeZoneById(localZone);
        }

        public DateTimeOffset Now { get; }

        public TimeZoneInfo Local { get; }

        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone => Local;
    }

    /// <summary>A fresh loopback Probely fake per test (targets seeded, clock pinned), and sessions pointed at it.</summary>
    public abstract class ProbelyServerTest : IAsyncLifetime
    {
        public const string Key = "test-key";

        /// <summary>"Now" for the client's validation and the fake's "in the future" rule alike.</summary>
        public static readonly DateTimeOffset Now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

        public static readonly FixedClock Clock = new FixedClock(Now);

        public static readonly string[] KnownTargets = { "3epwuyBoKQKN", "5zJkQ8cQn2Pw", "7MNbRt2yYpXs", "9aVfGh3KdLqe", "4bCdEfGhJkLm", "6nPqRsTuVwXy", "8zAbCdEfGhJk" };

        protected FakeVendorServer Server { get; private set; } = null!;

        protected FakeProbely Vendor => (FakeProbely)Server.Vendor;

        public async Task InitializeAsync()
        {
            var fake = new FakeProbely { UtcNow = () => Now };
            for (int i = 0; i < KnownTargets.Length; i++) fake.AddTarget(KnownTargets[i], "Site " + (i + 1), "https://site" + (i + 1) + ".example.com/");
            Server = await FakeVendorServer.StartAsync(fake);
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();

        /// <summary>A session on the fake (or, with <paramref name="toFake"/> false, on the real host that -Region picks; nothing is sent then).</summary>
        protected ProviderSession Open(string? key = Key, bool debug = false, string? region = null, bool toFake = true, HttpSettings? settings = null)
        {
            var options = new ProviderSessionOptions
            {
                Provider = "Probely",
                ApiKey = key == null ? null : Auth.ApiKeyCredential.ToSecureString(key),
                BaseUri = toFake ? Server.BaseUri : null,
                Region = region,
                Settings = settings ?? HostedScanServerTest.FastSettings,
                GetEnvironmentVariable = _ => null,
            };
            return ProviderSession.Open(options, new RequestLog(debug));
        }

        /// <summary>The weekly schedule of the example: 2026-12-01 02:00 in Europe/Lisbon.</summary>
        protected static ProbelySchedule Weekly(Action<ProbelyScheduleRequest>? change = null)
        {
            var request = new ProbelyScheduleRequest
            {
                StartTime = new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Unspecified),
                TimeZone = "Europe/Lisbon",
                Recurrence = ScheduleRecurrence.Weekly,
            };
            change?.Invoke(request);
            return request.Validate(Clock);
        }

        /// <summary>
        /// The requests after the read of the account's scheduled scans (GET /scheduledscans/) that precedes the
        /// first batch; that read is tested in tests/ScanPS.EngineTests/ProbelyInputTests.
        /// </summary>
        protected IReadOnlyList<RecordedRequest> ApiRequests => Server.Requests.Where(r => r.Path != "/scheduledscans/").ToList();
    }
}
