using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Errors;

namespace ScanPS.Connections
{
    /// <summary>
    /// The connections of one PowerShell session (runspace). Names are unique in the store; each provider has at
    /// most one default. Thread-safe: a runspace may run commands from several threads over time.
    /// </summary>
    public sealed class ConnectionStore
    {
        private readonly List<ScanProviderConnection> _connections = new List<ScanProviderConnection>();
        private readonly object _gate = new object();

        /// <summary>
        /// Stores the connection, replacing one of the same name and provider. It becomes the provider's default when
        /// <paramref name="makeDefault"/> is set, when it replaces the default, or when the provider had none.
        /// </summary>
        public void Add(ScanProviderConnection connection, bool makeDefault)
        {
            lock (_gate)
            {
                var existing = CheckNameLocked(connection.Name, connection.Provider);
                bool wasDefault = existing?.IsDefault == true;
                int position = existing == null ? _connections.Count : _connections.IndexOf(existing);
                if (existing != null)
                {
                    _connections.Remove(existing);
                    existing.Removed = true;
                    existing.ReleaseNetwork();
                }
                bool providerHasDefault = _connections.Any(c => c.Provider == connection.Provider && c.IsDefault);
                if (makeDefault || wasDefault || !providerHasDefault)
                {
                    foreach (var other in _connections.Where(c => c.Provider == connection.Provider)) other.IsDefault = false;
                    connection.IsDefault = true;
                }
                else
                {
                    connection.IsDefault = false;
                }

                _connections.Insert(position, connection); // a replacement keeps its place (and its age)
            }
        }

        /// <summary>Throws ConnectionNameInUse when a connection of another provider has the name (any case).</summary>
        public void CheckName(string name, string provider)
        {
            lock (_gate)
            {
                CheckNameLocked(name, provider);
            }
        }

        /// <summary>The connection of the same name that a new one would replace, if any; ConnectionNameInUse for another provider's.</summary>
        private ScanProviderConnection? CheckNameLocked(string name, string provider)
        {
            var existing = _connections.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (existing != null && existing.Provider != provider)
            {
                throw new ScanPSError(
                    ErrorIds.ConnectionNameInUse,
                    ScanPSErrorCategory.ResourceExists,
                    "The connection name '" + name + "' is already used by a " + existing.Provider + " connection. Connection names are unique in the session.",
                    name)
                { RecommendedAction = "Pass another -Name, or Disconnect-ScanProvider -Name " + name + " first." }.ToException();
            }

            return existing;
        }

        /// <summary>The connections, filtered by provider and/or name (null = any), in the order they were made.</summary>
        public IReadOnlyList<ScanProviderConnection> Find(string? provider, string? name)
        {
            lock (_gate)
            {
                return _connections
                    .Where(c => provider == null || string.Equals(c.Provider, provider, StringComparison.OrdinalIgnoreCase))
                    .Where(c => name == null || string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
                    .ToList();
            }
        }

        public ScanProviderConnection? Default(string provider)
        {
            lock (_gate)
            {
                return _connections.FirstOrDefault(c => c.IsDefault && string.Equals(c.Provider, provider, StringComparison.OrdinalIgnoreCase));
            }
        }

        /// <summary>The connection with this name, or a ConnectionNotFound error listing the names that exist.</summary>
        public ScanProviderConnection Get(string name)
        {
            var found = Find(null, name).FirstOrDefault();
            if (found != null) return found;
            var names = Find(null, null).Select(c => c.Name).ToList();
            throw new ScanPSError(
                ErrorIds.ConnectionNotFound,
                ScanPSErrorCategory.ObjectNotFound,
                "There is no ScanPS connection named '" + name + "' in this session." +
                (names.Count == 0 ? " No connection was made yet." : " Connections: " + string.Join(", ", names) + "."),
                name)
            { RecommendedAction = "Run Connect-ScanProvider, or Get-ScanProviderConnection to see the names." }.ToException();
        }

        /// <summary>Removes the connection; when it was its provider's default, the provider's oldest other connection becomes default.</summary>
        public bool Remove(ScanProviderConnection connection)
        {
            lock (_gate)
            {
                if (!_connections.Remove(connection)) return false;
                connection.Removed = true;
                connection.ReleaseNetwork();
                if (connection.IsDefault)
                {
                    var next = _connections.FirstOrDefault(c => c.Provider == connection.Provider);
                    if (next != null) next.IsDefault = true;
                }

                connection.IsDefault = false;
                return true;
            }
        }
    }
}
