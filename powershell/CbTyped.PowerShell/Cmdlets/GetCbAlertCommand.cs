using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>Get-CbAlert</c>: an alert search (<c>status:Unresolved</c>), written as each page arrives.</summary>
/// <example>
/// <code>
/// Get-CbAlert -Query 'status:Unresolved' -Sort 'created_time desc' -First 50
/// </code>
/// <para>The fifty newest unresolved alerts.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CbAlert", SupportsPaging = true)]
[OutputType(typeof(Alert))]
public sealed class GetCbAlertCommand : CbCmdlet
{
    /// <summary>The query, in the Cb query language. Tab completes field names. Default: every alert.</summary>
    [Parameter(Position = 0)]
    [QueryCompletion(nameof(Alert))]
    public string? Query { get; set; }

    /// <summary>The sort, e.g. <c>created_time desc</c>.</summary>
    [Parameter]
    [QueryCompletion(nameof(Alert), sortOnly: true)]
    public string? Sort { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachInput(Query, () =>
    {
        var query = Client.Select<Alert>();
        if (!string.IsNullOrWhiteSpace(Query))
            query = query.Where(Query);
        if (Sort is not null)
            query = query.Sort(Sort);
        new PagedQueryWriter<Alert>(this, "Searching alerts", Query).Write(query);
    });
}
