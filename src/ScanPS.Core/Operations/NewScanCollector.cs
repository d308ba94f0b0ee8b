using System;
using System.Collections.Generic;
using ScanPS.Errors;
using ScanPS.Providers;

namespace ScanPS.Operations
{
    /// <summary>
    /// New-Scan's pipeline input: every record's -Target/-TargetId/-Tag values (from Import-Csv rows, say) are
    /// collected, in order, and become ONE scan at the end of the pipeline.
    /// </summary>
    public sealed class NewScanCollector
    {
        private readonly List<string> _targets = new List<string>();
        private readonly List<string> _targetIds = new List<string>();
        private readonly List<string> _tags = new List<string>();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The provider of the first record; null before any record.</summary>
        public string? Provider { get; private set; }

        public int RecordCount { get; private set; }

        /// <summary>Adds one pipeline record; all records must name the same provider (one scan has one vendor).</summary>
        public void Add(string provider, IEnumerable<string>? targets, IEnumerable<string>? targetIds, IEnumerable<string>? tags)
        {
            string normalised = ProviderNames.Normalize(provider) ?? provider;
            if (Provider == null)
            {
                Provider = normalised;
            }
            else if (Provider != normalised)
            {
                throw new ScanPSError(
                    ErrorIds.ProviderMismatch,
                    ScanPSErrorCategory.InvalidArgument,
                    "New-Scan creates one scan, but the pipeline gave two providers (" + Provider + ", " + normalised + "). Split the input by provider.",
                    provider).ToException();
            }

            RecordCount++;
            AddClean(_targets, "t:", targets);
            AddClean(_targetIds, "i:", targetIds);
            AddClean(_tags, "g:", tags);
        }

        /// <summary>
        /// Trimmed, non-empty, first occurrence kept (the rule the request body follows), so an empty CSV cell adds
        /// nothing and a -Tag given once on the command line is not repeated for every piped row in -WhatIf.
        /// </summary>
        private void AddClean(List<string> list, string kind, IEnumerable<string>? values)
        {
            if (values == null) return;
            foreach (var value in values)
            {
                string trimmed = (value ?? string.Empty).Trim();
                if (trimmed.Length > 0 && _seen.Add(kind + trimmed)) list.Add(trimmed);
            }
        }

        /// <summary>The collected values with the command's parameters, for the provider's definition to build its request from.</summary>
        public NewScanInput ToInput(IDictionary<string, object?> parameters) =>
            new NewScanInput(new List<string>(_targets), new List<string>(_targetIds), new List<string>(_tags), parameters);
    }
}
