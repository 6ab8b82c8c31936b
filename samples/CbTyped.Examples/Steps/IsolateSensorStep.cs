using CbTyped.Response;

namespace CbTyped.Examples;

/// <summary>"Isolate a Sensor": isolate, wait until the sensor confirms (with a timeout), then unisolate.</summary>
internal static class IsolateSensorStep
{
    public static async Task RunAsync(StepContext step, CancellationToken cancellationToken)
    {
        StepHeading.Write(step.Output, "Isolate a Sensor");
        if (!step.MayChange("isolating a sensor"))
            return;

        var sensor = await step.Cb.Select<Sensor>().Where("hostname:" + step.Seed.IsolationHostname).FirstAsync(cancellationToken);
        step.Output.WriteLine(PythonFormat.Bool(await sensor.IsolateAsync(step.Options.IsolationTimeout, step.Options.IsolationPollInterval, cancellationToken)));
        step.Output.WriteLine(PythonFormat.Bool(await sensor.UnisolateAsync(step.Options.IsolationTimeout, step.Options.IsolationPollInterval, cancellationToken)));
    }
}
