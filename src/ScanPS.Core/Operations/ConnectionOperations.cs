using System;
using System.Linq;
using ScanPS.Auth;
using ScanPS.Connections;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Operations;
using ScanPS.Providers;

namespace ScanPS.Operations
{
    /// <summary>Connect-ScanProvider's logic: check the input and the name, read the secret, resolve the credential, validate it with the vendor, store.</summary>
    public static class ConnectionOperations
    {
        public static ScanProviderConnection Connect(ICommandHost host, ConnectionStore store, ConnectRequest request)
        {
            var definition = ProviderDefinition.Get(request.Provider);
            string provider = definition.Name;
            string name = string.IsNullOrWhiteSpace(request.Name) ? provider : request.Name!.Trim();
            CheckInput(definition, request);
            // Before the secret is read and the credential checked: a taken name would be refused only when storing.
            store.CheckName(name, provider);
            request.ReadSecret?.Invoke(request);

            Uri? baseUri = request.BaseUri == null ? null : BaseUriPolicy.Validate(provider, request.BaseUri, "-BaseUri", definition.ApiRoot);
            var resolved = CredentialResolver.Resolve(definition.Credential, request.ApiKey, request.CredentialPassword, request.CredentialUserName, null, null, request.GetEnvironmentVariable);
            var credential = resolved.WithSource("connection '" + name + "' (" + (request.SecretSource ?? resolved.Source) + ")");
            var connection = new ScanProviderConnection(provider, name, credential)
            {
                BaseUri = baseUri,
                Region = request.Region == null ? null : definition.NormaliseRegion(request.Region),
                TeamId = string.IsNullOrWhiteSpace(request.TeamId) ? null : request.TeamId!.Trim(),
                Proxy = request.Proxy,
                ProxyCredential = request.ProxyCredential,
                ProxyUserName = request.ProxyCredential == null ? null
                    : string.IsNullOrEmpty(request.ProxyCredential.Domain) ? request.ProxyCredential.UserName : request.ProxyCredential.Domain + "\\" + request.ProxyCredential.UserName,
                ProxyUseDefaultCredentials = request.ProxyUseDefaultCredentials,
                SkipCertificateCheck = request.SkipCertificateCheck,
                TimeoutSec = request.TimeoutSec,
                MaximumRetryCount = request.MaximumRetryCount,
            };

            if (!request.SkipValidation)
            {
                try
                {
                    Validate(host, connection, request);
                }
                catch
                {
                    connection.ReleaseNetwork(); // not stored: its proxy-credential client would never be used again
                    throw;
                }
            }

            store.Add(connection, request.MakeDefault);
            return connection;
        }

        private static void Validate(ICommandHost host, ScanProviderConnection connection, ConnectRequest request)
        {
            var log = new RequestLog(host.DebugEnabled);
            var options = new ProviderSessionOptions
            {
                Provider = connection.Provider,
                Connection = connection,
                Settings = request.Settings,
                GetEnvironmentVariable = request.GetEnvironmentVariable,
            };
            try
            {
                var session = ProviderSession.Open(options, log);
                var validator = session.ConnectionValidator("Connect-ScanProvider");
                AsyncBridge.Wait(validator.ValidateCredentialAsync(host.CancellationToken), log, host);
                connection.Validated = true;
            }
            catch (ScanPSException ex) when (ex.Error.StatusCode == 404 || ex.Error.StatusCode == 405)
            {
                // The credential was not refused, but this server (an on-premises version, a proxy, a stand-in) has no
                // answer to the check: store the connection, unconfirmed, and say so.
                log.DrainTo(host);
                host.WriteWarning("The " + connection.Provider + " credential of connection '" + connection.Name + "' could not be checked (the check answered " +
                    ex.Error.StatusCode + "). The connection is stored with Validated = False.");
            }
            catch (ScanPSException ex)
            {
                log.DrainTo(host);
                var inner = ex.Error;
                throw new ScanPSError(
                    inner.ErrorId,
                    inner.Category,
                    "The " + connection.Provider + " connection '" + connection.Name + "' was not stored: " + inner.Message,
                    connection.Name)
                {
                    Details = inner.Details,
                    StatusCode = inner.StatusCode,
                    VendorRequestId = inner.VendorRequestId,
                    InnerException = ex,
                    RecommendedAction = (inner.RecommendedAction ?? string.Empty) + " To store it without checking, add -SkipValidation.",
                }.ToException();
            }
        }

