using System.Globalization;
using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary>
/// <c>Get-CbSensor</c>: sensors by id (also a process's or alert's <c>SensorId</c> from the pipeline, each sensor
/// written once), or filtered by host name, IP address or sensor group (the server's filters).
/// </summary>
/// <example>
/// <code>
/// Get-CbSensor -Hostname WIN-
/// </code>
/// <para>Sensors whose host name contains WIN-.</para>
/// </example>
/// <example>
/// <code>
/// Get-CbProcess -Query 'process_name:mimikatz.exe' | Get-CbSensor
/// </code>
/// <para>The sensors that ran a process, each once.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CbSensor", DefaultParameterSetName = FilterSet)]
[OutputType(typeof(Sensor))]
public sealed class GetCbSensorCommand : CbCmdlet
{
    private const string IdSet = "Id";
    private const string FilterSet = "Filter";
    private readonly HashSet<int> _written = [];

    /// <summary>The sensors' ids (named SensorId so that a piped process or alert binds its sensor's id, not its own).</summary>
    [Parameter(ParameterSetName = IdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[]? SensorId { get; set; }

    /// <summary>Sensors whose host name contains this (the server's substring match).</summary>
    [Parameter(ParameterSetName = FilterSet)]
    [Alias("ComputerName")]
    public string? Hostname { get; set; }

    /// <summary>Sensors with this IP address.</summary>
    [Parameter(ParameterSetName = FilterSet)]
    public string? IpAddress { get; set; }

    /// <summary>Sensors in this sensor group.</summary>
    [Parameter(ParameterSetName = FilterSet)]
    public int? GroupId { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == IdSet)
        {
            foreach (var id in SensorId!)
            {
                if (_written.Add(id))
                    ForEachInput(id, () => WriteObject(Await(ct => Client.GetAsync<Sensor>(id.ToString(CultureInfo.InvariantCulture), ct))));
            }
            return;
        }
        ForEachInput(Hostname ?? IpAddress, () =>
        {
            var query = Client.Select<Sensor>();
            if (Hostname is not null)
                query = query.Where("hostname:" + Hostname);
            if (IpAddress is not null)
                query = query.Where("ip:" + IpAddress);
            if (GroupId is { } group)
                query = query.Where("groupid:" + group.ToString(CultureInfo.InvariantCulture));
            foreach (var sensor in Enumerate(query))
                WriteObject(sensor);
        });
    }
}
