#Requires -Version 5.1
<#
    Pester 5 tests of New-Scan and Get-Scan for ProjectDiscovery Cloud, against the local sandbox (Sandbox.ps1).
    The sandbox seeds 25 scans in the key owner's workspace (nightly-1 .. nightly-25, the statuses in turn: queued,
    starting, running, finished, failed, uploaded, scheduled) and 3 in team-blue's (nightly-26 .. nightly-28).
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Sandbox.ps1')
    Import-ScanPSStagedModule
    $sandbox = Start-ScanPSSandbox
    $baseUri = $sandbox.BaseUri.ProjectDiscovery
    Disconnect-ScanPSAll
    Connect-ScanPSSandbox $sandbox -Provider ProjectDiscovery
}

AfterAll {
    Disconnect-ScanPSAll
    Stop-ScanPSSandbox $sandbox
}

Describe 'New-Scan -Provider ProjectDiscovery' {
    It 'creates a scan, reads it back and emits a ScanPS.Models.ProjectDiscoveryScan' {
        $scan = New-Scan -Provider ProjectDiscovery -Target example.com, api.example.com -Template http/cves/ -Name pester-create

        @($scan).Count | Should -Be 1
        $scan | Should -BeOfType ([ScanPS.Models.ProjectDiscoveryScan])
        $scan.PSObject.TypeNames[0] | Should -Be 'ScanPS.Models.ProjectDiscoveryScan'
        $scan.Provider | Should -Be 'ProjectDiscovery'
        $scan.Id | Should -Match '^d1[0-9a-f]{18}$'
        $scan.Name | Should -Be 'pester-create'
        # The read after the create is the sandbox's first poll of the scan, which moves it from queued to running.
        $scan.State | Should -Be ([ScanPS.Models.ScanState]::Running)
        $scan.VendorState | Should -Be 'running'
        $scan.Progress | Should -Be 50
        $scan.TargetCount | Should -Be 2
        $scan.TemplateCount | Should -Be 1
        $scan.PublicTemplates | Should -Be @('http/cves/')
        $scan.TruncatedTargetCount | Should -Be 0
        $scan.CompletedAt | Should -BeNullOrEmpty
    }

    It 'emits the scan from the create answer alone with -NoRefresh' {
        $scan = New-Scan -Provider ProjectDiscovery -Target example.com -Template http/cves/ -Name pester-norefresh -NoRefresh

        $scan.Id | Should -Match '^d1[0-9a-f]{18}$'
        $scan.Name | Should -Be 'pester-norefresh'
        $scan.State | Should -Be ([ScanPS.Models.ScanState]::Unknown)
        $scan.VendorState | Should -BeNullOrEmpty
        $scan.Progress | Should -BeNullOrEmpty

        # The sandbox did create it, still queued because nothing read it yet.
        $read = Get-Scan -Provider ProjectDiscovery -Id $scan.Id
        $read.Name | Should -Be 'pester-norefresh'
        $read.State | Should -Be ([ScanPS.Models.ScanState]::Running)
    }

    It 'collects the Target of every piped row into ONE scan' {
        $rows = @('Target', 'example.com', 'api.example.com', '203.0.113.0/28') | ConvertFrom-Csv

        $scans = @($rows | New-Scan -Provider ProjectDiscovery -Recommended -Name pester-csv)

        $scans.Count | Should -Be 1
        $scans[0].Name | Should -Be 'pester-csv'
        $scans[0].TargetCount | Should -Be 3
        # The sandbox counts 250 templates for -Recommended.
        $scans[0].TemplateCount | Should -Be 250
    }

    It 'describes the request under -WhatIf, private template files included, and sends nothing' {
        $templates = Join-Path $TestDrive 'templates'
        $null = New-Item -ItemType Directory -Path $templates
        Set-Content -LiteralPath (Join-Path $templates 'login-panel.yaml') -Value 'id: login-panel'
        Set-Content -LiteralPath (Join-Path $templates 'old-jquery.yaml') -Value 'id: old-jquery'
        $before = [uint64](Get-Scan -Provider ProjectDiscovery -IncludeTotalCount -First 1 | Select-Object -First 1)

        $run = Invoke-ScanPSTranscribed {
            New-Scan -Provider ProjectDiscovery -Target example.com, api.example.com -Template http/cves/, dns/ -PrivateTemplatePath (Join-Path $templates '*.yaml') -Exclusion '+prod-*.example.com' -WhatIf
        }

        $run.Output | Should -BeNullOrEmpty
        $run.WhatIf | Should -Be @("What if: Performing the operation ""Create scan of 2 targets (example.com, api.example.com) with 2 templates (http/cves/, dns/) and 2 private templates (login-panel.yaml, old-jquery.yaml), 1 exclusion applied"" on target ""ProjectDiscovery ($baseUri/)"".")
        [uint64](Get-Scan -Provider ProjectDiscovery -IncludeTotalCount -First 1 | Select-Object -First 1) | Should -Be $before
    }

    It 'stops with PrivateTemplateNotReadable for a path that matches nothing, before sending anything' {
        $record = { New-Scan -Provider ProjectDiscovery -Target example.com -PrivateTemplatePath (Join-Path $TestDrive 'missing.yaml') } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be 'PrivateTemplateNotReadable,ScanPS.Commands.NewScanCommand'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
    }

    It 'stops with NoScanTargets when nothing names what to scan' {
        $record = { New-Scan -Provider ProjectDiscovery -Template http/cves/ } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be 'NoScanTargets,ScanPS.Commands.NewScanCommand'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
    }

    It 'creates the scan in the team workspace given by -TeamId' {
        $scan = New-Scan -Provider ProjectDiscovery -TeamId team-blue -Target example.com -Template http/cves/ -Name pester-team

        $scan.Name | Should -Be 'pester-team'
        (Get-Scan -Provider ProjectDiscovery -Id $scan.Id -TeamId team-blue).Name | Should -Be 'pester-team'
        $errors = $null
        $personal = Get-Scan -Provider ProjectDiscovery -Id $scan.Id -ErrorVariable errors -ErrorAction SilentlyContinue
        $personal | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -Be 'ScanNotFound,ScanPS.Commands.GetScanCommand'
    }

    It 'stops with PermissionDenied for a team the key is not a member of' {
        $record = { New-Scan -Provider ProjectDiscovery -TeamId team-red -Target example.com } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be 'PermissionDenied,ScanPS.Commands.NewScanCommand'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::PermissionDenied)
    }

    It 'never writes the API key to any stream, with Verbose and Debug output on' {
        $all = Get-ScanPSAllText {
            $null = New-Scan -Provider ProjectDiscovery -Target example.com -Template http/cves/ -ApiKey $SandboxKey -BaseUri $baseUri
        }

        $all.Text | Should -BeLike "*ProjectDiscovery POST $baseUri/v1/scans -> 200 OK*"
        $all.Text | Should -Match ([regex]::Escape("ProjectDiscovery POST $baseUri/v1/scans request body: {""targets"":[""example.com""],""templates"":[""http/cves/""]}"))
        $all.Text | Should -Not -BeLike "*$SandboxKeyText*"
    }
}

