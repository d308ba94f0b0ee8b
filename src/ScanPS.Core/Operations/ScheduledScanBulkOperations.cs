using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Providers;

namespace ScanPS.Operations
{
    /// <summary>
    /// New-ScheduledScanBulk's logic: splits the target ids into batches, asks ShouldProcess once per batch and
    /// sends each batch once. A refused batch is a non-terminating error naming exactly the ids it held and why;
    /// the other batches still go. Only an error no later batch can escape (credential, permission, connection)
    /// stops the command, and its error names every id not scheduled. Before the first batch is sent, the account's
    /// scheduled scans are read once so that a target that already has the same schedule gets a warning.
    /// </summary>
    public static class ScheduledScanBulkOperations
    {
        public const string CommandName = "New-ScheduledScanBulk";

        public static void NewScheduledScans(ICommandHost host, ProviderSession session, IReadOnlyList<string> targetIds, ScheduledScanSchedule schedule, int batchSize)
        {
            if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be at least 1.");
            var creator = session.ScheduledScanCreator(CommandName);
            var batches = Split(targetIds, batchSize);
            string scheduleText = schedule.Describe();
            IReadOnlyList<ScheduledScan>? existing = null;

            for (int i = 0; i < batches.Count; i++)
            {
                host.CancellationToken.ThrowIfCancellationRequested();
                var batch = batches[i];
                string label = BatchLabel(i, batches.Count);
                if (!host.ShouldProcess(session.Display, "Schedule scans of " + Count(batch.Count) + " (" + List(batch) + "): " + scheduleText + label)) continue;

                try
                {
                    // Read once, after the first batch the user let through: -WhatIf sends nothing, not even this read.
                    existing ??= ReadExisting(host, session, creator);
                    WarnRepeats(host, batch, schedule, existing);
                    var created = AsyncBridge.Wait(creator.CreateScheduledScansAsync(batch, schedule, host.CancellationToken), session.Log, host);
                    foreach (var scheduled in created) host.WriteObject(scheduled);
                    ReportMissing(host, session, batch, created, label);
                }
                catch (ScanPSException ex) when (!ScanOperations.IsFatal(ex.Error))
                {
                    session.Log.DrainTo(host);
                    host.WriteError(BatchFailed(ex.Error, batch, label, session.Provider));
                }
                catch (ScanPSException ex)
                {
                    session.Log.DrainTo(host);
                    var notAttempted = batches.Skip(i + 1).SelectMany(b => b).ToList();
                    throw Stopped(ex.Error, batch, notAttempted, label).ToException();
                }
            }
        }

        /// <summary>
        /// The account's scheduled scans. A listing that fails where a create need not (a 404 from a server without it,
        /// a 5xx, a time-out, a 403 for a key that may not list) is a warning and the batches go unchecked; a refused key or an
        /// unreachable service stops the command as a batch's would.
        /// </summary>
        private static IReadOnlyList<ScheduledScan> ReadExisting(ICommandHost host, ProviderSession session, IScheduledScanCreator creator)
        {
            try
            {
                return AsyncBridge.Wait(creator.ListScheduledScansAsync(host.CancellationToken), session.Log, host);
            }
            // 403 too: a key whose role may schedule but not list still schedules, since this read is only a check.
            catch (ScanPSException ex) when (!ScanOperations.IsFatal(ex.Error) || ex.Error.Category == ScanPSErrorCategory.PermissionDenied)
            {
                session.Log.DrainTo(host);
                host.WriteWarning("Could not check the targets' existing scheduled scans (" + ex.Error.ErrorId + ": " + ex.Message + "); they are scheduled without that check.");
                return Array.Empty<ScheduledScan>();
            }
        }

        /// <summary>Re-running the same CSV would silently double every schedule: one warning per target that already has this one.</summary>
        private static void WarnRepeats(ICommandHost host, IReadOnlyList<string> batch, ScheduledScanSchedule schedule, IReadOnlyList<ScheduledScan> existing)
        {
            if (existing.Count == 0) return;
            var repeats = existing.Where(s => !string.IsNullOrEmpty(s.TargetId) && schedule.IsRepeatedBy(s)).ToLookup(s => s.TargetId!, StringComparer.Ordinal);
            foreach (var id in batch)
            {
                var same = repeats[id].ToList();
                if (same.Count == 0) continue;
                var first = same[0];
                string name = string.IsNullOrEmpty(first.TargetLabel()) ? string.Empty : " (" + first.TargetLabel() + ")";
                string repeatsText = first.Repeats.Length == 0 ? string.Empty : char.ToLowerInvariant(first.Repeats[0]) + first.Repeats.Substring(1) + ", ";
                host.WriteWarning("Target " + id + name + " already has scheduled scan" + (same.Count == 1 ? " " : "s ") + string.Join(", ", same.Select(s => s.Id)) +
                    " with the same start and recurrence (" + repeatsText + "next run " +
                    first.NextRun!.Value.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture) + " " + first.TimeZone + "); another one is created.");
            }
        }

