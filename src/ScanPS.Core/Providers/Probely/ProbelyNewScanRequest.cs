using System.Collections.Generic;
using System.Linq;
using ScanPS.Errors;

namespace ScanPS.Providers.Probely
{
    /// <summary>
    /// New-Scan -Provider Probely: one POST /targets/{target_id}/scan_now/ per target id (Probely starts one scan per
    /// target); each target is one part, asked for and sent on its own.
    /// </summary>
    public sealed class ProbelyNewScanRequest : NewScanRequest
    {
        public IList<string> TargetIds { get; set; } = new List<string>();

        /// <summary>The scan profile id; null: the target's own profile.</summary>
        public string? ScanProfile { get; set; }

        public override string Describe() =>
            TargetIds.Count == 1
                ? "Start a scan of target " + TargetIds[0] + " now" + (ScanProfile == null ? " with its own scan profile" : " with scan profile " + ScanProfile.Trim())
                : "Start scans of " + TargetIds.Count + " targets now";

        public override void Validate()
        {
            if (TargetIds.Count == 0)
            {
                throw new ScanPSError(
                    ErrorIds.NoScanTargets,
                    ScanPSErrorCategory.InvalidArgument,
                    "A Probely scan needs a target: pass -TargetId (or pipe objects with a TargetId or Id property, such as Import-Csv rows).")
                { RecommendedAction = "Add -TargetId <id> with the id of a Probely target. Nothing was sent." }.ToException();
            }

            foreach (var id in TargetIds) ResourceIds.CheckTargetId(id, ProviderNames.Probely);
            if (ScanProfile != null && ScanProfile.Trim().Length == 0)
            {
                throw new ScanPSError(ErrorIds.InvalidScanProfile, ScanPSErrorCategory.InvalidArgument, "-ScanProfile is empty.", ScanProfile)
                { RecommendedAction = "Pass a scan profile id (built-in ones tab-complete) or leave -ScanProfile out to use each target's own." }.ToException();
            }
        }

        public override IReadOnlyList<NewScanRequest> Parts() =>
            TargetIds.Select(id => (NewScanRequest)new ProbelyNewScanRequest { TargetIds = new List<string> { id.Trim() }, ScanProfile = ScanProfile?.Trim() }).ToList();
    }
}
