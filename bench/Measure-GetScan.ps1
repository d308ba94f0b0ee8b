#Requires -Version 7.4
<#
.SYNOPSIS
    Times Get-Scan against an Invoke-RestMethod paging loop and a compiled HttpClient floor, side by side in
    one pwsh process.

.DESCRIPTION
    Starts the benchmark's loopback server (bench/ScanPS.Benchmarks, "serve" mode: pre-rendered HostedScan
    pages, so the server costs microseconds), imports the staged module, and lists the same scans three ways:

      floor   the HttpClient + System.Text.Json floor, compiled here with Add-Type (reflection-based
              System.Text.Json: Add-Type runs no source generators);
      Get-Scan   Get-Scan -Provider HostedScan, streaming its objects down the pipeline;
      irm     an Invoke-RestMethod loop that follows next_page_token, as an admin would write it.

    Every contender's objects go to Out-Null, so each streams the same way. After an untimed correctness run
    (same count and ids in order for all three) it runs warm-up rounds, then measured rounds in which the
    contenders take turns going first, and prints median wall time, per-round ratios (median) and allocated
    bytes per scan (the whole process, PowerShell's own work included). Ratios, not absolute times, are the
    result: they were measured in the same rounds on the same machine.

    Needs: pwsh 7.4 or later, the .NET 10 SDK (the server is built and run with dotnet), and the staged module
    (./build.ps1 Build).

.PARAMETER Scans
    Scans in the listing (pages of 500, as HostedScan pages).

.PARAMETER Rounds
    Measured rounds; each runs every contender once.

.PARAMETER Warmup
    Unmeasured rounds before them.

.PARAMETER ModulePath
    The staged manifest to import; default: the highest version under out/ScanPS/.

.EXAMPLE
    PS> ./build.ps1 Build
    PS> pwsh ./bench/Measure-GetScan.ps1 -Scans 100000 -Rounds 7

    Builds the module, then times the three contenders over 100,000 scans (200 pages).
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 1000000)]
    [int] $Scans = 100000,

    [ValidateRange(1, 100)]
    [int] $Rounds = 7,

    [ValidateRange(0, 20)]
    [int] $Warmup = 1,

    [string] $ModulePath
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$repoRoot = Split-Path -Parent $PSScriptRoot
$benchProject = Join-Path $PSScriptRoot 'ScanPS.Benchmarks'

if (-not $ModulePath) {
    $staged = Join-Path $repoRoot 'out/ScanPS'
    $latest = if (Test-Path $staged) {
        Get-ChildItem $staged -Directory |
            Where-Object { $_.Name -as [version] } |
            Sort-Object { [version]$_.Name } -Descending |
            Select-Object -First 1
    }
    if (-not $latest) { throw "No staged module under $staged. Run ./build.ps1 Build first, or pass -ModulePath." }
    $ModulePath = Join-Path $latest.FullName 'ScanPS.psd1'
}
Import-Module $ModulePath -Force

Write-Host "Building the benchmark server (Release)..."
& dotnet build $benchProject -c Release --nologo -v quiet | Out-Host
if ($LASTEXITCODE -ne 0) { throw "dotnet build $benchProject failed ($LASTEXITCODE)." }
$serverDll = Join-Path $benchProject 'bin/Release/net10.0/ScanPS.Benchmarks.dll'

# The floor, compiled in this process. Same records and the same HttpClient use as the C# harness's floor
# (bench/ScanPS.Benchmarks/Contenders/FloorListing.cs), synchronous because it is enumerated by the pipeline.
if (-not ('ScanPSBench.Floor' -as [type])) {
    Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;

namespace ScanPSBench
{
    public sealed class FloorPage { public List<FloorScan> Data { get; set; } public string NextPageToken { get; set; } }
    public sealed class FloorScan
    {
        public string Id { get; set; }
        public string Type { get; set; }
        public string State { get; set; }
        public double? Progress { get; set; }
        public FloorRisks Risks { get; set; }
        public List<FloorResult> Results { get; set; }
        public List<FloorTarget> RequestedTargets { get; set; }
        public List<FloorTarget> ResolvedTargets { get; set; }
        public List<FloorTarget> SkippedTargets { get; set; }
    }
    public sealed class FloorRisks { public List<FloorRisk> NewOpen { get; set; } public List<FloorRisk> StillOpen { get; set; } public List<FloorRisk> Closed { get; set; } }
    public sealed class FloorRisk { public string RiskId { get; set; } }
    public sealed class FloorResult { public string ResultId { get; set; } public string ContentType { get; set; } }
    public sealed class FloorTarget { public string TargetId { get; set; } public string Target { get; set; } public string ResolvedTarget { get; set; } public string SkippedReason { get; set; } }

    public static class Floor
    {
        private static readonly HttpClient Http = new HttpClient();
        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

        public static IEnumerable<FloorScan> List(Uri listingBaseUri, string apiKey)
        {
            string token = null;
            do
            {
                var url = new Uri(listingBaseUri, token == null ? "v1/scans" : "v1/scans?page_token=" + Uri.EscapeDataString(token));
                FloorPage page;
                using (var request = new HttpRequestMessage(HttpMethod.Get, url))
                {
                    request.Headers.TryAddWithoutValidation("X-HOSTEDSCAN-API-KEY", apiKey);
                    using (var response = Http.Send(request, HttpCompletionOption.ResponseHeadersRead))
                    {
                        response.EnsureSuccessStatusCode();
                        using (var body = response.Content.ReadAsStream())
                        {
                            page = JsonSerializer.Deserialize<FloorPage>(body, Options);
                        }
                    }
                }

                foreach (var scan in page.Data) yield return scan;
                token = page.NextPageToken;
            }
            while (!string.IsNullOrEmpty(token));
        }
    }
}
'@
}

