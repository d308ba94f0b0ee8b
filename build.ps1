<#
.SYNOPSIS
    Builds, tests and demonstrates ScanPS. Runs on Windows PowerShell 5.1 and PowerShell 7.

.DESCRIPTION
    Build  dotnet build of src/ScanPS; the StageScanPSModule MSBuild target stages the importable
           module in out/ScanPS/<version>/ (version from Directory.Build.props), with Get-Help content
           in en-US/ (ScanPS.dll-Help.xml and about_*.help.txt) converted from the PlatyPS pages in docs/
           by tools/ScanPS.HelpBuilder. When the platyPS module is installed, its New-ExternalHelp then
           rebuilds en-US/ from the same pages.
    Test   dotnet test ScanPS.sln -c Release (what CI's .ci/run runs): the xunit tests, the engine tests in real
           PowerShell 7.6 runspaces and, through them, the Pester suite in tests/Pester. In Windows PowerShell
           5.1 the Pester suite then runs once more in that edition when Pester 5 is installed.
    Demo   Build, start the local vendor sandbox (tests/ScanPS.FakeVendors) on http://127.0.0.1:5099 and
           run the README quick start against it with the sandbox key 'test-data-key'.
    Package
           Build, then pack the staged module folder into out/packages/ScanPS.<version>.nupkg (what
           Install-Module / Install-PSResource installs): with Publish-PSResource to a local folder repository
           when Microsoft.PowerShell.PSResourceGet is installed, otherwise dotnet pack with packaging/ScanPS.nuspec.
    Clean  Removes out/ and every project's bin/ and obj/ folders.

.EXAMPLE
    ./build.ps1

.EXAMPLE
    pwsh ./build.ps1 Demo

.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Package', 'Clean')]
    [string]$Task = 'Build',

    [string]$Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$RepoRoot = $PSScriptRoot
$SandboxUrl = 'http://127.0.0.1:5099'

# $IsWindows does not exist in Windows PowerShell 5.1 (and StrictMode forbids reading unset variables).
$OnWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT

function Assert-DotnetAvailable {
    if ($null -eq (Get-Command -Name 'dotnet' -CommandType Application -ErrorAction SilentlyContinue)) {
        throw "The .NET SDK was not found: 'dotnet' is not on PATH. Install the .NET SDK (https://dotnet.microsoft.com/download), open a new shell and run build.ps1 again."
    }
}

# Runs a native command and stops the script when it fails: native programs do not throw on their own.
# Output goes to the host, never into the caller's return value.
function Invoke-Native {
    param(
        [Parameter(Mandatory)][string]$FilePath,
        [Parameter(Mandatory)][string[]]$ArgumentList,
        [string]$DisplayText = ('{0} {1}' -f $FilePath, ($ArgumentList -join ' '))
    )
    Write-Host "> $DisplayText" -ForegroundColor Cyan
    & $FilePath @ArgumentList | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw ('{0} failed with exit code {1}.' -f $DisplayText, $LASTEXITCODE)
    }
}

function Get-ScanPSVersion {
    $propsPath = Join-Path $RepoRoot 'Directory.Build.props'
    [xml]$props = Get-Content -LiteralPath $propsPath -Raw
    # local-name() so the lookup still works if the file ever gains an MSBuild xmlns.
    $node = $props.SelectSingleNode("//*[local-name()='ScanPSVersion']")
    if ($null -eq $node -or [string]::IsNullOrWhiteSpace($node.InnerText)) {
        throw "No <ScanPSVersion> in $propsPath; that property is the one place the module version lives."
    }
    return $node.InnerText.Trim()
}

function Get-StagedManifestPath {
    $version = Get-ScanPSVersion
    return [System.IO.Path]::Combine($RepoRoot, 'out', 'ScanPS', $version, 'ScanPS.psd1')
}

function Invoke-Build {
    Assert-DotnetAvailable
    $project = [System.IO.Path]::Combine($RepoRoot, 'src', 'ScanPS', 'ScanPS.csproj')
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('build', $project, '-c', $Configuration)

    $manifest = Get-StagedManifestPath
    if (-not (Test-Path -LiteralPath $manifest -PathType Leaf)) {
        throw "The build succeeded but $manifest was not staged. Check that src/ScanPS/ScanPS.csproj imports StageModule.targets."
    }
    Update-ExternalHelp -ModuleFolder (Split-Path -Parent $manifest)
    Write-Host ''
    Write-Host "Module staged: $manifest" -ForegroundColor Green
    Write-Host "Import it with:  Import-Module '$manifest'"
    return $manifest
}

