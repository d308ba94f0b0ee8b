using System;
using ScanPS.Benchmarks.Contenders;
using ScanPS.Benchmarks.Server;

namespace ScanPS.Benchmarks.Harness
{
    /// <summary>
    /// The correctness run's sink: every id must be the next one the server rendered, and at the first object
    /// it asks the server how many pages were requested so far (streaming means exactly one).
    /// </summary>
    public sealed class VerifyingSink : IScanSink
    {
        private readonly Func<ServerStats> _serverStats;

        public VerifyingSink(Func<ServerStats> serverStats)
        {
            _serverStats = serverStats;
        }

        public long Count { get; private set; }

        /// <summary>Index of the first id out of order, or -1.</summary>
        public long FirstWrongIndex { get; private set; } = -1;

        /// <summary>Pages the server had been asked for when the first object came out; -1 before any object.</summary>
        public int RequestsAtFirstObject { get; private set; } = -1;

        public void Add(string id, object scan)
        {
            if (Count == 0) RequestsAtFirstObject = _serverStats().Requests;
            if (FirstWrongIndex < 0 && id != ListingPages.ScanId(checked((int)Count))) FirstWrongIndex = Count;
            Count++;
        }
    }

    /// <summary>
    /// The memory run's sink: in the middle of every page it forces a full collection and reads the live
    /// managed heap, so the peak is what the listing really holds (a page, or everything), not garbage.
    /// Optionally keeps every object, as the control that shows what "not flat" looks like.
    /// </summary>
    public sealed class LiveHeapSink : IScanSink
    {
        private readonly int _pageSize;
        private readonly BufferingSink? _buffer;

        public LiveHeapSink(int pageSize, bool keepEverything)
        {
            _pageSize = pageSize;
            _buffer = keepEverything ? new BufferingSink() : null;
        }

        public long Count { get; private set; }

        public long MaxLiveBytes { get; private set; }

        public int Samples { get; private set; }

        public void Add(string id, object scan)
        {
            _buffer?.Add(id, scan);
            if (Count % _pageSize == _pageSize / 2)
            {
                Samples++;
                MaxLiveBytes = Math.Max(MaxLiveBytes, GC.GetTotalMemory(forceFullCollection: true));
            }

            Count++;
        }

        /// <summary>The objects kept (only when keeping everything), so they stay reachable until the run ends.</summary>
        public int Kept => _buffer?.Scans.Count ?? 0;
    }
}
