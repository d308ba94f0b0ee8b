#Requires -Version 5.1
<#
    Pester 5 tests of Connect-ScanProvider, Get-ScanProviderConnection and Disconnect-ScanProvider for the four
    providers, and of -Connection on the commands, against the local sandbox (Sandbox.ps1). Connections live in the
    runspace, so every test starts from none.
#>

BeforeDiscovery {
    # The per-provider table: how to use a connection with a command that needs no other parameter.
    $providers = @(
        @{ Provider = 'HostedScan'; Kind = 'ApiKey'; Use = { Get-Scan -Provider HostedScan -First 1 } }
        @{ Provider = 'ProjectDiscovery'; Kind = 'ApiKey'; Use = { Get-Scan -Provider ProjectDiscovery -First 1 } }
        @{ Provider = 'Invicti'; Kind = 'Credential'; Use = { Get-Scan -Provider Invicti -First 1 } }
        @{ Provider = 'Probely'; Kind = 'ApiKey'; Use = { New-ScheduledScanBulk -TargetId 3epwuyBoKQKN -StartTime '2030-12-01 02:00' -TimeZone UTC } }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Sandbox.ps1')
    Import-ScanPSStagedModule
    $sandbox = Start-ScanPSSandbox
    Disconnect-ScanPSAll

    # The sandbox's credential for a provider, as Connect-ScanProvider parameters (-ApiKey, or -Credential for Invicti).
    function Get-SandboxCredential([string]$Provider, [switch]$Wrong) {
        if ($Provider -eq 'Invicti') {
            if ($Wrong) { return @{ Credential = $WrongInvictiCredential } }
            return @{ Credential = $SandboxInvictiCredential }
        }

        if ($Wrong) { return @{ ApiKey = $WrongKey } }
        return @{ ApiKey = $SandboxKey }
    }
}

AfterAll {
    Disconnect-ScanPSAll
    Stop-ScanPSSandbox $sandbox
}

Describe 'Connect-ScanProvider -Provider <Provider>' -ForEach $providers {
    BeforeAll {
        $uri = $sandbox.BaseUri[$Provider]
        $credential = Get-SandboxCredential $Provider
        $source = if ($Kind -eq 'ApiKey') { 'the -ApiKey parameter' } else { 'the -Credential parameter' }
    }

    BeforeEach { Disconnect-ScanPSAll }

    It 'checks the credential with the service and stores the provider''s default connection' {
        $run = Invoke-ScanPSTranscribed { Connect-ScanProvider -Provider $Provider @credential -BaseUri $uri -PassThru -Verbose }

        $connection = @($run.Output | Where-Object { $_ -is [ScanPS.Connections.ScanProviderConnection] })
        $connection.Count | Should -Be 1
        $connection[0].PSObject.TypeNames[0] | Should -Be 'ScanPS.Connections.ScanProviderConnection'
        $connection[0].Provider | Should -Be $Provider
        $connection[0].Name | Should -Be $Provider
        $connection[0].IsDefault | Should -BeTrue
        $connection[0].BaseUri | Should -Be ([uri]"$uri/")
        $connection[0].Validated | Should -BeTrue
        $connection[0].KeyHint | Should -Be '****'
        $connection[0].CredentialSource | Should -Be "connection '$Provider' ($source)"
        if ($Provider -eq 'Invicti') { $connection[0].UserName | Should -Be $SandboxInvictiUserId } else { $connection[0].UserName | Should -BeNullOrEmpty }
        @($run.Output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { "$_" }) |
            Should -Contain "Stored $Provider connection '$Provider' (****) as the $Provider default; the credential was accepted."
        (Get-ScanProviderConnection) | Should -Be $connection[0]
    }

    It 'is what the provider''s commands use when they get no credential' {
        Connect-ScanProvider -Provider $Provider @credential -BaseUri $uri

        $output = @(& $Use)

        $output.Count | Should -Be 1
        $output[0].Provider | Should -Be $Provider
    }

    It 'writes nothing without -PassThru' {
        $output = Connect-ScanProvider -Provider $Provider @credential -BaseUri $uri

        $output | Should -BeNullOrEmpty
        @(Get-ScanProviderConnection -Provider $Provider).Count | Should -Be 1
    }

    It 'stores nothing when the service refuses the credential (AuthenticationFailed), and shows no secret' {
        $wrong = Get-SandboxCredential $Provider -Wrong

        $all = Get-ScanPSAllText { try { Connect-ScanProvider -Provider $Provider @wrong -BaseUri $uri } catch { $_ } }

        $errors = @($all.Records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'AuthenticationFailed,ScanPS.Commands.ConnectScanProviderCommand'
        $errors[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::AuthenticationError)
        $errors[0].ToString() | Should -BeLike "The $Provider connection '$Provider' was not stored: *"
        $errors[0].ErrorDetails.RecommendedAction | Should -BeLike '*-SkipValidation*'
        Get-ScanProviderConnection | Should -BeNullOrEmpty
        $all.Text | Should -Not -BeLike '*wrong-key-0000*'
        $all.Text | Should -Not -BeLike '*wrong-token-0000*'
    }

    It 'stores a credential unchecked with -SkipValidation; the command that uses it then fails' {
        $wrong = Get-SandboxCredential $Provider -Wrong

        $connection = Connect-ScanProvider -Provider $Provider @wrong -BaseUri $uri -SkipValidation -PassThru

        $connection.Validated | Should -BeFalse
        $record = { & $Use } | Should -Throw -PassThru
        $record.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,ScanPS.Commands.*'
    }

    It 'keeps the secret out of the connection object: properties, ToString, JSON and CLIXML show a masked hint only' {
        $long = ConvertTo-SecureString -String 'abcdefghijklmnop-wxyz' -AsPlainText -Force
        $secret = if ($Provider -eq 'Invicti') { @{ Credential = New-Object System.Management.Automation.PSCredential -ArgumentList 'user-1', $long } } else { @{ ApiKey = $long } }

        $connection = Connect-ScanProvider -Provider $Provider @secret -BaseUri $uri -SkipValidation -PassThru
        $clixml = Join-Path $TestDrive "$Provider.clixml"
        $connection | Export-Clixml -LiteralPath $clixml

        $connection.KeyHint | Should -Be '****wxyz'
        $connection.ToString() | Should -Be "$Provider connection '$Provider' (****wxyz)"
        foreach ($text in @(($connection | Format-List -Property * | Out-String), ($connection | ConvertTo-Json), (Get-Content -LiteralPath $clixml -Raw))) {
            $text | Should -BeLike '*wxyz*'
            $text | Should -Not -BeLike '*abcdefghijklmnop*'
        }
    }
}

Describe 'Connect-ScanProvider input checks' {
    BeforeEach { Disconnect-ScanPSAll }

    It 'refuses <Case> with <ErrorId>, before contacting anyone' -TestCases @(
        @{ Case = '-Region for HostedScan'; ErrorId = 'ParameterNotValidForProvider'; Category = 'InvalidArgument'; Arguments = @{ Provider = 'HostedScan'; Region = 'EU' } }
        @{ Case = '-TeamId for Probely'; ErrorId = 'ParameterNotValidForProvider'; Category = 'InvalidArgument'; Arguments = @{ Provider = 'Probely'; TeamId = 'team-blue' } }
        @{ Case = 'two ways to sign in to the proxy'; ErrorId = 'ConflictingProxyCredentials'; Category = 'InvalidArgument'; Arguments = @{ Provider = 'HostedScan'; Proxy = 'http://proxy.example:8080'; ProxyUseDefaultCredentials = $true; ProxyCredential = (New-Object System.Management.Automation.PSCredential -ArgumentList 'proxy-user', (ConvertTo-SecureString 'proxy-pass' -AsPlainText -Force)) } }
        @{ Case = 'a proxy credential without -Proxy'; ErrorId = 'ProxyRequired'; Category = 'InvalidArgument'; Arguments = @{ Provider = 'HostedScan'; ProxyUseDefaultCredentials = $true } }
        @{ Case = 'a proxy that is not http(s)'; ErrorId = 'InvalidProxy'; Category = 'InvalidArgument'; Arguments = @{ Provider = 'HostedScan'; Proxy = 'ftp://proxy.example' } }
        @{ Case = 'plain http to a host that is not loopback'; ErrorId = 'InsecureBaseUri'; Category = 'SecurityError'; Arguments = @{ Provider = 'HostedScan'; BaseUri = 'http://example.com' } }
        @{ Case = 'a base URI with a query'; ErrorId = 'InvalidBaseUri'; Category = 'InvalidArgument'; Arguments = @{ Provider = 'HostedScan'; BaseUri = 'https://api.example.com/?tenant=1' } }
    ) {
        $record = { Connect-ScanProvider -ApiKey $SandboxKey @Arguments } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be "$ErrorId,ScanPS.Commands.ConnectScanProviderCommand"
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]$Category)
        Get-ScanProviderConnection | Should -BeNullOrEmpty
    }

    It 'says NoCredentialResolved without any credential' -Skip:($null -ne $env:SCANPS_HOSTEDSCAN_API_KEY) {
        $record = { Connect-ScanProvider -Provider HostedScan -BaseUri $sandbox.BaseUri.HostedScan } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be 'NoCredentialResolved,ScanPS.Commands.ConnectScanProviderCommand'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::AuthenticationError)
    }

    It 'refuses a name that a connection of another provider uses (ConnectionNameInUse)' {
        Connect-ScanProvider -Provider HostedScan -Name prod -ApiKey $SandboxKey -SkipValidation

        $record = { Connect-ScanProvider -Provider Probely -Name PROD -ApiKey $SandboxKey -SkipValidation } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be 'ConnectionNameInUse,ScanPS.Commands.ConnectScanProviderCommand'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ResourceExists)
        (Get-ScanProviderConnection).Provider | Should -Be 'HostedScan'
    }

    It 'replaces a connection of the same name and provider in its place, default kept' {
        Connect-ScanProvider -Provider HostedScan -Name first -ApiKey $SandboxKey -SkipValidation
        Connect-ScanProvider -Provider HostedScan -Name second -ApiKey $SandboxKey -SkipValidation

        Connect-ScanProvider -Provider HostedScan -Name FIRST -ApiKey $SandboxKey -BaseUri $sandbox.BaseUri.HostedScan -TimeoutSec 30 -MaximumRetryCount 1 -SkipValidation

        $connections = @(Get-ScanProviderConnection)
        $connections.Name | Should -Be @('FIRST', 'second')
        $connections[0].IsDefault | Should -BeTrue
        $connections[0].TimeoutSec | Should -Be 30
        $connections[0].MaximumRetryCount | Should -Be 1
    }

    It 'warns that -SkipCertificateCheck leaves the connection unchecked' {
        $warnings = $null

        Connect-ScanProvider -Provider HostedScan -Name onprem -ApiKey $SandboxKey -SkipCertificateCheck -SkipValidation -WarningVariable warnings -WarningAction SilentlyContinue

        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -Be "-SkipCertificateCheck: the HostedScan connection 'onprem' will not check the server's certificate. Anyone on the network path could read the credential."
        (Get-ScanProviderConnection -Name onprem).SkipCertificateCheck | Should -BeTrue
    }
}

