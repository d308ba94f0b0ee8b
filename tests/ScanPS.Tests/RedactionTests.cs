using System;
using System.Linq;
using ScanPS.FakeVendors;
using ScanPS.Operations;
using ScanPS.Providers;
using ScanPS.Providers.HostedScan;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>With Verbose and Debug captured, through success, retries and failures, the key appears nowhere.</summary>
    public sealed class RedactionTests : HostedScanServerTest
    {
        private const string SecretKey = "sk-live-7f3a9c1e5b2d4f60";

        [Fact]
        public void The_key_never_reaches_verbose_debug_error_text_or_ToString()
        {
            Vendor.ValidApiKeys.Add(SecretKey);
            var ids = Vendor.SeedScans(3);
            // A vendor that echoes the key back in an error body must not get it printed either.
            Server.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Status, StatusCode = 400, Body = "{\"error\":\"key " + SecretKey + " cannot create NMAP scans\"}" });
            Server.Faults.Enqueue(new Fault { Method = "GET", PathPrefix = "/v1/scans/", Kind = FaultKind.Status, StatusCode = 503, Times = 1 });
            var host = new RecordingHost { DebugEnabled = true };
            var session = Open(key: SecretKey, debug: true);

            ScanOperations.NewScan(host, session, new HostedScanNewScanRequest { Type = "NMAP", Targets = { "example.com" } });
            ScanOperations.GetScansById(host, session, new[] { ids[0], "missing" });
            ScanOperations.ListScans(host, session, new ScanListQuery(), 0, 2);
            session.Log.DrainTo(host);
            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.GetScansById(new RecordingHost(), Open(key: SecretKey + "x", debug: true), ids));

            Assert.Contains(host.Debug, line => line.Contains("request body: {\"type\":\"NMAP\""));
            Assert.Contains(host.Debug, line => line.Contains("response body:"));
            Assert.Contains(host.Verbose, line => line.Contains("attempt 2"));
            Assert.Contains(host.Errors, e => e.Message.Contains("key *** cannot create"));
            Assert.Equal(2, host.Errors.Count);
            Assert.All(host.AllText().Concat(new[] { ex.ToString(), ex.Error.Details ?? "", session.Credential!.ToString(), session.Display }),
                text => Assert.DoesNotContain("sk-live", text));
            // The key did go to the vendor, in its header only.
            Assert.All(ApiRequests.Where(r => r.Header("X-HOSTEDSCAN-API-KEY") == SecretKey), r => Assert.DoesNotContain(SecretKey, r.Path + r.RawQuery + r.Body));
            Assert.Contains(ApiRequests, r => r.Header("X-HOSTEDSCAN-API-KEY") == SecretKey);
        }

        [Fact]
        public void WhatIf_text_names_provider_type_and_target_count_and_sends_nothing()
        {
            var host = new RecordingHost { WhatIf = true };

            ScanOperations.NewScan(host, Open(key: SecretKey), new HostedScanNewScanRequest { Type = "openvas", Targets = { "a.example", "b.example", "c.example" } });

            var call = Assert.Single(host.ShouldProcessCalls);
            Assert.Equal("HostedScan (" + Server.BaseUri + ")", call.Target);
            Assert.Equal("Create OPENVAS scan of 3 targets (a.example, b.example, c.example)", call.Action);
            Assert.Empty(Server.Requests);
            Assert.Empty(host.Output);
            Assert.All(host.AllText(), t => Assert.DoesNotContain(SecretKey, t));
        }
    }
}
