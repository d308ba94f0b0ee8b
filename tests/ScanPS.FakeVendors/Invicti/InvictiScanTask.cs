using System;
using System.Globalization;
using System.Text.Json.Nodes;

namespace ScanPS.FakeVendors;

/// <summary>Mutable server-side Invicti scan task; only touched under FakeInvicti's lock.</summary>
internal sealed class InvictiScanTask
{
    internal const string ZeroGuid = "00000000-0000-0000-0000-000000000000";

    internal InvictiScanTask(string id, InvictiWebsite website, string state, DateTimeOffset initiatedAt, bool advances)
    {
        Id = id;
        Website = website;
        State = state;
        InitiatedAt = initiatedAt;
        StateChanged = initiatedAt;
        Advances = advances;
        ApplyStateDefaults();
    }

    internal string Id { get; }

    internal InvictiWebsite Website { get; }

    internal string State { get; private set; }

    internal string Phase { get; private set; } = "Pending";

    internal int Percentage { get; private set; }

    internal string ScanType { get; init; } = "Full";

    internal string FailureReason { get; private set; } = "None";

    internal DateTimeOffset InitiatedAt { get; }

    internal DateTimeOffset StateChanged { get; private set; }

    internal string PolicyId { get; init; } = "6f6cc5b1-3e28-4c3b-8d47-000000000001";

    internal string PolicyName { get; init; } = "Default Security Checks";

    internal string[] Tags { get; init; } = Array.Empty<string>();

    /// <summary>True for scans launched through newfromscan: each GET detail moves them one step towards Complete.</summary>
    internal bool Advances { get; }

    internal (int Critical, int High, int Medium, int Low, int Info, int BestPractice) Counts { get; private set; }

    /// <summary>Status/detail reads since the last step (see <see cref="LifecycleOptions.ReadsPerStep"/>).</summary>
    internal int Reads;

    /// <summary>Ends Scanning → Failed instead of Scanning → Archiving (LifecycleOptions.FailNewScans at creation).</summary>
    internal bool FailsAtEnd { get; init; }

    /// <summary>Puts the scan in <paramref name="state"/> (a sandbox control or a cancel); a cancelled scan keeps its phase and percentage.</summary>
    internal void MoveTo(string state, DateTimeOffset now)
    {
        State = state;
        StateChanged = now;
        if (state != "Cancelled")
        {
            FailureReason = "None";
            ApplyStateDefaults();
        }
    }

    /// <summary>Queued → Scanning → Archiving → Complete, one step per call; other states stay.</summary>
    internal void Advance(DateTimeOffset now)
    {
        string? next = State switch
        {
            "Queued" => "Scanning",
            "Scanning" => FailsAtEnd ? "Failed" : "Archiving",
            "Archiving" => "Complete",
            _ => null,
        };
        if (next is null)
        {
            return;
        }

        State = next;
        StateChanged = now;
        ApplyStateDefaults();
    }

    private void ApplyStateDefaults()
    {
        switch (State)
        {
            case "Queued":
            case "Delayed":
                Phase = "Pending";
                Percentage = 0;
                break;
            case "Scanning":
            case "Pausing":
            case "Paused":
            case "Resuming":
                Phase = "CrawlingAndAttacking";
                Percentage = 50;
                break;
            case "Archiving":
            case "AsyncArchiving":
                Phase = "Complete";
                Percentage = 100;
                break;
            case "Complete":
                Phase = "Complete";
                Percentage = 100;
                // Deterministic per site so tests can compute the expected counts.
                int seed = Website.Name.Length;
                Counts = (seed % 2, seed % 3, 2 + seed % 4, 3, 5, 1);
                break;
            case "Failed":
                Phase = "Crawling";
                Percentage = 10;
                FailureReason = "ScanTargetNotReachable";
                break;
            default:
                Phase = "Pending";
                Percentage = 0;
                break;
        }
    }

    private bool IsCompleted => State is "Complete" or "Failed" or "Cancelled";

    private string ThreatLevel => State != "Complete" ? "Unknown" : Counts.Critical > 0 ? "Critical" : Counts.High > 0 ? "Insecure" : "NeedsAttention";

