using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary>
/// <c>Get-CbProcess</c>: a process search (<c>-Query</c>, written to the pipeline as each page arrives), the processes
/// a watchlist matches, the process of an alert, or one process by its id.
/// </summary>
/// <example>
/// <code>
/// Get-CbProcess -Query 'process_name:net.exe cmdline:\\test\blah'
/// </code>
/// <para>Searches processes; each one is written as soon as its page arrives.</para>
/// </example>
/// <example>
/// <code>
/// Get-CbProcess -Query 'hostname:WIN-IA9NQ1GN8OI' -Sort 'start desc' -First 10
/// </code>
/// <para>The ten newest processes of a host.</para>
/// </example>
/// <example>
/// <code>
/// Get-CbWatchlist -Name '[WARN] Attempts to mount internal share' | Get-CbProcess -Count
/// </code>
/// <para>How many processes a watchlist matches.</para>
/// </example>
/// <example>
/// <code>
/// Get-CbProcess -Query 'process_name:powershell.exe' | Get-CbBinary | Save-CbBinaryFile -Path .
/// </code>
/// <para>Downloads the binary of every matching process, each once.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CbProcess", DefaultParameterSetName = QuerySet, SupportsPaging = true)]
[OutputType(typeof(Process))]
[OutputType(typeof(long), ParameterSetName = [QuerySet, WatchlistSet])]
public sealed class GetCbProcessCommand : CbCmdlet
{
    private const string QuerySet = "Query";
    private const string WatchlistSet = "Watchlist";
    private const string AlertSet = "Alert";
    private const string IdSet = "Id";

    /// <summary>The query, in the Cb query language (<c>process_name:net.exe hostname:web*</c>). Tab completes field names. Default: every process.</summary>
    [Parameter(ParameterSetName = QuerySet, Position = 0)]
    [QueryCompletion(nameof(Process))]
    public string? Query { get; set; }

    /// <summary>The processes a watchlist matches (its whole stored query).</summary>
    [Parameter(ParameterSetName = WatchlistSet, Mandatory = true, ValueFromPipeline = true)]
    public Watchlist? Watchlist { get; set; }

    /// <summary>The process an alert is about.</summary>
    [Parameter(ParameterSetName = AlertSet, Mandatory = true, ValueFromPipeline = true)]
    public Alert? Alert { get; set; }

    /// <summary>A process id: its GUID, <c>GUID/segment</c> or a unique id <c>GUID-segment</c>.</summary>
    [Parameter(ParameterSetName = IdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ProcessUniqueId")]
    [ValidateNotNullOrEmpty]
    public string? Id { get; set; }

    /// <summary>The segment of <c>-Id</c> when the id has none. Default: the server's first segment.</summary>
    [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
    [Alias("SegmentId")]
    public long? Segment { get; set; }

    /// <summary>The sort, e.g. <c>start desc</c>. Default: <c>last_update desc</c>.</summary>
    [Parameter(ParameterSetName = QuerySet)]
    [Parameter(ParameterSetName = WatchlistSet)]
    [QueryCompletion(nameof(Process), sortOnly: true)]
    public string? Sort { get; set; }

    /// <summary>Only the number of matching processes (one request, no rows).</summary>
    [Parameter(ParameterSetName = QuerySet)]
    [Parameter(ParameterSetName = WatchlistSet)]
    public SwitchParameter Count { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case IdSet:
                ForEachInput(Id, () => WriteObject(Await(ct => Client.GetAsync<Process>(KeyOf(Id!), ct))));
                break;
            case AlertSet:
                ForEachInput(Alert, () =>
                {
                    if (Await(ct => Alert!.GetProcessAsync(ct)) is { } process)
                        WriteObject(process);
                });
                break;
            case WatchlistSet:
                ForEachInput(Watchlist, () => Search(Watchlist!.SearchProcesses(), Watchlist));
                break;
            default:
                ForEachInput(Query, () =>
                {
                    var query = Client.Select<Process>();
                    Search(string.IsNullOrWhiteSpace(Query) ? query : query.Where(Query), Query);
                });
                break;
        }
    }

    private void Search(CbQuery<Process> query, object? target)
    {
        if (Sort is not null)
            query = query.Sort(Sort);
        if (Count)
        {
            WriteObject(Await(query.CountAsync));
            return;
        }
        new PagedQueryWriter<Process>(this, "Searching processes", target).Write(query);
    }

    private string KeyOf(string id)
    {
        if (id.Contains('/', StringComparison.Ordinal))
            return id;
        if (ProcessGuid.TrySplitUniqueId(id, out var guid, out var segment))
            return Process.KeyFor(guid, Segment ?? segment ?? Await(Client.GetServerInfoAsync).DefaultProcessSegment);
        throw new ArgumentException($"'{id}' is not a process id (GUID, GUID/segment or GUID-segment).", nameof(id));
    }
}