Describe 'Connect-ScanProvider -SecretName' {
    BeforeAll {
        # A stand-in for Microsoft.PowerShell.SecretManagement, loaded in this session only: Connect-ScanProvider calls
        # Microsoft.PowerShell.SecretManagement\Get-Secret, which a loaded module of that name answers; a loaded module
        # counts as installed. Otherwise it asks Get-Module -ListAvailable, which is mocked (PSModulePath is the process's own).
        $stubSecretManagement = New-Module -Name Microsoft.PowerShell.SecretManagement -ScriptBlock {
            $script:Secrets = @{}
            function Get-Secret {
                param([string]$Name, [string]$Vault)
                $key = "$Vault/$Name"
                if (-not $script:Secrets.ContainsKey($key)) { throw "Get-Secret: The secret $Name was not found." }
                $script:Secrets[$key]
            }
            function Set-StubSecret([string]$Name, [string]$Vault, $Value) { $script:Secrets["$Vault/$Name"] = $Value }
            Export-ModuleMember -Function Get-Secret, Set-StubSecret
        } | Import-Module -PassThru

        Set-StubSecret -Name hs-key -Vault ci -Value $SandboxKey
        Set-StubSecret -Name pd-key -Vault ci -Value $SandboxKeyText
        Set-StubSecret -Name invicti -Vault ci -Value $SandboxInvictiCredential
        Set-StubSecret -Name number -Vault ci -Value 42
    }

    AfterAll {
        Disconnect-ScanPSAll
        Remove-Module -ModuleInfo $stubSecretManagement -Force
    }

    BeforeEach {
        Disconnect-ScanPSAll
        Mock Get-Module -ParameterFilter { $ListAvailable -and $Name -eq 'Microsoft.PowerShell.SecretManagement' } -MockWith {
            [pscustomobject]@{ Name = 'Microsoft.PowerShell.SecretManagement' }
        }
    }

    It 'reads a <Kind> secret, checks it with <Provider> and stores it; only the connection reaches the pipeline' -TestCases @(
        @{ Provider = 'HostedScan'; Kind = 'SecureString'; Secret = 'hs-key'; UserName = $null }
        @{ Provider = 'ProjectDiscovery'; Kind = 'string'; Secret = 'pd-key'; UserName = $null }
        @{ Provider = 'Invicti'; Kind = 'PSCredential'; Secret = 'invicti'; UserName = 'sandbox-user-id' }
    ) {
        $all = Get-ScanPSAllText { Connect-ScanProvider -Provider $Provider -SecretName $Secret -Vault ci -BaseUri $sandbox.BaseUri[$Provider] -PassThru }

        $output = @($all.Records | Where-Object { $_ -isnot [System.Management.Automation.InformationalRecord] })
        $output.Count | Should -Be 1
        $output[0] | Should -BeOfType ([ScanPS.Connections.ScanProviderConnection])
        $output[0].Validated | Should -BeTrue
        $output[0].CredentialSource | Should -Be "connection '$Provider' (secret '$Secret' in vault 'ci')"
        $output[0].UserName | Should -Be $UserName
        @(Get-Scan -Provider $Provider -First 1).Count | Should -Be 1
        $all.Text | Should -Not -BeLike "*$SandboxKeyText*"
        $all.Text | Should -Not -BeLike "*$SandboxInvictiTokenText*"
    }

    It 'refuses a secret that is no SecureString, string or PSCredential (UnsupportedSecretType)' {
        $record = { Connect-ScanProvider -Provider HostedScan -SecretName number -Vault ci -SkipValidation } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be 'UnsupportedSecretType,ScanPS.Commands.ConnectScanProviderCommand'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidData)
        Get-ScanProviderConnection | Should -BeNullOrEmpty
    }

    It 'says SecretNotFound, naming the vault, when SecretManagement cannot read the secret' {
        $record = { Connect-ScanProvider -Provider HostedScan -SecretName missing -Vault ci -SkipValidation } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be 'SecretNotFound,ScanPS.Commands.ConnectScanProviderCommand'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
        $record.ToString() | Should -BeLike "SecretManagement could not read the secret 'missing' from vault 'ci': *The secret missing was not found.*"
    }

    It 'says SecretManagementNotInstalled when the module is not installed' {
        Mock Get-Module -ParameterFilter { $ListAvailable -and $Name -eq 'Microsoft.PowerShell.SecretManagement' } -MockWith { }
        # An imported SecretManagement counts as installed: take the stand-in out for this test.
        Remove-Module -ModuleInfo $stubSecretManagement -Force
        try {
            $record = { Connect-ScanProvider -Provider HostedScan -SecretName hs-key -SkipValidation } | Should -Throw -PassThru
        }
        finally {
            $stubSecretManagement | Import-Module
        }

        $record.FullyQualifiedErrorId | Should -Be 'SecretManagementNotInstalled,ScanPS.Commands.ConnectScanProviderCommand'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::NotInstalled)
        Should -Invoke Get-Module -Times 1 -Exactly
    }
}