# The build has already written en-US/ with tools/ScanPS.HelpBuilder. PlatyPS (0.14.x, module 'platyPS') is the
# reference implementation of the markdown-to-MAML conversion, so when it is installed its New-ExternalHelp writes
# the same files from the same docs/ pages instead. The PlatyPS 1.0 rewrite (Microsoft.PowerShell.PlatyPS) has a
# different command set and is not used here.
function Update-ExternalHelp {
    param([Parameter(Mandatory)][string]$ModuleFolder)

    $helpFolder = Join-Path $ModuleFolder 'en-US'
    $mamlPath = Join-Path $helpFolder 'ScanPS.dll-Help.xml'
    $platyPS = Get-Module -ListAvailable -Name 'platyPS' |
        Sort-Object -Property Version -Descending |
        Select-Object -First 1
    if ($null -eq $platyPS) {
        Write-Host 'Help: en-US/ built from docs/ by tools/ScanPS.HelpBuilder (platyPS is not installed).'
    }
    else {
        Import-Module -Name $platyPS.Path -Force
        $docs = Join-Path $RepoRoot 'docs'
        Write-Host "> New-ExternalHelp -Path $docs -OutputPath $helpFolder -Force (platyPS $($platyPS.Version))" -ForegroundColor Cyan
        # -Force overwrites the converter's files; the pages' front matter names ScanPS.dll-Help.xml, and
        # docs/about_*.md become about_*.help.txt.
        $null = New-ExternalHelp -Path $docs -OutputPath $helpFolder -Force -ErrorAction Stop
    }

    if (-not (Test-Path -LiteralPath $mamlPath -PathType Leaf)) {
        throw "No help was staged: $mamlPath is missing. Check the docs/*.md front matter ('external help file: ScanPS.dll-Help.xml')."
    }
    # Get-Help silently shows only the syntax when the MAML is not well-formed XML, so check it here.
    try {
        $null = [xml](Get-Content -LiteralPath $mamlPath -Raw -Encoding UTF8)
    }
    catch {
        throw "$mamlPath is not well-formed XML: $($_.Exception.Message)"
    }
}

function Invoke-Test {
    Assert-DotnetAvailable
    Push-Location -LiteralPath $RepoRoot
    try {
        # Exactly the README's test command, which is also what CI's .ci/run runs. It includes the engine tests
        # (tests/ScanPS.EngineTests), which also run the Pester suite in tests/Pester in PowerShell 7.6.
        Invoke-Native -FilePath 'dotnet' -ArgumentList @('test', 'ScanPS.sln', '-c', 'Release')

        if ($PSVersionTable.PSEdition -eq 'Core') {
            return
        }
        # Windows PowerShell 5.1: the Pester suite once more in this edition, when Pester 5 is installed.
        $pester = Get-Module -ListAvailable -Name Pester |
            Where-Object { $_.Version -ge [version]'5.0' } |
            Sort-Object -Property Version -Descending |
            Select-Object -First 1
        if ($null -eq $pester) {
            Write-Host ''
            Write-Host 'Pester tests in Windows PowerShell skipped: Pester 5 or later is not installed (Windows PowerShell ships Pester 3.4).' -ForegroundColor Yellow
            Write-Host 'Install it with:  Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser -SkipPublisherCheck'
            return
        }
        # In a child PowerShell, like the demo, so this session never loads (and on Windows locks) ScanPS.dll.
        $pesterScript = @'
$ErrorActionPreference = 'Stop'
Import-Module -Name '__PESTER__' -Force
$result = Invoke-Pester -Path '__TESTS__' -Output Detailed -PassThru
if ($result.Result -ne 'Passed') {
    Write-Host ('Pester: {0} of {1} tests failed.' -f $result.FailedCount, $result.TotalCount)
    exit 1
}
exit 0
'@
        $pesterScript = $pesterScript.Replace('__PESTER__', (ConvertTo-SingleQuotedContent $pester.Path))
        $pesterScript = $pesterScript.Replace('__TESTS__', (ConvertTo-SingleQuotedContent (Join-Path $RepoRoot 'tests/Pester')))
        Invoke-ChildPowerShell -Script $pesterScript -DisplayText "Invoke-Pester -Path tests/Pester (Pester $($pester.Version), in a child Windows PowerShell)"
    }
    finally {
        Pop-Location
    }
}