Describe 'Get-Scan -Provider ProjectDiscovery' {
    It 'lists the scans in one platform status, newest first (-State Failed)' {
        $scans = @(Get-Scan -Provider ProjectDiscovery -State Failed)

        $scans.Name | Should -Be @('nightly-19', 'nightly-12', 'nightly-5')
        $scans | ForEach-Object {
            $_.State | Should -Be ([ScanPS.Models.ScanState]::Failed)
            $_.VendorState | Should -Be 'failed'
            $_.FailureReason | Should -Be 'no reachable targets'
            $_.CompletedAt | Should -BeOfType ([System.DateTimeOffset])
        }
    }

    It 'accepts the platform''s own status names and a normalised state that stands for two of them' {
        @(Get-Scan -Provider ProjectDiscovery -State uploaded).Name | Should -Be @('nightly-20', 'nightly-13', 'nightly-6')
        $running = @(Get-Scan -Provider ProjectDiscovery -State Running | Where-Object Name -like 'nightly-*')
        $running.VendorState | Sort-Object -Unique | Should -Be @('running', 'starting')
        $running.Count | Should -Be 8
    }

    It 'writes the exact total first with -IncludeTotalCount when the listing is one series (<Series>)' -TestCases @(
        @{ State = $null; Series = 'every scan' }
        @{ State = 'Failed'; Series = 'one status' }
    ) {
        $arguments = @{ Provider = 'ProjectDiscovery'; IncludeTotalCount = $true }
        if ($State) { $arguments.State = $State }

        $output = @(Get-Scan @arguments)

        $output[0] | Should -BeOfType ([uint64])
        $output[0].Accuracy | Should -Be 1
        [uint64]$output[0] | Should -Be ($output.Count - 1) -Because "the total of $Series is the number of scans listed"
    }

    It 'says the total is unknown for a state that stands for two platform statuses' {
        $output = @(Get-Scan -Provider ProjectDiscovery -State Running -IncludeTotalCount -First 1)

        $output[0].Accuracy | Should -Be 0
        ($output[0] | Out-String).Trim() | Should -Be 'Unknown total count'
    }

    It 'passes -Search to the platform' {
        $scans = @(Get-Scan -Provider ProjectDiscovery -Search nightly-2)

        $scans.Name | Should -Be @('nightly-25', 'nightly-24', 'nightly-23', 'nightly-22', 'nightly-21', 'nightly-20', 'nightly-2')
    }

    It 'reads the team workspace with -TeamId, and from a connection that carries the team' {
        @(Get-Scan -Provider ProjectDiscovery -TeamId team-blue -State Failed).Name | Should -Be @('nightly-26')

        Connect-ScanProvider -Provider ProjectDiscovery -Name pd-team -ApiKey $SandboxKey -BaseUri $baseUri -TeamId team-blue -SkipValidation
        try {
            @(Get-Scan -Provider ProjectDiscovery -Connection pd-team -State scheduled).Name | Should -Be @('nightly-28')
        }
        finally {
            Disconnect-ScanProvider -Name pd-team
        }
    }

    It 'refreshes a scan piped from New-Scan until it is finished' {
        $scan = New-Scan -Provider ProjectDiscovery -Target example.com -Template http/cves/ -NoRefresh

        $running = $scan | Get-Scan
        $finished = $running | Get-Scan

        $running.Id | Should -Be $scan.Id
        $running.State | Should -Be ([ScanPS.Models.ScanState]::Running)
        $finished.State | Should -Be ([ScanPS.Models.ScanState]::Completed)
        $finished.VendorState | Should -Be 'finished'
        $finished.Progress | Should -Be 100
        $finished.ResultCount | Should -Be 3
        $finished.IsFinished | Should -BeTrue
        $finished.CompletedAt | Should -BeOfType ([System.DateTimeOffset])
    }

    It 'refreshes a piped team scan when -TeamId names the team (the ProjectDiscoveryById set)' {
        $scan = New-Scan -Provider ProjectDiscovery -TeamId team-blue -Target example.com -NoRefresh

        $read = $scan | Get-Scan -TeamId team-blue

        $read.Id | Should -Be $scan.Id
        $read.State | Should -Be ([ScanPS.Models.ScanState]::Running)
    }

    It 'refuses a state that is not ProjectDiscovery''s (InvalidStateFilter)' {
        $record = { Get-Scan -Provider ProjectDiscovery -State OVER_LIMIT } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be 'InvalidStateFilter,ScanPS.Commands.GetScanCommand'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
    }

    It 'refuses a HostedScan parameter (ParameterNotValidForProvider)' {
        $record = { Get-Scan -Provider ProjectDiscovery -Type NMAP } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be 'ParameterNotValidForProvider,ScanPS.Commands.GetScanCommand'
    }
}

Describe 'Get-ScanFinding (ProjectDiscovery)' {
    It 'reads the scan''s export with severities and CVE ids' {
        $findings = @(Get-ScanFinding -Provider ProjectDiscovery -ScanId f1000000000000000001)

        $findings.Count | Should -Be 8
        $findings[0] | Should -BeOfType ([ScanPS.Models.ProjectDiscoveryFinding])
        $findings[0].Severity | Should -Be ([ScanPS.Models.FindingSeverity]::Critical)
        $findings[0].Cve | Should -Contain 'CVE-2021-44228'
        ($findings | Where-Object VendorSeverity -eq 'unknown').Severity | Should -Be ([ScanPS.Models.FindingSeverity]::Info)
    }

    It 'keeps only open findings with -Status Open' {
        $findings = @(Get-ScanFinding -Provider ProjectDiscovery -ScanId f1000000000000000001 -Status Open)

        $findings.Count | Should -Be 7
        $findings.Status | Sort-Object -Unique | Should -Be ([ScanPS.Models.FindingStatus]::Open)
    }
}
