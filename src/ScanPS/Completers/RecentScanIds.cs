using System;
using System.Collections.Generic;
using System.Linq;

namespace ScanPS.Completers
{
    /// <summary>
    /// The ids of scans ScanPS wrote to the pipeline in this PowerShell process, newest first, so -Id can
    /// tab-complete a scan seen earlier. Bounded; holds ids and names only, never credentials.
    /// Remember runs for every object a cmdlet writes (100,000 for a long listing), so it is O(1): a linked list
    /// in recency order plus an index of its nodes by (provider, id).
    /// </summary>
    public static class RecentScanIds
    {
        public const int Capacity = 500;

        private static readonly LinkedList<Entry> Entries = new LinkedList<Entry>();
        private static readonly Dictionary<(string Provider, string Id), LinkedListNode<Entry>> Index = new Dictionary<(string Provider, string Id), LinkedListNode<Entry>>(Capacity + 1);
        private static readonly object Gate = new object();

        public static void Remember(string provider, string id, string? label)
        {
            if (string.IsNullOrEmpty(id)) return;
            var entry = new Entry(provider, id, label);
            lock (Gate)
            {
                if (Index.TryGetValue((provider, id), out var existing))
                {
                    // Seen again: the newest sighting (and its label) moves to the front.
                    Entries.Remove(existing);
                    existing.Value = entry;
                    Entries.AddFirst(existing);
                    return;
                }

                if (Entries.Count < Capacity)
                {
                    Index[(provider, id)] = Entries.AddFirst(entry);
                    return;
                }

                // Full: the oldest entry's node is reused for the newest, so a long listing allocates no nodes.
                var oldest = Entries.Last!;
                Entries.RemoveLast();
                Index.Remove((oldest.Value.Provider, oldest.Value.Id));
                oldest.Value = entry;
                Entries.AddFirst(oldest);
                Index[(provider, id)] = oldest;
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