Describe 'Get-ScanProviderConnection' {
    BeforeAll {
        Disconnect-ScanPSAll
        Connect-ScanProvider -Provider HostedScan -ApiKey $SandboxKey -SkipValidation
        Connect-ScanProvider -Provider HostedScan -Name sandbox -ApiKey $SandboxKey -BaseUri $sandbox.BaseUri.HostedScan -SkipValidation
        Connect-ScanProvider -Provider Invicti -Name us -Credential $SandboxInvictiCredential -SkipValidation
        Connect-ScanProvider -Provider Invicti -Name eu -Credential $SandboxInvictiCredential -SkipValidation -Default
        Connect-ScanProvider -Provider ProjectDiscovery -Name pd-team -ApiKey $SandboxKey -TeamId team-blue -SkipValidation
        Connect-ScanProvider -Provider Probely -Name probely-eu -ApiKey $SandboxKey -Region EU -SkipValidation
    }

    AfterAll { Disconnect-ScanPSAll }

    It 'gets every connection in the order they were made' {
        $connections = @(Get-ScanProviderConnection)

        $connections.Name | Should -Be @('HostedScan', 'sandbox', 'us', 'eu', 'pd-team', 'probely-eu')
        $connections.IsDefault | Should -Be @($true, $false, $false, $true, $true, $true)
        $connections[1].BaseUri | Should -Be ([uri]"$($sandbox.BaseUri.HostedScan)/")
        $connections[0].BaseUri | Should -BeNullOrEmpty
        $connections[4].TeamId | Should -Be 'team-blue'
        $connections[5].Region | Should -Be 'EU'
    }

    It 'filters by -Provider, by -Name (wildcards, any letter case) and by -Default' {
        @(Get-ScanProviderConnection -Provider Invicti).Name | Should -Be @('us', 'eu')
        @(Get-ScanProviderConnection -Name U*, SANDBOX).Name | Should -Be @('us', 'sandbox')
        @(Get-ScanProviderConnection -Provider Invicti -Name *).Name | Should -Be @('us', 'eu')
        @(Get-ScanProviderConnection -Default).Name | Should -Be @('HostedScan', 'eu', 'pd-team', 'probely-eu')
    }

    It 'binds -Name from piped objects' {
        @([pscustomobject]@{ Name = 'eu' } | Get-ScanProviderConnection).Name | Should -Be @('eu')
    }

    It 'reports a name that matches nothing as a non-terminating ConnectionNotFound; a wildcard that matches nothing is silent' {
        $errors = $null

        $found = @(Get-ScanProviderConnection -Name missing, 'nothing*', us -ErrorVariable errors -ErrorAction SilentlyContinue)

        $found.Name | Should -Be @('us')
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'ConnectionNotFound,ScanPS.Commands.GetScanProviderConnectionCommand'
        $errors[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
        $errors[0].TargetObject | Should -Be 'missing'
    }
}

Describe 'Disconnect-ScanProvider' {
    BeforeEach {
        Disconnect-ScanPSAll
        Connect-ScanProvider -Provider Invicti -Name us -Credential $SandboxInvictiCredential -SkipValidation
        Connect-ScanProvider -Provider Invicti -Name onprem -Credential $SandboxInvictiCredential -SkipValidation
        Connect-ScanProvider -Provider Invicti -Name eu -Credential $SandboxInvictiCredential -SkipValidation -Default
        Connect-ScanProvider -Provider HostedScan -ApiKey $SandboxKey -BaseUri $sandbox.BaseUri.HostedScan -SkipValidation
    }

    AfterAll { Disconnect-ScanPSAll }

    It 'removes a connection by name, writes nothing, and the oldest remaining one becomes the default' {
        $output = Disconnect-ScanProvider -Name EU

        $output | Should -BeNullOrEmpty
        $invicti = @(Get-ScanProviderConnection -Provider Invicti)
        $invicti.Name | Should -Be @('us', 'onprem')
        $invicti.IsDefault | Should -Be @($true, $false)
    }

    It 'removes every connection of a provider with -Provider' {
        Disconnect-ScanProvider -Provider Invicti

        @(Get-ScanProviderConnection).Name | Should -Be @('HostedScan')
    }

    It 'removes every connection of <Provider>, and only those, with -Provider' -ForEach $providers {
        Disconnect-ScanPSAll
        Connect-ScanPSSandbox $sandbox
        $second = Get-SandboxCredential $Provider
        Connect-ScanProvider -Provider $Provider -Name "$Provider-second" @second -SkipValidation

        Disconnect-ScanProvider -Provider $Provider

        Get-ScanProviderConnection -Provider $Provider | Should -BeNullOrEmpty
        @(Get-ScanProviderConnection).Provider | Should -Be @('HostedScan', 'ProjectDiscovery', 'Invicti', 'Probely' | Where-Object { $_ -ne $Provider })
    }

    It 'removes the connections piped from Get-ScanProviderConnection' {
        Get-ScanProviderConnection -Name us, HostedScan | Disconnect-ScanProvider

        @(Get-ScanProviderConnection).Name | Should -Be @('onprem', 'eu')
    }

    It 'names the connection under -WhatIf, with the masked hint only, and keeps it' {
        $run = Invoke-ScanPSTranscribed { Disconnect-ScanProvider -Name HostedScan -WhatIf }

        $run.Output | Should -BeNullOrEmpty
        $run.WhatIf | Should -Be @('What if: Performing the operation "Remove the connection from this session" on target "HostedScan connection ''HostedScan'' (****)".')
        @(Get-ScanProviderConnection -Name HostedScan).Count | Should -Be 1
    }

    It 'reports an unknown name as a non-terminating ConnectionNotFound and removes the others' {
        $errors = $null

        Disconnect-ScanProvider -Name missing, us -ErrorVariable errors -ErrorAction SilentlyContinue

        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'ConnectionNotFound,ScanPS.Commands.DisconnectScanProviderCommand'
        $errors[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
        @(Get-ScanProviderConnection -Provider Invicti).Name | Should -Be @('onprem', 'eu')
    }

    It 'leaves a removed connection object unusable (ConnectionRemoved)' {
        $connection = Get-ScanProviderConnection -Name HostedScan
        Disconnect-ScanProvider -Connection $connection

        $record = { Get-Scan -Provider HostedScan -First 1 -Connection $connection } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be 'ConnectionRemoved,ScanPS.Commands.GetScanCommand'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidOperation)
    }
}

Describe '-Connection on the commands' {
    BeforeAll {
        Disconnect-ScanPSAll
        # The default HostedScan connection points nowhere useful; 'sandbox' is the one that works.
        Connect-ScanProvider -Provider HostedScan -ApiKey $WrongKey -BaseUri 'http://127.0.0.1:9' -SkipValidation
        Connect-ScanProvider -Provider HostedScan -Name sandbox -ApiKey $SandboxKey -BaseUri $sandbox.BaseUri.HostedScan -SkipValidation
        Connect-ScanProvider -Provider Probely -ApiKey $SandboxKey -BaseUri $sandbox.BaseUri.Probely -SkipValidation
    }

    AfterAll { Disconnect-ScanPSAll }

    It 'takes a connection by name or as an object instead of the default' {
        @(Get-Scan -Provider HostedScan -First 2 -Connection sandbox).Count | Should -Be 2
        @(Get-Scan -Provider HostedScan -First 2 -Connection (Get-ScanProviderConnection -Name sandbox)).Count | Should -Be 2
        (New-Scan -Provider HostedScan -Type NMAP -Target example.com -Connection SANDBOX).State | Should -Be ([ScanPS.Models.ScanState]::Queued)
    }

    It 'lets the command''s own -BaseUri and -ApiKey win over the connection''s' {
        $record = { Get-Scan -Provider HostedScan -First 1 -Connection sandbox -ApiKey $WrongKey } | Should -Throw -PassThru
        $record.FullyQualifiedErrorId | Should -Be 'AuthenticationFailed,ScanPS.Commands.GetScanCommand'

        @(Get-Scan -Provider HostedScan -First 1 -Connection HostedScan -ApiKey $SandboxKey -BaseUri $sandbox.BaseUri.HostedScan).Count | Should -Be 1
    }

    It 'refuses a connection of another provider (ConnectionProviderMismatch)' {
        $record = { Get-Scan -Provider HostedScan -First 1 -Connection Probely } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be 'ConnectionProviderMismatch,ScanPS.Commands.GetScanCommand'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
    }

    It 'refuses a name that is no connection at parameter binding, with the ConnectionNotFound message' {
        $record = { Get-Scan -Provider HostedScan -First 1 -Connection nosuch } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -Be 'ParameterArgumentTransformationError,ScanPS.Commands.GetScanCommand'
        $record.ToString() | Should -BeLike "*There is no ScanPS connection named 'nosuch' in this session. Connections: HostedScan, sandbox, Probely.*"
    }
}
