using System;
using System.Collections;

namespace ScanPS.Operations
{
    /// <summary>
    /// Values that come from PowerShell inside a hashtable keep their PSObject wrapper (Get-Date's DisplayHint,
    /// Get-Content's PSPath, …), so a [datetime] would not look like one to the code that reads it. The cmdlet
    /// passes its unwrapper (PSObject → BaseObject); ScanPS.Core stays free of System.Management.Automation.
    /// </summary>
    public static class HostValues
    {
        /// <summary>A copy of <paramref name="table"/> with every key, value, list item and nested table unwrapped.</summary>
        public static IDictionary? Unwrap(IDictionary? table, Func<object?, object?> unwrapOne)
        {
            if (table == null) return null;
            var copy = new Hashtable(table.Count);
            foreach (DictionaryEntry entry in table)
            {
                object key = unwrapOne(entry.Key) ?? entry.Key;
                copy[key] = Value(entry.Value, unwrapOne);
            }

            return copy;
        }

        private static object? Value(object? value, Func<object?, object?> unwrapOne)
        {
            value = unwrapOne(value);
            switch (value)
            {
                case null:
                case string _:
                    return value;
                case IDictionary nested:
                    return Unwrap(nested, unwrapOne);
                case IList list:
                    var items = new object?[list.Count];
                    for (int i = 0; i < items.Length; i++) items[i] = Value(list[i], unwrapOne);
                    return items;
                default:
                    return value;
            }
        }
    }
}
