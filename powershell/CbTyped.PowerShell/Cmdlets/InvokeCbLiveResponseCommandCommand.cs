using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary>
/// <c>Invoke-CbLiveResponseCommand</c>: runs a command line on the endpoint and, unless <c>-NoWait</c>, waits for it and
/// writes its pid, exit code and output.
/// </summary>
/// <example>
/// <code>
/// (Invoke-CbLiveResponseCommand -Session $lr 'ipconfig /all').Output
/// </code>
/// <para>Runs a command on the endpoint and prints what it printed.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Invoke, "CbLiveResponseCommand", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(LiveResponseProcessResult))]
public sealed class InvokeCbLiveResponseCommandCommand : LiveResponseCmdlet
{
    /// <summary>The command line, e.g. <c>ipconfig /all</c>.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    public string? CommandLine { get; set; }

    /// <summary>The process's working directory on the endpoint.</summary>
    [Parameter]
    public string? WorkingDirectory { get; set; }

    /// <summary>How long to wait for the command. Default: 30 seconds.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Start it and return at once, without its output.</summary>
    [Parameter]
    public SwitchParameter NoWait { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput(CommandLine, () =>
    {
        if (!ShouldProcess(Endpoint, "Run " + CommandLine))
            return;
        var progress = new ProgressRecord(NewActivityId(), "Running on " + Endpoint, CommandLine);
        WriteObject(Await(ct => Session!.CreateProcessAsync(CommandLine!, waitForOutput: !NoWait, workingDirectory: WorkingDirectory,
            waitTimeout: TimeSpan.FromSeconds(TimeoutSeconds), waitForCompletion: !NoWait, cancellationToken: ct), () => progress));
    });
}
