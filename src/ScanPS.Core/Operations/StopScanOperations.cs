using System;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Providers;

namespace ScanPS.Operations
{
    /// <summary>
    /// Stop-Scan: for each scan, refuse what cannot be sent (a vendor with no stop call, a bad id, a missing target)
    /// before any credential lookup or request, ask ShouldProcess, send the stop once (never retried after it may have
    /// reached the vendor), and with -PassThru write the scan as it now reads.
    /// </summary>
    public static class StopScanOperations
    {
        private const string CommandName = "Stop-Scan";

        /// <summary>
        /// Checks one scan and returns its reference, or writes the refusal (StopNotSupported, InvalidScanId,
        /// MissingTargetId) and returns null. Nothing is sent and no credential is looked up.
        /// </summary>
        public static ScanReference? Check(ICommandHost host, string provider, string rawId, string? targetId)
        {
            var definition = ProviderDefinition.Get(provider);
            try
            {
                if (!definition.Supports(typeof(IScanStopper)))
                {
                    var (reason, advice) = definition.StopUnsupported;
                    throw new ScanPSError(ErrorIds.StopNotSupported, ScanPSErrorCategory.InvalidOperation,
                        "Stop-Scan cannot stop " + definition.Name + " scan " + rawId + ": " + reason, rawId)
                    { RecommendedAction = advice }.ToException();
                }

                return Reference(definition, rawId, targetId);
            }
            catch (ScanPSException ex)
            {
                host.WriteError(ex.Error);
                return null;
            }
        }

        /// <summary>
        /// The checked reference of a scan for Wait-Scan or Stop-Scan; throws ScanPSException (InvalidScanId,
        /// MissingTargetId, InvalidTargetId). The target is kept only for vendors whose paths name it, and required
        /// when <paramref name="targetRequired"/> (Stop-Scan).
        /// </summary>
        public static ScanReference Reference(ProviderDefinition definition, string rawId, string? targetId, bool targetRequired = true)
        {
            string id = definition.NormaliseScanId(rawId);
            if (!definition.ScanPathNeedsTarget) return new ScanReference(id);
            if (string.IsNullOrWhiteSpace(targetId) && !targetRequired) return new ScanReference(id);
            if (string.IsNullOrWhiteSpace(targetId))
            {
                throw new ScanPSError(ErrorIds.MissingTargetId, ScanPSErrorCategory.InvalidArgument,
                    definition.Name + " scan " + id + " needs its target: the vendor's scan paths name the target (-TargetId).", id)
                { RecommendedAction = "Pipe the scan from Get-Scan -Provider " + definition.Name + " (it has TargetId), or add -TargetId." }.ToException();
            }

            return new ScanReference(id, ResourceIds.CheckTargetId(targetId!.Trim(), definition.Name));
        }

        /// <summary>Stops one checked scan (after ShouldProcess) and, with <paramref name="passThru"/>, writes it as it now reads.</summary>
        public static void Stop(ICommandHost host, ProviderSession session, ScanReference scan, bool passThru, string? label = null)
        {
            var stopper = session.ScanStopper(CommandName);
            string target = "scan " + scan.Id + (string.IsNullOrWhiteSpace(label) ? string.Empty : " of " + label!.Trim()) + " on " + session.Display;
            if (!host.ShouldProcess(target, "Stop the scan")) return;

            try
            {
                Scan? updated = AsyncBridge.Wait(stopper.StopScanAsync(scan, host.CancellationToken), session.Log, host);
                if (!passThru) return;
                updated ??= AsyncBridge.Wait(session.ScanReader(CommandName).GetScanAsync(scan.Id, host.CancellationToken), session.Log, host);
                host.WriteObject(updated);
            }
            catch (ScanPSException ex) when (!ScanOperations.IsFatal(ex.Error))
            {
                session.Log.DrainTo(host);
                host.WriteError(ex.Error);
            }
        }
    }
}
