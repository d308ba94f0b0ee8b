using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace ScanPS.Models
{
    /// <summary>
    /// A list property of a ScanPS object (Targets, Tags, AssetIds …): read-only, indexable and enumerable like
    /// the array it replaces, but its text is the values joined with "; ", so Export-Csv and string conversion
    /// write "example.com; 10.0.0.1" instead of "System.String[]".
    /// </summary>
    public sealed class ValueList<T> : ReadOnlyCollection<T>
    {
        public const string Separator = "; ";

#if NET
        // .NET 8's ReadOnlyCollection<T> has an Empty of its own; this one is the ValueList.
        public static new readonly ValueList<T> Empty = new ValueList<T>(Array.Empty<T>());
#else
        public static readonly ValueList<T> Empty = new ValueList<T>(Array.Empty<T>());
#endif

        public ValueList(IList<T> values) : base(values)
        {
        }

        /// <summary>The number of values, as on the array this replaces (so $scan.Targets.Length still counts the targets).</summary>
        public int Length => Count;

        public static implicit operator ValueList<T>(T[] values) => values == null || values.Length == 0 ? Empty : new ValueList<T>(values);

        public override string ToString() => string.Join(Separator, this);
    }
}
