<#
.SYNOPSIS
    The cbapi guide's Cb Response examples, in PowerShell, with the CbTyped.PowerShell module.

.DESCRIPTION
    Downloads a binary, bans it, isolates a sensor, queries processes and walks their parents, maintains a
    watchlist, joins processes to their sensors, groups and binaries, and creates a user and a sensor group. Prints
    what the guide prints (https://github.com/carbonblack/cbapi-python/blob/1.5.6/docs/response-examples.rst).

    It connects with Connect-CbResponse: -ProfileName names a cbapi credentials profile; without it, CBAPI_URL and
    CBAPI_TOKEN when both are set, else the "default" profile. Against a real server, run it with -WhatIf: every
    step that changes the server then only says what it would do.

.EXAMPLE
    ./Walkthrough.ps1 -ProfileName lab -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # The cbapi credentials profile to connect with.
    [string] $ProfileName,
    # Where the downloaded binary goes.
    [string] $DownloadDirectory = (Join-Path ([System.IO.Path]::GetTempPath()) 'cbtyped-walkthrough')
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module CbTyped.PowerShell)) { Import-Module CbTyped.PowerShell }
if ($ProfileName) { $null = Connect-CbResponse -Profile $ProfileName } else { $null = Connect-CbResponse }

# Python's str() of a datetime: 2016-11-11 20:59:31.631000 (no fraction when it is zero). Cb sends
# sensor-local times marked Z, so the clock value is printed as it is.
function Format-PythonTime([Nullable[DateTimeOffset]] $Value) {
    if ($null -eq $Value) { return 'None' }
    $clock = $Value.UtcDateTime
    $format = if ($clock.Ticks % [TimeSpan]::TicksPerSecond -eq 0) { 'yyyy-MM-dd HH:mm:ss' } else { 'yyyy-MM-dd HH:mm:ss.ffffff' }
    $clock.ToString($format, [cultureinfo]::InvariantCulture)
}

function Write-Heading([string] $Title) {
    ''
    $Title
    '-' * $Title.Length
}

# --- Download a Binary from Cb Response ---------------------------------------------------------------
Write-Heading 'Download a Binary from Cb Response'
$null = New-Item -ItemType Directory -Force -Path $DownloadDirectory
$binary = Get-CbBinary 7FB55F5A62E78AF9B58D08AAEEAEF848
$file = $binary | Save-CbBinaryFile -Path $DownloadDirectory -Force -WhatIf:$false
# >>> binary.file.read(2)
'"{0}"' -f [System.Text.Encoding]::ASCII.GetString((Get-Content -LiteralPath $file.FullName -AsByteStream -TotalCount 2))

# --- Ban a Binary -------------------------------------------------------------------------------------
Write-Heading 'Ban a Binary'
$null = $binary | New-CbBannedHash -Text 'Banned from API'

# --- Isolate a Sensor ---------------------------------------------------------------------------------
Write-Heading 'Isolate a Sensor'
$sensor = Get-CbSensor -Hostname HOSTNAME | Select-Object -First 1
foreach ($result in @(
        $sensor | Invoke-CbSensorIsolation -Confirm:$false -TimeoutSeconds 120
        $sensor | Undo-CbSensorIsolation -Confirm:$false -TimeoutSeconds 120)) {
    "$($result.Confirmed)"
}

# --- Querying Processes and Events --------------------------------------------------------------------
Write-Heading 'Querying Processes and Events'
$query = 'process_name:net.exe cmdline:\\test\blah'
function Write-Details($Process, [int] $Depth) {
    '{0}{1}: {2} ran {3}' -f (' ' * $Depth), (Format-PythonTime $Process.Start), $Process.Username, $Process.Cmdline
}
foreach ($proc in Get-CbProcess -Query $query) {
    Write-Details $proc 0
    # The second walk is served from the connection's cache: no requests.
    foreach ($parent in $proc | Get-CbProcessParent) { Write-Details $parent $parent.Depth }
}

# --- Feed and Watchlist Maintenance -------------------------------------------------------------------
Write-Heading 'Feed and Watchlist Maintenance'
$watchlistName = '[WARN] Attempts to mount internal share'
$null = New-CbWatchlist -Name $watchlistName -Query $query
$myWatchlist = Get-CbWatchlist -Name $watchlistName -ErrorAction SilentlyContinue
if ($myWatchlist) {
    $myWatchlist.Query
    $myWatchlist | Get-CbProcess -Count
    $myWatchlist | Set-CbWatchlist -Enabled $false
} else {
    "No watchlist is named $watchlistName."
}

# --- Joining Everything Together ----------------------------------------------------------------------
Write-Heading 'Joining Everything Together'
function Write-JoinedDetails($Process) {
    # Sensor, group and binary come through the connection's cache: each is fetched once.
    $group = Get-CbSensor -SensorId $Process.SensorId | Get-CbSensorGroup
    'On host {0} (part of sensor group {1}):' -f $Process.Hostname, $group.Name
    '- At {0}, process {1} was executed by {2}' -f (Format-PythonTime $Process.Start), $Process.Cmdline, $Process.Username
    $binary = Get-CbBinary -Md5 $Process.ProcessMd5 -ErrorAction SilentlyContinue
    if ($binary.IsSigned -and $null -ne $binary.SigningData.SignTime -and $null -ne $Process.Start) {
        # The start is the endpoint's local clock; like cbapi's example, read it as UTC for an estimate.
        $days = [Math]::Floor(($Process.Start - $binary.SigningData.SignTime).TotalDays)
        '- That binary ({0}) was signed by {1} {2} days before it was executed.' -f $Process.ProcessMd5, $binary.SigningData.Publisher, $days
    }
}
foreach ($proc in Get-CbProcess -Query $query) {
    Write-JoinedDetails $proc
    foreach ($parent in $proc | Get-CbProcessParent) { Write-JoinedDetails $parent }
}

# --- Administrative Tasks -----------------------------------------------------------------------------
Write-Heading 'Administrative Tasks'
$password = ConvertTo-SecureString 'cbisawesome' -AsPlainText -Force
$null = New-CbUser -Username jgarman -Password $password -FirstName Jason -LastName Garman -Email jgarman@carbonblack.com
$group = New-CbSensorGroup -Name 'Critical Endpoints' -SiteId 1
if ($group) {
    Get-CbSensor -Hostname WIN-IA9NQ1GN8OI | Select-Object -First 1 | Set-CbSensor -GroupId $group.Id
}
