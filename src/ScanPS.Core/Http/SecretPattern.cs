using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ScanPS.Http
{
    /// <summary>
    /// Finds a secret in text in every form it can take on the way out: as is, JSON-escaped by any encoder
    /// (System.Text.Json writes "+" as \u002B, others \u002b or \/), URL-encoded (%2B, %2b, + for a space),
    /// HTML-escaped (&amp;amp;, &amp;#43;, &amp;#x2B;) and base64 (standard or URL-safe) of its UTF-8 bytes. A vendor
    /// that echoes a key in an error, a -Debug body that carries a proxy password, or a message that decodes one of
    /// these forms would otherwise print the secret in a form that plain replacement does not see.
    /// </summary>
    public sealed class SecretPattern
    {
        /// <summary>Shorter secrets are not searched for: masking every "abc" would make output unreadable.</summary>
        public const int MinimumLength = 4;

        private const string Mask = "***";

        private readonly Regex _pattern;

        private SecretPattern(string secret)
        {
            var forms = new List<string> { string.Concat(TextElements(secret).Select(CharacterForms)) };
            foreach (var base64 in Base64Forms(secret)) forms.Add(Regex.Escape(base64));
            _pattern = new Regex(string.Join("|", forms), RegexOptions.CultureInvariant);
        }

        /// <summary>The pattern for the secret, or null when it is too short to search for.</summary>
        public static SecretPattern? For(string? secret) =>
            string.IsNullOrEmpty(secret) || secret!.Length < MinimumLength ? null : new SecretPattern(secret);

        /// <summary>A redaction for <see cref="RequestLog.AddRedaction"/>: the identity for a secret too short to search for.</summary>
        public static Func<string, string> Redaction(string? secret)
        {
            var pattern = For(secret);
            return pattern == null ? (Func<string, string>)(text => text) : pattern.Redact;
        }

        public bool IsIn(string? text) => !string.IsNullOrEmpty(text) && _pattern.IsMatch(text);

        public string Redact(string text) => string.IsNullOrEmpty(text) ? text : _pattern.Replace(text, Mask);

        /// <summary>Each character (a surrogate pair counts as one) and what it may be written as.</summary>
        private static IEnumerable<string> TextElements(string secret)
        {
            for (int i = 0; i < secret.Length; i++)
            {
                bool pair = char.IsHighSurrogate(secret[i]) && i + 1 < secret.Length && char.IsLowSurrogate(secret[i + 1]);
                yield return pair ? secret.Substring(i++, 2) : secret.Substring(i, 1);
            }
        }

        private static string CharacterForms(string element)
        {
            var forms = new List<string> { Regex.Escape(element) };
            // JSON: \uXXXX per UTF-16 unit (hex in either case), and the short escapes of " \ /.
            forms.Add(string.Concat(element.Select(unit => @"\\u" + Hex(unit, 4))));
            if (element == "\"" || element == "\\" || element == "/") forms.Add(@"\\" + Regex.Escape(element));
            // URL: %XX per UTF-8 byte, and + for a space (form encoding).
            forms.Add(string.Concat(Encoding.UTF8.GetBytes(element).Select(b => "%" + Hex(b, 2))));
            if (element == " ") forms.Add(@"\+");
            // HTML: decimal and hex character references, and the named ones of the characters HTML escapes.
            int codePoint = char.ConvertToUtf32(element, 0);
            forms.Add("&#0*" + codePoint.ToString(CultureInfo.InvariantCulture) + ";");
            forms.Add("&#[xX]0*" + Hex(codePoint, 1) + ";");
            string? named = element switch { "&" => "amp", "<" => "lt", ">" => "gt", "\"" => "quot", "'" => "apos", _ => null };
            if (named != null) forms.Add("&" + named + ";");
            return "(?:" + string.Join("|", forms) + ")";
        }

        /// <summary>The hex digits of a value as a case-insensitive pattern (at least <paramref name="digits"/> long).</summary>
        private static string Hex(int value, int digits) =>
            "(?i:" + value.ToString("X" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + ")";

        /// <summary>Base64 of the UTF-8 bytes, without padding (so the padded form matches too), standard and URL-safe.</summary>
        private static IEnumerable<string> Base64Forms(string secret)
        {
            string standard = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)).TrimEnd('=');
            yield return standard;
            string urlSafe = standard.Replace('+', '-').Replace('/', '_');
            if (urlSafe != standard) yield return urlSafe;
        }
    }
}
