using System;
using System.Collections.Generic;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Providers;

namespace ScanPS.Operations
{
    /// <summary>
    /// The logic of New-Scan and Get-Scan, driven through <see cref="ICommandHost"/> so xunit can run it
    /// without a PowerShell engine. Per-item failures are written as non-terminating errors; failures that
    /// make the whole invocation pointless (bad credential, unreachable host) are thrown.
    /// </summary>
    public static class ScanOperations
    {
        /// <summary>
        /// New-Scan: validate, then for each of the request's parts (one, or one per target where the vendor starts one
        /// scan per request) ShouldProcess, create once and emit the scans. A part the vendor refuses is a
        /// non-terminating error and the next part goes on; a credential or connection failure stops the command.
        /// </summary>
        public static void NewScan(ICommandHost host, ProviderSession session, NewScanRequest request)
        {
            var creator = session.ScanCreator("New-Scan");
            request.Validate();
            foreach (var part in request.Parts())
            {
                host.CancellationToken.ThrowIfCancellationRequested();
                if (!host.ShouldProcess(session.Display, part.Describe())) continue;

                try
                {
                    if (creator is IScanSetCreator several)
                    {
                        foreach (var created in AsyncBridge.Wait(several.CreateScansAsync(part, host.CancellationToken), session.Log, host)) host.WriteObject(created);
                        continue;
                    }

                    var scan = AsyncBridge.Wait(creator.CreateScanAsync(part, host.CancellationToken), session.Log, host);
                    if (scan != null) host.WriteObject(scan);
                }
                catch (ScanPSException ex) when (!IsFatal(ex.Error))
                {
                    session.Log.DrainTo(host);
                    host.WriteError(ex.Error);
                }
            }
        }

        /// <summary>Checks listing filters for a provider before any credential lookup or request.</summary>
        public static void ValidateListQuery(string provider, ScanListQuery query)
        {
            ProviderDefinition.Get(provider).ValidateListQuery(query);
        }

        /// <summary>
        /// Get-Scan listing: streams each page's scans as they arrive; stops fetching once -First is reached.
        /// <paramref name="onTotalCount"/>, when given, is called once on this thread after the first page with the
        /// vendor's total (null when it gave none), before any scan is written.
        /// </summary>
        public static void ListScans(ICommandHost host, ProviderSession session, ScanListQuery query, ulong skip, ulong first, Action<long?>? onTotalCount = null)
        {
            var reader = session.ScanReader("Get-Scan");
            if (first == 0)
            {
                onTotalCount?.Invoke(null);
                return;
            }

            var enumerator = reader.ListScansAsync(query, host.CancellationToken).GetAsyncEnumerator(host.CancellationToken);
            try
            {
                ulong skipped = 0;
                ulong emitted = 0;
                bool counted = onTotalCount == null;
                while (true)
                {
                    bool more = AsyncBridge.Wait(enumerator.MoveNextAsync(), session.Log, host);
                    if (!counted)
                    {
                        counted = true;
                        onTotalCount!(query.TotalCount);
                    }

                    if (!more) break;
                    if (skipped < skip)
                    {
                        skipped++;
                        continue;
                    }

                    host.WriteObject(enumerator.Current);
                    if (++emitted >= first) break;
                }
            }
            finally
            {
                enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
                session.Log.DrainTo(host);
            }
        }

        /// <summary>
        /// Get-Scan -Id: one request per id; a missing id is a ScanNotFound error and the others still come out. An id
        /// that is blank or not one path segment ('..', 'a/b') is an InvalidScanId error, and nothing is sent for it.
        /// </summary>
        public static void GetScansById(ICommandHost host, ProviderSession session, IEnumerable<string> ids)
        {
            var reader = session.ScanReader("Get-Scan");
            var definition = ProviderDefinition.Get(session.Provider);
            foreach (var raw in ids)
            {
                host.CancellationToken.ThrowIfCancellationRequested();
                string id;
                try
                {
                    id = definition.NormaliseScanId(raw);
                }
                catch (ScanPSException ex)
                {
                    host.WriteError(ex.Error);
                    continue;
                }

                try
                {
                    Scan scan = AsyncBridge.Wait(reader.GetScanAsync(id, host.CancellationToken), session.Log, host);
                    host.WriteObject(scan);
                }
                catch (ScanPSException ex) when (!IsFatal(ex.Error))
                {
                    session.Log.DrainTo(host);
                    host.WriteError(ex.Error);
                }
            }
        }

        /// <summary>Errors after which the next item cannot fare better: the invocation stops.</summary>
        public static bool IsFatal(ScanPSError error)
        {
            switch (error.Category)
            {
                case ScanPSErrorCategory.AuthenticationError:
                case ScanPSErrorCategory.PermissionDenied:
                case ScanPSErrorCategory.SecurityError:
                case ScanPSErrorCategory.ConnectionError:
                    return true;
                default:
                    return false;
            }
        }
    }
}
