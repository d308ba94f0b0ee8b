using System.Linq;
using System.Management.Automation;
using ScanPS.Completers;
using ScanPS.Connections;
using ScanPS.Errors;
using ScanPS.Operations;

namespace ScanPS.Commands
{
    /// <summary>Disconnect-ScanProvider: removes connections from this session (nothing is sent to the vendor).</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ScanProvider", DefaultParameterSetName = ByNameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    public sealed class DisconnectScanProviderCommand : ScanPSCommandBase
    {
        public const string ByNameSet = "ByName";
        public const string ByProviderSet = "ByProvider";
        public const string ByConnectionSet = "ByConnection";

        /// <summary>Names of the connections to remove.</summary>
        [Parameter(ParameterSetName = ByNameSet, Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Removes every connection of this provider.</summary>
        [Parameter(ParameterSetName = ByProviderSet, Mandatory = true)]
        [ValidateProvider]
        [ArgumentCompleter(typeof(KnownValuesCompleter))]
        public string Provider { get; set; } = string.Empty;

        /// <summary>Connection objects, for example from Get-ScanProviderConnection.</summary>
        [Parameter(ParameterSetName = ByConnectionSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ScanProviderConnection[] Connection { get; set; } = new ScanProviderConnection[0];

        protected override void ProcessRecord()
        {
            var store = ConnectionStores.Current;
            switch (ParameterSetName)
            {
                case ByProviderSet:
                    foreach (var connection in store.Find(ProviderNames.Normalize(Provider), null)) Remove(store, connection);
                    break;
                case ByConnectionSet:
                    foreach (var connection in Connection) Remove(store, connection);
                    break;
                default:
                    foreach (var name in Name)
                    {
                        var found = store.Find(null, name).FirstOrDefault();
                        if (found != null)
                        {
                            Remove(store, found);
                            continue;
                        }

                        WriteError(ErrorRecords.From(new ScanPSError(
                            ErrorIds.ConnectionNotFound,
                            ScanPSErrorCategory.ObjectNotFound,
                            "There is no connection named '" + name + "' in this session.",
                            name)
                        { RecommendedAction = "Run Get-ScanProviderConnection to see the names." }, Redact));
                    }

                    break;
            }
        }

        private void Remove(ConnectionStore store, ScanProviderConnection connection)
        {
            if (!ShouldProcess(connection.ToString(), "Remove the connection from this session")) return;
            if (!store.Remove(connection)) WriteVerboseLine(connection + " was already removed.");
        }
    }
}
