using System.Collections.Generic;

namespace ScanPS.Benchmarks.Contenders
{
    /// <summary>Where a contender puts each scan it produces: every contender hands over the same two things.</summary>
    public interface IScanSink
    {
        /// <param name="id">The scan id (what Get-Scan output binds to the next command by property name).</param>
        /// <param name="scan">The typed object the contender produced.</param>
        void Add(string id, object scan);
    }

    /// <summary>The timed runs' sink: touches the id and keeps nothing, like a pipeline that streams objects on.</summary>
    public sealed class CountingSink : IScanSink
    {
        public long Count { get; private set; }

        /// <summary>Sum of id lengths: cheap, and it keeps the id read from every object.</summary>
        public long IdChars { get; private set; }

        public void Add(string id, object scan)
        {
            Count++;
            IdChars += id.Length;
        }
    }

    /// <summary>The control for the memory table: keeps every object, as `$all = Get-Scan …` or `$all += $page.data` would.</summary>
    public sealed class BufferingSink : IScanSink
    {
        public List<object> Scans { get; } = new List<object>();

        public void Add(string id, object scan) => Scans.Add(scan);
    }
}
