@{
    RootModule           = 'CbTyped.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Core')
    GUID                 = '5f0d2a7e-8b3c-4c1e-9a57-3d6f1b2c9e41'
    Author               = 'CbTyped contributors'
    CompanyName          = 'CbTyped contributors'
    Copyright            = 'Copyright (c) 2026 CbTyped contributors'
    Description          = 'Typed cmdlets for the Carbon Black Cb Response (EDR) REST API: processes, binaries, sensors and isolation, bans, watchlists, alerts, feeds, users, sensor groups and Live Response. Built on the CbTyped .NET SDK.'
    PowerShellVersion    = '7.6'
    FormatsToProcess     = @('CbTyped.PowerShell.Format.ps1xml')
    CmdletsToExport      = @(
        'Get-CbAlert',
        'Set-CbAlert',
        'Get-CbBannedHash',
        'New-CbBannedHash',
        'Remove-CbBannedHash',
        'Set-CbBannedHash',
        'Enable-CbBannedHash',
        'Disable-CbBannedHash',
        'Get-CbBinary',
        'Save-CbBinaryFile',
        'Get-CbConnection',
        'Get-CbFeed',
        'Get-CbLiveResponseChildItem',
        'Invoke-CbLiveResponseCommand',
        'Get-CbLiveResponseFile',
        'Send-CbLiveResponseFile',
        'Get-CbLiveResponseProcess',
        'Stop-CbLiveResponseProcess',
        'Start-CbLiveResponseSession',
        'Stop-CbLiveResponseSession',
        'Get-CbProcess',
        'Get-CbProcessEvent',
        'Get-CbProcessParent',
        'Connect-CbResponse',
        'Disconnect-CbResponse',
        'Get-CbSensor',
        'Restart-CbSensor',
        'Set-CbSensor',
        'Get-CbSensorGroup',
        'New-CbSensorGroup',
        'Invoke-CbSensorIsolation',
        'Undo-CbSensorIsolation',
        'Get-CbUser',
        'New-CbUser',
        'Get-CbWatchlist',
        'New-CbWatchlist',
        'Remove-CbWatchlist',
        'Set-CbWatchlist'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('CarbonBlack', 'CbResponse', 'EDR', 'Security', 'IncidentResponse', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            LicenseUri   = 'https://github.com/cbtyped/cbtyped/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/cbtyped/cbtyped'
            ReleaseNotes = 'First release.'
        }
    }
}
