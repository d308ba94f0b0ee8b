using System;
using System.Security.Cryptography;
using System.Text;

namespace ScanPS.Findings
{
    /// <summary>
    /// The ScanPS fingerprint of a finding, for matching findings across scans when the vendor gives no identity:
    /// the lowercase hex SHA-256 of the UTF-8 text "scanps-finding/v1" + LF + provider + LF + target + LF + rule + LF +
    /// location, where provider is the canonical name (HostedScan, ProjectDiscovery, Invicti, Probely); target is the
    /// Target property trimmed, lowercased, without trailing "/"; rule is RuleId, or Title when there is no RuleId,
    /// trimmed; and location is the Location property trimmed (case kept: URL paths are case-sensitive). Severity,
    /// status, dates and ids are left out on purpose: they change between scans while the finding stays the same.
    /// </summary>
    public static class FindingFingerprint
    {
        public const string Version = "scanps-finding/v1";

        /// <summary>The SARIF partialFingerprints name of the fingerprint.</summary>
        public const string SarifName = "scanpsFinding/v1";

        public static string Compute(string provider, string? target, string? rule, string? location)
        {
            var text = Version + "\n" + provider + "\n" + NormalizeTarget(target) + "\n" + (rule ?? string.Empty).Trim() + "\n" + (location ?? string.Empty).Trim();
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            var builder = new StringBuilder(hash.Length * 2);
            foreach (var b in hash) builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return builder.ToString();
        }

        private static string NormalizeTarget(string? target)
        {
            var text = (target ?? string.Empty).Trim().ToLowerInvariant();
            return text.TrimEnd('/');
        }
    }
}
