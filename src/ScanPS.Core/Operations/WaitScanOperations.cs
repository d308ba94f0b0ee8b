using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Providers;

namespace ScanPS.Operations
{
    /// <summary>One scan Wait-Scan follows: its provider's session and the scan's reference.</summary>
    public sealed class WaitEntry
    {
        public WaitEntry(ProviderSession session, ScanReference scan)
        {
            Session = session;
            Scan = scan;
        }

        public ProviderSession Session { get; }

        public ScanReference Scan { get; }

        internal ScanPoll? LastPoll { get; set; }

        internal TimeSpan NextDue { get; set; }

        internal int Polls { get; set; }

        internal int TransientFailures { get; set; }

        internal int ActivityId { get; set; }

        internal string Key => Session.Provider + "\n" + Session.BaseUri + "\n" + Scan.Id;
    }

    /// <summary>Wait-Scan's options: -Timeout (null: forever), -PollInterval (null: the growing default) and -Any.</summary>
    public sealed class WaitOptions
    {
        public TimeSpan? Timeout { get; set; }

        public TimeSpan? PollInterval { get; set; }

        public bool Any { get; set; }
    }

    /// <summary>
    /// Wait-Scan: polls each scan with its provider's cheapest status call until it is finished (completed, failed or
    /// cancelled), and writes each finished scan as it finishes. The scans are polled one after the other on the
    /// pipeline thread; each has its own next poll time. Between polls the thread waits on the Ctrl+C token, so a
    /// stop is seen at once and nothing more is sent.
    /// </summary>
    public static class WaitScanOperations
    {
        /// <summary>The first interval when -PollInterval is not given.</summary>
        public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

        /// <summary>The default interval never grows beyond this.</summary>
        public static readonly TimeSpan MaxDefaultInterval = TimeSpan.FromSeconds(60);

        /// <summary>A poll that fails for the vendor's load (429 after the transport's retries, 503, time-out) is tried again this many times in a row.</summary>
        public const int MaxTransientFailures = 5;

        private static readonly HashSet<string> Transient = new HashSet<string>(StringComparer.Ordinal)
        {
            ErrorIds.RateLimitExceeded, ErrorIds.VendorUnavailable, ErrorIds.VendorTimeout,
        };

        /// <summary>
        /// The wait before a scan's next poll. Given -PollInterval: that, fixed. Otherwise 5 s, growing with the time
        /// already waited for the scan (a tenth of it) up to 60 s: a short scan is seen finished soon, a two-hour scan
        /// costs about 130 polls, not 1,440. A Retry-After the vendor sent while answering the poll is a floor.
        /// </summary>
        public static TimeSpan NextInterval(TimeSpan? given, TimeSpan waited, TimeSpan? retryAfter)
        {
            TimeSpan interval = given ?? TimeSpan.FromTicks(Math.Min(MaxDefaultInterval.Ticks, Math.Max(DefaultInterval.Ticks, waited.Ticks / 10)));
            if (retryAfter.HasValue && retryAfter.Value > interval) interval = retryAfter.Value;
            return interval;
        }

        /// <summary>-PollInterval must be positive; -Timeout zero or more (negative: wait forever, as Wait-Job -Timeout -1).</summary>
        public static WaitOptions Check(TimeSpan? timeout, TimeSpan? pollInterval, bool any)
        {
            if (pollInterval.HasValue && pollInterval.Value <= TimeSpan.Zero)
            {
                throw new ScanPSError(ErrorIds.InvalidPollInterval, ScanPSErrorCategory.InvalidArgument,
                    "-PollInterval must be more than zero; it was " + pollInterval.Value.ToString("c", CultureInfo.InvariantCulture) + ".", pollInterval.Value)
                { RecommendedAction = "Give a TimeSpan or a number of seconds, e.g. -PollInterval 30. Without it Wait-Scan starts at 5 s and slows down to 60 s for long scans." }.ToException();
            }

            return new WaitOptions
            {
                Timeout = timeout.HasValue && timeout.Value >= TimeSpan.Zero ? timeout : null,
                PollInterval = pollInterval,
                Any = any,
            };
        }

        /// <summary>Waits for the scans; see the class summary. Duplicate scans are waited for once.</summary>
        public static void Wait(ICommandHost host, IEnumerable<WaitEntry> scans, WaitOptions options)
        {
            var pending = new List<WaitEntry>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in scans)
            {
                if (!seen.Add(entry.Key)) continue;
                entry.ActivityId = pending.Count + 1;
                pending.Add(entry);
            }

