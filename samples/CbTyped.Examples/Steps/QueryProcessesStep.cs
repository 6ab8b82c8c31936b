using CbTyped.Response;

namespace CbTyped.Examples;

/// <summary>"Querying Processes and Events": every net.exe that mounted the share, and its parents one space deeper per level.</summary>
internal static class QueryProcessesStep
{
    public static async Task RunAsync(StepContext step, CancellationToken cancellationToken)
    {
        StepHeading.Write(step.Output, "Querying Processes and Events");
        void PrintDetails(Process proc, int depth) =>
            step.Output.WriteLine($"{new string(' ', depth)}{PythonFormat.DateTime(proc.Start)}: {proc.Username} ran {proc.Cmdline}");

        await foreach (var proc in step.NetExeQuery.WithCancellation(cancellationToken))
        {
            PrintDetails(proc, 0);
            await proc.WalkParentsAsync(PrintDetails, cancellationToken: cancellationToken);
        }
    }
}
