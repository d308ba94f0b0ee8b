#Requires -Version 5.1
<#
    Shared by the *.Tests.ps1 files (dot-source it in BeforeAll): imports the staged module and starts the local
    sandbox (tests/ScanPS.FakeVendors, the four vendor fakes on consecutive free loopback ports) in its own process.

        BeforeAll { . (Join-Path $PSScriptRoot 'Sandbox.ps1'); $sandbox = Start-ScanPSSandbox }
        AfterAll  { Stop-ScanPSSandbox $sandbox }

    Nothing here sets an environment variable: the suite also runs inside the xunit process (PesterSuiteTests), in
    parallel with other tests, so credentials and addresses are passed with -ApiKey / -Credential / -BaseUri or
    stored with Connect-ScanProvider, which is per runspace. Every file disconnects what it connected.

    Prerequisite: the module staged in out/ScanPS/<version>/ and the sandbox built in Release
    (`dotnet test ScanPS.sln -c Release`, or `dotnet build tests/ScanPS.EngineTests -c Release`).
#>

$ScanPSRepoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).ProviderPath

# The credentials the sandbox accepts (tests/ScanPS.FakeVendors/Program.cs). Not secrets, but the tests treat them as
# such: they must never show up in any stream.
$SandboxKeyText = 'test-data-key'
$SandboxInvictiUserId = 'sandbox-user-id'
$SandboxInvictiTokenText = 'sandbox-token'
$SandboxKey = ConvertTo-SecureString -String $SandboxKeyText -AsPlainText -Force
$SandboxInvictiCredential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList $SandboxInvictiUserId, (ConvertTo-SecureString -String $SandboxInvictiTokenText -AsPlainText -Force)
$WrongKey = ConvertTo-SecureString -String 'wrong-key-0000' -AsPlainText -Force
$WrongInvictiCredential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList $SandboxInvictiUserId, (ConvertTo-SecureString -String 'wrong-token-0000' -AsPlainText -Force)

function Import-ScanPSStagedModule {
    $manifest = Get-ChildItem -Path (Join-Path $ScanPSRepoRoot 'out/ScanPS/*/ScanPS.psd1') -File -ErrorAction SilentlyContinue |
        Sort-Object -Property LastWriteTime -Descending |
        Select-Object -First 1
    if ($null -eq $manifest) {
        throw "No staged module under $ScanPSRepoRoot/out/ScanPS. Run 'dotnet test ScanPS.sln -c Release' or './build.ps1 Build' first."
    }

    # The files share one runspace under PesterSuiteTests: import once (a binary module cannot be unloaded anyway).
    $loaded = Get-Module -Name ScanPS
    if ($null -ne $loaded -and $loaded.ModuleBase -eq $manifest.DirectoryName) { return }
    Import-Module -Name $manifest.FullName -Force -ErrorAction Stop
}

function Test-ScanPSPortFree([int]$Port) {
    $listener = New-Object -TypeName System.Net.Sockets.TcpListener -ArgumentList ([System.Net.IPAddress]::Loopback), $Port
    try {
        $listener.Start()
        return $true
    }
    catch {
        return $false
    }
    finally {
        $listener.Stop()
    }
}

# A base port whose next three ports are free as well: the sandbox listens on base .. base+3.
function Get-ScanPSFreeBasePort {
    for ($attempt = 0; $attempt -lt 20; $attempt++) {
        $listener = New-Object -TypeName System.Net.Sockets.TcpListener -ArgumentList ([System.Net.IPAddress]::Loopback), 0
        $listener.Start()
        $base = ([System.Net.IPEndPoint]$listener.LocalEndpoint).Port
        $listener.Stop()
        if ($base -gt 65530) { continue }
        $free = $true
        foreach ($offset in 0..3) {
            if (-not (Test-ScanPSPortFree ($base + $offset))) { $free = $false; break }
        }

        if ($free) { return $base }
    }

    throw 'No four consecutive free loopback ports were found.'
}

<#
    Starts the four fakes in a process of their own and returns once they all listen:
    @{ Process; BaseUri = @{ HostedScan = 'http://127.0.0.1:N'; ProjectDiscovery = ...; Invicti = ...; Probely = ... } }.
    A port taken between the check and the start (tests run in parallel) makes the sandbox exit with 1: try again.
    The sandbox watches this process (--parent-pid) and stops on its own if the run dies before Stop-ScanPSSandbox.
