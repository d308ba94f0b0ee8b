using System;
using System.Collections.Generic;

namespace ScanPS.Providers
{
    /// <summary>
    /// What New-Scan collected for one scan: every pipeline record's -Target/-TargetId/-Tag values (trimmed, first
    /// occurrence kept) and the values of the command's other bound parameters, by parameter name. The provider's
    /// definition turns it into its own create request (<see cref="ProviderDefinition.NewScanRequest"/>).
    /// </summary>
    public sealed class NewScanInput
    {
        private readonly IDictionary<string, object?> _parameters;

        /// <summary>
        /// <paramref name="parameters"/>: bound parameters by name (any case); a switch is its bool, an absent parameter is missing.
        /// </summary>
        public NewScanInput(IList<string> targets, IList<string> targetIds, IList<string> tags, IDictionary<string, object?> parameters)
        {
            Targets = targets;
            TargetIds = targetIds;
            Tags = tags;
            _parameters = new Dictionary<string, object?>(parameters, StringComparer.OrdinalIgnoreCase);
        }

        public IList<string> Targets { get; }

        public IList<string> TargetIds { get; }

        public IList<string> Tags { get; }

        /// <summary>The parameter's value, or null when it was not given.</summary>
        public object? Value(string parameter) => _parameters.TryGetValue(parameter, out var value) ? value : null;

        public string? Text(string parameter) => Value(parameter) as string;

        /// <summary>null when the switch is not given (the field is not sent); true/false as given.</summary>
        public bool? Flag(string parameter) => Value(parameter) is bool flag ? flag : (bool?)null;

        /// <summary>The values as a new list; empty when the parameter was not given.</summary>
        public IList<string> List(string parameter) => Value(parameter) is string[] values ? new List<string>(values) : new List<string>();
    }
}
