using System;
using System.Management.Automation;
using ScanPS.Benchmarks.Contenders;

namespace ScanPS.Benchmarks.Engine
{
    /// <summary>
    /// Where a run's objects end up: the output collection of <c>PowerShell.Invoke(input, output)</c>, i.e. what a
    /// host receives from the engine, counted and dropped (nothing is kept, so memory stays what the listing holds).
    /// The pure C# floor writes to it as an <see cref="IScanSink"/>. An optional probe sees every object with its
    /// index (the correctness and memory runs); the timed runs have none.
    /// </summary>
    public sealed class EngineOutput : PSDataCollection<PSObject>, IScanSink
    {
        private readonly Action<long, Func<string?>>? _probe;

        public EngineOutput(Action<long, Func<string?>>? probe = null)
        {
            _probe = probe;
        }

        public long Received { get; private set; }

        /// <summary>The id as a pipeline-bound parameter reads it (a property named Id, any case).</summary>
        public static string? IdOf(PSObject item) => item.Properties["Id"]?.Value as string;

        /// <summary>The engine adds every output object here; counted, not stored.</summary>
        protected override void InsertItem(Guid psInstanceId, int index, PSObject item)
        {
            if (_probe != null) _probe(Received, () => IdOf(item));
            Received++;
        }

        void IScanSink.Add(string id, object scan)
        {
            if (_probe != null) _probe(Received, () => id);
            Received++;
        }
    }
}
