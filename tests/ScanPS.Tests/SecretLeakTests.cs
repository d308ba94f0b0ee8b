using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ScanPS.Auth;
using ScanPS.Connections;
using ScanPS.FakeVendors;
using ScanPS.Http;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers;
using ScanPS.Providers.HostedScan;
using ScanPS.Providers.Probely;
using ScanPS.Providers.ProjectDiscovery;
using ScanPS.Scheduling;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// Runs every command's operation for every provider with Verbose and Debug (bodies) captured, through success,
    /// -WhatIf, 401, 500 and malformed answers, plus Connect-ScanProvider, and searches every captured stream, output
    /// object, ShouldProcess text and exception for each secret and for the encoded header built from it.
    /// </summary>
    public sealed class SecretLeakTests
    {
        private const string Secret = "canary-secret-7f3a9c1e5b2d4a60";
        private const string WrongSecret = "canary-wrong-0d9e8f7a6b5c4d3e";
        private const string UserId = "canary-user";

        public enum Scenario { Success, WhatIf, Unauthorized, ServerError, Malformed }

        public static TheoryData<string, Scenario> Cases()
        {
            var data = new TheoryData<string, Scenario>();
            foreach (var provider in ProviderNames.All)
            {
                foreach (Scenario scenario in Enum.GetValues(typeof(Scenario))) data.Add(provider, scenario);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task No_secret_reaches_any_stream_object_or_error(string provider, Scenario scenario)
        {
            var vendor = Accepting(provider);
            await using var server = await FakeVendorServer.StartAsync(vendor.Fake);
            string secret = scenario == Scenario.Unauthorized ? WrongSecret : Secret;
            if (scenario == Scenario.ServerError) server.Faults.Enqueue(new Fault { Kind = FaultKind.Status, StatusCode = 500, Body = "{\"error\":\"boom\"}", Times = 1000 });
            if (scenario == Scenario.Malformed) server.Faults.Enqueue(new Fault { Kind = FaultKind.MalformedJson, Times = 1000 });

            var hosts = new List<RecordingHost>();
            var exceptions = new List<Exception>();
            foreach (var operation in vendor.Operations)
            {
                var host = new RecordingHost { DebugEnabled = true, WhatIf = scenario == Scenario.WhatIf };
                hosts.Add(host);
                var log = new RequestLog(bodiesEnabled: true);
                try
                {
                    var session = ProviderSession.Open(new ProviderSessionOptions
                    {
                        Provider = provider,
                        CredentialPassword = ApiKeyCredential.ToSecureString(secret),
                        CredentialUserName = vendor.UserName,
                        BaseUri = server.BaseUri,
                        Settings = new HttpSettings { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
                        GetEnvironmentVariable = _ => null,
                    }, log);
                    operation(host, session);
                }
                catch (ScanPSException ex)
                {
                    exceptions.Add(ex);
                }
                finally
                {
                    log.DrainTo(host);
                }
            }

            // Connect-ScanProvider: its credential check runs in every scenario, and the stored object is searched too.
            var connectHost = new RecordingHost { DebugEnabled = true };
            hosts.Add(connectHost);
            try
            {
                var connection = ConnectionOperations.Connect(connectHost, new ConnectionStore(), new ConnectRequest
                {
                    Provider = provider,
                    CredentialPassword = ApiKeyCredential.ToSecureString(secret),
                    CredentialUserName = vendor.UserName,
                    BaseUri = server.BaseUri,
                    Settings = new HttpSettings { MaxRetries = 0 },
                    GetEnvironmentVariable = _ => null,
                });
                connectHost.Output.Add(connection);
                connectHost.Output.AddRange(typeof(ScanProviderConnection).GetProperties().Select(p => (object)(p.GetValue(connection)?.ToString() ?? string.Empty)));
            }
            catch (ScanPSException ex)
            {
                exceptions.Add(ex);
            }

            Assert.NotEmpty(server.Requests); // the scenario really talked to the fake
            var captured = hosts.SelectMany(h => h.AllText()).Concat(exceptions.Select(e => e.ToString())).ToList();
            if (scenario == Scenario.Unauthorized) Assert.Contains(exceptions.Concat(hosts.SelectMany(h => h.Errors.Select(e => (Exception)e.ToException()))), e => ((ScanPSException)e).ErrorId == "AuthenticationFailed");

            foreach (var forbidden in Forbidden(secret, vendor.UserName))
            {
                Assert.DoesNotContain(captured, text => text.Contains(forbidden, StringComparison.Ordinal));
            }

            Assert.NotEmpty(hosts.SelectMany(h => h.Verbose)); // there was something to search
        }

        private static IEnumerable<string> Forbidden(string secret, string? userName)
        {
            yield return secret;
            if (userName != null) yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + secret));
        }

        private sealed class Vendor
        {
            public IFakeVendor Fake { get; set; } = null!;
            public string? UserName { get; set; }
            public List<Action<ICommandHost, ProviderSession>> Operations { get; } = new List<Action<ICommandHost, ProviderSession>>();
        }

        private static Vendor Accepting(string provider)
        {
            var vendor = new Vendor();
            switch (provider)
            {
                case ProviderNames.HostedScan:
                {
                    var fake = new FakeHostedScan { ValidApiKeys = { Secret } };
                    string id = fake.SeedScans(3)[0];
                    vendor.Fake = fake;
                    vendor.Operations.Add((h, s) => ScanOperations.NewScan(h, s, new HostedScanNewScanRequest { Type = "NMAP", Targets = { "example.com" } }));
                    vendor.Operations.Add((h, s) => ScanOperations.ListScans(h, s, new ScanListQuery(), 0, 5));
                    vendor.Operations.Add((h, s) => ScanOperations.GetScansById(h, s, new[] { id, "missing" }));
                    break;
                }

                case ProviderNames.ProjectDiscovery:
                {
                    var fake = new FakeProjectDiscovery { ValidApiKeys = { Secret } };
                    string id = fake.SeedScans(3)[0];
                    vendor.Fake = fake;
                    vendor.Operations.Add((h, s) => ScanOperations.NewScan(h, s, new ProjectDiscoveryNewScanRequest { Targets = { "example.com" }, Templates = { "http/cves/" } }));
                    vendor.Operations.Add((h, s) => ScanOperations.ListScans(h, s, new ScanListQuery(), 0, 5));
                    vendor.Operations.Add((h, s) => ScanOperations.GetScansById(h, s, new[] { id }));
                    break;
                }

                case ProviderNames.Invicti:
                {
                    var fake = new FakeInvicti();
                    fake.Credentials[UserId] = Secret;
                    string id = fake.SeedScans(3)[0];
                    vendor.Fake = fake;
                    vendor.UserName = UserId;
                    vendor.Operations.Add((h, s) => StartScanFromScanOperations.Relaunch(h, provider, new[] { id }, () => s));
                    vendor.Operations.Add((h, s) => ScanOperations.ListScans(h, s, new ScanListQuery(), 0, 5));
                    vendor.Operations.Add((h, s) => ScanOperations.GetScansById(h, s, new[] { id }));
                    break;
                }

                default:
                {
                    var fake = new FakeProbely { ValidApiKeys = { Secret } };
                    vendor.Fake = fake;
                    var schedule = new ProbelyScheduleRequest
                    {
                        StartTime = new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Unspecified),
                        TimeZone = "Europe/Lisbon",
                        Recurrence = ScheduleRecurrence.Weekly,
                    }.Validate(ProbelyServerTest.Clock);
                    vendor.Operations.Add((h, s) => ScheduledScanBulkOperations.NewScheduledScans(h, s, ProbelyServerTest.KnownTargets.Take(3).ToArray(), schedule, 2));
                    break;
                }
            }

            return vendor;
        }
    }
}
