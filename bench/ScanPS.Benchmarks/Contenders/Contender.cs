using System;
using System.Threading;

namespace ScanPS.Benchmarks.Contenders
{
    /// <summary>The three ways to list the same scans that the benchmark puts side by side.</summary>
    public enum Contender
    {
        /// <summary>HttpClient + System.Text.Json into typed records: the floor every ratio is relative to.</summary>
        Floor,

        /// <summary>ScanPS.Core's HostedScan listing through ProviderSession (what Get-Scan calls).</summary>
        Core,

        /// <summary>ScanOperations.ListScans through an ICommandHost (the cmdlet seam).</summary>
        Seam,
    }

    /// <summary>Runs a contender once over one listing; synchronous, like a cmdlet's pipeline thread.</summary>
    public sealed class ContenderRunner : IDisposable
    {
        public const string BenchApiKey = "bench-api-key-0123456789";

        private readonly FloorListing _floor = new FloorListing(BenchApiKey);
        private readonly CoreListing _core = new CoreListing(BenchApiKey);

        public static string Describe(Contender contender) => contender switch
        {
            Contender.Floor => "floor: HttpClient + STJ records",
            Contender.Core => "ScanPS.Core HostedScan listing",
            Contender.Seam => "ScanPS cmdlet seam (ListScans)",
            _ => contender.ToString(),
        };

        public void Run(Contender contender, Uri listingBaseUri, IScanSink sink, CancellationToken cancellationToken = default)
        {
            switch (contender)
            {
                case Contender.Floor:
                    _floor.ListAsync(listingBaseUri, sink, cancellationToken).GetAwaiter().GetResult();
                    break;
                case Contender.Core:
                    _core.ListAsync(listingBaseUri, sink, cancellationToken).GetAwaiter().GetResult();
                    break;
                case Contender.Seam:
                    _core.ListThroughSeam(listingBaseUri, sink, cancellationToken);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(contender));
            }
        }

        public void Dispose() => _floor.Dispose();
    }
}