    /// <summary>The ScanTaskModel, PascalCase, as the Swagger document defines it (every value of the declared type; no nulls).</summary>
    internal JsonObject ToJson()
    {
        string initiated = InitiatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        string changed = StateChanged.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        JsonArray tags = new();
        foreach (string tag in Tags)
        {
            tags.Add(tag);
        }

        return new JsonObject
        {
            ["AdditionalWebsites"] = new JsonArray(),
            ["AgentId"] = ZeroGuid,
            ["AgentName"] = "",
            ["Cookies"] = "",
            ["CrawlAndAttack"] = true,
            ["EnableHeuristicChecksInCustomUrlRewrite"] = true,
            ["ExcludedLinks"] = "(log|sign)\\-?(out|off)",
            ["ExcludeLinks"] = true,
            ["DisallowedHttpMethods"] = "",
            ["FindAndFollowNewLinks"] = true,
            ["ImportedLinks"] = "",
            ["AllImportedLinks"] = "",
            ["DesktopScanId"] = ZeroGuid,
            // The API user's display format (here dd/MM/yyyy and 12-hour time): clients must not parse these.
            ["InitiatedTime"] = InitiatedAt.UtcDateTime.ToString("h:mm tt", CultureInfo.InvariantCulture),
            ["InitiatedDate"] = InitiatedAt.UtcDateTime.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            ["InitiatedAt"] = initiated,
            ["MaxDynamicSignatures"] = 60,
            ["MaxScanDuration"] = 48,
            ["Duration"] = State == "Complete" ? "00:42:10" : "",
            ["PolicyDescription"] = "",
            ["PolicyId"] = PolicyId,
            ["PolicyUserId"] = ZeroGuid,
            ["PolicyIsDefault"] = true,
            ["PolicyIsShared"] = true,
            ["PolicyName"] = PolicyName,
            ["AuthenticationProfileId"] = ZeroGuid,
            ["AuthenticationProfileOption"] = "DontUse",
            ["ReportPolicyDescription"] = "",
            ["ReportPolicyId"] = "6f6cc5b1-3e28-4c3b-8d47-000000000002",
            ["ReportPolicyUserId"] = ZeroGuid,
            ["ReportPolicyIsDefault"] = true,
            ["ReportPolicyIsShared"] = true,
            ["ReportPolicyName"] = "Default Report Policy",
            ["Scope"] = "EnteredPathAndBelow",
            ["SubPathMaxDynamicSignatures"] = 30,
            ["TargetPath"] = "/",
            ["TargetUrl"] = Website.RootUrl,
            ["TargetUrlRoot"] = Website.RootUrl,
            ["TimeWindow"] = new JsonObject { ["Items"] = new JsonArray() },
            ["TotalVulnerabilityCount"] = Counts.Critical + Counts.High + Counts.Medium + Counts.Low + Counts.BestPractice,
            ["UrlRewriteAnalyzableExtensions"] = "htm,html",
            ["UrlRewriteBlockSeparators"] = "/_ $.,;|:",
            ["UrlRewriteMode"] = "Heuristic",
            ["UrlRewriteRules"] = new JsonArray(),
            ["UrlRewriteExcludedLinks"] = new JsonArray(),
            ["UserId"] = "8d2e7f10-4b1a-4c55-9e0f-000000000001",
            ["WebsiteName"] = Website.Name,
            ["WebsiteUrl"] = Website.RootUrl,
            ["WebsiteDescription"] = "",
            ["WebsiteProtocol"] = Website.RootUrl.StartsWith("https:", StringComparison.Ordinal) ? "Https" : "Http",
            ["WebsiteIsDeleted"] = false,
            ["IsWebsiteLatestCompletedFullScanTask"] = false,
            ["EnablePciScanTask"] = false,
            ["UserName"] = "Sandbox API User",
            ["QueuedScanTaskExist"] = false,
            ["ScanTaskProfileId"] = ZeroGuid,
            ["ScanTaskProfile"] = new JsonObject
            {
                ["Id"] = ZeroGuid,
                ["IsMine"] = true,
                ["IsPrimary"] = true,
                ["IsShared"] = false,
                ["Name"] = Website.Name + " profile",
                ["TargetUrl"] = Website.RootUrl,
                ["ScanPolicyName"] = PolicyName,
                ["Tags"] = new JsonArray(),
            },
            ["WebsiteGroupIds"] = new JsonArray(Website.GroupId),
            ["Comments"] = "",
            ["ScanProfileChanged"] = false,
            ["CompletedSteps"] = Percentage * 40,
            ["EstimatedLaunchTime"] = State == "Queued" ? 2 : 0,
            ["EstimatedSteps"] = 4000,
            ["FailureReason"] = FailureReason,
            ["FailureReasonDescription"] = FailureReason == "None" ? "" : "The target could not be reached.",
            ["FailureReasonString"] = FailureReason == "None" ? "" : "Scan target not reachable",
            ["GlobalThreatLevel"] = ThreatLevel,
            ["GlobalVulnerabilityCriticalCount"] = Counts.Critical,
            ["GlobalVulnerabilityHighCount"] = Counts.High,
            ["GlobalVulnerabilityInfoCount"] = Counts.Info,
            ["GlobalVulnerabilityBestPracticeCount"] = Counts.BestPractice,
            ["GlobalVulnerabilityLowCount"] = Counts.Low,
            ["GlobalVulnerabilityMediumCount"] = Counts.Medium,
            ["Id"] = Id,
            ["IsCompleted"] = IsCompleted,
            ["Percentage"] = Percentage,
            ["Phase"] = Phase,
            ["ScanTaskGroupId"] = ZeroGuid,
            ["ScanType"] = ScanType,
            ["ScheduledScanId"] = ZeroGuid,
            ["State"] = State,
            ["StateChanged"] = changed,
            ["ThreatLevel"] = ThreatLevel,
            ["VulnerabilityCriticalCount"] = Counts.Critical,
            ["VulnerabilityHighCount"] = Counts.High,
            ["VulnerabilityInfoCount"] = Counts.Info,
            ["VulnerabilityBestPracticeCount"] = Counts.BestPractice,
            ["VulnerabilityLowCount"] = Counts.Low,
            ["VulnerabilityMediumCount"] = Counts.Medium,
            ["WebsiteId"] = Website.Id,
            ["Initiated"] = initiated,
            ["Tags"] = tags,
        };
    }
}

/// <summary>A website (scan target) of the fake account.</summary>
internal sealed record InvictiWebsite(string Id, string Name, string RootUrl, string GroupId);