function Test-HttpEndpoint {
    param([Parameter(Mandatory)][string]$Uri)
    # Any HTTP answer counts (401 without a key means the server is up); only "no answer" is false.
    try {
        $null = Invoke-WebRequest -Uri $Uri -UseBasicParsing -TimeoutSec 2 -ErrorAction Stop
        return $true
    }
    catch {
        # Windows PowerShell: WebException.Response; PowerShell 7: HttpResponseException.Response.
        # Connection failures carry no Response property at all, so look it up without tripping StrictMode.
        $responseProperty = $_.Exception.PSObject.Properties['Response']
        return ($null -ne $responseProperty -and $null -ne $responseProperty.Value)
    }
}

function Stop-ProcessTree {
    param([Parameter(Mandatory)][System.Diagnostics.Process]$Process)
    if ($Process.HasExited) { return }
    # Best effort while cleaning up; and Windows PowerShell turns redirected stderr into errors under 'Stop'.
    $ErrorActionPreference = 'Continue'
    try {
        # 'dotnet run' starts the app as a child process; stopping only 'dotnet' would leave the sandbox running.
        if ($PSVersionTable.PSEdition -eq 'Core') {
            $Process.Kill($true)
        }
        else {
            # Windows PowerShell runs on .NET Framework, which has no Kill(entireProcessTree).
            & taskkill.exe /PID $Process.Id /T /F 2>&1 | Out-Null
        }
        $null = $Process.WaitForExit(10000)
    }
    catch {
        Write-Warning "Could not stop the sandbox (process $($Process.Id)): $($_.Exception.Message)"
    }
}

# Makes a value safe inside a single-quoted PowerShell string.
function ConvertTo-SingleQuotedContent([string]$Value) {
    return $Value.Replace("'", "''")
}

# Runs a script in a new PowerShell process of the same edition and fails when it fails.
# -EncodedCommand avoids every quoting difference between Windows PowerShell and PowerShell 7.
function Invoke-ChildPowerShell {
    param(
        [Parameter(Mandatory)][string]$Script,
        [Parameter(Mandatory)][string]$DisplayText
    )
    $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($Script))
    Invoke-Native -FilePath (Get-PowerShellExecutable) -ArgumentList @('-NoProfile', '-NonInteractive', '-OutputFormat', 'Text', '-EncodedCommand', $encoded) -DisplayText $DisplayText
}

function Get-PowerShellExecutable {
    # The same edition as the one running this script, so the demo shows that edition's behaviour.
    if ($PSVersionTable.PSEdition -eq 'Core') {
        $name = if ($OnWindows) { 'pwsh.exe' } else { 'pwsh' }
    }
    else {
        $name = 'powershell.exe'
    }
    # A PowerShell hosted from the SDK (tools/pwsh) has its pwsh program in AppContext.BaseDirectory, not in $PSHOME.
    foreach ($folder in @($PSHOME, [System.AppContext]::BaseDirectory)) {
        $candidate = Join-Path $folder $name
        if (Test-Path -LiteralPath $candidate -PathType Leaf) { return $candidate }
    }
    return Join-Path $PSHOME $name
}

function Test-TcpPortAnswers {
    param([Parameter(Mandatory)][string]$HostName, [Parameter(Mandatory)][int]$Port)
    # True when something accepts a TCP connection there within a second (any listener, not only a sandbox).
    $client = New-Object -TypeName System.Net.Sockets.TcpClient
    try {
        $connecting = $client.BeginConnect($HostName, $Port, $null, $null)
        if (-not $connecting.AsyncWaitHandle.WaitOne(1000)) { return $false }
        try { $client.EndConnect($connecting) } catch { return $false }
        return $client.Connected
    }
    finally {
        $client.Close()
    }
}

