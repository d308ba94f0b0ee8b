#Requires -Version 5.1
<#
    Pester 5 tests of the help the build stages in out/ScanPS/<version>/en-US: what only a real Get-Help
    shows. The xunit tests (DocsCompletenessTests, MamlHelpTests) check the same content structurally; these
    check that PowerShell actually reads it. No sandbox is needed: Get-Help never contacts a service.

    Prerequisite: `dotnet test ScanPS.sln -c Release` or ./build.ps1 Build, which stage the module.
#>

BeforeDiscovery {
    $repoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).ProviderPath
    $discoveryManifest = Get-ChildItem -Path (Join-Path $repoRoot 'out/ScanPS/*/ScanPS.psd1') -File -ErrorAction SilentlyContinue |
        Sort-Object -Property LastWriteTime -Descending |
        Select-Object -First 1
    # Driven by the manifest's exports, so a new cmdlet is checked without editing this file.
    $exportedCmdlets = if ($null -eq $discoveryManifest) { @() } else { @((Import-PowerShellDataFile -LiteralPath $discoveryManifest.FullName).CmdletsToExport) }
}

BeforeAll {
    $repoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).ProviderPath
    $manifest = Get-ChildItem -Path (Join-Path $repoRoot 'out/ScanPS/*/ScanPS.psd1') -File -ErrorAction SilentlyContinue |
        Sort-Object -Property LastWriteTime -Descending |
        Select-Object -First 1
    if ($null -eq $manifest) {
        throw "No staged module under $repoRoot/out/ScanPS. Run 'dotnet test ScanPS.sln -c Release' or './build.ps1 Build' first."
    }

    # Get-Help finds about_ topics through PSModulePath: out/ holds ScanPS/<version>/ScanPS.psd1, a module-path layout.
    $savedModulePath = $env:PSModulePath
    $env:PSModulePath = (Join-Path $repoRoot 'out') + [System.IO.Path]::PathSeparator + $env:PSModulePath
    Import-Module -Name $manifest.FullName -Force -ErrorAction Stop

    # Parameters PowerShell adds itself; the docs may describe them (PlatyPS does) but need not.
    $addedByPowerShell = @([System.Management.Automation.PSCmdlet]::CommonParameters) +
        @([System.Management.Automation.PSCmdlet]::OptionalCommonParameters) +
        @('First', 'Skip', 'IncludeTotalCount')
}

AfterAll {
    Remove-Module -Name ScanPS -Force -ErrorAction SilentlyContinue
    $env:PSModulePath = $savedModulePath
}

Describe 'Get-Help <_> -Full' -ForEach $exportedCmdlets {
    BeforeAll {
        $name = $_
        $help = Get-Help -Name $name -Full
        $command = Get-Command -Name $name -Module ScanPS
    }

    It 'shows the synopsis and description from the MAML, not the generated syntax' {
        # Without a help file, Get-Help puts the syntax where the synopsis belongs.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$name *"
        ($help.description | ForEach-Object { $_.Text }) -join '' | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter with its type' {
        foreach ($parameter in $command.Parameters.Values | Where-Object { $addedByPowerShell -notcontains $_.Name }) {
            $documented = @($help.parameters.parameter | Where-Object { $_.name -eq $parameter.Name })
            $documented.Count | Should -Be 1 -Because "-$($parameter.Name) is a parameter of $name"
            ($documented[0].description | ForEach-Object { $_.Text }) -join '' | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a description"
            $documented[0].type.name | Should -Be $parameter.ParameterType.Name -Because "-$($parameter.Name) is a $($parameter.ParameterType.Name)"
        }
    }

    It 'has one syntax entry per parameter set' {
        @($help.syntax.syntaxItem).Count | Should -Be @($command.ParameterSets).Count
    }

    It 'has at least two examples with code and remarks' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty
            ($example.remarks | ForEach-Object { $_.Text }) -join '' | Should -Not -BeNullOrEmpty
        }
    }
}

Describe 'Get-Help about_ScanPS*' {
    It 'lists and shows the conceptual topics shipped in en-US' {
        $topics = @(Get-Help -Name 'about_ScanPS*' -Category HelpFile)
        $topics.Name | Should -Contain 'about_ScanPS'
        (Get-Help -Name 'about_ScanPS' | Out-String) | Should -Match 'SHORT DESCRIPTION'
    }
}
