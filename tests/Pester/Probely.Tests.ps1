#Requires -Version 5.1
<#
    Pester 5 tests of New-ScheduledScanBulk (Probely), against the local sandbox (Sandbox.ps1). The sandbox knows the
    targets 3epwuyBoKQKN (Example shop), 5zJkQ8cQn2Pw (Example API), 7MNbRt2yYpXs (Intranet portal), 9aVfGh3KdLqe
    (Marketing site) and 2wPxCv6ZbNmt (Staging shop, which it refuses: "The target's domain is not verified.").
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Sandbox.ps1')
    Import-ScanPSStagedModule
    $sandbox = Start-ScanPSSandbox
    $baseUri = $sandbox.BaseUri.Probely
    Disconnect-ScanPSAll
    Connect-ScanPSSandbox $sandbox -Provider Probely
}

AfterAll {
    Disconnect-ScanPSAll
    Stop-ScanPSSandbox $sandbox
}

Describe 'New-ScheduledScanBulk' {
    It 'schedules the targets and emits one ScanPS.Models.ProbelyScheduledScan per target' {
        $scheduled = @(New-ScheduledScanBulk -TargetId 3epwuyBoKQKN, 5zJkQ8cQn2Pw -StartTime '2030-12-03 02:00' -Recurrence Weekly -TimeZone Europe/Lisbon)

        $scheduled.Count | Should -Be 2
        $scheduled[0] | Should -BeOfType ([ScanPS.Models.ProbelyScheduledScan])
        $scheduled[0].PSObject.TypeNames[0] | Should -Be 'ScanPS.Models.ProbelyScheduledScan'
        $scheduled.Provider | Sort-Object -Unique | Should -Be 'Probely'
        $scheduled.Id | ForEach-Object { $_ | Should -Match '^[1-9A-HJ-NP-Za-km-z]{12}$' }
        $scheduled.TargetId | Should -Be @('3epwuyBoKQKN', '5zJkQ8cQn2Pw')
        $scheduled.TargetName | Should -Be @('Example shop', 'Example API')
        $scheduled.TargetUrl | Should -Be @('https://shop.example.com/', 'https://api.example.com/')
        # 02:00 in Lisbon in winter is 02:00 UTC.
        $scheduled[0].NextRun | Should -Be ([System.DateTimeOffset]::new(2030, 12, 3, 2, 0, 0, [TimeSpan]::Zero))
        $scheduled[0].NextRun.Offset | Should -Be ([TimeSpan]::Zero)
        $scheduled[0].TimeZone | Should -Be 'Europe/Lisbon'
        $scheduled[0].Recurrence | Should -Be ([ScanPS.Models.ScheduleRecurrence]::Weekly)
        $scheduled[0].VendorRecurrence | Should -Be 'w'
        $scheduled[0].Repeats | Should -Be 'Every week'
        $scheduled[0].ScanProfile | Should -BeNullOrEmpty
        $scheduled[0].PartialScan | Should -BeFalse
    }

    It 'reads a time without a zone as wall-clock time in -TimeZone, on the Nth weekday of the month' {
        $scheduled = New-ScheduledScanBulk -TargetId 7MNbRt2yYpXs -StartTime '2030-12-10 22:00' -Recurrence Monthly -DayOfWeek Tuesday -WeekIndex Second -TimeZone America/New_York -ScanProfile safe

        $scheduled.NextRun | Should -Be ([System.DateTimeOffset]::new(2030, 12, 10, 22, 0, 0, [TimeSpan]::FromHours(-5)))
        $scheduled.NextRun.UtcDateTime | Should -Be ([datetime]::new(2030, 12, 11, 3, 0, 0, [System.DateTimeKind]::Utc))
        $scheduled.DayOfWeek | Should -Be ([System.DayOfWeek]::Tuesday)
        $scheduled.WeekIndex | Should -Be ([ScanPS.Models.WeekOfMonth]::Second)
        $scheduled.Repeats | Should -Be 'Every month on the second Tuesday'
        $scheduled.ScanProfile | Should -Be 'safe'
        $scheduled.TimeZone | Should -Be 'America/New_York'
    }

    It 'takes the partial-scan options together' {
        $scheduled = New-ScheduledScanBulk -TargetId 9aVfGh3KdLqe -StartTime '2030-12-27 23:00' -Recurrence Quarterly -DayOfWeek Friday -WeekIndex Last -TimeZone Europe/Berlin -PartialScan -OverrideTargetSettings -Incremental

        $scheduled.NextRun.Offset | Should -Be ([TimeSpan]::FromHours(1))
        $scheduled.Recurrence | Should -Be ([ScanPS.Models.ScheduleRecurrence]::Quarterly)
        $scheduled.Repeats | Should -Be 'Every 3 months on the last Friday'
        $scheduled.PartialScan | Should -BeTrue
        $scheduled.OverrideTargetSettings | Should -BeTrue
        $scheduled.Incremental | Should -BeTrue
        $scheduled.ReducedScope | Should -BeFalse
    }

    It 'collects the ids of every piped row (Id or TargetId), drops repeated ones, and sends them at the end' {
        $rows = @('Id,Name', '3epwuyBoKQKN,Example shop', '5zJkQ8cQn2Pw,Example API', '3epwuyBoKQKN,again') | ConvertFrom-Csv
        $rows += [pscustomobject]@{ TargetId = '7MNbRt2yYpXs' }

        $run = Invoke-ScanPSTranscribed { $rows | New-ScheduledScanBulk -StartTime '2030-12-01 02:00' -Recurrence Daily -TimeZone UTC -Verbose }

        $scheduled = @($run.Output | Where-Object { $_ -is [ScanPS.Models.ProbelyScheduledScan] })
        $scheduled.TargetId | Should -Be @('3epwuyBoKQKN', '5zJkQ8cQn2Pw', '7MNbRt2yYpXs')
        $scheduled.Repeats | Sort-Object -Unique | Should -Be 'Every day'
        @($run.Output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { "$_" }) | Should -Contain '1 repeated target id will be scheduled once.'
    }

    It 'prints one What if line per batch and sends nothing' {
        $rows = '3epwuyBoKQKN', '5zJkQ8cQn2Pw', '7MNbRt2yYpXs' | ForEach-Object { [pscustomobject]@{ Id = $_ } }

        $run = Invoke-ScanPSTranscribed { $rows | New-ScheduledScanBulk -StartTime '2030-12-01 02:00' -Recurrence Daily -TimeZone UTC -BatchSize 2 -WhatIf }

        $run.Output | Should -BeNullOrEmpty
        $run.WhatIf | Should -Be @(
            "What if: Performing the operation ""Schedule scans of 2 targets (3epwuyBoKQKN, 5zJkQ8cQn2Pw): every day from 2030-12-01 02:00 UTC (UTC+00:00) (batch 1 of 2)"" on target ""Probely ($baseUri/)""."
            "What if: Performing the operation ""Schedule scans of 1 target (7MNbRt2yYpXs): every day from 2030-12-01 02:00 UTC (UTC+00:00) (batch 2 of 2)"" on target ""Probely ($baseUri/)""."
        )
    }

    It 'names the regional host under -WhatIf with -Region' {
        $whatIf = Get-ScanPSWhatIf { New-ScheduledScanBulk -TargetId 9aVfGh3KdLqe -StartTime '2030-12-01 02:00' -TimeZone UTC -Region EU -ApiKey $SandboxKey -WhatIf }

        $whatIf | Should -Be @('What if: Performing the operation "Schedule scans of 1 target (9aVfGh3KdLqe): once at 2030-12-01 02:00 UTC (UTC+00:00)" on target "Probely (https://api.eu.probely.com/)".')
    }

    It 'reports a refused batch as a non-terminating error naming its ids, and still sends the other batches' {
        $errors = $null

        $scheduled = @(New-ScheduledScanBulk -TargetId 3epwuyBoKQKN, nOtArEaLiD1, 5zJkQ8cQn2Pw, 2wPxCv6ZbNmt, 7MNbRt2yYpXs -StartTime '2030-12-01 02:00' -Recurrence Weekly -TimeZone UTC -BatchSize 2 -ErrorVariable errors -ErrorAction SilentlyContinue)

        $scheduled.TargetId | Should -Be @('7MNbRt2yYpXs')
        @($errors).Count | Should -Be 2
        $errors | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -Be 'InvalidRequest,ScanPS.Commands.NewScheduledScanBulkCommand'
            $_.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
        }
        $errors[0].TargetObject | Should -Be @('3epwuyBoKQKN', 'nOtArEaLiD1')
        $errors[0].ToString() | Should -Be '2 targets (batch 1 of 3) were not scheduled: 3epwuyBoKQKN, nOtArEaLiD1. Probely answered 400 Bad Request to POST /scheduledscans/bulk/: target ''nOtArEaLiD1'' id: Invalid pk "nOtArEaLiD1" - object does not exist.'
        $errors[1].TargetObject | Should -Be @('5zJkQ8cQn2Pw', '2wPxCv6ZbNmt')
        $errors[1].ToString() | Should -BeLike "*target '2wPxCv6ZbNmt' id: The target's domain is not verified.*"
        $errors[1].ErrorDetails.RecommendedAction | Should -BeLike '*5zJkQ8cQn2Pw,2wPxCv6ZbNmt*'
    }

    It 'checks the schedule before anything else: <Case> is <ErrorId>' -TestCases @(
        @{ Case = '-DayOfWeek with a weekly schedule'; ErrorId = 'InvalidScheduleCombination'; Arguments = @{ Recurrence = 'Weekly'; DayOfWeek = 'Tuesday'; WeekIndex = 'Second' } }
        @{ Case = '-WeekIndex without -DayOfWeek'; ErrorId = 'InvalidScheduleCombination'; Arguments = @{ Recurrence = 'Monthly'; WeekIndex = 'Second' } }
        @{ Case = '-PartialScan without -OverrideTargetSettings'; ErrorId = 'InvalidScheduleCombination'; Arguments = @{ PartialScan = $true } }
        @{ Case = '-Incremental without -PartialScan'; ErrorId = 'InvalidScheduleCombination'; Arguments = @{ Incremental = $true; OverrideTargetSettings = $true } }
        @{ Case = 'an unknown time zone'; ErrorId = 'UnknownTimeZone'; Arguments = @{ TimeZone = 'Mars/Olympus_Mons' } }
        @{ Case = 'a start time in the past'; ErrorId = 'StartTimeInPast'; Arguments = @{ StartTime = '2020-01-01 02:00' } }
        @{ Case = 'a wall-clock time skipped by daylight saving'; ErrorId = 'InvalidStartTime'; Arguments = @{ StartTime = '2030-03-31 01:30'; TimeZone = 'Europe/Lisbon' } }
        @{ Case = 'a blank scan profile'; ErrorId = 'InvalidScanProfile'; Arguments = @{ ScanProfile = ' ' } }
        @{ Case = 'only blank target ids'; ErrorId = 'NoScanTargets'; Arguments = @{ TargetId = ' ', '  ' } }
    ) {
        $splat = @{ TargetId = '3epwuyBoKQKN'; StartTime = '2030-12-01 02:00'; TimeZone = 'UTC'; ApiKey = $WrongKey; BaseUri = $baseUri }
        foreach ($key in $Arguments.Keys) { $splat[$key] = $Arguments[$key] }

        # A wrong key on purpose: reaching the sandbox would be AuthenticationFailed instead.
        $record = { New-ScheduledScanBulk @splat } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be "$ErrorId,ScanPS.Commands.NewScheduledScanBulkCommand"
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
    }

    It 'stops at a refused key (AuthenticationFailed), naming the batch and the ids not attempted; the key is in no stream' {
        $all = Get-ScanPSAllText {
            try { New-ScheduledScanBulk -TargetId 3epwuyBoKQKN, 5zJkQ8cQn2Pw, 7MNbRt2yYpXs -StartTime '2030-12-01 02:00' -TimeZone UTC -BatchSize 1 -ApiKey $WrongKey -BaseUri $baseUri } catch { $_ }
        }

        $errors = @($all.Records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'AuthenticationFailed,ScanPS.Commands.NewScheduledScanBulkCommand'
        $errors[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::AuthenticationError)
        $errors[0].TargetObject | Should -Be @('3epwuyBoKQKN', '5zJkQ8cQn2Pw', '7MNbRt2yYpXs')
        $errors[0].ToString() | Should -BeLike 'New-ScheduledScanBulk stopped (batch 1 of 3). The 1 target of that batch was not scheduled: 3epwuyBoKQKN. Not attempted: 5zJkQ8cQn2Pw, 7MNbRt2yYpXs. *'
        $all.Text | Should -Not -BeLike '*wrong-key-0000*'
    }

    It 'never writes the API key to any stream, with Verbose and Debug output on' {
        $all = Get-ScanPSAllText {
            $null = New-ScheduledScanBulk -TargetId 9aVfGh3KdLqe -StartTime '2030-12-01 02:00' -TimeZone UTC -ApiKey $SandboxKey -BaseUri $baseUri
        }

        $all.Text | Should -BeLike "*Probely POST $baseUri/scheduledscans/bulk/ -> 201 Created*"
        $all.Text | Should -BeLike '*request body: {*'
        $all.Text | Should -Not -BeLike "*$SandboxKeyText*"
    }
}