#>
function Start-ScanPSSandbox {
    $dll = Get-ChildItem -Path (Join-Path $ScanPSRepoRoot 'tests/ScanPS.FakeVendors/bin/Release/*/ScanPS.FakeVendors.dll') -File -ErrorAction SilentlyContinue |
        Sort-Object -Property LastWriteTime -Descending |
        Select-Object -First 1
    if ($null -eq $dll) {
        throw "The sandbox is not built. Run 'dotnet build tests/ScanPS.FakeVendors -c Release' (or 'dotnet test ScanPS.sln -c Release') first."
    }

    $onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
    $failures = @()
    for ($attempt = 1; $attempt -le 5; $attempt++) {
        $basePort = Get-ScanPSFreeBasePort
        $logBase = Join-Path ([System.IO.Path]::GetTempPath()) ('scanps-pester-sandbox-{0}' -f [guid]::NewGuid().ToString('N'))
        $startArguments = @{
            FilePath               = 'dotnet'
            # Start-Process does not quote array elements, so quote the path (it may contain spaces).
            ArgumentList           = @(('"{0}"' -f $dll.FullName), '--base-port', $basePort, '--parent-pid', $PID)
            PassThru               = $true
            RedirectStandardOutput = "$logBase.out.log"
            RedirectStandardError  = "$logBase.err.log"
        }
        if ($onWindows) { $startArguments['NoNewWindow'] = $true }
        $process = Start-Process @startArguments
        $null = $process.Handle   # Windows PowerShell only reports ExitCode when the handle was read early

        # The sandbox prints this line once every fake listens.
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        $ready = $false
        while (-not $ready -and -not $process.HasExited -and [DateTime]::UtcNow -lt $deadline) {
            $log = Get-Content -LiteralPath "$logBase.out.log" -Raw -ErrorAction SilentlyContinue
            if ($null -ne $log -and $log.Contains('Ctrl+C stops the sandbox.')) { $ready = $true } else { Start-Sleep -Milliseconds 100 }
        }

        if ($ready) {
            $hostUri = 'http://127.0.0.1:{0}'
            return [pscustomobject]@{
                Process = $process
                LogBase = $logBase
                BaseUri = @{
                    HostedScan       = $hostUri -f $basePort
                    ProjectDiscovery = $hostUri -f ($basePort + 1)
                    Invicti          = $hostUri -f ($basePort + 2)
                    Probely          = $hostUri -f ($basePort + 3)
                }
            }
        }

        $log = (Get-Content -LiteralPath "$logBase.out.log", "$logBase.err.log" -ErrorAction SilentlyContinue) -join [Environment]::NewLine
        Stop-ScanPSSandbox ([pscustomobject]@{ Process = $process; LogBase = $logBase })
        $failures += "attempt $attempt (ports $basePort-$($basePort + 3)): $log"
    }

    throw ("The sandbox did not start:{0}{1}" -f [Environment]::NewLine, ($failures -join [Environment]::NewLine))
}

function Stop-ScanPSSandbox($Sandbox) {
    if ($null -eq $Sandbox) { return }
    $process = $Sandbox.Process
    if ($null -ne $process -and -not $process.HasExited) {
        # One process (the sandbox's own dll, not 'dotnet run'), so no process tree to stop.
        $process.Kill()
        $null = $process.WaitForExit(10000)
    }

    if ($null -ne $Sandbox.LogBase) {
        Remove-Item -LiteralPath "$($Sandbox.LogBase).out.log", "$($Sandbox.LogBase).err.log" -ErrorAction SilentlyContinue
    }
}

# Default connections to the sandbox for the given providers (-SkipValidation: no request is sent).
function Connect-ScanPSSandbox($Sandbox, [string[]]$Provider = @('HostedScan', 'ProjectDiscovery', 'Invicti', 'Probely')) {
    foreach ($name in $Provider) {
        if ($name -eq 'Invicti') {
            Connect-ScanProvider -Provider $name -Credential $SandboxInvictiCredential -BaseUri $Sandbox.BaseUri[$name] -SkipValidation
        }
        else {
            Connect-ScanProvider -Provider $name -ApiKey $SandboxKey -BaseUri $Sandbox.BaseUri[$name] -SkipValidation
        }
    }
}

function Disconnect-ScanPSAll {
    Get-ScanProviderConnection | Disconnect-ScanProvider -Confirm:$false
}

<#
    Runs the script block and returns what it wrote: Output (every stream merged, *>&1) and WhatIf (the "What if:" lines
    PowerShell wrote to the host; they reach no stream, so they are read back from a transcript of the block).
#>
function Invoke-ScanPSTranscribed([scriptblock]$TranscribedBlock) {
    $path = Join-Path ([System.IO.Path]::GetTempPath()) ('scanps-pester-whatif-{0}.txt' -f [guid]::NewGuid().ToString('N'))
    try {
        $null = Start-Transcript -LiteralPath $path
        try {
            $output = @(& $TranscribedBlock *>&1)
        }
        finally {
            $null = Stop-Transcript
        }

        $whatIf = @(Get-Content -LiteralPath $path | Where-Object { $_ -like 'What if:*' })
    }
    finally {
        # Also when the block threw: no transcript is left behind.
        Remove-Item -LiteralPath $path -ErrorAction SilentlyContinue
    }

    [pscustomobject]@{ Output = $output; WhatIf = $whatIf }
}

function Get-ScanPSWhatIf([scriptblock]$ScriptBlock) {
    (Invoke-ScanPSTranscribed $ScriptBlock).WhatIf
}

<#
    Runs the script block with Verbose and Debug output on and returns every record of every stream and the What if
    lines as one text, for "no secret anywhere" checks.
#>
function Get-ScanPSAllText([scriptblock]$StreamedBlock) {
    # Script blocks see the variables of the scope that runs them, hence the distinct parameter names.
    $run = Invoke-ScanPSTranscribed {
        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'   # not -Debug: in Windows PowerShell that would prompt (Inquire)
        & $StreamedBlock
    }
    $text = @($run.Output | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.ToString(); "$($_.ErrorDetails)"; "$($_.TargetObject)" }
            elseif ($_ -is [string] -or $_ -is [System.Management.Automation.InformationalRecord] -or $_ -is [System.Management.Automation.InformationRecord]) { "$_" }
            else { $_ | Format-List -Property * | Out-String }
        })
    [pscustomobject]@{ Records = $run.Output; Text = (@($text) + $run.WhatIf) -join [Environment]::NewLine }
}
