using System.Globalization;
using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>Get-CbWatchlist</c>: watchlists, all, by id, or by name (wildcards; a name that is the exact name of a watchlist matches it even when it holds wildcard characters such as <c>[WARN]</c>).</summary>
/// <example>
/// <code>
/// Get-CbWatchlist -Name '[WARN]*'
/// </code>
/// <para>Watchlists whose names start with [WARN] (an exact name matches as well, brackets and all).</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CbWatchlist", DefaultParameterSetName = NameSet)]
[OutputType(typeof(Watchlist))]
public sealed class GetCbWatchlistCommand : CbCmdlet
{
    private const string NameSet = "Name";
    private const string IdSet = "Id";

    /// <summary>Only watchlists with these names.</summary>
    [Parameter(ParameterSetName = NameSet, Position = 0)]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    /// <summary>The watchlists' ids (also a <c>WatchlistId</c> from the pipeline, e.g. an alert's).</summary>
    [Parameter(ParameterSetName = IdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("WatchlistId")]
    public int[]? Id { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == IdSet)
        {
            foreach (var id in Id!)
                ForEachInput(id, () => WriteObject(Await(ct => Client.GetAsync<Watchlist>(id.ToString(CultureInfo.InvariantCulture), ct))));
            return;
        }
        ForEachInput(Name, () =>
        {
            var all = Await(ct => Client.Select<Watchlist>().ToListAsync(ct));
            foreach (var name in Name ?? ["*"])
            {
                var matches = all.Where(w => NameMatches.Any(w.Name, name)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                    WriteError(new ErrorRecord(new ItemNotFoundException($"No watchlist is named '{name}'."), "CbTyped.ObjectNotFound", ErrorCategory.ObjectNotFound, name));
                WriteObject(matches, enumerateCollection: true);
            }
        });
    }
}
