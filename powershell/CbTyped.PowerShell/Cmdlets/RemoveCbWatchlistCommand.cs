using System.Globalization;
using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>Remove-CbWatchlist</c>: deletes a watchlist.</summary>
/// <example>
/// <code>
/// Remove-CbWatchlist -Id 222 -Confirm:$false
/// </code>
/// <para>Deletes watchlist 222 without asking.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "CbWatchlist", DefaultParameterSetName = "Watchlist", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveCbWatchlistCommand : CbCmdlet
{
    /// <summary>The watchlist (from <c>Get-CbWatchlist</c>).</summary>
    [Parameter(ParameterSetName = "Watchlist", Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public Watchlist? Watchlist { get; set; }

    /// <summary>The watchlist's id.</summary>
    [Parameter(ParameterSetName = "Id", Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("WatchlistId")]
    public int Id { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput((object?)Watchlist ?? Id, () =>
    {
        var target = Watchlist is null ? "watchlist " + Id.ToString(CultureInfo.InvariantCulture) : $"watchlist {Watchlist.Id} '{Watchlist.Name}'";
        if (!ShouldProcess(target, "Delete"))
            return;
        // By id: a reference (no GET first), the DELETE needs only the key.
        var watchlist = Watchlist ?? Client.Select<Watchlist>(Id.ToString(CultureInfo.InvariantCulture));
        Await(ct => ClientFor(watchlist).DeleteAsync(watchlist, ct));
    });
}