        private static void CheckInput(ProviderDefinition definition, ConnectRequest request)
        {
            string provider = definition.Name;
            if (request.Region != null)
            {
                if (definition.Regions.Count == 0) throw NotForProvider("Region", provider, Owners(d => d.Regions.Count > 0));
                definition.NormaliseRegion(request.Region);
            }

            if (request.TeamId != null && !definition.HasTeams) throw NotForProvider("TeamId", provider, Owners(d => d.HasTeams));
            if (!string.IsNullOrWhiteSpace(request.TeamId)) definition.CheckTeamId(request.TeamId!.Trim(), "-TeamId");
            if (request.ProxyCredential != null && request.ProxyUseDefaultCredentials)
            {
                throw Invalid(ErrorIds.ConflictingProxyCredentials, "-ProxyCredential and -ProxyUseDefaultCredentials both say how to sign in to the proxy. Use one of them.", null);
            }

            if ((request.ProxyCredential != null || request.ProxyUseDefaultCredentials) && request.Proxy == null)
            {
                throw Invalid(ErrorIds.ProxyRequired, "-ProxyCredential and -ProxyUseDefaultCredentials need -Proxy (the system proxy uses the system's own settings).", null);
            }

            if (request.Proxy != null && (!request.Proxy.IsAbsoluteUri || (request.Proxy.Scheme != Uri.UriSchemeHttp && request.Proxy.Scheme != Uri.UriSchemeHttps)))
            {
                throw Invalid(ErrorIds.InvalidProxy, "The proxy '" + WithoutUserInfo(request.Proxy) + "' must be an absolute http:// or https:// URI, such as http://proxy.contoso.com:8080.", WithoutUserInfo(request.Proxy));
            }

            if (request.Proxy != null && !string.IsNullOrEmpty(request.Proxy.UserInfo))
            {
                // .NET does not sign in with a user name and password in the proxy address, and the connection would
                // show them in its Proxy property: they belong in -ProxyCredential.
                throw Invalid(ErrorIds.InvalidProxy, "The proxy '" + WithoutUserInfo(request.Proxy) + "' has a user name or password in it. Pass the address alone to -Proxy and the sign-in to -ProxyCredential.", WithoutUserInfo(request.Proxy));
            }

            if (request.TimeoutSec.HasValue && request.TimeoutSec.Value <= 0) throw Invalid(ErrorIds.InvalidTimeout, "-TimeoutSec must be a positive number of seconds.", request.TimeoutSec);
            if (request.MaximumRetryCount.HasValue && request.MaximumRetryCount.Value < 0) throw Invalid(ErrorIds.InvalidRetryCount, "-MaximumRetryCount cannot be negative.", request.MaximumRetryCount);
        }

        /// <summary>The proxy address as a message may show it: any user name and password in it are left out.</summary>
        private static string WithoutUserInfo(Uri proxy) =>
            !proxy.IsAbsoluteUri && proxy.OriginalString.Contains("@") ? "(an address with a user name or password)" : BaseUriPolicy.WithoutUserInfo(proxy);

        /// <summary>The providers that have an option, as a message names them ("Probely", "A or B").</summary>
        private static string Owners(Func<ProviderDefinition, bool> hasOption) =>
            string.Join(" or ", ProviderDefinition.All.Where(hasOption).Select(d => d.Name));

        private static ScanPSException NotForProvider(string parameter, string provider, string owner) =>
            new ScanPSError(
                ErrorIds.ParameterNotValidForProvider,
                ScanPSErrorCategory.InvalidArgument,
                "-" + parameter + " cannot be used with Connect-ScanProvider -Provider " + provider + "; it belongs to -Provider " + owner + ".",
                parameter).ToException();

        private static ScanPSException Invalid(string id, string message, object? target) =>
            new ScanPSError(id, ScanPSErrorCategory.InvalidArgument, message, target).ToException();
    }
}
