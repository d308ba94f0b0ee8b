using System;
using System.Threading.Tasks;
using ScanPS.Http;

namespace ScanPS.Operations
{
    /// <summary>
    /// Runs async work from the pipeline thread (cmdlets are synchronous), draining the request log while
    /// waiting so -Verbose retry lines appear as they happen, not after a long Retry-After.
    /// </summary>
    internal static class AsyncBridge
    {
        public static T Wait<T>(Task<T> task, RequestLog log, ICommandHost host)
        {
            WaitDraining(task, log, host);
            return task.GetAwaiter().GetResult();
        }

        public static void Wait(Task task, RequestLog log, ICommandHost host)
        {
            WaitDraining(task, log, host);
            task.GetAwaiter().GetResult();
        }

        public static T Wait<T>(ValueTask<T> task, RequestLog log, ICommandHost host) =>
            task.IsCompleted ? Drained(task.GetAwaiter().GetResult(), log, host) : Wait(task.AsTask(), log, host);

        private static T Drained<T>(T value, RequestLog log, ICommandHost host)
        {
            log.DrainTo(host);
            return value;
        }

        private static void WaitDraining(Task task, RequestLog log, ICommandHost host)
        {
            var handle = ((IAsyncResult)task).AsyncWaitHandle;
            while (!handle.WaitOne(TimeSpan.FromMilliseconds(100)))
            {
                log.DrainTo(host);
            }

            log.DrainTo(host);
        }
    }
}
