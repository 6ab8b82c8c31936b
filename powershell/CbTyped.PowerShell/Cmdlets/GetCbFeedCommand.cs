using System.Globalization;
using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>Get-CbFeed</c>: threat intelligence feeds, all, by id, or by name (wildcards, or the exact name).</summary>
/// <example>
/// <code>
/// Get-CbFeed -Name 'abuse*'
/// </code>
/// <para>Feeds whose name or display name starts with abuse.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CbFeed", DefaultParameterSetName = "Name")]
[OutputType(typeof(Feed))]
public sealed class GetCbFeedCommand : CbCmdlet
{
    /// <summary>Only feeds with these names (<c>Name</c> or <c>DisplayName</c>).</summary>
    [Parameter(ParameterSetName = "Name", Position = 0)]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    /// <summary>The feeds' ids (also an alert's <c>FeedId</c> from the pipeline).</summary>
    [Parameter(ParameterSetName = "Id", Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FeedId")]
    public int[]? Id { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (Id is not null)
        {
            foreach (var id in Id)
                ForEachInput(id, () => WriteObject(Await(ct => Client.GetAsync<Feed>(id.ToString(CultureInfo.InvariantCulture), ct))));
            return;
        }
        ForEachInput(Name, () =>
        {
            foreach (var feed in Enumerate(Client.Select<Feed>()))
            {
                if (Name is null || Name.Any(n => NameMatches.Any(feed.Name, n) || NameMatches.Any(feed.DisplayName, n)))
                    WriteObject(feed);
            }
        });
    }
}
