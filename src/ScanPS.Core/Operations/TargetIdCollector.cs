using System;
using System.Collections.Generic;

namespace ScanPS.Operations
{
    /// <summary>
    /// Target ids from the command line and from every pipeline record (Import-Csv rows), in order: trimmed,
    /// blanks dropped, each id once (ids are case-sensitive, as Probely's Base58 ids are).
    /// </summary>
    public sealed class TargetIdCollector
    {
        private readonly List<string> _ids = new List<string>();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        public IReadOnlyList<string> Ids => _ids;

        /// <summary>Ids given more than once (sent once).</summary>
        public int Duplicates { get; private set; }

        public void Add(IEnumerable<string>? ids)
        {
            if (ids == null) return;
            foreach (var id in ids)
            {
                string trimmed = (id ?? string.Empty).Trim();
                if (trimmed.Length == 0) continue;
                if (_seen.Add(trimmed)) _ids.Add(trimmed);
                else Duplicates++;
            }
        }

        /// <summary>
        /// The ids, or NoScanTargets when none was given, or InvalidTargetId for the first id that is not one path
        /// segment ('..', 'a/b'); both before any credential lookup or request.
        /// </summary>
        public IReadOnlyList<string> Require(string commandName)
        {
            foreach (var id in _ids) Providers.ResourceIds.CheckTargetId(id, ProviderNames.Probely);
            if (_ids.Count > 0) return _ids;
            throw new ScanPSError(
                "NoScanTargets",
                ScanPSErrorCategory.InvalidArgument,
                commandName + " got no target ids: -TargetId and the piped TargetId/Id values were all empty.")
            { RecommendedAction = "Pass -TargetId, or pipe objects with a TargetId or Id property. Nothing was sent." }.ToException();
        }
    }
}
