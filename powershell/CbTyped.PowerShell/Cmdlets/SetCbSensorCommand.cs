using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>Set-CbSensor</c>: moves a sensor to another sensor group and/or changes its notes (one PUT of the sensor).</summary>
/// <example>
/// <code>
/// Get-CbSensor -Hostname WIN-IA9NQ1GN8OI | Set-CbSensor -GroupId 2 -PassThru
/// </code>
/// <para>Moves the sensor into sensor group 2.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "CbSensor", DefaultParameterSetName = SensorSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Sensor))]
public sealed class SetCbSensorCommand : SensorCmdlet
{
    /// <summary>The sensor group to move the sensor into.</summary>
    [Parameter]
    public int? GroupId { get; set; }

    /// <summary>The sensor's notes.</summary>
    [Parameter]
    [AllowEmptyString]
    public string? Notes { get; set; }

    /// <summary>Write the sensor as the server has it after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override string? DescribeAction()
    {
        var changes = new List<string>();
        if (GroupId is { } group)
            changes.Add($"Move to sensor group {group}");
        if (Notes is not null)
            changes.Add("Set the notes");
        return changes.Count == 0 ? null : string.Join(", ", changes);
    }

    /// <inheritdoc />
    protected override void ProcessSensor(Sensor sensor)
    {
        if (GroupId is { } groupId)
            sensor.GroupId = groupId;
        if (Notes is not null)
            sensor.Notes = Notes;
        Await(ct => ClientFor(sensor).SaveAsync(sensor, ct));
        if (PassThru)
            WriteObject(sensor);
    }
}
