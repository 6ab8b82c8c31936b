using System.Globalization;
using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary>A cmdlet that acts on sensors: <c>-Sensor</c> from the pipeline, or <c>-SensorId</c>.</summary>
public abstract class SensorCmdlet : CbCmdlet
{
    /// <summary>The parameter set of <c>-Sensor</c>.</summary>
    protected const string SensorSet = "Sensor";

    /// <summary>The parameter set of <c>-SensorId</c>.</summary>
    protected const string IdSet = "Id";

    /// <summary>The sensor (from <c>Get-CbSensor</c>).</summary>
    [Parameter(ParameterSetName = SensorSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public Sensor? Sensor { get; set; }

    /// <summary>The sensor's id (also a piped object's <c>SensorId</c>, or <c>Id</c>).</summary>
    [Parameter(ParameterSetName = IdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int SensorId { get; set; }

    /// <summary>The input sensor, fetched when only its id was given.</summary>
    protected Sensor ResolveSensor() =>
        Sensor ?? Await(ct => Client.GetAsync<Sensor>(SensorId.ToString(CultureInfo.InvariantCulture), ct));

    /// <summary>"sensor 4 (HOSTNAME)" for ShouldProcess and errors.</summary>
    protected static string Describe(Sensor sensor) =>
        $"sensor {sensor.Id?.ToString(CultureInfo.InvariantCulture)} ({sensor.ComputerName})";

    /// <summary>
    /// Asks ShouldProcess before anything is fetched, so <c>-WhatIf</c> sends no request (with <c>-SensorId</c> the target
    /// is named by its id), then acts on the sensor.
    /// </summary>
    protected override void ProcessRecord() => ForEachInput((object?)Sensor ?? SensorId, () =>
    {
        var action = DescribeAction();
        var target = Sensor is null ? "sensor " + SensorId.ToString(CultureInfo.InvariantCulture) : Describe(Sensor);
        if (action is not null && ShouldProcess(target, action))
            ProcessSensor(ResolveSensor());
    });

    /// <summary>What the cmdlet will do, for ShouldProcess; null when there is nothing to do.</summary>
    protected abstract string? DescribeAction();

    /// <summary>Acts on one sensor (ShouldProcess already agreed).</summary>
    protected abstract void ProcessSensor(Sensor sensor);
}
