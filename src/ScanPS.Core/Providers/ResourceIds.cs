using System.Text;
using ScanPS.Errors;

namespace ScanPS.Providers
{
    /// <summary>
    /// The check on every id a user gives (-Id, -TargetId): one path segment and nothing else. URL resolution turns
    /// GET v1/scans/.. into GET v1/ and v1/scans/. into the listing, and '/', '\', '?', '#' or '%' would move the
    /// request to another path or query; control characters are never part of an id. No vendor's ids have any of
    /// these (HostedScan 24-hex, ProjectDiscovery 20-character xids, Invicti GUIDs, Probely Base58), so they are
    /// refused before anything is sent; what passes is URL-escaped as one segment where it goes in a path.
    /// </summary>
    public static class ResourceIds
    {
        private const string PathCharacters = "/\\?#%";

        /// <summary>The trimmed scan id, or InvalidScanId (InvalidArgument).</summary>
        public static string CheckScanId(string? id, string provider) =>
            Check(id, ErrorIds.InvalidScanId, provider + " scan id", "Pass the Id of a scan from Get-Scan -Provider " + provider + " (it tab-completes).");

        /// <summary>The trimmed target id, or InvalidTargetId (InvalidArgument).</summary>
        public static string CheckTargetId(string? id, string provider) =>
            Check(id, ErrorIds.InvalidTargetId, provider + " target id", "Pass the id of a target saved in " + provider + ".");

        /// <summary>Why the trimmed id cannot name one resource, or null when it can.</summary>
        public static string? Problem(string trimmed)
        {
            if (trimmed.Length == 0) return "it is empty";
            if (trimmed == "." || trimmed == "..") return "'" + trimmed + "' is a relative path segment, not an id";
            foreach (char c in trimmed)
            {
                if (char.IsControl(c)) return "it contains a control character";
                if (PathCharacters.IndexOf(c) >= 0) return "it contains '" + c + "', which would change the request's path";
            }

            return null;
        }

        private static string Check(string? id, string errorId, string what, string action)
        {
            string trimmed = (id ?? string.Empty).Trim();
            string? problem = Problem(trimmed);
            if (problem == null) return trimmed;
            throw new ScanPSError(
                errorId,
                ScanPSErrorCategory.InvalidArgument,
                "'" + Printable(trimmed) + "' is not a " + what + ": " + problem + ". Nothing was sent for it.",
                id)
            { RecommendedAction = action }.ToException();
        }

        /// <summary>The id as a message can show it: control characters as \uXXXX, so a line break cannot split the message.</summary>
        private static string Printable(string id)
        {
            var text = new StringBuilder(id.Length);
            foreach (char c in id)
            {
                if (char.IsControl(c)) text.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                else text.Append(c);
            }

            return text.ToString();
        }
    }
}
