using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>New-CbWatchlist</c>: a watchlist that runs a process (or binary) query; writes it as the server stored it.</summary>
/// <example>
/// <code>
/// New-CbWatchlist -Name '[WARN] Attempts to mount internal share' -Query 'process_name:net.exe cmdline:\\test\blah'
/// </code>
/// <para>A process watchlist from a query.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "CbWatchlist", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Watchlist))]
public sealed class NewCbWatchlistCommand : CbCmdlet
{
    /// <summary>The watchlist's name.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The query it runs, in the Cb query language. Tab completes field names.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [QueryCompletion(nameof(Process))]
    [ValidateNotNullOrEmpty]
    public string? Query { get; set; }

    /// <summary>What it watches: <c>Process</c> (the default) or <c>Binary</c>.</summary>
    [Parameter]
    [ValidateSet("Process", "Binary", IgnoreCase = true)]
    public string Type { get; set; } = "Process";

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput(Query, () =>
    {
        var binaries = string.Equals(Type, "Binary", StringComparison.OrdinalIgnoreCase);
        if (!ShouldProcess($"watchlist '{Name}' ({(binaries ? "binaries" : "processes")}: {Query})", "Create"))
            return;
        WriteObject(Await(ct => binaries
            ? Watchlist.CreateForBinariesAsync(Client, Name!, Query!, ct)
            : Watchlist.CreateForProcessesAsync(Client, Name!, Query!, cancellationToken: ct)));
    });
}
