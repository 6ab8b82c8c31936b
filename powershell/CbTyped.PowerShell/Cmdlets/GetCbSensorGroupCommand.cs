using System.Globalization;
using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary><c>Get-CbSensorGroup</c>: sensor groups, all, by id (also a sensor's <c>GroupId</c> from the pipeline), or by name.</summary>
/// <example>
/// <code>
/// Get-CbSensor -SensorId 3 | Get-CbSensorGroup
/// </code>
/// <para>The group of sensor 3.</para>
/// </example>
/// <example>
/// <code>
/// Get-CbSensorGroup 'Default Group'
/// </code>
/// <para>A group by name.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CbSensorGroup", DefaultParameterSetName = "Name")]
[OutputType(typeof(SensorGroup))]
public sealed class GetCbSensorGroupCommand : CbCmdlet
{
    private readonly HashSet<int> _written = [];

    /// <summary>Only groups with these names (wildcards, or the exact name).</summary>
    [Parameter(ParameterSetName = "Name", Position = 0)]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    /// <summary>The groups' ids (named GroupId so that a piped sensor binds its group's id, not its own).</summary>
    [Parameter(ParameterSetName = "Id", Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[]? GroupId { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (GroupId is not null)
        {
            foreach (var id in GroupId)
            {
                if (_written.Add(id))
                    ForEachInput(id, () => WriteObject(Await(ct => Client.GetAsync<SensorGroup>(id.ToString(CultureInfo.InvariantCulture), ct))));
            }
            return;
        }
        ForEachInput(Name, () =>
        {
            foreach (var group in Enumerate(Client.Select<SensorGroup>()))
            {
                if (Name is null || Name.Any(n => NameMatches.Any(group.Name, n)))
                    WriteObject(group);
            }
        });
    }
}
