using System;
using System.Collections.Generic;
using ScanPS.Errors;

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
        private readonly string _provider;
        private readonly string? _commandName;

        /// <summary>Ids of <paramref name="provider"/>'s targets: a piped object that names another provider is refused.</summary>
        public TargetIdCollector(string provider, string commandName)
        {
            _provider = provider;
            _commandName = commandName;
        }

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
        /// Adds the ids of one pipeline record whose Provider property (null or blank for a plain CSV row) is
        /// <paramref name="provider"/>. A HostedScan or Invicti scan also has an Id, which is not a target id of this
        /// provider: ProviderMismatch, before anything is sent.
        /// </summary>
        public void Add(IEnumerable<string>? ids, string? provider)
        {
            if (!string.IsNullOrWhiteSpace(provider) && ProviderNames.Normalize(provider) != _provider)
            {
                string id = string.Join(", ", ids ?? Array.Empty<string>());
                throw new ScanPSError(
                    ErrorIds.ProviderMismatch,
                    ScanPSErrorCategory.InvalidArgument,
                    _commandName + " schedules " + _provider + " targets, but the pipeline gave a " + provider!.Trim() + " object (Id " + id + "), whose Id is not a " + _provider + " target id. Nothing was sent.",
                    id)
                { RecommendedAction = "Pipe " + _provider + " target ids: Import-Csv rows with an Id or TargetId column, or objects whose Provider is " + _provider + "." }.ToException();
            }

            Add(ids);
        }

        /// <summary>
        /// The ids, or NoScanTargets when none was given, or InvalidTargetId for the first id that is not one path
        /// segment ('..', 'a/b'); both before any credential lookup or request.
        /// </summary>
        public IReadOnlyList<string> Require(string commandName)
        {
            foreach (var id in _ids) Providers.ResourceIds.CheckTargetId(id, _provider);
            if (_ids.Count > 0) return _ids;
            throw new ScanPSError(
                ErrorIds.NoScanTargets,
                ScanPSErrorCategory.InvalidArgument,
                commandName + " got no target ids: -TargetId and the piped TargetId/Id values were all empty.")
            { RecommendedAction = "Pass -TargetId, or pipe objects with a TargetId or Id property. Nothing was sent." }.ToException();
        }
    }
}