Describe 'Save-ScanReport -Provider Probely' {
    It 'saves the PDF report of scans read from a CSV with their target ids' {
        $csv = Join-Path $TestDrive 'scans.csv'
        @('Provider,Id,TargetId', 'Probely,F1ndScanAAA1,F1ndTargetAb', 'Probely,F1ndScanAAA2,F1ndTargetAb') | Set-Content -Path $csv

        $files = @(Import-Csv $csv | Save-ScanReport -Path $TestDrive)

        $files.Name | Should -Be @('Probely-F1ndScanAAA1.pdf', 'Probely-F1ndScanAAA2.pdf')
        $files | ForEach-Object { [System.IO.File]::ReadAllText($_.FullName).StartsWith('%PDF-') | Should -BeTrue }
    }

    It 'needs the target id' {
        $record = { Save-ScanReport -Provider Probely -ScanId F1ndScanAAA2 -Path $TestDrive -ErrorAction Stop } | Should -Throw -PassThru
        $record.FullyQualifiedErrorId | Should -Be 'MissingTargetId,ScanPS.Commands.SaveScanReportCommand'
    }
}

Describe 'Get-Scan -Provider Probely' {
    It 'lists every scan as ScanPS.Models.ProbelyScan, newest first, with the vendor''s total' {
        $out = @(Get-Scan -Provider Probely -IncludeTotalCount)
        $total = $out[0]
        $scans = @($out | Select-Object -Skip 1)

        [uint64]$total | Should -Be $scans.Count
        $scans.Count | Should -BeGreaterThan 20
        $scans[0] | Should -BeOfType ([ScanPS.Models.ProbelyScan])
        $scans.Provider | Sort-Object -Unique | Should -Be 'Probely'
        $scans | ForEach-Object { $_.TargetId | Should -Not -BeNullOrEmpty }
        $created = @($scans.Created)
        for ($i = 1; $i -lt $created.Count; $i++) { $created[$i] | Should -BeLessOrEqual $created[$i - 1] }
    }

    It 'filters with -State and reads a scan again by its id' {
        $cancelled = @(Get-Scan -Provider Probely -State Cancelled)
        $cancelled.Count | Should -BeGreaterThan 0
        $cancelled.VendorState | Sort-Object -Unique | Should -Be 'canceled'
        $cancelled.State | Sort-Object -Unique | Should -Be ([ScanPS.Models.ScanState]::Cancelled)

        $again = $cancelled[0] | Get-Scan
        $again.Id | Should -Be $cancelled[0].Id
        $again.TargetUrl | Should -Be $cancelled[0].TargetUrl
    }

    It 'reports an unknown id as ScanNotFound and goes on with the next' {
        $known = (Get-Scan -Provider Probely -First 1).Id
        $scans = @(Get-Scan -Provider Probely -Id NoSuchScan01, $known -ErrorVariable failed -ErrorAction SilentlyContinue)

        $scans.Id | Should -Be $known
        $failed[0].FullyQualifiedErrorId | Should -Be 'ScanNotFound,ScanPS.Commands.GetScanCommand'
    }
}

