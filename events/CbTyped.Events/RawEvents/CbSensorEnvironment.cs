namespace CbTyped.Events.RawEvents;

/// <summary>
/// Which sensor a raw event came from: the message's own <c>env</c> (set by the server on <c>api.events</c>) or, for
/// records of a bundle, which have none, the bundle's AMQP headers (<c>sensorId</c>, <c>sensorHostName</c>,
/// <c>hostId</c>, <c>nodeId</c>). <see cref="SensorId"/> is null when neither says.
/// </summary>
public sealed record CbSensorEnvironment(int? SensorId, string ComputerName, long HostId, int NodeId)
{
    /// <summary>No sensor known (the forwarder then writes sensor id 0).</summary>
    public static CbSensorEnvironment Unknown { get; } = new(null, "", 0, 0);
}
