# ScanPS's root module: one build per PowerShell edition, picked here the way Pester picks its bin/ folder.
# PowerShell 7.4+ (Core, .NET 8 or later) imports bin/net8.0; Windows PowerShell 5.1 (Desktop, .NET Framework 4.7.2+)
# imports bin/net472. Each tree's ScanPS.dll resolves its own dependencies/ (src/ScanPS/Loading).
$framework = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'net472' }
$cmdlets = Import-Module -Name (Join-Path $PSScriptRoot "bin/$framework/ScanPS.dll") -PassThru -ErrorAction Stop
Export-ModuleMember -Cmdlet @($cmdlets.ExportedCmdlets.Keys)
