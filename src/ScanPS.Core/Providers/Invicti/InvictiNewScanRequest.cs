using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Errors;

namespace ScanPS.Providers.Invicti
{
    /// <summary>
    /// New-Scan -Provider Invicti: POST scans/new (NewScanTaskApiModel) per -TargetUri, or POST scans/newwithprofile
    /// with -ProfileName. Several -TargetUri values are several requests, each its own part (asked for and sent on its
    /// own), not AdditionalWebsites: additional websites belong to one scan of one site (an API host the site calls),
    /// while separate URLs are separate scans, each of which Invicti may accept or refuse by itself.
    /// </summary>
    public sealed class InvictiNewScanRequest : NewScanRequest
    {
        /// <summary>The Scope values of NewScanTaskApiModel.</summary>
        public static readonly IReadOnlyList<string> Scopes = new[] { "EnteredPathAndBelow", "OnlyEnteredUrl", "WholeDomain" };

        public IList<string> TargetUris { get; set; } = new List<string>();

        /// <summary>scans/newwithprofile: the scan profile's name.</summary>
        public string? ProfileName { get; set; }

        public Guid? PolicyId { get; set; }

        /// <summary>Resolved to its id with GET scanpolicies/get?name= before the create.</summary>
        public string? PolicyName { get; set; }

        public string? Scope { get; set; }

        public override string Describe()
        {
            string of = TargetUris.Count == 1 ? TargetUris[0].Trim() : TargetUris.Count + " target URIs";
            string with = ProfileName != null ? " with scan profile '" + ProfileName.Trim() + "'"
                : PolicyName != null ? " with scan policy '" + PolicyName.Trim() + "'"
                : PolicyId.HasValue ? " with scan policy " + PolicyId.Value.ToString("D")
                : string.Empty;
            return "Start a scan of " + of + with + (Scope != null ? " (scope " + Scope + ")" : string.Empty);
        }

        public override void Validate()
        {
            if (TargetUris.Count == 0)
            {
                throw new ScanPSError(
                    ErrorIds.NoScanTargets,
                    ScanPSErrorCategory.InvalidArgument,
                    "An Invicti scan needs a URL: pass -TargetUri (or pipe objects with a TargetUri or TargetUrl property).")
                { RecommendedAction = "Add -TargetUri https://www.example.com/ (a URL of a website registered in Invicti). Nothing was sent." }.ToException();
            }

            foreach (var uri in TargetUris)
            {
                if (!Uri.TryCreate(uri.Trim(), UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
                {
                    throw new ScanPSError(ErrorIds.InvalidTargetUri, ScanPSErrorCategory.InvalidArgument,
                        "'" + uri + "' is not an absolute http or https URL, which Invicti's TargetUri must be. Nothing was sent.", uri)
                    { RecommendedAction = "Pass the full URL, for example https://www.example.com/." }.ToException();
                }
            }

            if (ProfileName != null && (PolicyId.HasValue || PolicyName != null))
            {
                throw new ScanPSError(ErrorIds.ConflictingScanSettings, ScanPSErrorCategory.InvalidArgument,
                    "-ProfileName cannot be combined with -PolicyId or -PolicyName: a scan profile brings its own policy (scans/newwithprofile takes only the profile and the URL). Nothing was sent.", ProfileName)
                { RecommendedAction = "Use -ProfileName alone, or -PolicyId/-PolicyName without a profile." }.ToException();
            }

            if (ProfileName != null && Scope != null)
            {
                throw new ScanPSError(ErrorIds.ConflictingScanSettings, ScanPSErrorCategory.InvalidArgument,
                    "-ProfileName cannot be combined with -Scope: a scan profile brings its own scope. Nothing was sent.", ProfileName)
                { RecommendedAction = "Use -ProfileName alone, or -Scope without a profile." }.ToException();
            }

            if (PolicyId.HasValue && PolicyName != null)
            {
                throw new ScanPSError(ErrorIds.ConflictingScanSettings, ScanPSErrorCategory.InvalidArgument,
                    "-PolicyId and -PolicyName both name a scan policy; give one. Nothing was sent.", PolicyName)
                { RecommendedAction = "Pass -PolicyId <GUID> or -PolicyName <name>." }.ToException();
            }

            if (ProfileName != null && ProfileName.Trim().Length == 0) throw Empty("-ProfileName");
            if (PolicyName != null && PolicyName.Trim().Length == 0) throw Empty("-PolicyName");
            if (Scope != null && !Scopes.Contains(Scope))
            {
                throw new ScanPSError(ErrorIds.InvalidRequest, ScanPSErrorCategory.InvalidArgument, "'" + Scope + "' is not a scope. Use one of: " + string.Join(", ", Scopes) + ".", Scope).ToException();
            }
        }

        public override IReadOnlyList<NewScanRequest> Parts() =>
            TargetUris.Select(uri => (NewScanRequest)new InvictiNewScanRequest
            {
                TargetUris = new List<string> { uri.Trim() },
                ProfileName = ProfileName?.Trim(),
                PolicyId = PolicyId,
                PolicyName = PolicyName?.Trim(),
                Scope = Scope,
            }).ToList();

        private static ScanPSException Empty(string parameter) =>
            new ScanPSError(ErrorIds.InvalidRequest, ScanPSErrorCategory.InvalidArgument, parameter + " is empty. Nothing was sent.", parameter).ToException();
    }
}
