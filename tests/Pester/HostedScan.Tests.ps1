#Requires -Version 5.1
<#
    Pester 5 tests of New-Scan and Get-Scan for HostedScan, against the local sandbox (Sandbox.ps1). They check what
    only a real PowerShell shows: parameter binding from the pipeline, -WhatIf text, error records, the formatted
    type name, and that the API key never reaches any stream.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Sandbox.ps1')
    Import-ScanPSStagedModule
    $sandbox = Start-ScanPSSandbox
    $baseUri = $sandbox.BaseUri.HostedScan
    Disconnect-ScanPSAll
    Connect-ScanPSSandbox $sandbox -Provider HostedScan
}

AfterAll {
    Disconnect-ScanPSAll
    Stop-ScanPSSandbox $sandbox
}

Describe 'New-Scan -Provider HostedScan' {
    It 'creates a scan and emits a ScanPS.Models.HostedScanScan in state Queued' {
        $scan = New-Scan -Provider HostedScan -Type NMAP -Target example.com, 10.0.0.1

        @($scan).Count | Should -Be 1
        $scan | Should -BeOfType ([ScanPS.Models.HostedScanScan])
        $scan.PSObject.TypeNames[0] | Should -Be 'ScanPS.Models.HostedScanScan'
        $scan.Provider | Should -Be 'HostedScan'
        $scan.Id | Should -Match '^[0-9a-f]{24}$'
        $scan.Type | Should -Be 'NMAP'
        $scan.State | Should -Be ([ScanPS.Models.ScanState]::Queued)
        $scan.VendorState | Should -Be 'QUEUED'
        $scan.Progress | Should -Be 0
        $scan.Targets | Should -Be @('example.com', '10.0.0.1')
        $scan.IsFinished | Should -BeFalse
    }

    It 'describes the request under -WhatIf and sends nothing' {
        $before = @(Get-Scan -Provider HostedScan).Count

        $run = Invoke-ScanPSTranscribed { New-Scan -Provider HostedScan -Type NMAP -Target example.com, 10.0.0.1 -WhatIf }

        $run.Output | Should -BeNullOrEmpty
        $run.WhatIf | Should -Be @("What if: Performing the operation ""Create NMAP scan of 2 targets (example.com, 10.0.0.1)"" on target ""HostedScan ($baseUri/)"".")
        @(Get-Scan -Provider HostedScan).Count | Should -Be $before
    }

    It 'collects every piped target into ONE scan' {
        $rows = @('Target', 'example.com', '10.0.0.1', 'example.com') | ConvertFrom-Csv

        $scans = @($rows | New-Scan -Provider HostedScan -Type SSLYZE)

        $scans.Count | Should -Be 1
        $scans[0].Type | Should -Be 'SSLYZE'
        $scans[0].Targets | Should -Be @('example.com', '10.0.0.1')
    }

    It 'binds -Target from a HostName or Url property too' {
        $scan = [pscustomobject]@{ HostName = 'api.example.com' }, [pscustomobject]@{ Url = 'https://www.example.com/app' } | New-Scan -Provider HostedScan -Type OWASP_ZAP

        $scan.Targets | Should -Be @('api.example.com', 'https://www.example.com/app')
    }

    It 'refuses to send a request without any target (NoScanTargets), before the credential lookup' {
        $before = @(Get-Scan -Provider HostedScan).Count

        $record = { New-Scan -Provider HostedScan -Type NMAP -ApiKey $WrongKey } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be 'NoScanTargets,ScanPS.Commands.NewScanCommand'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
        @(Get-Scan -Provider HostedScan).Count | Should -Be $before
    }

    It 'refuses a parameter of another provider (ParameterNotValidForProvider)' {
        $record = { New-Scan -Provider ProjectDiscovery -Type NMAP -Target example.com } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be 'ParameterNotValidForProvider,ScanPS.Commands.NewScanCommand'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
    }

    It 'stops with AuthenticationFailed for a wrong key, and the key is in no stream' {
        $all = Get-ScanPSAllText {
            # -ApiKey replaces the default connection, address included, so -BaseUri is given again.
            try { New-Scan -Provider HostedScan -Type NMAP -Target example.com -ApiKey $WrongKey -BaseUri $baseUri -ErrorAction Stop } catch { $_ }
        }

        $errors = @($all.Records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'AuthenticationFailed,ScanPS.Commands.NewScanCommand'
        $errors[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::AuthenticationError)
        $all.Text | Should -Not -BeLike '*wrong-key-0000*'
    }
}

Describe 'Get-Scan -Provider HostedScan' {
    It 'refreshes a scan piped from New-Scan, and the state advances to Completed' {
        $scan = New-Scan -Provider HostedScan -Type NMAP -Target example.com, 10.0.0.1

        $first = $scan | Get-Scan
        $first.Id | Should -Be $scan.Id
        $first.State | Should -Be ([ScanPS.Models.ScanState]::Running)

        $latest = $first
        for ($i = 0; $i -lt 5 -and $latest.State -ne 'Completed'; $i++) {
            $latest = $latest | Get-Scan
        }
        $latest.State | Should -Be ([ScanPS.Models.ScanState]::Completed)
        $latest.VendorState | Should -Be 'SUCCEEDED'
        $latest.Progress | Should -Be 100
        $latest.IsFinished | Should -BeTrue
    }

    It 'honours -First and -Skip' {
        $all = @(Get-Scan -Provider HostedScan -First 12)
        $page = @(Get-Scan -Provider HostedScan -Skip 2 -First 10)

        $all.Count | Should -Be 12
        $page.Count | Should -Be 10
        $page.Id | Should -Be @($all[2..11].Id)
    }

    It 'writes "Unknown total count" first with -IncludeTotalCount (HostedScan reports no total)' {
        $output = @(Get-Scan -Provider HostedScan -IncludeTotalCount -First 1)

        $output.Count | Should -Be 2
        # PowerShell's total-count object: a UInt64 with an Accuracy note property (0 = unknown).
        $output[0] | Should -BeOfType ([uint64])
        $output[0].Accuracy | Should -Be 0
        ($output[0] | Out-String).Trim() | Should -Be 'Unknown total count'
        $output[1] | Should -BeOfType ([ScanPS.Models.HostedScanScan])
    }

    It 'filters by -State and -Type: the same scans as filtering the whole listing' {
        $expected = @(Get-Scan -Provider HostedScan | Where-Object { $_.VendorState -eq 'SUCCEEDED' -and $_.Type -eq 'NMAP' })

        $scans = @(Get-Scan -Provider HostedScan -State Completed -Type NMAP)

        $expected.Count | Should -BeGreaterThan 0
        $scans.Id | Should -Be $expected.Id
        @(Get-Scan -Provider HostedScan -State succeeded -Type NMAP).Id | Should -Be $expected.Id -Because 'HostedScan''s own state names are accepted in any letter case'
    }

    It 'refuses an unknown -State before sending anything (InvalidStateFilter)' {
        $record = { Get-Scan -Provider HostedScan -State Finished -ApiKey $WrongKey } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be 'InvalidStateFilter,ScanPS.Commands.GetScanCommand'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
    }

    It 'reports a missing id as a non-terminating ScanNotFound error and still returns the others' {
        $real = New-Scan -Provider HostedScan -Type NMAP -Target example.com
        $errors = $null

        $found = @(Get-Scan -Provider HostedScan -Id '5f0a0000000000000000ffff', $real.Id -ErrorVariable errors -ErrorAction SilentlyContinue)

        $found.Count | Should -Be 1
        $found[0].Id | Should -Be $real.Id
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'ScanNotFound,ScanPS.Commands.GetScanCommand'
        $errors[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
        $errors[0].TargetObject | Should -Be '5f0a0000000000000000ffff'
    }

    It 'throws NoCredentialResolved when no key is given anywhere' -Skip:($null -ne $env:SCANPS_HOSTEDSCAN_API_KEY) {
        Disconnect-ScanProvider -Provider HostedScan
        try {
            $record = { Get-Scan -Provider HostedScan -First 1 -BaseUri $baseUri } | Should -Throw -PassThru
            $record.FullyQualifiedErrorId | Should -Be 'NoCredentialResolved,ScanPS.Commands.GetScanCommand'
            $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::AuthenticationError)
        }
        finally {
            Connect-ScanPSSandbox $sandbox -Provider HostedScan
        }
    }

    It 'refuses plain http to a host that is not loopback (InsecureBaseUri)' {
        $record = { Get-Scan -Provider HostedScan -First 1 -BaseUri 'http://example.com' } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be 'InsecureBaseUri,ScanPS.Commands.GetScanCommand'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::SecurityError)
    }

    It 'writes the response bodies as Debug records when $DebugPreference is Continue in a script block (a plain string there)' {
        $scan = New-Scan -Provider HostedScan -Type NMAP -Target example.com

        $records = @(& { $DebugPreference = 'Continue'; Get-Scan -Provider HostedScan -Id $scan.Id } 5>&1)

        $debug = @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object { "$_" })
        $debug.Count | Should -Be 1
        $debug[0] | Should -BeLike "HostedScan response body: {*""id"":""$($scan.Id)""*"
        @($records | Where-Object { $_ -is [ScanPS.Models.HostedScanScan] }).Id | Should -Be $scan.Id
    }

    It 'never writes the API key to any stream, with Verbose and Debug output on' {
        $all = Get-ScanPSAllText {
            $scan = New-Scan -Provider HostedScan -Type NMAP -Target example.com -ApiKey $SandboxKey -BaseUri $baseUri
            $null = $scan | Get-Scan -ApiKey $SandboxKey -BaseUri $baseUri
            $null = Get-Scan -Provider HostedScan -First 2 -ApiKey $SandboxKey -BaseUri $baseUri
        }

        @($all.Records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        @($all.Records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 0
        $all.Text | Should -BeLike "*HostedScan POST $baseUri/v1/scans -> 200 OK*"
        $all.Text | Should -Not -BeLike "*$SandboxKeyText*"
    }
}

Describe 'Get-ScanFinding (HostedScan)' {
    It 'resolves the risks of a piped scan with the scan''s own status on each' {
        $findings = @(Get-Scan -Provider HostedScan -Id f1d000000000000000000001 | Get-ScanFinding)

        $findings.Count | Should -Be 7
        $findings[0] | Should -BeOfType ([ScanPS.Models.HostedScanFinding])
        ($findings | Where-Object Id -eq f1e000000000000000000006).Status | Should -Be ([ScanPS.Models.FindingStatus]::Closed)
        ($findings | Where-Object Id -eq f1e000000000000000000004).Severity | Should -Be ([ScanPS.Models.FindingSeverity]::Critical)
        $findings.Id | Should -Not -Contain 'f1e000000000000000000008'
    }

    It 'filters -Severity and streams -First' {
        $findings = @(Get-ScanFinding -Provider HostedScan -ScanId f1d000000000000000000002 -Severity High -First 5)

        $findings.Count | Should -Be 5
        $findings.Severity | Sort-Object -Unique | Should -Be ([ScanPS.Models.FindingSeverity]::High)
    }

    It 'writes ScanNotFound for an unknown scan' {
        $findings = @(Get-ScanFinding -Provider HostedScan -ScanId ffffffffffffffffffffffff -ErrorVariable err -ErrorAction SilentlyContinue)

        $findings.Count | Should -Be 0
        $err[0].FullyQualifiedErrorId | Should -Be 'ScanNotFound,ScanPS.Commands.GetScanFindingCommand'
    }
}