function Invoke-Demo {
    # Before building or starting anything: a sandbox (or any program) already answering on the port would
    # take the demo's requests, and the new sandbox could not listen there.
    $sandboxUri = [System.Uri]$SandboxUrl
    if (Test-TcpPortAnswers -HostName $sandboxUri.Host -Port $sandboxUri.Port) {
        throw "Something already answers on $SandboxUrl (port $($sandboxUri.Port)), perhaps a sandbox from an earlier Demo. Stop it and run the Demo again."
    }

    $manifest = Invoke-Build

    $fakeProject = [System.IO.Path]::Combine($RepoRoot, 'tests', 'ScanPS.FakeVendors')
    # Build first so the wait below only covers start-up, not compilation.
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('build', $fakeProject, '-c', $Configuration)

    $logBase = Join-Path ([System.IO.Path]::GetTempPath()) ('scanps-sandbox-{0}' -f [guid]::NewGuid().ToString('N'))
    $startArguments = @{
        FilePath               = 'dotnet'
        # Start-Process joins arguments with spaces and does not quote them, so quote the path ourselves.
        ArgumentList           = @('run', '--project', ('"{0}"' -f $fakeProject), '-c', $Configuration, '--no-build', '--', '--urls', $SandboxUrl)
        PassThru               = $true
        RedirectStandardOutput = "$logBase.out.log"
        RedirectStandardError  = "$logBase.err.log"
    }
    if ($OnWindows) { $startArguments['NoNewWindow'] = $true }

    $savedKey = [System.Environment]::GetEnvironmentVariable('SCANPS_HOSTEDSCAN_API_KEY', 'Process')
    $savedBaseUri = [System.Environment]::GetEnvironmentVariable('SCANPS_HOSTEDSCAN_BASE_URI', 'Process')
    $sandbox = $null
    try {
        Write-Host "> dotnet run --project tests/ScanPS.FakeVendors -c $Configuration -- --urls $SandboxUrl" -ForegroundColor Cyan
        $sandbox = Start-Process @startArguments
        $null = $sandbox.Handle   # keeps the handle so ExitCode is readable later (Windows PowerShell quirk)

        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        $oldProgress = $ProgressPreference
        $ProgressPreference = 'SilentlyContinue'   # Invoke-WebRequest's progress bar is slow in Windows PowerShell
        try {
            while (-not (Test-HttpEndpoint -Uri "$SandboxUrl/v1/scans")) {
                if ($sandbox.HasExited) {
                    $log = (Get-Content -LiteralPath "$logBase.out.log", "$logBase.err.log" -ErrorAction SilentlyContinue) -join [Environment]::NewLine
                    throw "The sandbox exited with code $($sandbox.ExitCode) before answering on $SandboxUrl.$([Environment]::NewLine)$log"
                }
                if ([DateTime]::UtcNow -gt $deadline) {
                    throw "The sandbox did not answer on $SandboxUrl/v1/scans within 60 seconds (is port 5099 in use?). Logs: $logBase.*.log"
                }
                Start-Sleep -Milliseconds 500
            }
        }
        finally {
            $ProgressPreference = $oldProgress
        }
        Write-Host "Sandbox listening on $SandboxUrl" -ForegroundColor Green

        # The demo only: the child PowerShell below inherits these; they are restored afterwards.
        $env:SCANPS_HOSTEDSCAN_API_KEY = 'test-data-key'
        $env:SCANPS_HOSTEDSCAN_BASE_URI = $SandboxUrl

        # Run in a child PowerShell so this session never loads ScanPS.dll: on Windows a loaded dll is locked
        # and the next build could not replace it.
        $demoScript = @'
$ErrorActionPreference = 'Stop'
Import-Module -Name '__MANIFEST__' -Force
function Show-Step([string]$Command) { Write-Host ''; Write-Host "PS> $Command" -ForegroundColor Yellow }

Show-Step 'New-Scan -Provider HostedScan -Type NMAP -Target example.com,10.0.0.1 -WhatIf'
New-Scan -Provider HostedScan -Type NMAP -Target example.com,10.0.0.1 -WhatIf

Show-Step '$scan = New-Scan -Provider HostedScan -Type NMAP -Target example.com,10.0.0.1; $scan'
$scan = New-Scan -Provider HostedScan -Type NMAP -Target example.com,10.0.0.1
$scan | Format-Table | Out-String | Write-Host

Show-Step '$scan | Get-Scan'
$scan | Get-Scan | Format-Table | Out-String | Write-Host

Show-Step '$scan | Get-Scan'
$scan | Get-Scan | Format-Table | Out-String | Write-Host

Show-Step 'Get-Scan -Provider HostedScan -State Completed -First 5 | Format-Table'
Get-Scan -Provider HostedScan -State Completed -First 5 | Format-Table | Out-String | Write-Host
'@
        $demoScript = $demoScript.Replace('__MANIFEST__', (ConvertTo-SingleQuotedContent $manifest))
        Invoke-ChildPowerShell -Script $demoScript -DisplayText 'quick start (in a child PowerShell)'
    }
    finally {
        [System.Environment]::SetEnvironmentVariable('SCANPS_HOSTEDSCAN_API_KEY', $savedKey, 'Process')
        [System.Environment]::SetEnvironmentVariable('SCANPS_HOSTEDSCAN_BASE_URI', $savedBaseUri, 'Process')
        if ($null -ne $sandbox) {
            Stop-ProcessTree -Process $sandbox
            Write-Host 'Sandbox stopped.'
        }
        Remove-Item -LiteralPath "$logBase.out.log", "$logBase.err.log" -ErrorAction SilentlyContinue
    }
}

