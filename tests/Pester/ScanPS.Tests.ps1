#Requires -Version 5.1
<#
    Pester 5 tests of the staged module against the local vendor sandbox (tests/ScanPS.FakeVendors).
    They check what only a real PowerShell shows: parameter binding from the pipeline, -WhatIf, error
    records, the formatted type name, and that the API key never reaches the Verbose or Debug streams.

    Prerequisite: `dotnet test ScanPS.sln -c Release` (or ./build.ps1 Test), which stages the module in
    out/ScanPS/<version>/ and builds the sandbox in Release. Nothing is built here.
#>

BeforeAll {
    $repoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).ProviderPath
    $onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
    $sandboxKey = 'test-data-key'

    function Get-FreeTcpPort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        try {
            $listener.Start()
            return ([System.Net.IPEndPoint]$listener.LocalEndpoint).Port
        }
        finally {
            $listener.Stop()
        }
    }

    function Test-HttpEndpoint([string]$Uri) {
        # Any HTTP answer (401 included) means the sandbox is up.
        try {
            $null = Invoke-WebRequest -Uri $Uri -UseBasicParsing -TimeoutSec 2 -ErrorAction Stop
            return $true
        }
        catch {
            $responseProperty = $_.Exception.PSObject.Properties['Response']
            return ($null -ne $responseProperty -and $null -ne $responseProperty.Value)
        }
    }

    # A null or empty value removes the variable, so a restore also puts back "not set".
    function Set-ProcessEnvironment([string]$Name, $Value) {
        [System.Environment]::SetEnvironmentVariable($Name, $Value, 'Process')
    }

    $savedKey = [System.Environment]::GetEnvironmentVariable('SCANPS_HOSTEDSCAN_API_KEY', 'Process')
    $savedBaseUri = [System.Environment]::GetEnvironmentVariable('SCANPS_HOSTEDSCAN_BASE_URI', 'Process')
    $sandbox = $null
    $logBase = $null

    $manifest = Get-ChildItem -Path (Join-Path $repoRoot 'out/ScanPS/*/ScanPS.psd1') -File -ErrorAction SilentlyContinue |
        Sort-Object -Property LastWriteTime -Descending |
        Select-Object -First 1
    if ($null -eq $manifest) {
        throw "No staged module under $repoRoot/out/ScanPS. Run 'dotnet test ScanPS.sln -c Release' or './build.ps1 Build' first."
    }

    $port = Get-FreeTcpPort
    $baseUri = "http://127.0.0.1:$port"
    $fakeProject = Join-Path $repoRoot 'tests/ScanPS.FakeVendors'
    $logBase = Join-Path ([System.IO.Path]::GetTempPath()) ('scanps-pester-sandbox-{0}' -f [guid]::NewGuid().ToString('N'))
    $startArguments = @{
        FilePath               = 'dotnet'
        # Start-Process does not quote array elements, so quote the path (it may contain spaces).
        ArgumentList           = @('run', '--project', ('"{0}"' -f $fakeProject), '-c', 'Release', '--no-build', '--', '--urls', $baseUri)
        PassThru               = $true
        RedirectStandardOutput = "$logBase.out.log"
        RedirectStandardError  = "$logBase.err.log"
    }
    if ($onWindows) { $startArguments['NoNewWindow'] = $true }
    $sandbox = Start-Process @startArguments
    $null = $sandbox.Handle   # Windows PowerShell only reports ExitCode when the handle was read early

    $ProgressPreference = 'SilentlyContinue'
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while (-not (Test-HttpEndpoint "$baseUri/v1/scans")) {
        if ($sandbox.HasExited) {
            $log = (Get-Content -LiteralPath "$logBase.out.log", "$logBase.err.log" -ErrorAction SilentlyContinue) -join [Environment]::NewLine
            throw "The sandbox exited with code $($sandbox.ExitCode); was it built with 'dotnet test ScanPS.sln -c Release'?$([Environment]::NewLine)$log"
        }
        if ([DateTime]::UtcNow -gt $deadline) {
            throw "The sandbox did not answer on $baseUri within 60 seconds. Logs: $logBase.*.log"
        }
        Start-Sleep -Milliseconds 250
    }

    Set-ProcessEnvironment 'SCANPS_HOSTEDSCAN_API_KEY' $sandboxKey
    Set-ProcessEnvironment 'SCANPS_HOSTEDSCAN_BASE_URI' $baseUri
    Import-Module -Name $manifest.FullName -Force -ErrorAction Stop
}

AfterAll {
    Remove-Module -Name ScanPS -Force -ErrorAction SilentlyContinue
    Set-ProcessEnvironment 'SCANPS_HOSTEDSCAN_API_KEY' $savedKey
    Set-ProcessEnvironment 'SCANPS_HOSTEDSCAN_BASE_URI' $savedBaseUri
    if ($null -ne $sandbox -and -not $sandbox.HasExited) {
        # 'dotnet run' hosts the app in a child process: stop the whole tree.
        if ($PSVersionTable.PSEdition -eq 'Core') {
            $sandbox.Kill($true)
        }
        else {
            $ErrorActionPreference = 'Continue'
            & taskkill.exe /PID $sandbox.Id /T /F 2>&1 | Out-Null
        }
        $null = $sandbox.WaitForExit(10000)
    }
    if ($null -ne $logBase) {
        Remove-Item -LiteralPath "$logBase.out.log", "$logBase.err.log" -ErrorAction SilentlyContinue
    }
}

