using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace ScanPS.FakeVendors;

/// <summary>
/// Standalone sandbox: `dotnet run --project tests/ScanPS.FakeVendors [--urls http://127.0.0.1:NNNN]`
/// lets someone try the module against a seeded fake without a vendor account.
/// </summary>
internal static class Program
{
    // One vendor per server because vendors share paths (HostedScan and ProjectDiscovery both serve /v1/scans).
    // Later vendors get the next ports: ProjectDiscovery 5100, Invicti 5101, Probely 5102.
    private const string DefaultHostedScanUrl = "http://127.0.0.1:5099";

    private static async Task<int> Main(string[] args)
    {
        string url = DefaultHostedScanUrl;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg is "--urls" && i + 1 < args.Length)
            {
                url = args[++i];
            }
            else if (arg.StartsWith("--urls=", StringComparison.Ordinal))
            {
                url = arg["--urls=".Length..];
            }
            else if (arg is "-h" or "--help" or "-?")
            {
                Console.WriteLine("Usage: dotnet run --project tests/ScanPS.FakeVendors [--urls http://127.0.0.1:NNNN]");
                return 0;
            }
            else
            {
                Console.Error.WriteLine("Unknown argument '" + arg + "'. Usage: [--urls http://127.0.0.1:NNNN]");
                return 2;
            }
        }

        FakeHostedScan hostedScan = new();
        hostedScan.AddTarget("5f0a00000000000000000001", "example.com", "prod", "web");
        hostedScan.AddTarget("5f0a00000000000000000002", "api.example.com", "prod");
        hostedScan.AddTarget("5f0a00000000000000000003", "staging.example.com", "staging");
        hostedScan.SeedScans(40);

        FakeVendorServer server;
        try
        {
            server = await FakeVendorServer.StartAsync(hostedScan, url).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException)
        {
            Console.Error.WriteLine("ScanPS sandbox: cannot listen on " + url + ": " + ex.Message + " (try --urls http://127.0.0.1:NNNN)");
            return 1;
        }

        await using (server.ConfigureAwait(false))
        {
            TaskCompletionSource stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
            // The server deliberately has no console lifetime, so stopping on Ctrl+C / SIGTERM is handled here.
            using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.TrySetResult(); });
            using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });

            Console.WriteLine($"ScanPS sandbox: {hostedScan.Name} fake listening on {server.BaseUri} (API key: test-data-key). Ctrl+C stops it.");
            await stop.Task.ConfigureAwait(false);
        }

        return 0;
    }
}
