using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Errors;
using ScanPS.Models;

namespace ScanPS.Providers
{
    /// <summary>
    /// Turns Get-Scan -State values (ScanPS's normalised names or the vendor's own, any case) into the vendor's
    /// filter values, in order and without duplicates; an unknown value is InvalidStateFilter before any request.
    /// Each provider's vocabulary holds one, with its own states and which meaning wins where names overlap.
    /// </summary>
    public sealed class StateFilter
    {
        private readonly string _provider;
        private readonly IReadOnlyList<string> _vendorStates;
        private readonly IReadOnlyDictionary<ScanState, string[]> _normalisedToVendor;
        private readonly bool _normalisedWins;
        private readonly Dictionary<string, ScanState> _vendorToNormalised = new Dictionary<string, ScanState>(StringComparer.OrdinalIgnoreCase);

        /// <param name="provider">The vendor's name, for the error message.</param>
        /// <param name="vendorStates">The vendor's own state values, as it spells them.</param>
        /// <param name="normalisedToVendor">What each normalised state means in vendor states.</param>
        /// <param name="normalisedWins">Where a name is both (case-insensitively), true picks the normalised meaning, false the vendor's.</param>
        public StateFilter(string provider, IReadOnlyList<string> vendorStates, IReadOnlyDictionary<ScanState, string[]> normalisedToVendor, bool normalisedWins)
        {
            _provider = provider;
            _vendorStates = vendorStates;
            _normalisedToVendor = normalisedToVendor;
            _normalisedWins = normalisedWins;
            foreach (var pair in normalisedToVendor)
            {
                foreach (var vendor in pair.Value) _vendorToNormalised[vendor] = pair.Key;
            }
        }

        /// <summary>
        /// The normalised state of a vendor state (any case), read from the same table the filter uses; Unknown when
        /// the table does not have it. A case-insensitive lookup: called once per listed scan, it allocates nothing.
        /// </summary>
        public ScanState Normalise(string? vendorState) =>
            vendorState != null && _vendorToNormalised.TryGetValue(vendorState, out var state) ? state : ScanState.Unknown;

        /// <summary>
        /// Every accepted name once: the normalised ones, then the vendor's that are not already listed
        /// (what -State tab-completes; Invicti's Queued, Failed, Cancelled and Paused are both).
        /// </summary>
        public IEnumerable<string> Names => _normalisedToVendor.Keys.Select(k => k.ToString()).Concat(_vendorStates).Distinct(StringComparer.OrdinalIgnoreCase);

        public string[] ToVendorStates(IEnumerable<string> states)
        {
            var result = new List<string>();
            foreach (var raw in states)
            {
                string value = (raw ?? string.Empty).Trim();
                var mapped = _normalisedWins ? (Normalised(value) ?? Vendor(value)) : (Vendor(value) ?? Normalised(value));
                if (mapped == null)
                {
                    throw new ScanPSError(
                        ErrorIds.InvalidStateFilter,
                        ScanPSErrorCategory.InvalidArgument,
                        "'" + value + "' is not " + Article(_provider) + " " + _provider + " scan state. Use one of: " + string.Join(", ", Names) + ".",
                        value)
                    { RecommendedAction = "Pass -State with one of the listed values." }.ToException();
                }

                foreach (var v in mapped)
                {
                    if (!result.Contains(v)) result.Add(v);
                }
            }

            return result.ToArray();
        }

        private string[]? Vendor(string value)
        {
            string? vendor = _vendorStates.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
            return vendor == null ? null : new[] { vendor };
        }

        private string[]? Normalised(string value)
        {
            foreach (var pair in _normalisedToVendor)
            {
                if (string.Equals(pair.Key.ToString(), value, StringComparison.OrdinalIgnoreCase)) return pair.Value;
            }

            return null;
        }

        private static string Article(string word) => "AEIOU".IndexOf(char.ToUpperInvariant(word[0])) >= 0 ? "an" : "a";
    }
}
