using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// One <see cref="Sandbox"/> per test class, seeded with an Invicti website and scan and the Probely targets the
    /// output-type tests use, and the scripts that make one real object of each ScanPS output type.
    /// </summary>
    public sealed class SurfaceFixture : IAsyncLifetime
    {
        public const string ProbelyTargetId = "3epwuyBoKQKN";
        public const string ProbelyTargetName = "Example shop";
        public const string ProbelySecondTargetId = "5zJkQ8cQn2Pw";

        /// <summary>16 characters or more, so the connection's KeyHint shows its last four ("****cdef").</summary>
        public const string LongApiKey = "test-key-0123456789abcdef";

        public Sandbox Sandbox { get; private set; } = null!;

        public string InvictiScanId { get; private set; } = string.Empty;

        public string ProbelyScanId { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            Sandbox = await Sandbox.StartAsync();
            Sandbox.HostedScan.ValidApiKeys.Add(LongApiKey);
            Sandbox.Invicti.AddWebsite("https://staging.example.com/", "Example staging");
            InvictiScanId = Sandbox.Invicti.AddScan("Complete");
            Sandbox.Probely.AddTarget(ProbelyTargetId, ProbelyTargetName, "https://shop.example.com/");
            Sandbox.Probely.AddTarget(ProbelySecondTargetId, "Example API", "https://api.example.com/");
            ProbelyScanId = Sandbox.Probely.AddScan(ProbelyTargetId, "completed", "safe");
        }

        public async Task DisposeAsync() => await Sandbox.DisposeAsync();

        /// <summary>A new engine with a default connection of the provider of <paramref name="typeName"/> (-SkipValidation: no request).</summary>
        public Engine ConnectedEngine(string typeName) => Sandbox.Connect(new Engine(), ProviderOf(typeName));

        public static string ProviderOf(string typeName) => typeName switch
        {
            "ScanPS.Models.ProjectDiscoveryScan" => "ProjectDiscovery",
            "ScanPS.Models.InvictiScan" => "Invicti",
            "ScanPS.Models.ProbelyScheduledScan" => "Probely",
            "ScanPS.Models.ProbelyScan" => "Probely",
            _ => "HostedScan",
        };

        /// <summary>A script that writes one real object of the output type (against the fakes); the object is also in $item.</summary>
        public string Make(string typeName) => typeName switch
        {
            "ScanPS.Models.HostedScanScan" => "$item = New-Scan -Provider HostedScan -Type NMAP -Target example.com, 10.0.0.1",
            "ScanPS.Models.ProjectDiscoveryScan" => "$item = New-Scan -Provider ProjectDiscovery -Target example.com -Template http/cves/ -Name nightly",
            "ScanPS.Models.InvictiScan" => "$item = Get-Scan -Provider Invicti -Id '" + InvictiScanId + "'",
            "ScanPS.Models.ProbelyScheduledScan" => "$item = New-ScheduledScanBulk -TargetId " + ProbelyTargetId + " -StartTime '2030-01-08 02:00' -Recurrence Weekly -TimeZone Europe/Lisbon -ScanProfile safe",
            "ScanPS.Models.ProbelyScan" => "$item = Get-Scan -Provider Probely -Id " + ProbelyScanId,
            "ScanPS.Connections.ScanProviderConnection" => "$item = Get-ScanProviderConnection -Provider HostedScan",
            _ => throw new ArgumentOutOfRangeException(nameof(typeName), typeName, "not a ScanPS output type"),
        };

        /// <summary>Every type a ScanPS command writes (the [OutputType]s of the exported commands).</summary>
        public static readonly string[] OutputTypes =
        {
            "ScanPS.Models.HostedScanScan", "ScanPS.Models.ProjectDiscoveryScan", "ScanPS.Models.InvictiScan", "ScanPS.Models.ProbelyScheduledScan", "ScanPS.Models.ProbelyScan", "ScanPS.Connections.ScanProviderConnection",
        };

        public static IEnumerable<object[]> OutputTypeData => OutputTypes.Select(t => new object[] { t });
    }

    /// <summary>
    /// A table as Format-Table wrote it with a view of the staged ScanPS.Format.ps1xml: the header line must be the
    /// view's labels at the view's widths and alignments, and each row is cut at those widths.
    /// </summary>
    public sealed class RenderedTable
    {
        private RenderedTable(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
        {
            Headers = headers;
            Rows = rows;
        }

        public IReadOnlyList<string> Headers { get; }

        public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

        public string Cell(int row, string header) => Rows[row][Headers.ToList().IndexOf(header)];

        /// <summary>The columns (label, width, right-aligned) of the table view of <paramref name="typeName"/>.</summary>
        public static IReadOnlyList<(string Label, int Width, bool Right)> View(string typeName)
        {
            var document = XDocument.Load(Path.Combine(StagedModule.Folder, "ScanPS.Format.ps1xml"));
            var view = document.Descendants("View").Single(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Any(t => t.Value == typeName));
            return view.Descendants("TableColumnHeader")
                .Select(h => (h.Element("Label")!.Value, int.Parse(h.Element("Width")?.Value ?? "0", CultureInfo.InvariantCulture), h.Element("Alignment")?.Value == "Right"))
                .ToList();
        }

        public static RenderedTable Parse(string text, string typeName)
        {
            var columns = View(typeName);
            Assert.All(columns, c => Assert.True(c.Width > 0, typeName + " column " + c.Label + " has no width"));
            var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).ToList();
            int header = lines.FindIndex(l => l.Length > 0);
            Assert.True(header >= 0, "no table in:\n" + text);

            string Line(Func<(string Label, int Width, bool Right), string> cell) =>
                string.Join(" ", columns.Select(c => c.Right ? cell(c).PadLeft(c.Width) : cell(c).PadRight(c.Width))).TrimEnd();
            Assert.True(Line(c => c.Label) == lines[header], "headers are not the view's:\n" + text);
            Assert.True(Line(c => new string('-', c.Label.Length)) == lines[header + 1], "dashes are not the view's:\n" + text);

            var rows = lines.Skip(header + 2).Where(l => l.Length > 0).Select(l =>
            {
                var cells = new List<string>();
                int start = 0;
                foreach (var column in columns)
                {
                    cells.Add(start >= l.Length ? string.Empty : l.Substring(start, Math.Min(column.Width, l.Length - start)).Trim());
                    start += column.Width + 1;
                }

                return (IReadOnlyList<string>)cells;
            }).ToList();
            return new RenderedTable(columns.Select(c => c.Label).ToList(), rows);
        }
    }
}
