using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ScanPS.FakeVendors;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// The four loopback vendor fakes (tests/ScanPS.FakeVendors) started in this process on free ports, with the
    /// credentials each accepts. Tests connect to them with -BaseUri, never with process environment variables,
    /// so tests in parallel do not see each other's settings.
    /// </summary>
    public sealed class Sandbox : IAsyncDisposable
    {
        public const string ApiKey = "test-key";
        public const string InvictiUserId = "test-user-id";
        public const string InvictiToken = "test-token";

        private Sandbox(FakeVendorServer hostedScan, FakeVendorServer projectDiscovery, FakeVendorServer invicti, FakeVendorServer probely)
        {
            HostedScanServer = hostedScan;
            ProjectDiscoveryServer = projectDiscovery;
            InvictiServer = invicti;
            ProbelyServer = probely;
        }

        public FakeVendorServer HostedScanServer { get; }

        public FakeVendorServer ProjectDiscoveryServer { get; }

        public FakeVendorServer InvictiServer { get; }

        public FakeVendorServer ProbelyServer { get; }

        public FakeHostedScan HostedScan => (FakeHostedScan)HostedScanServer.Vendor;

        public FakeProjectDiscovery ProjectDiscovery => (FakeProjectDiscovery)ProjectDiscoveryServer.Vendor;

        public FakeInvicti Invicti => (FakeInvicti)InvictiServer.Vendor;

        public FakeProbely Probely => (FakeProbely)ProbelyServer.Vendor;

        public static async Task<Sandbox> StartAsync()
        {
            var servers = await Task.WhenAll(
                FakeVendorServer.StartAsync(new FakeHostedScan()),
                FakeVendorServer.StartAsync(new FakeProjectDiscovery()),
                FakeVendorServer.StartAsync(new FakeInvicti()),
                FakeVendorServer.StartAsync(new FakeProbely()));
            return new Sandbox(servers[0], servers[1], servers[2], servers[3]);
        }

        public static Sandbox Start() => StartAsync().GetAwaiter().GetResult();

        public FakeVendorServer Server(string provider) => provider switch
        {
            "HostedScan" => HostedScanServer,
            "ProjectDiscovery" => ProjectDiscoveryServer,
            "Invicti" => InvictiServer,
            "Probely" => ProbelyServer,
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "not a provider"),
        };

        public IEnumerable<FakeVendorServer> All => new[] { HostedScanServer, ProjectDiscoveryServer, InvictiServer, ProbelyServer };

        /// <summary>The base URI a ScanPS command takes for the provider (the fake's root; ScanPS adds /v1 etc.).</summary>
        public string BaseUri(string provider) => Server(provider).BaseUri.ToString().TrimEnd('/');

        /// <summary>
        /// A script fragment that makes each provider's default connection in the session (-SkipValidation: no
        /// request), so later commands need no credential parameters. $ScanPSKey and $ScanPSInvicti are set too.
        /// </summary>
        public Engine Connect(Engine engine, params string[] providers)
        {
            if (providers.Length == 0) providers = new[] { "HostedScan", "ProjectDiscovery", "Invicti", "Probely" };
            engine.Set("ScanPSKeyText", ApiKey).Set("ScanPSInvictiUser", InvictiUserId).Set("ScanPSInvictiToken", InvictiToken);
            engine.Run(@"
$ScanPSKey = ConvertTo-SecureString $ScanPSKeyText -AsPlainText -Force
$ScanPSInvicti = [pscredential]::new($ScanPSInvictiUser, (ConvertTo-SecureString $ScanPSInvictiToken -AsPlainText -Force))").ThrowIfFailed();
            foreach (var provider in providers)
            {
                string credential = provider == "Invicti" ? "-Credential $ScanPSInvicti" : "-ApiKey $ScanPSKey";
                engine.Run("Connect-ScanProvider -Provider " + provider + " " + credential + " -BaseUri $args[0] -SkipValidation | Out-Null", BaseUri(provider)).ThrowIfFailed();
            }

            return engine;
        }

        /// <summary>Requests the fakes received, all vendors, minus nothing: for "no request was sent" checks.</summary>
        public int RequestCount => All.Sum(s => s.Requests.Count);

        public async ValueTask DisposeAsync()
        {
            foreach (var server in All) await server.DisposeAsync();
        }
    }
}
