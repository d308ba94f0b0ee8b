using System;
using System.Collections.Generic;
using System.Net.Http;
using ScanPS.Auth;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Providers.HostedScan;
using ScanPS.Providers.Invicti;
using ScanPS.Providers.Probely;
using ScanPS.Providers.ProjectDiscovery;

namespace ScanPS.Providers
{
    /// <summary>
    /// One vendor's facts for the session factory (like PSResourceGet's ServerFactory): its default base URI,
    /// credential shape, auth header and client. Each vendor has one subclass in Providers/&lt;Vendor&gt;/.
    /// </summary>
    public abstract class ProviderDefinition
    {
        public abstract string Name { get; }

        /// <summary>The API's path prefix that the client adds itself; trimmed from a -BaseUri that ends with it.</summary>
        public virtual string ApiRoot => "/v1";

        public virtual CredentialSpec Credential => CredentialSpec.For(Name);

        /// <summary>The vendor host when neither -BaseUri nor SCANPS_&lt;P&gt;_BASE_URI is set (a region may choose it).</summary>
        public abstract Uri DefaultBaseUri(ProviderSessionOptions options);

        /// <summary>Adds the credential to each request message (called per attempt, on a fresh message).</summary>
        public abstract Action<HttpRequestMessage> Authorizer(ApiKeyCredential credential, ProviderSessionOptions options);

        /// <summary>The vendor client: implements the capability interfaces (IScanReader, IScanCreator, …) it supports.</summary>
        public abstract object CreateClient(VendorHttpClient http, ProviderSessionOptions options, ApiKeyCredential? credential);

        /// <summary>Extra text that must never be printed (for example a Basic auth header value derived from the secret).</summary>
        public virtual IEnumerable<Func<string, string>> Redactions(ApiKeyCredential credential) => new[] { credential.Redaction() };

        /// <summary>Checks Get-Scan listing filters before any credential lookup or request; throws ScanPSException.</summary>
        public virtual void ValidateListQuery(ScanListQuery query)
        {
        }

        /// <summary>
        /// A scan id in the form the vendor expects, checked before any request for it (Start-ScanFromScan: before the
        /// credential lookup too); throws ScanPSException (InvalidScanId). Every vendor's ids are one path segment
        /// (<see cref="ResourceIds"/>); Invicti's are GUIDs.
        /// </summary>
        public virtual string NormaliseScanId(string id) => ResourceIds.CheckScanId(id, Name);

        private static readonly ProviderDefinition[] Known =
        {
            new HostedScanProvider(),
            new ProjectDiscoveryProvider(),
            new InvictiProvider(),
            new ProbelyProvider(),
        };

        public static ProviderDefinition Get(string? provider)
        {
            string? name = ProviderNames.Normalize(provider);
            foreach (var definition in Known)
            {
                if (definition.Name == name) return definition;
            }

            throw new ScanPSError(
                "UnknownProvider",
                ScanPSErrorCategory.InvalidArgument,
                "'" + provider + "' is not a ScanPS provider. Use one of: " + string.Join(", ", ProviderNames.All) + ".",
                provider).ToException();
        }
    }
}