Describe 'New-Scan' {
    It 'creates a scan and emits a ScanPS.Models.HostedScanScan in state Queued' {
        $scan = New-Scan -Provider HostedScan -Type NMAP -Target example.com, 10.0.0.1

        @($scan).Count | Should -Be 1
        $scan.PSObject.TypeNames | Should -Contain 'ScanPS.Models.HostedScanScan'
        $scan.Provider | Should -Be 'HostedScan'
        $scan.Id | Should -Not -BeNullOrEmpty
        $scan.State.ToString() | Should -Be 'Queued'
        $scan.VendorState | Should -Be 'QUEUED'
    }

    It 'sends nothing under -WhatIf' {
        $before = @(Get-Scan -Provider HostedScan).Count

        $output = New-Scan -Provider HostedScan -Type NMAP -Target example.com -WhatIf

        $output | Should -BeNullOrEmpty
        @(Get-Scan -Provider HostedScan).Count | Should -Be $before
    }

    It 'collects every piped target into ONE scan' {
        $csv = Join-Path ([System.IO.Path]::GetTempPath()) ('scanps-targets-{0}.csv' -f [guid]::NewGuid().ToString('N'))
        try {
            Set-Content -LiteralPath $csv -Value @('Target', 'example.com', '10.0.0.1') -Encoding ASCII

            $scans = @(Import-Csv -LiteralPath $csv | New-Scan -Provider HostedScan -Type SSLYZE)

            $scans.Count | Should -Be 1
            $scans[0].Type | Should -Be 'SSLYZE'
            $scans[0].Targets | Should -Contain 'example.com'
            $scans[0].Targets | Should -Contain '10.0.0.1'
        }
        finally {
            Remove-Item -LiteralPath $csv -ErrorAction SilentlyContinue
        }
    }

    It 'refuses to send a request without any target (NoScanTargets)' {
        $record = { New-Scan -Provider HostedScan -Type NMAP -ErrorAction Stop } | Should -Throw -PassThru
        $record.FullyQualifiedErrorId | Should -BeLike 'NoScanTargets*'
    }

    It 'supports -WhatIf and -Confirm (SupportsShouldProcess)' {
        $command = Get-Command -Name New-Scan
        $command.Parameters.ContainsKey('WhatIf') | Should -BeTrue
        $command.Parameters.ContainsKey('Confirm') | Should -BeTrue
        $cmdletAttribute = $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
        $cmdletAttribute.SupportsShouldProcess | Should -BeTrue
    }
}

Describe 'Get-Scan' {
    It 'refreshes a scan piped from New-Scan, and the state advances' {
        $scan = New-Scan -Provider HostedScan -Type NMAP -Target example.com, 10.0.0.1

        $first = $scan | Get-Scan
        $first.Id | Should -Be $scan.Id
        $first.State.ToString() | Should -Not -Be 'Queued'

        $latest = $first
        for ($i = 0; $i -lt 5 -and $latest.State.ToString() -ne 'Completed'; $i++) {
            $latest = $latest | Get-Scan
        }
        $latest.State.ToString() | Should -Be 'Completed'
        $latest.VendorState | Should -Be 'SUCCEEDED'
    }

    It 'honours -First' {
        $scans = @(Get-Scan -Provider HostedScan -First 10)
        $scans.Count | Should -Be 10
    }

    It 'reports a missing id as a non-terminating ScanNotFound error and still returns the others' {
        $real = New-Scan -Provider HostedScan -Type NMAP -Target example.com
        $errors = $null

        $found = @(Get-Scan -Provider HostedScan -Id 'nope', $real.Id -ErrorVariable errors -ErrorAction SilentlyContinue)

        $found.Count | Should -Be 1
        $found[0].Id | Should -Be $real.Id
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ScanNotFound,*'
        $errors[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
    }

    It 'throws NoCredentialResolved when no key is given anywhere' {
        Set-ProcessEnvironment 'SCANPS_HOSTEDSCAN_API_KEY' $null
        try {
            $record = { Get-Scan -Provider HostedScan -First 1 -ErrorAction Stop } | Should -Throw -PassThru
            $record.FullyQualifiedErrorId | Should -BeLike 'NoCredentialResolved*'
        }
        finally {
            Set-ProcessEnvironment 'SCANPS_HOSTEDSCAN_API_KEY' $sandboxKey
        }
    }

    It 'refuses plain http to a host that is not loopback (InsecureBaseUri)' {
        $record = { Get-Scan -Provider HostedScan -First 1 -BaseUri 'http://example.com' -ErrorAction Stop } | Should -Throw -PassThru
        $record.FullyQualifiedErrorId | Should -BeLike 'InsecureBaseUri*'
    }

    It 'never writes the API key to the Verbose or Debug streams' {
        $records = & {
            $DebugPreference = 'Continue'   # not -Debug: in Windows PowerShell that would prompt (Inquire)
            $scan = New-Scan -Provider HostedScan -Type NMAP -Target example.com -Verbose
            $null = $scan | Get-Scan -Verbose
            $null = Get-Scan -Provider HostedScan -First 2 -Verbose
        } 4>&1 5>&1

        $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $verbose.Count | Should -BeGreaterThan 0
        foreach ($record in $records) {
            "$record" | Should -Not -BeLike "*$sandboxKey*"
        }
    }
}
