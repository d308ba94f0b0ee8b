using System.IO;
using System.Management.Automation;
using ScanPS.Completers;
using ScanPS.Operations;
using ScanPS.Providers;

namespace ScanPS.Commands
{
    /// <summary>
    /// Save-ScanReport: downloads the vendor's own report file of a scan to disk, streamed (never held in memory), to a
    /// temporary name renamed at the end. Scans bind from piped objects by property name (Provider, Id, TargetId, TeamId).
    /// </summary>
    [Cmdlet(VerbsData.Save, "ScanReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveScanReportCommand : ScanPSCmdlet
    {
        /// <summary>The one set, shared by every provider (as Get-Scan's by-id set).</summary>
        public const string ByIdSet = "ById";

        protected override bool AsksBeforeSending => true;

        /// <summary>The scanning service that ran the scan.</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateProvider(typeof(IReportDownloader))]
        [ArgumentCompleter(typeof(KnownValuesCompleter))]
        public string Provider { get; set; } = string.Empty;

        /// <summary>The scan whose report is saved (the Id of a piped scan, or the ScanId of a piped finding).</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(ScanIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string ScanId { get; set; } = string.Empty;

        /// <summary>A folder (the file is named from provider, scan id, report type and format) or a file; the current folder by default.</summary>
        [Parameter(ParameterSetName = ByIdSet, Position = 2)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = ".";

        /// <summary>The file format; each provider offers its own (it tab-completes). Each provider has a default (Pdf).</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ArgumentCompleter(typeof(ReportValuesCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Format { get; set; }

        /// <summary>The report type, for providers that have report types (tab-completes); refused for the others.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ArgumentCompleter(typeof(ReportValuesCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ReportType { get; set; }

        /// <summary>The scan's target, for providers whose report path names it; binds from the piped scan's TargetId.</summary>
        [Parameter(ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        public string? TargetId { get; set; }

        /// <summary>The team (workspace) of the scan, for providers with teams; binds from the piped scan's TeamId.</summary>
        [Parameter(ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        public string? TeamId { get; set; }

        /// <summary>Seconds to wait for a report the vendor is still preparing (providers whose reports can be not ready yet).</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateRange(1, 86400)]
        public int Timeout { get; set; }

        /// <summary>Replace an existing file.</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        public SwitchParameter Force { get; set; }

        protected override void ConfigureSession(ProviderSessionOptions options)
        {
            if (ProviderDefinition.Get(options.Provider).HasTeams) options.TeamId = string.IsNullOrEmpty(TeamId) ? null : TeamId;
        }

        protected override void ProcessRecord()
        {
            string provider = ProviderNames.Normalize(Provider) ?? Provider;
            string path = Guard(() => ResolvePath(Path));
            var input = new SaveReportInput
            {
                Provider = provider,
                ScanId = ScanId,
                Format = Format,
                ReportType = ReportType,
                TargetId = TargetId,
                // A TargetId typed on the command line, not one bound from a piped object that happens to have one.
                TargetIdGiven = !MyInvocation.ExpectingInput && MyInvocation.BoundParameters.ContainsKey(nameof(TargetId)),
                TimeoutSeconds = MyInvocation.BoundParameters.ContainsKey(nameof(Timeout)) ? Timeout : (int?)null,
                Path = path,
                Force = Force.IsPresent,
            };
            Run(host => SaveReportOperations.Save(host, input, () => Session(provider)));
        }

        /// <summary>-Path as a file-system path, relative to the current location (a trailing separator is kept: it means a folder).</summary>
        private string ResolvePath(string path)
        {
            string full = GetUnresolvedProviderPathFromPSPath(path);
            char last = path[path.Length - 1];
            if ((last == '/' || last == '\\') && !full.EndsWith(System.IO.Path.DirectorySeparatorChar.ToString(), System.StringComparison.Ordinal)) full += System.IO.Path.DirectorySeparatorChar;
            return full;
        }
    }
}
