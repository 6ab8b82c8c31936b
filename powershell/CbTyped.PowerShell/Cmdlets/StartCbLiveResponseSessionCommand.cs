using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary>
/// <c>Start-CbLiveResponseSession</c>: opens (or reuses the open) Live Response session on a sensor and waits until it
/// is active. Pass it to the <c>*-CbLiveResponse*</c> cmdlets with <c>-Session</c>; close it with
/// <c>Stop-CbLiveResponseSession</c>. A session the server dropped is opened again by the next command.
/// </summary>
/// <example>
/// <code>
/// $lr = Get-CbSensor -Hostname HOSTNAME | Start-CbLiveResponseSession
/// </code>
/// <para>Opens a session on the endpoint (or reuses the open one).</para>
/// </example>
[Cmdlet(VerbsLifecycle.Start, "CbLiveResponseSession", DefaultParameterSetName = SensorSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(LiveResponseSession))]
public sealed class StartCbLiveResponseSessionCommand : SensorCmdlet
{
    /// <summary>Poll intervals and timeouts of the session and its commands. Default: cbapi's.</summary>
    [Parameter]
    public LiveResponseOptions? Options { get; set; }

    /// <inheritdoc />
    protected override string? DescribeAction() => "Open a Live Response session";

    /// <inheritdoc />
    protected override void ProcessSensor(Sensor sensor)
    {
        var progress = new ProgressRecord(NewActivityId(), "Opening a Live Response session", Describe(sensor) + ": waiting for the sensor to check in");
        WriteObject(Await(ct => sensor.OpenLiveResponseSessionAsync(Options, ct), () => progress));
    }
}