            var progress = host as IProgressHost;
            var clock = Stopwatch.StartNew();
            TimeSpan? deadline = options.Timeout;
            int finished = 0;
            var token = host.CancellationToken;
            try
            {
                while (pending.Count > 0)
                {
                    token.ThrowIfCancellationRequested();
                    if (options.Any && finished > 0 && pending.All(e => e.Polls > 0)) break;

                    var entry = pending.OrderBy(e => e.NextDue).ThenBy(e => e.ActivityId).First();
                    var wait = entry.NextDue - clock.Elapsed;
                    if (wait > TimeSpan.Zero && token.WaitHandle.WaitOne(wait)) token.ThrowIfCancellationRequested();

                    var reader = entry.Session.ScanStatusReader("Wait-Scan");
                    ScanPoll poll;
                    try
                    {
                        poll = AsyncBridge.Wait(reader.PollScanAsync(entry.Scan, token), entry.Session.Log, host);
                    }
                    catch (ScanPSException ex) when (!ScanOperations.IsFatal(ex.Error))
                    {
                        entry.Session.Log.DrainTo(host);
                        bool pastDeadline = deadline.HasValue && clock.Elapsed >= deadline.Value;
                        if (Transient.Contains(ex.Error.ErrorId) && ++entry.TransientFailures < MaxTransientFailures && !pastDeadline)
                        {
                            var retry = NextInterval(options.PollInterval, clock.Elapsed, null);
                            retry = TimeSpan.FromTicks(retry.Ticks * (1L << Math.Min(entry.TransientFailures, 4)));
                            entry.NextDue = Clamp(clock.Elapsed + retry, deadline);
                            host.WriteWarning("Polling " + entry.Session.Provider + " scan " + entry.Scan.Id + " failed (" + ex.Error.ErrorId + ": " + ex.Error.Message + "); trying again in " + Describe(entry.NextDue - clock.Elapsed) + ".");
                            continue;
                        }

                        host.WriteError(ex.Error);
                        Complete(progress, entry);
                        pending.Remove(entry);
                        continue;
                    }

                    entry.Polls++;
                    entry.TransientFailures = 0;
                    entry.LastPoll = poll;
                    Report(progress, entry, poll, completed: false);
                    if (poll.Scan.IsFinished)
                    {
                        Scan done;
                        try
                        {
                            done = AsyncBridge.Wait(reader.FinishedScanAsync(entry.Scan, poll, token), entry.Session.Log, host);
                        }
                        catch (ScanPSException ex) when (!ScanOperations.IsFatal(ex.Error))
                        {
                            entry.Session.Log.DrainTo(host);
                            host.WriteError(ex.Error);
                            Complete(progress, entry);
                            pending.Remove(entry);
                            continue;
                        }

                        pending.Remove(entry);
                        finished++;
                        Report(progress, entry, new ScanPoll(done, poll.Percent), completed: true);
                        host.WriteObject(done);
                        continue;
                    }

                    if (deadline.HasValue && clock.Elapsed >= deadline.Value)
                    {
                        pending.Remove(entry);
                        host.WriteError(TimedOut(entry, options.Timeout!.Value));
                        Complete(progress, entry);
                        continue;
                    }

                    entry.NextDue = Clamp(clock.Elapsed + NextInterval(options.PollInterval, clock.Elapsed, poll.RetryAfter), deadline);
                    if (poll.RetryAfter.HasValue)
                    {
                        host.WriteVerbose(entry.Session.Provider + " asked to wait " + Describe(poll.RetryAfter.Value) + " (Retry-After): the next poll of scan " + entry.Scan.Id + " is in " + Describe(entry.NextDue - clock.Elapsed) + ".");
                    }
                }
            }
            finally
            {
                // -Any, Ctrl+C or a terminating error: the progress records of the scans not followed any more end too.
                foreach (var entry in pending) Complete(progress, entry);
            }
        }

        private static TimeSpan Clamp(TimeSpan due, TimeSpan? deadline) =>
            deadline.HasValue && due > deadline.Value ? deadline.Value : due;

        /// <summary>WaitTimeout: non-terminating, its TargetObject the scan as last seen.</summary>
        private static ScanPSError TimedOut(WaitEntry entry, TimeSpan timeout)
        {
            var last = entry.LastPoll?.Scan;
            return new ScanPSError(ErrorIds.WaitTimeout, ScanPSErrorCategory.OperationTimeout,
                entry.Session.Provider + " scan " + entry.Scan.Id + " was still " + (last?.VendorState ?? last?.State.ToString() ?? "running") +
                " after " + Describe(timeout) + " (-Timeout).",
                (object?)last ?? entry.Scan.Id)
            { RecommendedAction = "The error's TargetObject is the scan as last seen; pipe it to Wait-Scan again to go on waiting, or Stop-Scan to stop it." };
        }

        private static void Report(IProgressHost? progress, WaitEntry entry, ScanPoll poll, bool completed)
        {
            if (progress == null) return;
            var scan = poll.Scan;
            string state = scan.VendorState ?? scan.State.ToString();
            string status = poll.Percent.HasValue ? state + " (" + poll.Percent.Value.ToString(CultureInfo.InvariantCulture) + " %)" : state;
            progress.WriteProgress(new ProgressReport(entry.ActivityId, Activity(entry), status) { PercentComplete = poll.Percent ?? -1, Completed = completed });
        }

        private static void Complete(IProgressHost? progress, WaitEntry entry)
        {
            if (progress == null) return;
            var scan = entry.LastPoll?.Scan;
            progress.WriteProgress(new ProgressReport(entry.ActivityId, Activity(entry), scan == null ? "Not waited for" : scan.VendorState ?? scan.State.ToString()) { Completed = true });
        }

        private static string Activity(WaitEntry entry) => "Waiting for " + entry.Session.Provider + " scan " + entry.Scan.Id;

        private static string Describe(TimeSpan span) =>
            span.TotalSeconds >= 1
                ? span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s"
                : Math.Max(0, span.TotalMilliseconds).ToString("0", CultureInfo.InvariantCulture) + " ms";
    }
}
