using System.Globalization;
using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary>
/// Isolating or unisolating: a PUT of the flag, then polling until the sensor confirms (Write-Progress meanwhile),
/// up to <c>-TimeoutSeconds</c>; past it, an OperationTimeout error.
/// </summary>
public abstract class IsolationCmdlet(bool isolate) : SensorCmdlet
{
    /// <summary>How long to wait for the sensor to confirm. Default: 300 seconds.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSeconds { get; set; } = 300;

    /// <summary>How often to ask whether the sensor confirmed. Default: every second.</summary>
    [Parameter]
    public TimeSpan? PollInterval { get; set; }

    /// <inheritdoc />
    protected override string? DescribeAction() => isolate ? "Isolate from the network" : "End the network isolation";

    /// <inheritdoc />
    protected override void ProcessSensor(Sensor sensor)
    {
        var started = DateTime.UtcNow;
        var progress = new ProgressRecord(NewActivityId(), isolate ? "Isolating sensor" : "Unisolating sensor", Describe(sensor));
        var confirmed = Await(
            ct => isolate
                ? sensor.IsolateAsync(TimeSpan.FromSeconds(TimeoutSeconds), PollInterval, ct)
                : sensor.UnisolateAsync(TimeSpan.FromSeconds(TimeoutSeconds), PollInterval, ct),
            () =>
            {
                var waited = (int)(DateTime.UtcNow - started).TotalSeconds;
                progress.StatusDescription = $"{Describe(sensor)}: waiting for the sensor to confirm ({waited.ToString(CultureInfo.InvariantCulture)} s)";
                progress.PercentComplete = Math.Min(99, waited * 100 / TimeoutSeconds);
                return progress;
            });
        WriteObject(new CbIsolationResult(sensor.Id ?? 0, sensor.ComputerName, isolate, confirmed));
    }
}
