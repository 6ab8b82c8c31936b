using CbTyped.Response;

namespace CbTyped.Examples;

/// <summary>"Joining Everything Together": each process's host, sensor group and signed binary, through cached joins.</summary>
internal static class JoinsStep
{
    public static async Task RunAsync(StepContext step, CancellationToken cancellationToken)
    {
        StepHeading.Write(step.Output, "Joining Everything Together");
        async Task PrintDetails(Process proc, int depth, CancellationToken cancellationToken)
        {
            var sensor = await proc.GetSensorAsync(cancellationToken);
            var group = sensor is null ? null : await sensor.GetGroupAsync(cancellationToken);
            step.Output.WriteLine($"On host {proc.Hostname} (part of sensor group {group?.Name}):");
            step.Output.WriteLine($"- At {PythonFormat.DateTime(proc.Start)}, process {proc.Cmdline} was executed by {proc.Username}");
            var binary = await TryGetBinaryAsync(proc, cancellationToken);
            if (binary is { IsSigned: true } && binary.SigningData is { SignTime: { } signed } signing && proc.Start is { } start)
            {
                // The start is the sensor's local clock; like the document, treat it as UTC for an estimate.
                var days = (int)Math.Floor((start - signed).TotalDays);
                step.Output.WriteLine($"- That binary ({proc.ProcessMd5}) was signed by {signing.Publisher} {days} days before it was executed.");
            }
        }

        await foreach (var proc in step.NetExeQuery.WithCancellation(cancellationToken))
        {
            await PrintDetails(proc, 0, cancellationToken);
            await proc.WalkParentsAsync(PrintDetails, cancellationToken: cancellationToken);
        }
    }

    /// <summary>The process's binary, or null when the server never collected it (a 404).</summary>
    private static async Task<Binary?> TryGetBinaryAsync(Process proc, CancellationToken cancellationToken)
    {
        try
        {
            return await proc.GetBinaryAsync(cancellationToken);
        }
        catch (CbObjectNotFoundException)
        {
            return null;
        }
    }
}
