using System.Linq;
using System.Management.Automation;
using ScanPS.Completers;
using ScanPS.Connections;
using ScanPS.Errors;
using ScanPS.Operations;

namespace ScanPS.Commands
{
    /// <summary>Get-ScanProviderConnection: the connections of this session (secrets never shown: a masked hint at most).</summary>
    [Cmdlet(VerbsCommon.Get, "ScanProviderConnection")]
    [OutputType(typeof(ScanProviderConnection))]
    public sealed class GetScanProviderConnectionCommand : ScanPSCommandBase
    {
        /// <summary>Only this provider's connections.</summary>
        [Parameter(Position = 0)]
        [ValidateProvider]
        [ArgumentCompleter(typeof(KnownValuesCompleter))]
        public string? Provider { get; set; }

        /// <summary>Connection names; wildcards allowed.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Only the default connection of each provider.</summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        protected override void ProcessRecord()
        {
            var connections = ConnectionStores.Current.Find(ProviderNames.Normalize(Provider), null).Where(c => !Default.IsPresent || c.IsDefault).ToList();
            if (Name == null)
            {
                foreach (var connection in connections) WriteObject(connection);
                return;
            }

            foreach (var name in Name)
            {
                var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase);
                var matches = connections.Where(c => pattern.IsMatch(c.Name)).ToList();
                foreach (var connection in matches) WriteObject(connection);
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    WriteError(ErrorRecords.From(new ScanPSError(
                        ErrorIds.ConnectionNotFound,
                        ScanPSErrorCategory.ObjectNotFound,
                        "There is no " + (Provider == null ? string.Empty : Provider + " ") + "connection named '" + name + "' in this session.",
                        name)
                    { RecommendedAction = "Run Get-ScanProviderConnection to see the names, or Connect-ScanProvider." }, Redact));
                }
            }
        }
    }
}
