using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using ParameterInfo = ScanPS.Tests.CmdletReflection.ParameterInfo;
using System.Text.RegularExpressions;
using ScanPS.HelpBuilder;
using Xunit;
using static ScanPS.Tests.CmdletReflection;

namespace ScanPS.Tests
{
    /// <summary>
    /// What the help tests compare: the cmdlets ScanPS.psd1 exports, their compiled parameters (read with
    /// CustomAttributeData) and their docs pages. Driven by the manifest and the assembly, never by a list of
    /// today's names, so a new cmdlet or parameter is checked as soon as it exists.
    /// </summary>
    public static class HelpDocs
    {
        public static string DocsDirectory => Path.Combine(RepoRoot.Path, "docs");

        public static IReadOnlyList<string> ExportedCmdlets()
        {
            string psd1 = File.ReadAllText(Path.Combine(RepoRoot.Path, "ScanPS.psd1"));
            var match = Regex.Match(psd1, @"CmdletsToExport\s*=\s*@\(([^)]*)\)");
            Assert.True(match.Success, "CmdletsToExport = @(...) not found in ScanPS.psd1");
            return Regex.Matches(match.Groups[1].Value, "'([^']+)'").Select(m => m.Groups[1].Value).OrderBy(n => n, StringComparer.Ordinal).ToList();
        }

        public static TheoryData<string> ExportedCmdletData()
        {
            var data = new TheoryData<string>();
            foreach (var name in ExportedCmdlets()) data.Add(name);
            return data;
        }

        public static Type CmdletType(string name)
        {
            var type = CmdletTypes.FirstOrDefault(t => CommandName(t) == name);
            Assert.True(type != null, name + " is exported by ScanPS.psd1 but no compiled cmdlet has that name.");
            return type!;
        }

        public static string PagePath(string cmdlet) => Path.Combine(DocsDirectory, cmdlet + ".md");

        public static CommandHelp Page(string cmdlet)
        {
            string path = PagePath(cmdlet);
            Assert.True(File.Exists(path), "docs/" + cmdlet + ".md is missing: every exported cmdlet has a PlatyPS page.");
            return CommandPageParser.Parse(Path.GetFileName(path), File.ReadAllText(path));
        }

        /// <summary>A parameter as PowerShell would show it: its type name (as PlatyPS writes it) and its metadata per set.</summary>
        public sealed record CompiledParameter(string Name, string TypeName, IReadOnlyDictionary<string, ParameterInfo> BySet, IReadOnlyList<string> Aliases, IReadOnlyList<string> AcceptedValues, bool Globbing, bool Optional);

        /// <summary>
        /// Every parameter of every set: the declared ones (the base class's included), then the ones PowerShell adds
        /// for SupportsShouldProcess (WhatIf, Confirm) and SupportsPaging (First, Skip, IncludeTotalCount), which a
        /// page may document (PlatyPS does) but need not. Common parameters (Verbose, Debug, …) are never listed.
        /// </summary>
        public static IReadOnlyList<CompiledParameter> Parameters(Type cmdlet)
        {
            var sets = SetNames(cmdlet);
            var result = new List<CompiledParameter>();
            foreach (var group in CmdletReflection.Parameters(cmdlet).GroupBy(p => p.Name))
            {
                var property = cmdlet.GetProperty(group.Key, BindingFlags.Public | BindingFlags.Instance)!;
                var bySet = new Dictionary<string, ParameterInfo>(StringComparer.Ordinal);
                foreach (var p in group)
                {
                    foreach (var set in p.Set == AllSets ? sets : new List<string> { p.Set }) bySet[set] = p;
                }

                var alias = Attribute(property, "AliasAttribute");
                var validateSet = Attribute(property, "ValidateSetAttribute");
                result.Add(new CompiledParameter(
                    group.Key,
                    TypeName(property.PropertyType),
                    bySet,
                    alias == null ? Array.Empty<string>() : Strings(alias),
                    property.GetCustomAttribute<ScanPS.Commands.ValidateKnownValuesAttribute>() is { } providers ? providers.ValidValues.ToArray()
                        : validateSet != null ? Strings(validateSet) : EnumValues(property.PropertyType),
                    Attribute(property, "SupportsWildcardsAttribute") != null,
                    Optional: false));
            }

            var cmdletAttribute = Attribute(cmdlet, "CmdletAttribute")!;
            if (Named(cmdletAttribute, "SupportsShouldProcess") is true)
            {
                result.Add(Added(sets, "WhatIf", "SwitchParameter", "wi"));
                result.Add(Added(sets, "Confirm", "SwitchParameter", "cf"));
            }

            if (Named(cmdletAttribute, "SupportsPaging") is true)
            {
                result.Add(Added(sets, "IncludeTotalCount", "SwitchParameter"));
                result.Add(Added(sets, "Skip", "UInt64"));
                result.Add(Added(sets, "First", "UInt64"));
            }

            return result;
        }

        /// <summary>PlatyPS lists an enum parameter's names as its accepted values (PowerShell completes and validates them).</summary>
        private static IReadOnlyList<string> EnumValues(Type type)
        {
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (underlying.IsArray) underlying = underlying.GetElementType()!;
            return underlying.IsEnum ? Enum.GetNames(underlying) : Array.Empty<string>();
        }

        /// <summary>PlatyPS's spelling of a parameter type: the short name, nullable value types unwrapped.</summary>
        public static string TypeName(Type type) => (Nullable.GetUnderlyingType(type) ?? type).Name;

        /// <summary>The sets a documented parameter claims, with (All) expanded to the cmdlet's sets.</summary>
        public static IEnumerable<string> DocumentedSets(ParameterMetadata metadata, IReadOnlyList<string> allSets) =>
            metadata.AllSets ? allSets : metadata.ParameterSets;

        /// <summary>"True (ByPropertyName)" → (true, {ByPropertyName}); "False" → (false, {}).</summary>
        public static (bool Accepts, string[] Kinds) PipelineInput(string text)
        {
            var match = Regex.Match(text.Trim(), @"^(True|False)\s*(?:\(([^)]*)\))?$", RegexOptions.IgnoreCase);
            Assert.True(match.Success, "'Accept pipeline input: " + text + "' is not True (ByValue|ByPropertyName) or False");
            var kinds = match.Groups[2].Value.Split(',').Select(k => k.Trim()).Where(k => k.Length > 0).OrderBy(k => k, StringComparer.Ordinal).ToArray();
            return (string.Equals(match.Groups[1].Value, "True", StringComparison.OrdinalIgnoreCase), kinds);
        }

        public static string[] PipelineKinds(ParameterInfo p) =>
            new[] { p.ByPropertyName ? "ByPropertyName" : null, p.ByValue ? "ByValue" : null }.Where(k => k != null).Select(k => k!).ToArray();

        public static string Position(ParameterInfo p) => p.Position >= 0 ? p.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Named";

        private static CompiledParameter Added(IReadOnlyList<string> sets, string name, string type, params string[] aliases) =>
            new CompiledParameter(name, type, sets.ToDictionary(s => s, s => new ParameterInfo(name, s, false, int.MinValue, false, false, typeof(object))), aliases, Array.Empty<string>(), false, Optional: true);

        private static string[] Strings(CustomAttributeData attribute) =>
            ((IEnumerable<CustomAttributeTypedArgument>)attribute.ConstructorArguments[0].Value!).Select(a => (string)a.Value!).ToArray();
    }
}
