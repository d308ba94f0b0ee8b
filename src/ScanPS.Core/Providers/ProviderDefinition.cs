using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using ScanPS.Auth;
using ScanPS.Errors;
using ScanPS.Http;

namespace ScanPS.Providers
{
    /// <summary>
    /// Everything that is true of one vendor, in one place (like PSResourceGet's ServerFactory picks one
    /// implementation per backend): its default base URI, credential shape and environment variables, auth header,
    /// state vocabulary, connection options, paging facts, how New-Scan's input becomes its create request, and its
    /// client with the capabilities it has. Each vendor has one subclass in Providers/&lt;Vendor&gt;/, found by
    /// <see cref="All"/>; generic code asks the definition and never names a vendor.
    /// </summary>
    public abstract class ProviderDefinition
    {
        public abstract string Name { get; }

        /// <summary>The vendor's own "what changed" signals on its findings (Compare-ScanFinding, SARIF fingerprints).</summary>
        public virtual IFindingSignals FindingSignals => NoFindingSignals.Instance;

        /// <summary>
        /// The Get-ScanFinding filters (-Severity, -Status) the vendor applies itself on the request that reads the
        /// findings; the others are applied by ScanPS to what comes back (both are checked again on every finding).
        /// </summary>
        public virtual IReadOnlyList<string> ServerSideFindingFilters => new string[0];

        /// <summary>The vendor's home page, for the informationUri of SARIF's tool; null to leave it out.</summary>
        public virtual string? InformationUri => null;

        /// <summary>The API's path prefix that the client adds itself; trimmed from a -BaseUri that ends with it.</summary>
        public virtual string ApiRoot => "/v1";

        /// <summary>What the credential looks like and the environment variables that may hold it, in lookup order.</summary>
        public abstract CredentialSpec Credential { get; }

        /// <summary>The vendor host when neither -BaseUri nor SCANPS_&lt;P&gt;_BASE_URI is set (a region may choose it).</summary>
        public abstract Uri DefaultBaseUri(ProviderSessionOptions options);

        /// <summary>Adds the credential to each request message (called per attempt, on a fresh message).</summary>
        public abstract Action<HttpRequestMessage> Authorizer(ApiKeyCredential credential, ProviderSessionOptions options);

        /// <summary>True when the capability interface (IScanReader, IScanCreator, …) is one the vendor's client has.</summary>
        public abstract bool Supports(Type capability);

        /// <summary>The vendor client; <see cref="ProviderSession"/> hands it out as the typed capabilities it implements.</summary>
        internal abstract object OpenClient(VendorHttpClient http, ProviderSessionOptions options, ApiKeyCredential? credential);

        /// <summary>Extra text that must never be printed (for example a Basic auth header value derived from the secret).</summary>
        public virtual IEnumerable<Func<string, string>> Redactions(ApiKeyCredential credential) => new[] { credential.Redaction() };

        /// <summary>The -State vocabulary (normalised and vendor names, mapping, completion); null when the vendor lists no scans.</summary>
        public virtual StateFilter? States => null;

        /// <summary>True when the scan listing reports how many scans match (Get-Scan -IncludeTotalCount is then exact).</summary>
        public virtual bool ReportsTotal => false;

        /// <summary>The regional hosts -Region names, in the order they are listed; empty when the vendor has no regions.</summary>
        public virtual IReadOnlyList<string> Regions => new string[0];

        /// <summary>The region's canonical spelling; an unknown one throws ScanPSException (InvalidRegion).</summary>
        public virtual string NormaliseRegion(string region) => region;

        /// <summary>
        /// True for the one provider Start-ScanFromScan uses when no -Provider is given or piped (the first provider that
        /// had the command, kept as the default so existing scripts keep working).
        /// </summary>
        public virtual bool IsRelaunchDefault => false;

        /// <summary>The vendor's built-in scan profile ids, for -ScanProfile completion; empty when it has none.</summary>
        public virtual IReadOnlyList<string> ScanProfiles => new string[0];

        /// <summary>True when the vendor has teams (workspaces) that -TeamId picks.</summary>
        public virtual bool HasTeams => false;

        /// <summary>The team id as it is sent; one that cannot be sent throws ScanPSException (InvalidTeamId).</summary>
        public virtual string CheckTeamId(string teamId, string source) => teamId;

