using System;
using System.Collections.Generic;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Providers;

namespace ScanPS.Operations
{
    /// <summary>
    /// Start-ScanFromScan: for each id, check it, ask ShouldProcess, launch one new scan with the earlier scan's
    /// configuration and emit it. A failure on one id is a non-terminating error and the next id goes on;
    /// failures no other id can escape (credential, connection) stop the command.
    /// </summary>
    public static class StartScanFromScanOperations
    {
        /// <summary>
        /// Launches one scan per id. <paramref name="openSession"/> is called only when an id passed its check, so a
        /// malformed id is reported before any credential lookup or request. <paramref name="targetUrl"/> is the piped
        /// scan's TargetUrl, named in the ShouldProcess text (null when unknown).
        /// </summary>
        public static void Relaunch(ICommandHost host, string provider, IEnumerable<string> ids, Func<ProviderSession> openSession, string? targetUrl = null)
        {
            var definition = ProviderDefinition.Get(provider);
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

                var session = openSession();
                var relauncher = session.ScanRelauncher("Start-ScanFromScan");
                if (!host.ShouldProcess(Target(session, id, targetUrl), "Start a new scan with the same configuration")) continue;

                try
                {
                    Scan scan = AsyncBridge.Wait(relauncher.RelaunchScanAsync(id, host.CancellationToken), session.Log, host);
                    host.WriteObject(scan);
                }
                catch (ScanPSException ex) when (!ScanOperations.IsFatal(ex.Error))
                {
                    session.Log.DrainTo(host);
                    host.WriteError(ex.Error);
                }
            }
        }

        /// <summary>
        /// The ShouldProcess target, e.g. "scan 3fa85f64-… of https://staging.example.com/ on Invicti (https://www.netsparkercloud.com/)";
        /// without a target URL just the scan id.
        /// </summary>
        public static string Target(ProviderSession session, string id, string? targetUrl = null) =>
            "scan " + id + (string.IsNullOrWhiteSpace(targetUrl) ? string.Empty : " of " + targetUrl!.Trim()) + " on " + session.Display;
    }
}
