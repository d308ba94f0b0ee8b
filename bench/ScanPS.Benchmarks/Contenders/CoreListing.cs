using System;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Auth;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers;

namespace ScanPS.Benchmarks.Contenders
{
    /// <summary>
    /// ScanPS as Get-Scan uses it. <see cref="ListAsync"/>: ScanPS.Core's HostedScan listing (ProviderSession,
    /// the real VendorHttpClient pipeline and HttpClientCache, HostedScanScan objects). <see cref="ListThroughSeam"/>:
    /// the same through ScanOperations.ListScans and an ICommandHost, i.e. everything but the PowerShell engine.
    /// A session is opened per listing, as each Get-Scan invocation does.
    /// </summary>
    public sealed class CoreListing
    {
        private readonly string _apiKey;

        public CoreListing(string apiKey)
        {
            _apiKey = apiKey;
        }

        public async Task ListAsync(Uri listingBaseUri, IScanSink sink, CancellationToken cancellationToken)
        {
            var reader = Open(listingBaseUri).ScanReader("Get-Scan");
            await foreach (var scan in reader.ListScansAsync(new ScanListQuery(), cancellationToken).ConfigureAwait(false))
            {
                sink.Add(scan.Id, scan);
            }
        }

        public void ListThroughSeam(Uri listingBaseUri, IScanSink sink, CancellationToken cancellationToken)
        {
            ScanOperations.ListScans(new SinkHost(sink, cancellationToken), Open(listingBaseUri), new ScanListQuery(), 0, ulong.MaxValue);
        }

        private ProviderSession Open(Uri listingBaseUri) => ProviderSession.Open(
            new ProviderSessionOptions
            {
                Provider = ProviderNames.HostedScan,
                ApiKey = ApiKeyCredential.ToSecureString(_apiKey),
                BaseUri = listingBaseUri,
                GetEnvironmentVariable = _ => null,
            },
            new RequestLog(bodiesEnabled: false));

        /// <summary>
        /// The cmdlet seam's host with PowerShell's default preferences: objects go to the sink; verbose and debug
        /// lines are dropped (as with $VerbosePreference = SilentlyContinue), after ScanPS has built and queued them.
        /// </summary>
        private sealed class SinkHost : ICommandHost
        {
            private readonly IScanSink _sink;

            public SinkHost(IScanSink sink, CancellationToken cancellationToken)
            {
                _sink = sink;
                CancellationToken = cancellationToken;
            }

            public bool DebugEnabled => false;

            public CancellationToken CancellationToken { get; }

            public void WriteObject(object item) => _sink.Add(((Scan)item).Id, item);

            public void WriteError(ScanPSError error) => throw error.ToException();

            public void WriteWarning(string message)
            {
            }

            public void WriteVerbose(string message)
            {
            }

            public void WriteDebug(string message)
            {
            }

            public bool ShouldProcess(string target, string action) => true;
        }
    }
}
