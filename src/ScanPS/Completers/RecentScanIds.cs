using System;
using System.Collections.Generic;
using System.Linq;

namespace ScanPS.Completers
{
    /// <summary>
    /// The ids of scans ScanPS wrote to the pipeline in this PowerShell process, newest first, so -Id can
    /// tab-complete a scan seen earlier. Bounded; holds ids and names only, never credentials.
    /// </summary>
    public static class RecentScanIds
    {
        public const int Capacity = 500;

        private static readonly LinkedList<Entry> Entries = new LinkedList<Entry>();
        private static readonly object Gate = new object();

        public static void Remember(string provider, string id, string? label)
        {
            if (string.IsNullOrEmpty(id)) return;
            lock (Gate)
            {
                var existing = Entries.FirstOrDefault(e => e.Provider == provider && e.Id == id);
                if (existing != null) Entries.Remove(existing);
                Entries.AddFirst(new Entry(provider, id, label));
                while (Entries.Count > Capacity) Entries.RemoveLast();
            }
        }

        /// <summary>Newest first; only <paramref name="provider"/>'s when it is given.</summary>
        public static IReadOnlyList<Entry> Snapshot(string? provider)
        {
            lock (Gate)
            {
                return Entries.Where(e => string.IsNullOrEmpty(provider) || string.Equals(e.Provider, provider, StringComparison.OrdinalIgnoreCase)).ToList();
            }
        }

        public sealed class Entry
        {
            public Entry(string provider, string id, string? label)
            {
                Provider = provider;
                Id = id;
                Label = label;
            }

            public string Provider { get; }

            public string Id { get; }

            /// <summary>A short description for the completion tooltip (name or target), if any.</summary>
            public string? Label { get; }
        }
    }
}
