using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Errors;

namespace ScanPS.Operations
{
    /// <summary>One [Parameter] attribute: a parameter's membership of a set.</summary>
    public sealed class ParameterDeclaration
    {
        public const string AllSets = "__AllParameterSets";

        public ParameterDeclaration(string name, string setName, bool mandatory)
        {
            Name = name;
            SetName = string.IsNullOrEmpty(setName) ? AllSets : setName;
            Mandatory = mandatory;
        }

        public string Name { get; }
        public string SetName { get; }
        public bool Mandatory { get; }
    }

    /// <summary>
    /// -Provider picks the vendor, but PowerShell picks a parameter set from the parameter names alone, so with
    /// parameters shared between providers it can settle on another provider's set (the default set, or the
    /// only one whose mandatory parameters happen to be bound). These rules decide the set that really applies
    /// to the chosen provider and reject, before any request, a parameter that belongs to another provider.
    /// Sets whose name starts with a provider name belong to it ("HostedScan"); other sets ("ById") are shared.
    /// </summary>
    public sealed class ProviderParameterRules
    {
        private readonly string _command;
        private readonly List<ParameterDeclaration> _declarations;

        public ProviderParameterRules(string command, IEnumerable<ParameterDeclaration> declarations)
        {
            _command = command;
            _declarations = declarations.ToList();
        }

        public static string? OwnerOf(string setName) =>
            ProviderNames.All.FirstOrDefault(p => setName.StartsWith(p, StringComparison.OrdinalIgnoreCase));

        public IEnumerable<string> SetNames =>
            _declarations.Select(d => d.SetName).Where(s => s != ParameterDeclaration.AllSets).Distinct(StringComparer.OrdinalIgnoreCase);

        /// <summary>Returns the parameter set that applies to <paramref name="provider"/>, or throws a ScanPSException.</summary>
        public string Resolve(string provider, string chosenSet, IEnumerable<string> boundParameters)
        {
            var candidates = SetNames.Where(s => OwnerOf(s) == null || string.Equals(OwnerOf(s), provider, StringComparison.OrdinalIgnoreCase)).ToList();
            var declaredNames = new HashSet<string>(_declarations.Select(d => d.Name), StringComparer.OrdinalIgnoreCase);
            var allSetNames = new HashSet<string>(_declarations.Where(d => d.SetName == ParameterDeclaration.AllSets).Select(d => d.Name), StringComparer.OrdinalIgnoreCase);
            // Common parameters (-Verbose, -WhatIf, -First …) are not declared here; all-set ones fit every set.
            var bound = boundParameters.Where(n => declaredNames.Contains(n) && !allSetNames.Contains(n)).ToList();

            foreach (var name in bound)
            {
                if (!candidates.Any(set => InSet(name, set)))
                {
                    var owners = _declarations.Where(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
                        .Select(d => OwnerOf(d.SetName)).Where(o => o != null).Distinct().ToList();
                    throw new ScanPSError(
                        ErrorIds.ParameterNotValidForProvider,
                        ScanPSErrorCategory.InvalidArgument,
                        "-" + name + " cannot be used with " + _command + " -Provider " + provider + (owners.Count > 0 ? "; it belongs to -Provider " + string.Join(" or ", owners) : string.Empty) + ".",
                        name)
                    { RecommendedAction = "Get-Help " + _command + " shows the parameters of each provider." }.ToException();
                }
            }

            if (candidates.Contains(chosenSet, StringComparer.OrdinalIgnoreCase)) return chosenSet;

            var fitting = candidates.Where(set => bound.All(n => InSet(n, set))).ToList();
            var satisfied = fitting.Where(set => Missing(set, bound).Count == 0).ToList();
            var pick = satisfied.FirstOrDefault(s => OwnerOf(s) != null) ?? satisfied.FirstOrDefault();
            if (pick != null) return pick;

            var closest = fitting.FirstOrDefault(s => OwnerOf(s) != null) ?? fitting.FirstOrDefault() ?? chosenSet;
            var missing = Missing(closest, bound);
            throw new ScanPSError(
                ErrorIds.MissingProviderParameter,
                ScanPSErrorCategory.InvalidArgument,
                _command + " -Provider " + provider + " needs " + string.Join(", ", missing.Select(m => "-" + m)) + ".",
                provider)
            { RecommendedAction = "Add " + string.Join(" ", missing.Select(m => "-" + m + " <value>")) + "." }.ToException();
        }

        private bool InSet(string parameter, string set) =>
            _declarations.Any(d => string.Equals(d.Name, parameter, StringComparison.OrdinalIgnoreCase) &&
                                   (string.Equals(d.SetName, set, StringComparison.OrdinalIgnoreCase) || d.SetName == ParameterDeclaration.AllSets));

        private List<string> Missing(string set, List<string> bound) =>
            _declarations.Where(d => d.Mandatory && string.Equals(d.SetName, set, StringComparison.OrdinalIgnoreCase) &&
                                     !string.Equals(d.Name, "Provider", StringComparison.OrdinalIgnoreCase) &&
                                     !bound.Contains(d.Name, StringComparer.OrdinalIgnoreCase))
                .Select(d => d.Name).ToList();
    }
}
