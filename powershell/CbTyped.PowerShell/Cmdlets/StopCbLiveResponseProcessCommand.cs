using System.Management.Automation;

namespace CbTyped.PowerShell;

/// <summary><c>Stop-CbLiveResponseProcess</c>: kills a process on the endpoint by pid (a Live Response process's <c>Pid</c> from the pipeline).</summary>
/// <example>
/// <code>
/// $lr | Get-CbLiveResponseProcess -Name notepad.exe | Stop-CbLiveResponseProcess -Session $lr
/// </code>
/// <para>Kills every notepad.exe on the endpoint (asks first).</para>
/// </example>
[Cmdlet(VerbsLifecycle.Stop, "CbLiveResponseProcess", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(bool))]
public sealed class StopCbLiveResponseProcessCommand : LiveResponseCmdlet
{
    /// <summary>The process id on the endpoint.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Pid")]
    public int Id { get; set; }

    /// <summary>Write whether the process is gone.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput(Id, () =>
    {
        if (!ShouldProcess($"process {Id} on {Endpoint}", "Kill"))
            return;
        var killed = Await(ct => Session!.KillProcessAsync(Id, ct));
        if (PassThru)
            WriteObject(killed);
    });
}