Describe 'Get-ScanFinding (Probely)' {
    It 'maps severity 40 to Critical and groups by severity' {
        $groups = Get-ScanFinding -Provider Probely -ScanId F1ndScanAAA2 | Group-Object Severity

        ($groups | Where-Object Name -eq Critical).Count | Should -Be 1
        ($groups | Where-Object Name -eq High).Count | Should -Be 2
    }

    It 'binds Provider, Id and TargetId from CSV rows and exports the common columns first' {
        $csv = Join-Path ([IO.Path]::GetTempPath()) ('scanps-findings-' + [guid]::NewGuid() + '.csv')
        try {
            [pscustomobject]@{ Provider = 'Probely'; Id = 'F1ndScanAAA1'; TargetId = 'F1ndTargetAb' } | Get-ScanFinding -Status Open | Export-Csv $csv -NoTypeInformation
            $rows = @(Import-Csv $csv)

            $rows.Id | Should -Be @('7001')
            (Get-Content $csv -TotalCount 1) | Should -BeLike '"Provider","ScanId","Id","Title","Severity","VendorSeverity","Target","Status","VendorStatus",*'
        }
        finally {
            Remove-Item $csv -ErrorAction SilentlyContinue
        }
    }
}

Describe 'New-Scan and Start-ScanFromScan -Provider Probely' {
    It 'starts one scan now per target, from Import-Csv rows with an id column' {
        $csv = Join-Path ([System.IO.Path]::GetTempPath()) ("scanps-probely-" + [guid]::NewGuid() + '.csv')
        try {
            Set-Content -LiteralPath $csv -Value 'id,owner', '3epwuyBoKQKN,web', '5zJkQ8cQn2Pw,api'
            $scans = @(Import-Csv -LiteralPath $csv | New-Scan -Provider Probely -ScanProfile lightning)
        } finally {
            Remove-Item -LiteralPath $csv -ErrorAction SilentlyContinue
        }

        $scans.Count | Should -Be 2
        $scans[0] | Should -BeOfType ([ScanPS.Models.ProbelyScan])
        $scans.TargetId | Should -Be @('3epwuyBoKQKN', '5zJkQ8cQn2Pw')
        $scans.ScanProfile | Sort-Object -Unique | Should -Be 'lightning'
        $scans.VendorState | Sort-Object -Unique | Should -Be 'queued'
    }

    It 'runs a scan again on its target with its profile' {
        $earlier = New-Scan -Provider Probely -TargetId 7MNbRt2yYpXs -ScanProfile safe
        $again = $earlier | Start-ScanFromScan

        $again.Id | Should -Not -Be $earlier.Id
        $again.TargetId | Should -Be '7MNbRt2yYpXs'
        $again.ScanProfile | Should -Be 'safe'
    }

    It 'refuses an empty target list before sending anything' {
        { New-Scan -Provider Probely -ErrorAction Stop } | Should -Throw -ErrorId 'NoScanTargets,ScanPS.Commands.NewScanCommand'
    }
}
