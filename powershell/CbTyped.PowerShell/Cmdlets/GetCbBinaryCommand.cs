using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary>
/// <c>Get-CbBinary</c>: binaries by MD5 (also from the pipeline: a process's <c>ProcessMd5</c>, an alert's or a ban's
/// MD5) or by a binary search. A binary named by several inputs is written once.
/// </summary>
/// <example>
/// <code>
/// Get-CbBinary 7FB55F5A62E78AF9B58D08AAEEAEF848
/// </code>
/// <para>One binary by MD5.</para>
/// </example>
/// <example>
/// <code>
/// Get-CbBinary -Query 'digsig_result:Unsigned' -First 20
/// </code>
/// <para>Twenty unsigned binaries.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CbBinary", DefaultParameterSetName = Md5Set, SupportsPaging = true)]
[OutputType(typeof(Binary))]
public sealed class GetCbBinaryCommand : CbCmdlet
{
    private const string Md5Set = "Md5";
    private const string QuerySet = "Query";
    private readonly HashSet<string> _written = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The binaries' MD5s (any case).</summary>
    [Parameter(ParameterSetName = Md5Set, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ProcessMd5", "Md5hash")]
    [ValidatePattern("^[0-9A-Fa-f]{32}$")]
    public string[]? Md5 { get; set; }

    /// <summary>A binary search in the Cb query language (<c>digsig_result:Unsigned</c>). Tab completes field names.</summary>
    [Parameter(ParameterSetName = QuerySet, Mandatory = true)]
    [QueryCompletion(nameof(Binary))]
    [AllowEmptyString]
    public string? Query { get; set; }

    /// <summary>The sort of a search, e.g. <c>server_added_timestamp desc</c>.</summary>
    [Parameter(ParameterSetName = QuerySet)]
    [QueryCompletion(nameof(Binary), sortOnly: true)]
    public string? Sort { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == QuerySet)
        {
            ForEachInput(Query, () =>
            {
                var query = Client.Select<Binary>();
                if (!string.IsNullOrWhiteSpace(Query))
                    query = query.Where(Query);
                if (Sort is not null)
                    query = query.Sort(Sort);
                new PagedQueryWriter<Binary>(this, "Searching binaries", Query).Write(query);
            });
            return;
        }
        foreach (var md5 in Md5!)
        {
            if (!_written.Add(md5))
                continue;
            ForEachInput(md5, () => WriteObject(Await(ct => Client.GetAsync<Binary>(md5, ct))));
        }
    }
}
