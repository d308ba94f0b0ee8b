using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace ScanPS.FakeVendors;

/// <summary>
/// Standalone sandbox: `dotnet run --project tests/ScanPS.FakeVendors` starts one seeded fake per vendor on
/// loopback, so the module can be tried without vendor accounts:
///   HostedScan 5099, ProjectDiscovery 5100, Invicti 5101, Probely 5102 (--base-port moves them all).
/// `--urls http://127.0.0.1:NNNN` starts only the HostedScan fake at that address.
/// `--parent-pid NNNN` stops the sandbox when that process ends, so a test run that dies (or is killed) before its
/// clean-up does not leave the sandbox listening (what tests/Pester/Sandbox.ps1 passes).
/// </summary>
internal static class Program
{
    private const int DefaultBasePort = 5099;

    private sealed record Sandbox(string Name, int PortOffset, Func<IFakeVendor> Create, string Credentials, string Environment);

    // One vendor per server because vendors share paths (HostedScan and ProjectDiscovery both serve /v1/scans).
    private static readonly Sandbox[] Sandboxes =
    {
        new("HostedScan", 0, CreateHostedScan, "API key test-data-key",
            "$env:SCANPS_HOSTEDSCAN_API_KEY = 'test-data-key'; $env:SCANPS_HOSTEDSCAN_BASE_URI = '{0}'"),
        new("ProjectDiscovery", 1, FakeProjectDiscovery.CreateSandbox, "API key test-data-key, team team-blue",
            "$env:SCANPS_PROJECTDISCOVERY_API_KEY = 'test-data-key'; $env:SCANPS_PROJECTDISCOVERY_BASE_URI = '{0}'"),
        new("Invicti", 2, FakeInvicti.CreateSandbox, "user id sandbox-user-id, API token sandbox-token",
            "$env:SCANPS_INVICTI_USER_ID = 'sandbox-user-id'; $env:SCANPS_INVICTI_API_TOKEN = 'sandbox-token'; $env:SCANPS_INVICTI_BASE_URI = '{0}'"),
        new("Probely", 3, FakeProbely.CreateSandbox, "API key test-data-key",
            "$env:SCANPS_PROBELY_API_KEY = 'test-data-key'; $env:SCANPS_PROBELY_BASE_URI = '{0}'"),
    };

    private static IFakeVendor CreateHostedScan()
    {
        FakeHostedScan hostedScan = new();
        hostedScan.AddTarget("5f0a00000000000000000001", "example.com", "prod", "web");
        hostedScan.AddTarget("5f0a00000000000000000002", "api.example.com", "prod");
        hostedScan.AddTarget("5f0a00000000000000000003", "staging.example.com", "staging");
        hostedScan.SeedScans(40);
        hostedScan.SeedFindingScans();
        return hostedScan;
    }

    private static async Task<int> Main(string[] args)
    {
        string? hostedScanOnly = null;
        int basePort = DefaultBasePort;
        int? parentPid = null;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg is "--urls" && i + 1 < args.Length) hostedScanOnly = args[++i];
            else if (arg.StartsWith("--urls=", StringComparison.Ordinal)) hostedScanOnly = arg["--urls=".Length..];
            else if (arg is "--base-port" && i + 1 < args.Length && int.TryParse(args[i + 1], out basePort)) i++;
            else if (arg is "--parent-pid" && i + 1 < args.Length && int.TryParse(args[i + 1], out int pid)) { parentPid = pid; i++; }
            else if (arg is "-h" or "--help" or "-?")
            {
                Console.WriteLine("Usage: dotnet run --project tests/ScanPS.FakeVendors [--base-port 5099] | [--urls http://127.0.0.1:NNNN (HostedScan only)] [--parent-pid NNNN]");
                return 0;
            }
            else
            {
                Console.Error.WriteLine("Unknown argument '" + arg + "'. Usage: [--base-port 5099] | [--urls http://127.0.0.1:NNNN] [--parent-pid NNNN]");
                return 2;
            }
        }

        var wanted = hostedScanOnly != null
            ? new[] { (Sandbox: Sandboxes[0], Url: hostedScanOnly) }
            : Sandboxes.Select(s => (Sandbox: s, Url: "http://127.0.0.1:" + (basePort + s.PortOffset))).ToArray();

        var servers = new List<FakeVendorServer>();
        try
        {
            foreach (var (sandbox, url) in wanted)
            {
                try
                {
                    servers.Add(await FakeVendorServer.StartAsync(sandbox.Create(), url).ConfigureAwait(false));
                }
                catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException)
                {
                    Console.Error.WriteLine("ScanPS sandbox: cannot listen on " + url + " for " + sandbox.Name + ": " + ex.Message + " (try --base-port NNNN)");
                    return 1;
                }

                Console.WriteLine($"ScanPS sandbox: {sandbox.Name} fake on {servers[^1].BaseUri} ({sandbox.Credentials})");
                Console.WriteLine("    " + string.Format(System.Globalization.CultureInfo.InvariantCulture, sandbox.Environment, servers[^1].BaseUri.ToString().TrimEnd('/')));
            }

            TaskCompletionSource stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
            // The servers deliberately have no console lifetime, so stopping on Ctrl+C / SIGTERM is handled here.
            using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.TrySetResult(); });
            using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });
            if (parentPid is { } watched) _ = StopWhenProcessEndsAsync(watched, stop);
            Console.WriteLine("Scan lifecycle control on every fake: /_sandbox/lifecycle, /_sandbox/scans/{id} (tests/ScanPS.FakeVendors/LIFECYCLE.md).");
            Console.WriteLine("Ctrl+C stops the sandbox.");
            await stop.Task.ConfigureAwait(false);
        }
        finally
        {
            foreach (var server in servers) await server.DisposeAsync().ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task StopWhenProcessEndsAsync(int pid, TaskCompletionSource stop)
    {
        try
        {
            using Process parent = Process.GetProcessById(pid);
            await parent.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            // The process had already ended.
        }

        Console.WriteLine("ScanPS sandbox: process " + pid.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ended; stopping.");
        stop.TrySetResult();
    }
}
