using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary>
/// <c>Get-CbProcessEvent</c>: what a process did — module loads, file and registry changes, network connections,
/// child and cross processes, blocks — decoded from the server's event document, oldest first.
/// </summary>
/// <example>
/// <code>
/// Get-CbProcess -Query 'process_name:net.exe' -First 1 | Get-CbProcessEvent -Type netconn, filemod
/// </code>
/// <para>The network connections and file changes of a process.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CbProcessEvent")]
[OutputType(typeof(ProcessEvent))]
public sealed class GetCbProcessEventCommand : CbCmdlet
{
    /// <summary>The process.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public Process? Process { get; set; }

    /// <summary>Only these kinds of event. Default: all.</summary>
    [Parameter]
    [ValidateSet("modload", "filemod", "regmod", "netconn", "childproc", "crossproc", "processblock", IgnoreCase = true)]
    public string[]? Type { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput(Process, () =>
    {
        var events = Await(Process!.GetAllEventsAsync);
        foreach (var e in events)
        {
            if (Type is null || Type.Contains(e.EventType, StringComparer.OrdinalIgnoreCase))
                WriteObject(e);
        }
    });
}
