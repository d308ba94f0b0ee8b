using System;
using System.Collections.Concurrent;

namespace ScanPS.Http
{
    /// <summary>
    /// Verbose/Debug/Warning lines produced on HTTP and Polly threads. Cmdlets may only write on the pipeline
    /// thread, so lines are queued here and drained by the operation on that thread. Every line is redacted
    /// before it is queued.
    /// </summary>
    public sealed class RequestLog
    {
        private readonly ConcurrentQueue<Entry> _entries = new ConcurrentQueue<Entry>();
        private Func<string, string> _redact = text => text;

        public RequestLog(bool bodiesEnabled)
        {
            BodiesEnabled = bodiesEnabled;
        }

        /// <summary>True under -Debug: request and response bodies are logged (costs a buffered read).</summary>
        public bool BodiesEnabled { get; }

        public void AddRedaction(Func<string, string> redact)
        {
            var previous = _redact;
            _redact = text => redact(previous(text));
        }

        public string Redact(string text) => _redact(text);

        public void Verbose(string message) => _entries.Enqueue(new Entry(Level.Verbose, _redact(message)));

        public void Debug(string message) => _entries.Enqueue(new Entry(Level.Debug, _redact(message)));

        public void Warning(string message) => _entries.Enqueue(new Entry(Level.Warning, _redact(message)));

        /// <summary>Writes the queued lines through the host. Call only on the pipeline thread.</summary>
        public void DrainTo(ILogSink host)
        {
            while (_entries.TryDequeue(out var entry))
            {
                switch (entry.Level)
                {
                    case Level.Verbose: host.WriteVerbose(entry.Message); break;
                    case Level.Debug: host.WriteDebug(entry.Message); break;
                    default: host.WriteWarning(entry.Message); break;
                }
            }
        }

        private enum Level { Verbose, Debug, Warning }

        private readonly struct Entry
        {
            public Entry(Level level, string message) { Level = level; Message = message; }
            public Level Level { get; }
            public string Message { get; }
        }
    }
}
