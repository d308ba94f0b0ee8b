using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ScanPS.Commands;

namespace ScanPS.Tests
{
    /// <summary>
    /// Reads cmdlet metadata as PowerShell would, but through CustomAttributeData: PowerShellStandard.Library's
    /// attribute classes are stubs at run time, so instantiated attributes would read back as defaults.
    /// </summary>
    public static class CmdletReflection
    {
        public const string AllSets = "__AllParameterSets";

        public static Assembly ModuleAssembly => typeof(NewScanCommand).Assembly;

        public static IEnumerable<Type> CmdletTypes =>
            ModuleAssembly.GetTypes().Where(t => t.IsPublic && !t.IsAbstract && Attribute(t, "CmdletAttribute") != null);

        public static CustomAttributeData? Attribute(MemberInfo member, string name) =>
            member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.Name == name);

        public static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, string name) =>
            member.GetCustomAttributesData().Where(a => a.AttributeType.Name == name);

        public static object? Named(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => n.TypedValue.Value).FirstOrDefault();

        public static string CommandName(Type cmdlet)
        {
            var a = Attribute(cmdlet, "CmdletAttribute")!;
            return a.ConstructorArguments[0].Value + "-" + a.ConstructorArguments[1].Value;
        }

        public sealed record ParameterInfo(string Name, string Set, bool Mandatory, int Position, bool ByValue, bool ByPropertyName, Type Type);

        public static List<ParameterInfo> Parameters(Type cmdlet) =>
            cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .SelectMany(p => Attributes(p, "ParameterAttribute").Select(a => new ParameterInfo(
                    p.Name,
                    (string?)Named(a, "ParameterSetName") ?? AllSets,
                    (bool?)Named(a, "Mandatory") ?? false,
                    (int?)Named(a, "Position") ?? int.MinValue,
                    (bool?)Named(a, "ValueFromPipeline") ?? false,
                    (bool?)Named(a, "ValueFromPipelineByPropertyName") ?? false,
                    p.PropertyType)))
                .ToList();

        public static List<string> SetNames(Type cmdlet)
        {
            var sets = Parameters(cmdlet).Select(p => p.Set).Where(s => s != AllSets).Distinct().ToList();
            return sets.Count == 0 ? new List<string> { AllSets } : sets;
        }

        /// <summary>The values a [ValidateSet] accepts, or a [ValidateProvider]/[ValidateRegion] (from the provider definitions).</summary>
        public static string[] ValidateSet(Type cmdlet, string parameter)
        {
            var property = cmdlet.GetProperty(parameter)!;
            var provider = property.GetCustomAttribute<ScanPS.Commands.ValidateKnownValuesAttribute>();
            if (provider != null) return provider.ValidValues.ToArray();
            var a = Attribute(property, "ValidateSetAttribute")!;
            return ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!).ToArray();
        }

        /// <summary>
        /// PowerShell's choice among parameter sets for the given bound names: the sets containing them all;
        /// the default set if it is among them; else the sets whose mandatory parameters are all bound.
        /// Returns the single set, or null when PowerShell would report AmbiguousParameterSet / no match.
        /// </summary>
        public static string? ChooseSet(Type cmdlet, ICollection<string> bound)
        {
            var parameters = Parameters(cmdlet);
            string? defaultSet = (string?)Named(Attribute(cmdlet, "CmdletAttribute")!, "DefaultParameterSetName");
            bool In(string name, string set) => parameters.Any(p => p.Name == name && (p.Set == set || p.Set == AllSets));
            var candidates = SetNames(cmdlet).Where(set => bound.All(b => In(b, set))).ToList();
            if (candidates.Count == 1) return candidates[0];
            if (candidates.Count == 0) return null;
            if (defaultSet != null && candidates.Contains(defaultSet)) return defaultSet;
            var satisfied = candidates.Where(set => parameters.Where(p => p.Set == set && p.Mandatory).All(p => bound.Contains(p.Name))).ToList();
            return satisfied.Count == 1 ? satisfied[0] : null;
        }
    }
}
