# ScanPS's root module: one build per PowerShell edition, picked here the way Pester picks its bin/ folder.
# PowerShell 7.4+ (Core, .NET 8 or later) imports bin/net8.0; Windows PowerShell 5.1 (Desktop, .NET Framework 4.7.2+)
# imports bin/net472. Each tree's third-party assemblies sit in its dependencies/, resolved by ScanPS.dll itself
# (src/ScanPS/Loading): into ScanPS's own load context on 7, with a requester-checked LoadFrom on 5.1.
# No Export-ModuleMember: a script module re-exports the cmdlets of the module it imports, and the manifest's
# CmdletsToExport names them (Export-ModuleMember with -PassThru's list cost about 0.15 s of each import).
$framework = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'net472' }
Import-Module -Name "$PSScriptRoot/bin/$framework/ScanPS.dll" -ErrorAction Stop
