using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>Restart-CbSensor</c>: asks the sensor to restart (the server queues it for the sensor's next check-in).</summary>
/// <example>
/// <code>
/// Get-CbSensor -SensorId 4 | Restart-CbSensor
/// </code>
/// <para>Queues a restart of sensor 4 for its next check-in.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Restart, "CbSensor", DefaultParameterSetName = SensorSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Sensor))]
public sealed class RestartCbSensorCommand : SensorCmdlet
{
    /// <summary>Write the sensor after the request.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override string? DescribeAction() => "Restart";

    /// <inheritdoc />
    protected override void ProcessSensor(Sensor sensor)
    {
        Await(sensor.RestartAsync);
        if (PassThru)
            WriteObject(sensor);
    }
}
