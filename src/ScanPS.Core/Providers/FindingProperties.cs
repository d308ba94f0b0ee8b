using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace ScanPS.Providers
{
    /// <summary>
    /// The seam the finding commands read a finding through: a property by name, whatever the object is. A typed
    /// <see cref="Models.ScanFinding"/> (and each provider's subtype) reads through <see cref="ObjectFindingProperties"/>;
    /// the cmdlet layer supplies one over a PSObject, so findings read back from Import-Csv or Import-Clixml (the
    /// same property names, values as strings) read the same way.
    /// </summary>
    public interface IFindingProperties
    {
        /// <summary>The object the properties are read from; it is what the commands write back out.</summary>
        object Source { get; }

        /// <summary>The value of the property, or null when the object has no such property. Names are case-insensitive.</summary>
        object? Get(string name);
    }

    /// <summary>Reads the public properties of a CLR object (a ScanFinding subtype, or any object in a test).</summary>
    public sealed class ObjectFindingProperties : IFindingProperties
    {
        public ObjectFindingProperties(object source) => Source = source ?? throw new ArgumentNullException(nameof(source));

        public object Source { get; }

        public object? Get(string name)
        {
            // The most derived declaration wins (a subtype may declare a base property again).
            var property = Source.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.GetIndexParameters().Length == 0);
            return property?.GetValue(Source);
        }
    }

    /// <summary>How the finding commands turn a property value (typed, or the string Export-Csv wrote) into text.</summary>
    public static class FindingValue
    {
        public static string? Text(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    return text.Trim().Length == 0 ? null : text.Trim();
                case DateTimeOffset at:
                    return at.ToString("o", CultureInfo.InvariantCulture);
                case DateTime date:
                    return date.ToString("o", CultureInfo.InvariantCulture);
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                case IEnumerable items:
                    var joined = string.Join(Models.ValueList<string>.Separator, items.Cast<object?>().Select(Text).Where(t => t != null));
                    return joined.Length == 0 ? null : joined;
                default:
                    return Text(value.ToString());
            }
        }

        /// <summary>True, false, or null when absent or not a boolean ("True"/"False" as Export-Csv writes them, 1/0).</summary>
        public static bool? Flag(object? value)
        {
            if (value is bool flag) return flag;
            var text = Text(value);
            if (text == null) return null;
            if (bool.TryParse(text, out var parsed)) return parsed;
            if (text == "1") return true;
            if (text == "0") return false;
            return null;
        }

        public static DateTimeOffset? Date(object? value)
        {
            if (value is DateTimeOffset at) return at;
            if (value is DateTime date) return new DateTimeOffset(date.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(date, DateTimeKind.Utc) : date);
            var text = Text(value);
            if (text == null) return null;
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : (DateTimeOffset?)null;
        }

        public static string[] List(object? value)
        {
            if (value == null) return Array.Empty<string>();
            if (!(value is string) && value is IEnumerable items)
            {
                return items.Cast<object?>().Select(Text).Where(t => t != null).Select(t => t!).ToArray();
            }

            var text = Text(value);
            return text == null ? Array.Empty<string>() : text.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
        }
    }
}