        /// <summary>Checks Get-Scan listing filters before any credential lookup or request; throws ScanPSException.</summary>
        public virtual void ValidateListQuery(ScanListQuery query) => States?.ToVendorStates(query.States);

        /// <summary>
        /// New-Scan's create request from the collected pipeline input and the command's parameters (only vendors whose
        /// client is an IScanCreator are asked).
        /// </summary>
        public virtual NewScanRequest NewScanRequest(NewScanInput input) =>
            throw NotSupported("New-Scan");

        /// <summary>What Save-ScanReport may ask this vendor for (formats, report types, target id); null when it serves no report file.</summary>
        public virtual ReportFacts? Reports => null;

        /// <summary>
        /// A scan id in the form the vendor expects, checked before any request for it (Start-ScanFromScan: before the
        /// credential lookup too); throws ScanPSException (InvalidScanId). Every vendor's ids are one path segment
        /// (<see cref="ResourceIds"/>); Invicti's are GUIDs.
        /// </summary>
        public virtual string NormaliseScanId(string id) => ResourceIds.CheckScanId(id, Name);

        /// <summary>
        /// Why Stop-Scan cannot stop this vendor's scans (said before any request, StopNotSupported), and what to do
        /// instead; only asked of vendors whose client is no IScanStopper.
        /// </summary>
        public virtual (string Reason, string Advice) StopUnsupported =>
            (Name + " scans cannot be stopped through ScanPS.", "Stop the scan in " + Name + "'s own console.");

        /// <summary>True when the vendor's stop path names the scan's target (Stop-Scan then needs -TargetId; Wait-Scan uses it when given).</summary>
        public virtual bool ScanPathNeedsTarget => false;

        /// <summary>ProviderNotSupported: the command does not support this provider.</summary>
        public ScanPSException NotSupported(string commandName) =>
            new ScanPSError(
                ErrorIds.ProviderNotSupported,
                ScanPSErrorCategory.InvalidOperation,
                commandName + " does not support provider " + Name + ".",
                Name).ToException();

        /// <summary>Every provider, in the order of <see cref="ProviderNames.All"/> (the one list of provider names).</summary>
        public static IReadOnlyList<ProviderDefinition> All { get; } = Discover();

        /// <summary>The providers whose client has the capability, in list order (what -Provider accepts for a command).</summary>
        public static IEnumerable<ProviderDefinition> With(Type capability) => All.Where(d => d.Supports(capability));

        public static ProviderDefinition Get(string? provider)
        {
            string? name = ProviderNames.Normalize(provider);
            foreach (var definition in All)
            {
                if (definition.Name == name) return definition;
            }

            throw new ScanPSError(
                ErrorIds.UnknownProvider,
                ScanPSErrorCategory.InvalidArgument,
                "'" + provider + "' is not a ScanPS provider. Use one of: " + string.Join(", ", ProviderNames.All) + ".",
                provider).ToException();
        }

        /// <summary>One instance of each concrete definition in this assembly, ordered as ProviderNames.All; a name without one is a bug.</summary>
        private static IReadOnlyList<ProviderDefinition> Discover()
        {
            var found = typeof(ProviderDefinition).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(ProviderDefinition).IsAssignableFrom(t))
                .Select(t => (ProviderDefinition)Activator.CreateInstance(t)!)
                .ToDictionary(d => d.Name, StringComparer.Ordinal);
            return ProviderNames.All.Select(name => found.TryGetValue(name, out var d)
                ? d
                : throw new InvalidOperationException("ProviderNames lists " + name + " but no ProviderDefinition has that name.")).ToList();
        }
    }

    /// <summary>A definition whose client type says which capabilities it has: no casting from object at the call site.</summary>
    public abstract class ProviderDefinition<TClient> : ProviderDefinition where TClient : class
    {
        /// <summary>The vendor client: implements the capability interfaces (IScanReader, IScanCreator, …) it supports.</summary>
        public abstract TClient CreateClient(VendorHttpClient http, ProviderSessionOptions options, ApiKeyCredential? credential);

        public sealed override bool Supports(Type capability) => capability.IsAssignableFrom(typeof(TClient));

        internal sealed override object OpenClient(VendorHttpClient http, ProviderSessionOptions options, ApiKeyCredential? credential) =>
            CreateClient(http, options, credential);
    }
}
