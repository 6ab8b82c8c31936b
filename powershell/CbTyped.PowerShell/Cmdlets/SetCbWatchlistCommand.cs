using System.Globalization;
using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>Set-CbWatchlist</c>: enables or disables a watchlist, renames it or changes its query (a PUT of the whole watchlist, keeping every field the server sent).</summary>
/// <example>
/// <code>
/// Get-CbWatchlist -Name '[WARN] Attempts to mount internal share' | Set-CbWatchlist -Enabled $false
/// </code>
/// <para>Disables a watchlist.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "CbWatchlist", DefaultParameterSetName = WatchlistSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Watchlist))]
public sealed class SetCbWatchlistCommand : CbCmdlet
{
    private const string WatchlistSet = "Watchlist";
    private const string IdSet = "Id";

    /// <summary>The watchlist (from <c>Get-CbWatchlist</c>).</summary>
    [Parameter(ParameterSetName = WatchlistSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public Watchlist? Watchlist { get; set; }

    /// <summary>The watchlist's id.</summary>
    [Parameter(ParameterSetName = IdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("WatchlistId")]
    public int Id { get; set; }

    /// <summary>Enable (<c>$true</c>) or disable (<c>$false</c>) it.</summary>
    [Parameter]
    public bool? Enabled { get; set; }

    /// <summary>A new name.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NewName { get; set; }

    /// <summary>A new query (its stored sort and filters are kept).</summary>
    [Parameter]
    [QueryCompletion(nameof(Process))]
    [ValidateNotNullOrEmpty]
    public string? Query { get; set; }

    /// <summary>Write the watchlist after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput((object?)Watchlist ?? Id, () =>
    {
        var changes = new List<string>();
        if (Enabled is { } enabled)
            changes.Add(enabled ? "enable" : "disable");
        if (NewName is not null)
            changes.Add($"rename to '{NewName}'");
        if (Query is not null)
            changes.Add($"set the query to {Query}");
        var target = Watchlist is null ? "watchlist " + Id.ToString(CultureInfo.InvariantCulture) : $"watchlist {Watchlist.Id} '{Watchlist.Name}'";
        if (changes.Count == 0 || !ShouldProcess(target, string.Join(", ", changes)))
            return;
        // A PUT sends the whole watchlist: by id, it is fetched first (after ShouldProcess, so -WhatIf sends nothing).
        var watchlist = Watchlist ?? Await(ct => Client.GetAsync<Watchlist>(Id.ToString(CultureInfo.InvariantCulture), ct));
        if (Enabled is { } on)
            watchlist.Enabled = on;
        if (NewName is not null)
            watchlist.Name = NewName;
        if (Query is not null)
            watchlist.Query = Query;
        Await(ct => ClientFor(watchlist).SaveAsync(watchlist, ct));
        if (PassThru)
            WriteObject(watchlist);
    });
}
