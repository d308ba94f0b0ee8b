using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Http;
using ScanPS.Models;

namespace ScanPS.Providers.Invicti
{
    /// <summary>
    /// New-Scan for Invicti: POST scans/new (201, an array of ScanTaskModel) or scans/newwithprofile (201, one
    /// ScanTaskModel); a -PolicyName is first resolved with GET scanpolicies/get?name= (once per name per command).
    /// </summary>
    public sealed partial class InvictiClient : IScanCreator, IScanSetCreator
    {
        private readonly Dictionary<string, string> _policyIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private IInvictiScanCreationApi? _creationApi;

        private IInvictiScanCreationApi CreationApi => _creationApi ??= _http.Api<IInvictiScanCreationApi>(InvictiScanCreationJsonContext.Default.Options);

        public async Task<Scan?> CreateScanAsync(NewScanRequest request, CancellationToken cancellationToken) =>
            (await CreateScansAsync(request, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

        public async Task<IReadOnlyList<Scan>> CreateScansAsync(NewScanRequest request, CancellationToken cancellationToken)
        {
            if (!(request is InvictiNewScanRequest invicti) || invicti.TargetUris.Count != 1)
            {
                throw new ArgumentException("Invicti takes an InvictiNewScanRequest of one target URI (one of its Parts()).", nameof(request));
            }

            string targetUri = invicti.TargetUris[0];
            if (invicti.ProfileName != null)
            {
                var withProfile = new VendorRequest(RequestKind.Create) { NotFoundErrorId = ErrorIds.ScanProfileNotFound, Target = invicti.ProfileName };
                var body = new InvictiNewScanWithProfileBody { ProfileName = invicti.ProfileName, TargetUri = targetUri };
                var task = await _http.ReadJsonAsync(CreationApi.NewScanWithProfile(body, withProfile, cancellationToken), withProfile, InvictiJsonContext.Default.InvictiWireScanTask, cancellationToken).ConfigureAwait(false);
                return new Scan[] { ToScan(task, withProfile) };
            }

            string? policyId = invicti.PolicyId?.ToString("D");
            if (invicti.PolicyName != null) policyId = await PolicyIdAsync(invicti.PolicyName, cancellationToken).ConfigureAwait(false);
            var create = new VendorRequest(RequestKind.Create) { Target = targetUri };
            var newScan = new InvictiNewScanBody { TargetUri = targetUri, PolicyId = policyId, Scope = invicti.Scope };
            var tasks = await _http.ReadJsonAsync(CreationApi.NewScan(newScan, create, cancellationToken), create, InvictiScanCreationJsonContext.Default.ListInvictiWireScanTask, cancellationToken).ConfigureAwait(false);
            if (tasks == null || tasks.Count == 0) throw Invalid(create, "expected an array with the new scan, got none.");
            return tasks.Select(t => (Scan)ToScan(t, create)).ToList();
        }

        /// <summary>GET scanpolicies/get?name=: the policy's id; an unknown name (404, or no id) is ScanPolicyNotFound.</summary>
        private async Task<string> PolicyIdAsync(string name, CancellationToken cancellationToken)
        {
            if (_policyIds.TryGetValue(name, out var known)) return known;
            var request = new VendorRequest(RequestKind.Read) { NotFoundErrorId = ErrorIds.ScanPolicyNotFound, Target = name };
            var policy = await _http.ReadJsonAsync(CreationApi.FindScanPolicy(name, request, cancellationToken), request, InvictiScanCreationJsonContext.Default.InvictiWireScanPolicy, cancellationToken).ConfigureAwait(false);
            if (policy == null || !Guid.TryParse(policy.Id, out var id))
            {
                throw new ScanPSError(ErrorIds.ScanPolicyNotFound, ScanPSErrorCategory.ObjectNotFound,
                    "Invicti has no scan policy named '" + name + "' (scanpolicies/get answered no policy id). No scan was started.", name)
                { RecommendedAction = "Check the policy's name in Invicti (Policies > Scan Policies), or pass -PolicyId." }.ToException();
            }

            return _policyIds[name] = id.ToString("D");
        }
    }
}
