using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary>
/// <c>Get-CbProcessParent</c>: a process's ancestors, nearest first, each written as soon as it is fetched and
/// carrying a <c>Depth</c> (0 = the parent). Parents come through the connection's identity cache: walking the same
/// chain again sends no request.
/// </summary>
/// <example>
/// <code>
/// Get-CbProcess -Query 'process_name:net.exe' -First 1 | Get-CbProcessParent | Format-Table Depth, ProcessName, Cmdline
/// </code>
/// <para>The process's ancestors, nearest first.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CbProcessParent")]
[OutputType(typeof(Process))]
public sealed class GetCbProcessParentCommand : CbCmdlet
{
    /// <summary>The process whose parents to walk.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public Process? Process { get; set; }

    /// <summary>Stop after this many levels (0: up to the root).</summary>
    [Parameter]
    [ValidateRange(0, Response.Process.MaxWalkDepth)]
    public int MaxDepth { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput(Process, () =>
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { Process!.Id ?? string.Empty };
        var current = Process;
        for (var depth = 0; MaxDepth == 0 || depth < MaxDepth; depth++)
        {
            var parent = Await(current.GetParentAsync);
            // A placeholder parent (pid -1) ends the chain, as in cbapi's walk.
            if (parent is null || (parent.ProcessPid ?? -1) == -1)
                return;
            if (depth >= Response.Process.MaxWalkDepth || !seen.Add(parent.Id ?? string.Empty))
                throw new InvalidOperationException($"Process cycle detected at depth {depth}.");
            var output = PSObject.AsPSObject(parent);
            output.Properties.Add(new PSNoteProperty("Depth", depth));
            WriteObject(output);
            current = parent;
        }
    });
}