        public static List<IReadOnlyList<string>> Split(IReadOnlyList<string> ids, int batchSize)
        {
            var batches = new List<IReadOnlyList<string>>();
            for (int start = 0; start < ids.Count; start += batchSize)
            {
                batches.Add(ids.Skip(start).Take(batchSize).ToArray());
            }

            return batches;
        }

        /// <summary>The refusal, restated around the batch: which ids were not scheduled, then the vendor's reason.</summary>
        private static ScanPSError BatchFailed(ScanPSError error, IReadOnlyList<string> batch, string label, string provider)
        {
            string outcome = Uncertain(error) ? "may or may not have been scheduled" : (batch.Count == 1 ? "was" : "were") + " not scheduled";
            return new ScanPSError(
                error.ErrorId,
                error.Category,
                Count(batch.Count) + label + " " + outcome + ": " + string.Join(", ", batch) + ". " + error.Message,
                batch.ToArray())
            {
                Details = error.Details,
                StatusCode = error.StatusCode,
                VendorRequestId = error.VendorRequestId,
                InnerException = error.InnerException,
                RecommendedAction = Uncertain(error)
                    ? "Check the targets' schedules in " + provider + " before running " + CommandName + " again for these ids (the error's TargetObject)."
                    : (error.RecommendedAction ?? "Correct the problem") + " Then run " + CommandName + " again for just these ids (the error's TargetObject): " + string.Join(",", batch) + ".",
            };
        }

        private static ScanPSError Stopped(ScanPSError error, IReadOnlyList<string> batch, IReadOnlyList<string> notAttempted, string label)
        {
            string outcome = Uncertain(error) ? "may or may not have been scheduled" : (batch.Count == 1 ? "was" : "were") + " not scheduled";
            string message = CommandName + " stopped" + label + ". The " + Count(batch.Count) + " of that batch " + outcome + ": " + string.Join(", ", batch) + "." +
                (notAttempted.Count > 0 ? " Not attempted: " + string.Join(", ", notAttempted) + "." : string.Empty) + " " + error.Message;
            return new ScanPSError(error.ErrorId, error.Category, message, batch.Concat(notAttempted).ToArray())
            {
                Details = error.Details,
                StatusCode = error.StatusCode,
                VendorRequestId = error.VendorRequestId,
                InnerException = error.InnerException,
                RecommendedAction = error.RecommendedAction,
            };
        }

        /// <summary>A 2xx that lists scheduled scans for fewer targets than were sent: name the ones missing.</summary>
        private static void ReportMissing(ICommandHost host, ProviderSession session, IReadOnlyList<string> batch, IReadOnlyList<ScheduledScan> created, string label)
        {
            if (created.All(s => !string.IsNullOrEmpty(s.TargetId)))
            {
                var returned = new HashSet<string>(created.Select(s => s.TargetId!), StringComparer.Ordinal);
                var missing = batch.Where(id => !returned.Contains(id)).ToArray();
                if (missing.Length == 0) return;
                host.WriteError(new ScanPSError(
                    ErrorIds.TargetsNotScheduled,
                    ScanPSErrorCategory.InvalidResult,
                    session.Provider + " accepted" + label.TrimEnd() + " but returned no scheduled scan for " + Count(missing.Length) + ": " + string.Join(", ", missing) + ".",
                    missing)
                { RecommendedAction = "Check these targets in " + session.Provider + " and run " + CommandName + " again for them if needed." });
            }
            else if (created.Count < batch.Count)
            {
                host.WriteWarning(session.Provider + " returned " + created.Count + " scheduled scan" + (created.Count == 1 ? string.Empty : "s") + " for the " + Count(batch.Count) + label.TrimEnd() + ", without saying which targets they are for.");
            }
        }

        /// <summary>
        /// After a timeout, a 5xx, a connection broken mid-request or a 2xx whose body cannot be read, the vendor may
        /// have acted on the batch (VendorHttpClient says so in a ConnectionFailed message only when the request had been sent).
        /// </summary>
        private static bool Uncertain(ScanPSError error) =>
            error.StatusCode >= 500 || error.ErrorId == ErrorIds.VendorTimeout || error.ErrorId == ErrorIds.InvalidVendorResponse || (error.ErrorId == ErrorIds.ConnectionFailed && error.Message.IndexOf("may or may not", StringComparison.Ordinal) >= 0);

        private static string BatchLabel(int index, int count) => count == 1 ? string.Empty : " (batch " + (index + 1) + " of " + count + ")";

        private static string Count(int n) => n + " target" + (n == 1 ? string.Empty : "s");

        private static string List(IReadOnlyList<string> ids) =>
            string.Join(", ", ids.Take(5)) + (ids.Count > 5 ? ", … " + (ids.Count - 5) + " more" : string.Empty);
    }
}
