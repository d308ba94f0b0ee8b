using System.IO;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// A stand-in for Microsoft.PowerShell.SecretManagement 1.1 (same module name, the same Get-Secret, Get-SecretInfo
    /// and Get-SecretVault parameters and not-found error), with in-memory vaults that a test fills with
    /// Set-StandInSecret, and Get-StandInSecretCall listing the Get-Secret calls made. Written to a folder and imported
    /// by path into one runspace, so it never shows on the process-wide PSModulePath of tests running in parallel.
    /// </summary>
    public static class StandInSecretManagement
    {
        public const string ModuleName = "Microsoft.PowerShell.SecretManagement";

        private const string Manifest = @"@{
    RootModule = 'Microsoft.PowerShell.SecretManagement.psm1'
    ModuleVersion = '1.1.2'
    GUID = '7d3a1f0e-8c52-4b6e-9f1d-2a9e5c3b7d10'
    Description = 'ScanPS engine tests: a stand-in for Microsoft.PowerShell.SecretManagement'
    FunctionsToExport = @('Get-Secret', 'Get-SecretInfo', 'Get-SecretVault', 'Set-StandInSecret', 'Get-StandInSecretCall')
    CmdletsToExport = @()
    AliasesToExport = @()
    VariablesToExport = @()
}
";

        private const string Module = @"
$script:Vaults = [ordered]@{}
$script:Calls = [System.Collections.Generic.List[string]]::new()

function Set-StandInSecret {
    param([Parameter(Mandatory)][string] $Vault, [Parameter(Mandatory)][string] $Name, [AllowNull()] $Secret)
    if (-not $script:Vaults.Contains($Vault)) { $script:Vaults[$Vault] = [ordered]@{} }
    $script:Vaults[$Vault][$Name] = $Secret
}

function Get-StandInSecretCall { $script:Calls.ToArray() }

function Get-Secret {
    [CmdletBinding(DefaultParameterSetName = 'NameParameterSet')]
    param(
        [Parameter(ParameterSetName = 'NameParameterSet', Position = 0, Mandatory)][ValidateNotNullOrEmpty()][string] $Name,
        [Parameter(ParameterSetName = 'NameParameterSet', Position = 1)][string] $Vault,
        [switch] $AsPlainText)
    $script:Calls.Add('Get-Secret -Name ' + $Name + $(if ($Vault) { ' -Vault ' + $Vault } else { '' }))
    $vaults = if ($Vault) { @($Vault) } else { @($script:Vaults.Keys) }
    foreach ($v in $vaults) {
        if ($script:Vaults.Contains($v) -and $script:Vaults[$v].Contains($Name)) {
            $secret = $script:Vaults[$v][$Name]
            if ($AsPlainText -and $secret -is [securestring]) { return [System.Net.NetworkCredential]::new('', $secret).Password }
            return $secret
        }
    }

    $record = [System.Management.Automation.ErrorRecord]::new(
        [System.Management.Automation.ItemNotFoundException]::new('The secret ' + $Name + ' was not found.'),
        'GetSecretNotFound', [System.Management.Automation.ErrorCategory]::ObjectNotFound, $Name)
    $PSCmdlet.WriteError($record)
}

function Get-SecretInfo {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string] $Name = '*', [string] $Vault)
    foreach ($v in $script:Vaults.Keys) {
        if ($Vault -and $v -ne $Vault) { continue }
        foreach ($n in $script:Vaults[$v].Keys) {
            if ($n -like $Name) { [pscustomobject]@{ Name = $n; VaultName = $v } }
        }
    }
}

function Get-SecretVault {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string[]] $Name = '*')
    $first = $true
    foreach ($v in $script:Vaults.Keys) {
        if ($Name | Where-Object { $v -like $_ }) { [pscustomobject]@{ Name = $v; ModuleName = 'StandIn.Vault'; IsDefault = $first } }
        $first = $false
    }
}
";

        /// <summary>Writes the psd1 and psm1 into <paramref name="folder"/> (named like the module).</summary>
        public static void Write(string folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, ModuleName + ".psd1"), Manifest);
            File.WriteAllText(Path.Combine(folder, ModuleName + ".psm1"), Module);
        }
    }
}