function Get-Median([double[]] $Values) {
    $sorted = [double[]]($Values | Sort-Object)
    $mid = [math]::Floor(($sorted.Count - 1) / 2)
    if ($sorted.Count % 2) { $sorted[$mid] } else { ($sorted[$mid] + $sorted[$mid + 1]) / 2 }
}

function Get-ExpectedId([int] $Index) { '6745f0c2' + $Index.ToString('x16') }

$startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
foreach ($argument in @($serverDll, 'serve', '--sizes', "$Scans")) { $startInfo.ArgumentList.Add($argument) }
$startInfo.RedirectStandardInput = $true
$startInfo.RedirectStandardOutput = $true
$startInfo.UseShellExecute = $false
$server = [System.Diagnostics.Process]::Start($startInfo)
try {
    $ready = $server.StandardOutput.ReadLine()
    if ($ready -notmatch '^ready data=(\S+) control=(\S+)$') { throw "The benchmark server did not start: $ready" }
    $listing = [uri]::new([uri]$Matches[1], "n$Scans/")

    # A made-up key for the loopback server; the server only checks that the header is there.
    $plainKey = 'bench-api-key-0123456789'
    $secureKey = ConvertTo-SecureString $plainKey -AsPlainText -Force

    $contenders = [ordered]@{
        'floor (Add-Type)' = { [ScanPSBench.Floor]::List($listing, $plainKey) }
        'Get-Scan'         = { Get-Scan -Provider HostedScan -BaseUri $listing -ApiKey $secureKey }
        'Invoke-RestMethod loop' = {
            $headers = @{ 'X-HOSTEDSCAN-API-KEY' = $plainKey }
            $uri = [uri]::new($listing, 'v1/scans')
            do {
                $page = Invoke-RestMethod -Uri $uri -Headers $headers
                $page.data
                $next = $page.PSObject.Properties['next_page_token']
                $token = if ($next) { $next.Value } else { $null }
                $uri = [uri]::new($listing, 'v1/scans?page_token=' + [uri]::EscapeDataString("$token"))
            } while ($token)
        }
    }
    $names = @($contenders.Keys)

    Write-Host "Correctness: each contender lists $Scans scans in order."
    foreach ($name in $names) {
        $index = 0
        & $contenders[$name] | ForEach-Object {
            if ($_.Id -ne (Get-ExpectedId $index)) { throw "$name gave id $($_.Id) at position $index." }
            $index++
        }
        if ($index -ne $Scans) { throw "$name listed $index scans, not $Scans." }
    }

    $results = @{}
    foreach ($name in $names) { $results[$name] = [System.Collections.Generic.List[object]]::new() }
    for ($round = 0; $round -lt $Warmup + $Rounds; $round++) {
        $measured = $round -ge $Warmup
        Write-Host ($(if ($measured) { "Round $($round - $Warmup + 1) of $Rounds" } else { "Warm-up round $($round + 1) of $Warmup" }))
        for ($k = 0; $k -lt $names.Count; $k++) {
            $name = $names[($round + $k) % $names.Count]
            [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
            $allocated = [GC]::GetTotalAllocatedBytes($true)
            $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
            & $contenders[$name] | Out-Null
            $stopwatch.Stop()
            $allocated = [GC]::GetTotalAllocatedBytes($true) - $allocated
            if ($measured) {
                $results[$name].Add([pscustomobject]@{ Round = $round; Ms = $stopwatch.Elapsed.TotalMilliseconds; Bytes = $allocated })
            }
        }
    }

    $floorName = $names[0]
    $floorByRound = @{}
    foreach ($sample in $results[$floorName]) { $floorByRound[$sample.Round] = $sample }
    $floorBytes = Get-Median ($results[$floorName] | ForEach-Object { $_.Bytes / $Scans })
    $irmByRound = @{}
    foreach ($sample in $results['Invoke-RestMethod loop']) { $irmByRound[$sample.Round] = $sample }

    $table = foreach ($name in $names) {
        $samples = $results[$name]
        $bytesPerScan = Get-Median ($samples | ForEach-Object { $_.Bytes / $Scans })
        [pscustomobject]@{
            Contender       = $name
            'Median ms'     = [math]::Round((Get-Median ($samples | ForEach-Object Ms)), 0)
            'x floor'       = [math]::Round((Get-Median ($samples | ForEach-Object { $_.Ms / $floorByRound[$_.Round].Ms })), 3)
            'x Invoke-RestMethod' = [math]::Round((Get-Median ($samples | ForEach-Object { $_.Ms / $irmByRound[$_.Round].Ms })), 3)
            'Bytes/scan'    = [math]::Round($bytesPerScan, 0)
            'Alloc x floor' = [math]::Round($bytesPerScan / $floorBytes, 2)
        }
    }

    Write-Host ""
    Write-Host ("{0:N0} scans, {1} rounds after {2} warm-up, alternating; PowerShell {3} on {4}, {5} cores." -f
        $Scans, $Rounds, $Warmup, $PSVersionTable.PSVersion, [System.Runtime.InteropServices.RuntimeInformation]::OSDescription, [Environment]::ProcessorCount)
    Write-Host "Ratios are medians of per-round ratios; bytes are the whole pwsh process's allocations per scan."
    $table | Format-Table -AutoSize | Out-Host
}
finally {
    $server.StandardInput.Close()
    if (-not $server.WaitForExit(5000)) { $server.Kill() }
    $server.Dispose()
}
