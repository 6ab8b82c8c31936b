using System.Management.Automation;

namespace CbTyped.PowerShell;

/// <summary><c>Disconnect-CbResponse</c>: forgets a connection and disposes its client (default: the default connection).</summary>
/// <example>
/// <code>
/// Disconnect-CbResponse lab
/// </code>
/// <para>Forgets the connection named lab and disposes its client.</para>
/// </example>
/// <example>
/// <code>
/// Disconnect-CbResponse -All
/// </code>
/// <para>Forgets every connection.</para>
/// </example>
[Cmdlet(VerbsCommunications.Disconnect, "CbResponse", DefaultParameterSetName = "Name")]
public sealed class DisconnectCbResponseCommand : PSCmdlet
{
    /// <summary>The connection's name; default: the default connection.</summary>
    [Parameter(ParameterSetName = "Name", Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CbConnectionNameCompleter))]
    public string? Name { get; set; }

    /// <summary>Every connection of this session.</summary>
    [Parameter(ParameterSetName = "All", Mandatory = true)]
    public SwitchParameter All { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var registry = CbConnectionRegistry.Current;
        var names = All ? registry.All.Select(c => c.Name).ToList() : [Name ?? registry.Default?.Name ?? string.Empty];
        foreach (var name in names)
        {
            if (!registry.Remove(name) && !All)
            {
                WriteError(new ErrorRecord(new ItemNotFoundException(Name is null ? "There is no default connection." : $"No connection is named '{name}'."),
                    "CbTyped.ConnectionNotFound", ErrorCategory.ObjectNotFound, Name));
            }
        }
    }
}
