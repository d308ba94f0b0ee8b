# ScanPS's root module: one build per PowerShell edition, picked here the way Pester picks its bin/ folder.
# PowerShell 7.4+ (Core, .NET 8 or later) imports bin/net8.0; Windows PowerShell 5.1 (Desktop, .NET Framework 4.7.2+)
# imports bin/net472. Each tree's third-party assemblies sit in its dependencies/, resolved by ScanPS.dll itself
# (src/ScanPS/Loading): into ScanPS's own load context on 7, with a requester-checked LoadFrom on 5.1.
$framework = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'net472' }
$module = Import-Module -Name (Join-Path $PSScriptRoot "bin/$framework/ScanPS.dll") -PassThru -ErrorAction Stop
Export-ModuleMember -Cmdlet @($module.ExportedCmdlets.Keys)
