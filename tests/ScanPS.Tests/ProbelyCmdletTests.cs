using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ScanPS.Commands;
using ScanPS.Models;
using ScanPS.Providers.Probely;
using Xunit;
using static ScanPS.Tests.CmdletReflection;

namespace ScanPS.Tests
{
    /// <summary>New-ScheduledScanBulk's PowerShell surface (read through CustomAttributeData), its help page and its table view.</summary>
    public sealed class ProbelyCmdletTests
    {
        private static readonly Type Cmdlet = typeof(NewScheduledScanBulkCommand);

        private static IEnumerable<string> Strings(CustomAttributeData attribute) =>
            ((IEnumerable<CustomAttributeTypedArgument>)attribute.ConstructorArguments[0].Value!).Select(a => (string)a.Value!);

        [Fact]
        public void It_supports_ShouldProcess_at_Medium_impact_and_declares_its_output_type()
        {
            var cmdlet = Attribute(Cmdlet, "CmdletAttribute")!;
            Assert.Equal("New-ScheduledScanBulk", CommandName(Cmdlet));
            Assert.Equal(true, Named(cmdlet, "SupportsShouldProcess"));
            Assert.Equal(2, Convert.ToInt32(Named(cmdlet, "ConfirmImpact")));
            var output = Attribute(Cmdlet, "OutputTypeAttribute")!;
            Assert.Equal(new[] { typeof(ProbelyScheduledScan) }, ((IEnumerable<CustomAttributeTypedArgument>)output.ConstructorArguments[0].Value!).Select(a => (Type)a.Value!));
            Assert.True(Cmdlet.IsSealed);
        }

        [Fact]
        public void TargetId_binds_by_property_name_with_alias_Id_so_Import_Csv_rows_pipe_in()
        {
            var targetId = Assert.Single(Parameters(Cmdlet), p => p.Name == "TargetId");
            Assert.True(targetId.Mandatory);
            Assert.True(targetId.ByPropertyName);
            Assert.False(targetId.ByValue);
            Assert.Equal(typeof(string[]), targetId.Type);
            Assert.Equal(new[] { "Id" }, Strings(Attribute(Cmdlet.GetProperty("TargetId")!, "AliasAttribute")!));
            // Only TargetId (and Provider, which only says whose ids they are) comes from the pipeline: a CSV column
            // named StartTime or Region must not change the schedule.
            Assert.Equal(new[] { "TargetId", "Provider" }, Parameters(Cmdlet).Where(p => p.ByPropertyName || p.ByValue).Select(p => p.Name));
        }

        [Fact]
        public void Parameters_have_PowerShell_types_for_every_vendor_code()
        {
            Assert.True(Assert.Single(Parameters(Cmdlet), p => p.Name == "StartTime").Mandatory);
            Assert.Equal(typeof(DateTime), Cmdlet.GetProperty("StartTime")!.PropertyType);
            Assert.Equal(typeof(ScheduleRecurrence), Cmdlet.GetProperty("Recurrence")!.PropertyType);
            Assert.Equal(new[] { "None", "Hourly", "Daily", "Weekly", "Monthly", "Quarterly" }, Enum.GetNames(typeof(ScheduleRecurrence)));
            Assert.Equal(typeof(DayOfWeek), Cmdlet.GetProperty("DayOfWeek")!.PropertyType);
            Assert.Equal(typeof(WeekOfMonth), Cmdlet.GetProperty("WeekIndex")!.PropertyType);
            Assert.Equal(new[] { "First", "Second", "Third", "Fourth", "Last" }, Enum.GetNames(typeof(WeekOfMonth)));
            Assert.Equal(typeof(ProbelyRegion), Cmdlet.GetProperty("Region")!.PropertyType);
            Assert.Equal(new[] { "Default", "EU", "US", "AU" }, Enum.GetNames(typeof(ProbelyRegion)));
            foreach (var name in new[] { "PartialScan", "OverrideTargetSettings", "Incremental", "ReducedScope" })
            {
                Assert.Equal("SwitchParameter", Cmdlet.GetProperty(name)!.PropertyType.Name);
            }
        }

        [Fact]
        public void BatchSize_is_range_checked_and_defaults_to_50()
        {
            var range = Attribute(Cmdlet.GetProperty("BatchSize")!, "ValidateRangeAttribute")!;
            Assert.Equal(new object[] { 1, 1000 }, range.ConstructorArguments.Select(a => a.Value));
            Assert.Equal(50, NewScheduledScanBulkCommand.DefaultBatchSize);
            Assert.Equal(50, new NewScheduledScanBulkCommand().BatchSize);
        }

        [Fact]
        public void The_help_page_documents_every_parameter_with_a_PlatyPS_block_and_the_required_examples()
        {
            string page = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "New-ScheduledScanBulk.md"));
            foreach (var name in Parameters(Cmdlet).Select(p => p.Name).Distinct().Concat(new[] { "WhatIf", "Confirm" }))
            {
                Assert.Matches(new Regex(@"### -" + name + @"\r?\n[^#]+?```yaml\r?\nType: ", RegexOptions.Singleline), page);
            }

            Assert.True(Regex.Matches(page, @"### Example \d+").Count >= 2);
            Assert.Contains("Import-Csv", page);
            Assert.Matches(@"PS C:\\> .*-WhatIf", page);
            Assert.Contains("What if: ", page);
            Assert.Contains("only in their own region", page);
        }

        [Fact]
        public void The_format_file_has_a_table_view_for_ProbelyScheduledScan_over_real_properties()
        {
            var doc = XDocument.Load(Path.Combine(RepoRoot.Path, "src", "ScanPS", "ScanPS.Format.ps1xml"));
            var view = doc.Descendants("View").Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == typeof(ProbelyScheduledScan).FullName);
            var table = view.Element("TableControl")!;
            var items = table.Descendants("TableColumnItem").ToList();
            Assert.InRange(items.Count, 4, 6);
            Assert.Equal(table.Descendants("TableColumnHeader").Count(), items.Count);
            foreach (var property in items.Select(i => i.Element("PropertyName")?.Value).Where(p => p != null))
            {
                Assert.NotNull(typeof(ProbelyScheduledScan).GetProperty(property!, BindingFlags.Public | BindingFlags.Instance));
            }

            foreach (Match used in Regex.Matches(string.Concat(items.Select(i => i.Element("ScriptBlock")?.Value)), @"\$_\.(\w+)"))
            {
                Assert.NotNull(typeof(ProbelyScheduledScan).GetProperty(used.Groups[1].Value));
            }
        }
    }
}
