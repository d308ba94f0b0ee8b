using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>The manifest exports what is compiled, and the format file describes real output types.</summary>
    public sealed class ManifestAndFormatTests
    {
        private static readonly Assembly Cmdlets = typeof(ScanPS.Commands.ScanPSCmdlet).Assembly;
        private static readonly Assembly Core = typeof(ScanPS.Models.Scan).Assembly;

        private static string Manifest => File.ReadAllText(Path.Combine(RepoRoot.Path, "ScanPS.psd1"));

        private static string[] ManifestList(string key)
        {
            var match = Regex.Match(Manifest, @"(?m)^\s*" + key + @"\s*=\s*@\(([^)]*)\)");
            Assert.True(match.Success, key + " is missing from ScanPS.psd1");
            return Regex.Matches(match.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToArray();
        }

        /// <summary>"Verb-Noun" of every public cmdlet class, read from metadata.</summary>
        public static IReadOnlyDictionary<string, Type> CompiledCmdlets() =>
            Cmdlets.GetExportedTypes()
                .Select(t => (Type: t, Attribute: t.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType.Name == "CmdletAttribute")))
                .Where(x => x.Attribute != null && !x.Type.IsAbstract)
                .ToDictionary(x => x.Attribute!.ConstructorArguments[0].Value + "-" + x.Attribute.ConstructorArguments[1].Value, x => x.Type);

        [Fact]
        public void Exports_are_explicit_and_equal_the_compiled_cmdlets()
        {
            Assert.Equal(CompiledCmdlets().Keys.OrderBy(n => n), ManifestList("CmdletsToExport").OrderBy(n => n));
            Assert.Empty(ManifestList("FunctionsToExport"));
            Assert.Empty(ManifestList("AliasesToExport"));
            Assert.Empty(ManifestList("VariablesToExport"));
            Assert.DoesNotMatch(@"(?m)^\s*RequiredAssemblies", Manifest); // dependencies are resolved by the module (DependencyResolver)
        }

        [Fact]
        public void Format_files_exist_and_every_type_name_is_a_real_output_type()
        {
            var formats = ManifestList("FormatsToProcess");
            Assert.NotEmpty(formats);
            foreach (var format in formats)
            {
                string path = Path.Combine(RepoRoot.Path, "src", "ScanPS", format);
                Assert.True(File.Exists(path), format + " is listed in FormatsToProcess but does not exist");
                foreach (var name in XDocument.Load(path).Descendants("TypeName").Select(t => t.Value))
                {
                    Assert.True(FindType(name) != null, format + " names " + name + ", which is not a ScanPS type");
                }
            }
        }

        [Fact]
        public void Every_output_type_has_one_table_view_of_4_to_6_real_columns_with_local_dates()
        {
            var document = XDocument.Load(Path.Combine(RepoRoot.Path, "src", "ScanPS", "ScanPS.Format.ps1xml"));
            var outputTypes = CompiledCmdlets().Values
                .SelectMany(t => t.GetCustomAttributesData().Where(a => a.AttributeType.Name == "OutputTypeAttribute"))
                .SelectMany(a => a.ConstructorArguments.SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { arg.Value }))
                .OfType<Type>()
                .Where(t => t != typeof(void))
                // PowerShell's own types (the SARIF/JUnit text, a FileInfo, a PSObject read from a file) keep PowerShell's views.
                .Where(t => t.Namespace != null && t.Namespace.StartsWith("ScanPS", StringComparison.Ordinal))
                .Distinct()
                .ToList();
            Assert.NotEmpty(outputTypes);

            foreach (var type in outputTypes)
            {
                var views = document.Descendants("View").Where(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Any(n => n.Value == type.FullName)).ToList();
                var view = Assert.Single(views);
                var table = view.Element("TableControl");
                Assert.True(table != null, type.FullName + " has no table view");
                int headers = table!.Descendants("TableColumnHeader").Count();
                var items = table.Descendants("TableColumnItem").ToList();
                Assert.InRange(headers, 4, 6);
                Assert.Equal(headers, items.Count);
                foreach (var item in items)
                {
                    string? propertyName = item.Element("PropertyName")?.Value;
                    if (propertyName == null)
                    {
                        Assert.False(string.IsNullOrWhiteSpace(item.Element("ScriptBlock")?.Value), type.Name + ": a column has neither PropertyName nor ScriptBlock");
                        foreach (Match used in Regex.Matches(item.Element("ScriptBlock")!.Value, @"\$_\.(\w+)"))
                        {
                            Assert.True(type.GetProperty(used.Groups[1].Value, BindingFlags.Public | BindingFlags.Instance) != null, type.Name + " has no property " + used.Groups[1].Value);
                        }

                        continue;
                    }

                    var property = type.GetProperty(propertyName, BindingFlags.Public | BindingFlags.Instance);
                    Assert.True(property != null, type.Name + " has no property " + propertyName);
                    var propertyType = Nullable.GetUnderlyingType(property!.PropertyType) ?? property.PropertyType;
                    Assert.False(propertyType == typeof(DateTime) || propertyType == typeof(DateTimeOffset),
                        type.Name + "." + propertyName + " is a date: show it with a ScriptBlock that calls .ToLocalTime()");
                }
            }
        }

        private static Type? FindType(string fullName) => Core.GetType(fullName) ?? Cmdlets.GetType(fullName);
    }
}
