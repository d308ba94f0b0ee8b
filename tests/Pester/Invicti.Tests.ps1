#Requires -Version 5.1
<#
    Pester 5 tests of Get-Scan and Start-ScanFromScan for Invicti Enterprise, against the local sandbox (Sandbox.ps1).
    The sandbox seeds 45 scans, newest last: scan n has the id 5ca70000-0000-4000-8000-<n in 12 hex digits>, the
    website www.example.com, staging.example.com, api.staging.example.com in turn, and the state Complete for odd n.
    Relaunched scans get ids 1a0c0000-0000-4000-8000-<counter> and move Queued, Scanning, Archiving, Complete, one
    step per read, so the listings are tested before anything is relaunched.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Sandbox.ps1')
    Import-ScanPSStagedModule
    $sandbox = Start-ScanPSSandbox
    $baseUri = $sandbox.BaseUri.Invicti
    Disconnect-ScanPSAll
    Connect-ScanPSSandbox $sandbox -Provider Invicti

    function Get-SeededId([int]$Number) { '5ca70000-0000-4000-8000-{0:x12}' -f $Number }
}

AfterAll {
    Disconnect-ScanPSAll
    Stop-ScanPSSandbox $sandbox
}

Describe 'Get-Scan -Provider Invicti' {
    It 'lists the scans newest first as ScanPS.Models.InvictiScan objects' {
        $scans = @(Get-Scan -Provider Invicti -First 3)

        $scans.Id | Should -Be @((Get-SeededId 45), (Get-SeededId 44), (Get-SeededId 43))
        $scans[0] | Should -BeOfType ([ScanPS.Models.InvictiScan])
        $scans[0].PSObject.TypeNames[0] | Should -Be 'ScanPS.Models.InvictiScan'
        $scans[0].Provider | Should -Be 'Invicti'
        $scans[0].State | Should -Be ([ScanPS.Models.ScanState]::Completed)
        $scans[0].VendorState | Should -Be 'Complete'
        $scans[0].TargetUrl | Should -Be 'https://api.staging.example.com/'
        $scans[0].WebsiteName | Should -Be 'Example API staging'
        $scans[0].Percentage | Should -Be 100
        $scans[0].ThreatLevel | Should -Be 'Critical'
        $scans[0].VulnerabilityCriticalCount | Should -Be 1
        $scans[0].IsFinished | Should -BeTrue
        $scans[0].InitiatedAt | Should -BeOfType ([datetime])
        $scans[1].State | Should -Be ([ScanPS.Models.ScanState]::Queued)
        $scans[1].VendorState | Should -Be 'Queued'
        $scans[1].TargetUrl | Should -Be 'https://staging.example.com/'
    }

    It 'pages through every scan, and -Skip skips' {
        $all = @(Get-Scan -Provider Invicti)
        $skipped = @(Get-Scan -Provider Invicti -Skip 40)

        $all.Count | Should -Be 45
        $skipped.Id | Should -Be @(5..1 | ForEach-Object { Get-SeededId $_ })
    }

    It 'writes Invicti''s exact total first with -IncludeTotalCount (<Series>)' -TestCases @(
        @{ State = $null; Total = 45; Series = 'every scan' }
        @{ State = 'Complete'; Total = 25; Series = 'one vendor state' }
    ) {
        $arguments = @{ Provider = 'Invicti'; IncludeTotalCount = $true }
        if ($State) { $arguments.State = $State }

        $output = @(Get-Scan @arguments)

        $output[0] | Should -BeOfType ([uint64])
        $output[0].Accuracy | Should -Be 1
        [uint64]$output[0] | Should -Be $Total
        $output.Count | Should -Be ($Total + 1)
    }

    It 'filters by Invicti''s own state: the same scans as filtering the whole listing' {
        $expected = @(Get-Scan -Provider Invicti | Where-Object VendorState -eq 'Failed')

        $scans = @(Get-Scan -Provider Invicti -State Failed)

        $expected.Count | Should -BeGreaterThan 0
        $scans.Id | Should -Be $expected.Id
        $scans | ForEach-Object { $_.State | Should -Be ([ScanPS.Models.ScanState]::Failed) }
    }

    It 'refuses an unknown -State before sending anything (InvalidStateFilter)' {
        $record = { Get-Scan -Provider Invicti -State Finished } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be 'InvalidStateFilter,ScanPS.Commands.GetScanCommand'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
    }

    It 'gets scans by id: a malformed id is InvalidScanId, an unknown one ScanNotFound, and the others are returned' {
        $errors = $null

        $found = @(Get-Scan -Provider Invicti -Id 'not-a-guid', '0badbad0-0000-4000-8000-000000000000', (Get-SeededId 7) -ErrorVariable errors -ErrorAction SilentlyContinue)

        $found.Id | Should -Be @(Get-SeededId 7)
        @($errors).Count | Should -Be 2
        $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidScanId,ScanPS.Commands.GetScanCommand'
        $errors[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
        $errors[0].TargetObject | Should -Be 'not-a-guid'
        $errors[1].FullyQualifiedErrorId | Should -Be 'ScanNotFound,ScanPS.Commands.GetScanCommand'
        $errors[1].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
    }
}

Describe 'Start-ScanFromScan' {
    It 'launches a new scan with the configuration of the earlier one' {
        $scan = Start-ScanFromScan -Id (Get-SeededId 1)

        @($scan).Count | Should -Be 1
        $scan | Should -BeOfType ([ScanPS.Models.InvictiScan])
        $scan.Id | Should -Match '^1a0c0000-0000-4000-8000-[0-9a-f]{12}$'
        $scan.State | Should -Be ([ScanPS.Models.ScanState]::Queued)
        $scan.VendorState | Should -Be 'Queued'
        $scan.TargetUrl | Should -Be 'https://www.example.com/'
        $scan.Percentage | Should -Be 0
        $scan.IsFinished | Should -BeFalse
        (Get-Scan -Provider Invicti -Id (Get-SeededId 1)).VendorState | Should -Be 'Complete' -Because 'the earlier scan is unchanged'
    }

    It 'relaunches the scans piped from Get-Scan, and the new scan can be followed with Get-Scan' {
        $launched = @(Get-Scan -Provider Invicti -Id (Get-SeededId 2), (Get-SeededId 3) | Start-ScanFromScan)

        $launched.Count | Should -Be 2
        $launched.TargetUrl | Should -Be @('https://staging.example.com/', 'https://api.staging.example.com/')
        $next = $launched[0] | Get-Scan
        $next.Id | Should -Be $launched[0].Id
        $next.VendorState | Should -Be 'Scanning'
        $next.State | Should -Be ([ScanPS.Models.ScanState]::Running)
    }

    It 'names each scan under -WhatIf and launches nothing' {
        $before = [uint64](Get-Scan -Provider Invicti -IncludeTotalCount -First 1 | Select-Object -First 1)

        $run = Invoke-ScanPSTranscribed {
            Get-Scan -Provider Invicti -State Complete -First 6 | Where-Object TargetUrl -like '*staging*' | Start-ScanFromScan -WhatIf
        }

        $run.Output | Should -BeNullOrEmpty
        $sites = @{}
        Get-Scan -Provider Invicti -Id (45, 41, 39, 35 | ForEach-Object { Get-SeededId $_ }) | ForEach-Object { $sites[$_.Id] = $_.TargetUrl }
        $run.WhatIf | Should -Be @(45, 41, 39, 35 | ForEach-Object {
                $id = Get-SeededId $_
                "What if: Performing the operation ""Start a new scan with the same configuration"" on target ""scan $id of $($sites[$id]) on Invicti ($baseUri/)""."
            })
        [uint64](Get-Scan -Provider Invicti -IncludeTotalCount -First 1 | Select-Object -First 1) | Should -Be $before
    }

    It 'answers -WhatIf without any credential' -Skip:($null -ne $env:SCANPS_INVICTI_API_TOKEN) {
        Disconnect-ScanProvider -Provider Invicti
        try {
            $run = Invoke-ScanPSTranscribed { Start-ScanFromScan -Id (Get-SeededId 5) -BaseUri $baseUri -WhatIf }

            $run.Output | Should -BeNullOrEmpty
            $run.WhatIf | Should -Be @("What if: Performing the operation ""Start a new scan with the same configuration"" on target ""scan $(Get-SeededId 5) on Invicti ($baseUri/)"".")

            $record = { Start-ScanFromScan -Id (Get-SeededId 5) -BaseUri $baseUri } | Should -Throw -PassThru
            $record.FullyQualifiedErrorId | Should -Be 'NoCredentialResolved,ScanPS.Commands.StartScanFromScanCommand'
            $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::AuthenticationError)
        }
        finally {
            Connect-ScanPSSandbox $sandbox -Provider Invicti
        }
    }

    It 'pairs an -ApiKey token with the API user id of the default connection (only the secret changes)' {
        $launched = @(Start-ScanFromScan -Id (Get-SeededId 5) -ApiKey $SandboxInvictiCredential.Password)

        $launched.Count | Should -Be 1
        $launched[0].Provider | Should -Be 'Invicti'
    }

    It 'goes on after a malformed or unknown id (non-terminating InvalidScanId, ScanNotFound)' {
        $errors = $null

        $launched = @(Start-ScanFromScan -Id 'not-a-guid', '0badbad0-0000-4000-8000-000000000000', (Get-SeededId 9) -ErrorVariable errors -ErrorAction SilentlyContinue)

        $launched.Count | Should -Be 1
        $launched[0].TargetUrl | Should -Be 'https://api.staging.example.com/'
        @($errors).Count | Should -Be 2
        $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidScanId,ScanPS.Commands.StartScanFromScanCommand'
        $errors[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
        $errors[1].FullyQualifiedErrorId | Should -Be 'ScanNotFound,ScanPS.Commands.StartScanFromScanCommand'
        $errors[1].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
        $errors[1].ToString() | Should -BeLike '*0badbad0-0000-4000-8000-000000000000*'
    }

    It 'stops at a refused credential (AuthenticationFailed): no later id is tried, and the token is in no stream' {
        $before = [uint64](Get-Scan -Provider Invicti -IncludeTotalCount -First 1 | Select-Object -First 1)

        $all = Get-ScanPSAllText {
            try { Start-ScanFromScan -Id (Get-SeededId 11), (Get-SeededId 13) -Credential $WrongInvictiCredential -BaseUri $baseUri } catch { $_ }
        }

        $errors = @($all.Records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'AuthenticationFailed,ScanPS.Commands.StartScanFromScanCommand'
        $errors[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::AuthenticationError)
        @($all.Records | Where-Object { $_ -is [ScanPS.Models.InvictiScan] }).Count | Should -Be 0
        [uint64](Get-Scan -Provider Invicti -IncludeTotalCount -First 1 | Select-Object -First 1) | Should -Be $before
        $all.Text | Should -Not -BeLike '*wrong-token-0000*'
    }

    It 'never writes the token (nor the Basic header made of it) to any stream, with Verbose and Debug output on' {
        $basic = [Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes("${SandboxInvictiUserId}:$SandboxInvictiTokenText"))

        $all = Get-ScanPSAllText {
            $scan = Start-ScanFromScan -Id (Get-SeededId 15) -Credential $SandboxInvictiCredential -BaseUri $baseUri
            $null = $scan | Get-Scan -Credential $SandboxInvictiCredential -BaseUri $baseUri
        }

        $all.Text | Should -BeLike "*Invicti POST $baseUri/api/1.0/scans/newfromscan -> 201 Created*"
        $all.Text | Should -BeLike '*response body: {*'
        $all.Text | Should -Not -BeLike "*$SandboxInvictiTokenText*"
        $all.Text | Should -Not -BeLike "*$basic*"
    }
}

Describe 'Save-ScanReport -Provider Invicti' {
    It 'saves the ScanDetail PDF by default and the Vulnerabilities JSON with -Format Json' {
        $pdf = Save-ScanReport -Provider Invicti -ScanId (Get-SeededId 1) -Path $TestDrive

        $pdf.Name | Should -Be ('Invicti-{0}-ScanDetail.pdf' -f (Get-SeededId 1))
        $json = Get-Scan -Provider Invicti -Id (Get-SeededId 1) | Save-ScanReport -Path $TestDrive -Format Json
        $json.Name | Should -Be ('Invicti-{0}-Vulnerabilities.json' -f (Get-SeededId 1))
        (Get-Content -Raw $json.FullName | ConvertFrom-Json).Vulnerabilities.Count | Should -BeGreaterThan 0
    }

    It 'refuses an unknown -ReportType before sending anything' {
        $record = { Save-ScanReport -Provider Invicti -ScanId (Get-SeededId 1) -Path $TestDrive -ReportType Nope -ErrorAction Stop } | Should -Throw -PassThru
        $record.FullyQualifiedErrorId | Should -Be 'InvalidReportType,ScanPS.Commands.SaveScanReportCommand'
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}

Describe 'Wait-Scan and Stop-Scan -Provider Invicti' {
    It 'waits for a launched scan with scans/status polls and writes the full scan at the end' {
        $scan = Get-Scan -Provider Invicti -State Complete -First 1 | Start-ScanFromScan

        $done = $scan | Wait-Scan -PollInterval 0.05 -Timeout 30

        $done | Should -BeOfType ([ScanPS.Models.InvictiScan])
        $done.Id | Should -Be $scan.Id
        $done.VendorState | Should -Be 'Complete'
        $done.TargetUrl | Should -Be $scan.TargetUrl
    }

    It 'cancels a launched scan and reports ScanNotStopped with the reason for a completed one' {
        $scan = Get-Scan -Provider Invicti -State Complete -First 1 | Start-ScanFromScan

        ($scan | Stop-Scan -PassThru -Confirm:$false).VendorState | Should -Be 'Cancelled'

        $completed = Get-Scan -Provider Invicti -State Complete -First 1
        $completed | Stop-Scan -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -Be 'ScanNotStopped,ScanPS.Commands.StopScanCommand'
        $refused[0].ErrorDetails.Message | Should -BeLike '*answered ScanCompleted.'
    }
}

Describe 'Get-ScanFinding (Invicti)' {
    It 'reads the Vulnerabilities report of a scan' {
        $findings = @(Get-ScanFinding -Provider Invicti -ScanId 5ca70000-0000-4000-8000-000000000001)

        $findings.Count | Should -Be 9
        $findings[0] | Should -BeOfType ([ScanPS.Models.InvictiFinding])
        ($findings | Where-Object VendorSeverity -eq 'BestPractice').Severity | Should -Be ([ScanPS.Models.FindingSeverity]::Info)
        ($findings | Where-Object Severity -eq Critical).Title | Should -Be 'Command Injection'
    }

    It 'refuses an id that is not a GUID before sending anything' {
        { Get-ScanFinding -Provider Invicti -ScanId not-a-guid -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidScanId,ScanPS.Commands.GetScanFindingCommand'
    }
}

Describe 'New-Scan -Provider Invicti' {
    It 'starts one scan per -TargetUri with a policy named, and one from a saved profile' {
        $scans = @(New-Scan -Provider Invicti -TargetUri https://www.example.com/, https://staging.example.com/ -PolicyName 'Quick Scan')
        $scans.Count | Should -Be 2
        $scans[0] | Should -BeOfType ([ScanPS.Models.InvictiScan])
        $scans.TargetUrl | Should -Be @('https://www.example.com/', 'https://staging.example.com/')
        $scans.State | Sort-Object -Unique | Should -Be ([ScanPS.Models.ScanState]::Queued)

        $profiled = New-Scan -Provider Invicti -TargetUri https://staging.example.com/ -ProfileName 'Nightly quick'
        $profiled.TargetUrl | Should -Be 'https://staging.example.com/'
    }

    It 'refuses a profile with a policy, and an unknown policy name, before creating anything' {
        { New-Scan -Provider Invicti -TargetUri https://www.example.com/ -ProfileName 'Nightly quick' -PolicyName 'Quick Scan' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConflictingScanSettings,ScanPS.Commands.NewScanCommand'
        { New-Scan -Provider Invicti -TargetUri https://www.example.com/ -PolicyName 'No such policy' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ScanPolicyNotFound,ScanPS.Commands.NewScanCommand'
    }
}
