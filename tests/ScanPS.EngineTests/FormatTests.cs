using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Real output objects from the fakes rendered by PowerShell with the views of ScanPS.Format.ps1xml: default
    /// output, Format-Table and Format-List, with the exact column headers and the values a user reads.
    /// </summary>
    public sealed class FormatTests : IClassFixture<SurfaceFixture>
    {
        private static readonly Dictionary<string, string[]> Columns = new Dictionary<string, string[]>
        {
            ["ScanPS.Models.HostedScanScan"] = new[] { "Id", "Type", "State", "Progress", "Targets" },
            ["ScanPS.Models.ProjectDiscoveryScan"] = new[] { "Id", "Name", "State", "Progress", "Targets", "Results" },
            ["ScanPS.Models.InvictiScan"] = new[] { "Id", "TargetUrl", "State", "Progress", "ThreatLevel", "InitiatedAt" },
            ["ScanPS.Models.ProbelyScheduledScan"] = new[] { "Id", "Target", "NextRun", "TimeZone", "Repeats", "ScanProfile" },
            ["ScanPS.Models.ProbelyScan"] = new[] { "Id", "Target", "State", "VendorState", "ScanProfile", "Created" },
            ["ScanPS.Connections.ScanProviderConnection"] = new[] { "Provider", "Name", "IsDefault", "BaseUri", "KeyHint", "Validated" },
        };

        private readonly SurfaceFixture _fixture;

        public FormatTests(SurfaceFixture fixture) => _fixture = fixture;

        private Sandbox Sandbox => _fixture.Sandbox;

        [Theory]
        [MemberData(nameof(SurfaceFixture.OutputTypeData), MemberType = typeof(SurfaceFixture))]
        public void Default_output_is_the_table_view_with_its_headers_and_values_in_a_120_column_console(string typeName)
        {
            // A view wider than the console loses columns: PowerShell drops the ones that do not fit and wraps headers.
            Assert.True(RenderedTable.View(typeName).Sum(c => c.Width + 1) - 1 <= 120, typeName + " view is wider than 120 characters");
            using var engine = _fixture.ConnectedEngine(typeName);
            var result = engine.Run(_fixture.Make(typeName) + @"
$item.PSObject.TypeNames[0]
$item | Out-String -Width 120
$item | Format-Table | Out-String -Width 120").ThrowIfFailed();
            Assert.Equal(typeName, result.Output[0].BaseObject);
            string byDefault = (string)result.Output[1].BaseObject;
            Assert.Equal((string)result.Output[2].BaseObject, byDefault);

            var table = RenderedTable.Parse(byDefault, typeName);
            Assert.Equal(Columns[typeName], table.Headers);
            var row = Assert.Single(table.Rows);
            var item = engine.Get("item") as System.Management.Automation.PSObject;
            Assert.NotNull(item);
            var expected = ExpectedRow(typeName, item!);
            Assert.Equal(expected, Columns[typeName].Select((_, i) => row[i]).ToArray());
        }

        [Theory]
        [MemberData(nameof(SurfaceFixture.OutputTypeData), MemberType = typeof(SurfaceFixture))]
        public void Format_List_shows_every_public_property_with_its_value(string typeName)
        {
            using var engine = _fixture.ConnectedEngine(typeName);
            var result = engine.Run(_fixture.Make(typeName) + @"
$item | Format-List | Out-String -Width 200
@($item.PSObject.Properties | ForEach-Object Name)").ThrowIfFailed();
            var lines = ListLines((string)result.Output[0].BaseObject);
            var properties = result.Output.Skip(1).Select(o => (string)o.BaseObject).ToList();

            // No list view is defined, so Format-List shows every property, in the type's order.
            Assert.Equal(properties, lines.Select(l => l.Name).ToList());
            var values = lines.ToDictionary(l => l.Name, l => l.Value);
            Assert.Equal(SurfaceFixture.ProviderOf(typeName), values["Provider"]);
            switch (typeName)
            {
                case "ScanPS.Models.HostedScanScan":
                    Assert.Matches("^[0-9a-f]{24}$", values["Id"]);
                    Assert.Equal("NMAP", values["Type"]);
                    Assert.Equal("{example.com, 10.0.0.1}", values["Targets"]);
                    Assert.Equal("Queued", values["State"]);
                    Assert.Equal("QUEUED", values["VendorState"]);
                    Assert.Equal("False", values["IsFinished"]);
                    break;
                case "ScanPS.Models.ProjectDiscoveryScan":
                    Assert.Equal("nightly", values["Name"]);
                    Assert.Equal("{http/cves/}", values["PublicTemplates"]);
                    Assert.Equal("1", values["TargetCount"]);
                    break;
                case "ScanPS.Models.InvictiScan":
                    Assert.Equal(_fixture.InvictiScanId, values["Id"]);
                    Assert.Equal("https://staging.example.com/", values["TargetUrl"]);
                    Assert.Equal("Completed", values["State"]);
                    Assert.Equal("Complete", values["VendorState"]);
                    break;
                case "ScanPS.Models.ProbelyScheduledScan":
                    Assert.Equal(SurfaceFixture.ProbelyTargetId, values["TargetId"]);
                    Assert.Equal(SurfaceFixture.ProbelyTargetName, values["TargetName"]);
                    Assert.Equal("Weekly", values["Recurrence"]);
                    Assert.Equal("Every week", values["Repeats"]);
                    Assert.Equal("Europe/Lisbon", values["TimeZone"]);
                    Assert.Equal("safe", values["ScanProfile"]);
                    break;
                case "ScanPS.Models.ProbelyScan":
                    Assert.Equal(_fixture.ProbelyScanId, values["Id"]);
                    Assert.Equal(SurfaceFixture.ProbelyTargetId, values["TargetId"]);
                    Assert.Equal("https://shop.example.com/", values["TargetUrl"]);
                    Assert.Equal("Completed", values["State"]);
                    Assert.Equal("completed", values["VendorState"]);
                    Assert.Equal("True", values["IsFinished"]);
                    break;
                default:
                    Assert.Equal("****", values["KeyHint"]);
                    Assert.Equal("connection 'HostedScan' (the -ApiKey parameter)", values["CredentialSource"]);
                    Assert.Equal(Sandbox.BaseUri("HostedScan") + "/", values["BaseUri"]);
                    Assert.Equal("True", values["IsDefault"]);
                    Assert.Equal("False", values["Validated"]);
                    break;
            }
        }

        [Fact]
        public void A_connection_shows_the_last_four_characters_of_a_long_key_and_never_the_key()
        {
            using var engine = new Engine();
            engine.Set("keyText", SurfaceFixture.LongApiKey).Set("uri", Sandbox.BaseUri("HostedScan"));
            var result = engine.Run(@"
$key = ConvertTo-SecureString $keyText -AsPlainText -Force
Connect-ScanProvider -Provider HostedScan -Name 'long key' -ApiKey $key -BaseUri $uri
$item = Get-ScanProviderConnection -Name 'long key'
$item | Out-String -Width 120
$item | Format-List * | Out-String -Width 200
$item | Format-Table * | Out-String -Width 400
""$item""").ThrowIfFailed();
            Assert.Equal("****cdef", RenderedTable.Parse((string)result.Output[0].BaseObject, "ScanPS.Connections.ScanProviderConnection").Cell(0, "KeyHint"));
            Assert.Equal("True", RenderedTable.Parse((string)result.Output[0].BaseObject, "ScanPS.Connections.ScanProviderConnection").Cell(0, "Validated"));
            Assert.Equal("HostedScan connection 'long key' (****cdef)", result.Output[3].BaseObject);
            foreach (var text in result.Output.Select(o => (string)o.BaseObject))
            {
                Assert.DoesNotContain("0123456789ab", text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("0123456789ab", engine.Host.Console, StringComparison.Ordinal);
        }

        private string[] ExpectedRow(string typeName, System.Management.Automation.PSObject item)
        {
            object? Property(string name) => item.Properties[name].Value;
            switch (typeName)
            {
                case "ScanPS.Models.HostedScanScan":
                    return new[] { (string)Property("Id")!, "NMAP", "Queued", "0%", "2" };
                case "ScanPS.Models.ProjectDiscoveryScan":
                    // The fake moves a new scan to running on its first read (the one New-Scan makes after the create).
                    return new[] { (string)Property("Id")!, "nightly", "Running", Property("Progress") + "%", "1", "0" };
                case "ScanPS.Models.InvictiScan":
                    var initiated = (DateTime)Property("InitiatedAt")!;
                    string format = initiated.Kind == DateTimeKind.Unspecified ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm zzz";
                    return new[] { _fixture.InvictiScanId, "https://staging.example.com/", "Completed", "100%", (string)Property("ThreatLevel")!, initiated.ToString(format, System.Globalization.CultureInfo.InvariantCulture) };
                case "ScanPS.Models.ProbelyScheduledScan":
                    // 02:00 in Lisbon in January is 02:00 UTC (winter time).
                    return new[] { (string)Property("Id")!, SurfaceFixture.ProbelyTargetName, "2030-01-08 02:00 +00:00", "Europe/Lisbon", "Every week", "safe" };
                case "ScanPS.Models.ProbelyScan":
                    var created = (DateTimeOffset)Property("Created")!;
                    return new[] { _fixture.ProbelyScanId, SurfaceFixture.ProbelyTargetName, "Completed", "completed", "safe", created.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture) };
                default:
                    return new[] { "HostedScan", "HostedScan", "True", Sandbox.BaseUri("HostedScan") + "/", "****", "False" };
            }
        }

        private static List<(string Name, string Value)> ListLines(string text)
        {
            var lines = new List<(string Name, string Value)>();
            foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
            {
                var match = Regex.Match(line, @"^(\w+)\s+: ?(.*)$");
                if (match.Success) lines.Add((match.Groups[1].Value, match.Groups[2].Value.TrimEnd()));
            }

            return lines;
        }
    }
}
