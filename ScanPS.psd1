#
# Module manifest for ScanPS: one PowerShell face over four vulnerability-scanning services.
#
# This is the source manifest. The build (src/ScanPS/StageModule.targets) copies it into
# out/ScanPS/<version>/ and stamps the real version there: ModuleVersion below stays '0.0.0'
# in source on purpose, because the one place the version lives is <ScanPSVersion> in
# Directory.Build.props.
#
@{
    RootModule = 'ScanPS.psm1'

    # Stamped at build time from Directory.Build.props <ScanPSVersion>; do not edit here.
    ModuleVersion = '0.0.0'

    GUID = 'e42c42a8-5810-4c11-82db-bece6ce55460'
    Author = 'ScanPS contributors'
    CompanyName = 'ScanPS contributors'
    Copyright = '(c) 2026 ScanPS contributors. MIT License.'
    Description = 'Start and track vulnerability scans from PowerShell with one set of commands over HostedScan, ProjectDiscovery Cloud, Invicti Enterprise and Probely: New-Scan, Get-Scan, Start-ScanFromScan, New-ScheduledScanBulk, and session connections with Connect-ScanProvider.'

    # Two builds: bin/net472 for Windows PowerShell 5.1 (.NET Framework 4.7.2+), bin/net8.0 for PowerShell 7.4+;
    # ScanPS.psm1 imports the one for the running edition.
    PowerShellVersion = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'

    # No RequiredAssemblies: third-party assemblies live in the dependencies/ subfolder and
    # ScanPS.dll resolves them itself, so they do not clash with other modules' copies.
    FormatsToProcess = @('ScanPS.Format.ps1xml')

    # Explicit lists (never wildcards) keep module auto-loading fast and the surface deliberate.
    CmdletsToExport = @('New-Scan', 'Get-Scan', 'Start-ScanFromScan', 'New-ScheduledScanBulk', 'Connect-ScanProvider', 'Get-ScanProviderConnection', 'Disconnect-ScanProvider', 'Compare-ScanFinding', 'ConvertTo-ScanSarif', 'ConvertTo-ScanJUnit', 'Assert-ScanFinding', 'Get-ScanFinding')
    FunctionsToExport = @()
    AliasesToExport = @()
    VariablesToExport = @()

    PrivateData = @{
        PSData = @{
            Tags = @('Security', 'Vulnerability', 'Scanner', 'HostedScan', 'ProjectDiscovery', 'Invicti', 'Probely', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri = 'https://github.com/scanps/ScanPS'
            LicenseUri = 'https://github.com/scanps/ScanPS/blob/main/LICENSE'
            ReleaseNotes = 'Preview: HostedScan and ProjectDiscovery scans (New-Scan, Get-Scan), Invicti re-launch and listing (Start-ScanFromScan, Get-Scan), Probely bulk schedules (New-ScheduledScanBulk), session connections with proxy, certificate and SecretManagement support (Connect-ScanProvider, Get-ScanProviderConnection, Disconnect-ScanProvider), Get-Help content built in, and dependencies isolated from other modules. See https://github.com/scanps/ScanPS for details.'
        }
    }
}