function Invoke-Package {
    $manifest = Invoke-Build
    $output = [System.IO.Path]::Combine($RepoRoot, 'out', 'packages')
    $null = New-Item -ItemType Directory -Path $output -Force
    $psResourceGet = Get-Module -ListAvailable -Name 'Microsoft.PowerShell.PSResourceGet' | Sort-Object -Property Version -Descending | Select-Object -First 1
    if ($null -ne $psResourceGet) {
        Import-Module -Name $psResourceGet.Path -Force
        $repositoryName = 'ScanPSLocalBuild'
        if (-not (Get-PSResourceRepository -Name $repositoryName -ErrorAction SilentlyContinue)) {
            Register-PSResourceRepository -Name $repositoryName -Uri $output -Trusted
        }
        try {
            Write-Host "> Publish-PSResource -Path $(Split-Path -Parent $manifest) -Repository $repositoryName" -ForegroundColor Cyan
            Publish-PSResource -Path (Split-Path -Parent $manifest) -Repository $repositoryName -ErrorAction Stop
        }
        finally {
            Unregister-PSResourceRepository -Name $repositoryName
        }
    }
    else {
        $project = [System.IO.Path]::Combine($RepoRoot, 'packaging', 'ScanPS.Package.csproj')
        Invoke-Native -FilePath 'dotnet' -ArgumentList @('pack', $project, '-c', $Configuration, "-p:PackageOutputPath=$output")
    }

    $package = Join-Path $output ('ScanPS.{0}.nupkg' -f (Get-ScanPSVersion))
    if (-not (Test-Path -LiteralPath $package -PathType Leaf)) {
        throw "Packing finished but $package was not written."
    }
    Write-Host "Package: $package" -ForegroundColor Green
}

function Invoke-Clean {
    $out = Join-Path $RepoRoot 'out'
    if (Test-Path -LiteralPath $out) {
        Remove-Item -LiteralPath $out -Recurse -Force
        Write-Host "Removed $out"
    }
    $projectFolders = Get-ChildItem -Path (Join-Path $RepoRoot 'src'), (Join-Path $RepoRoot 'tests') -Filter '*.csproj' -File -Recurse -ErrorAction SilentlyContinue |
        ForEach-Object { $_.DirectoryName } |
        Sort-Object -Unique
    foreach ($folder in $projectFolders) {
        foreach ($name in 'bin', 'obj') {
            $path = Join-Path $folder $name
            if (Test-Path -LiteralPath $path) {
                Remove-Item -LiteralPath $path -Recurse -Force
                Write-Host "Removed $path"
            }
        }
    }
}

switch ($Task) {
    'Build' { $null = Invoke-Build }
    'Test'  { Invoke-Test }
    'Demo'  { Invoke-Demo }
    'Package' { Invoke-Package }
    'Clean' { Invoke-Clean }
}
# Failures throw (exit code 1 under -File); reaching here means success, whatever the last native exit code was.
exit 0
