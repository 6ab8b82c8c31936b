namespace CbTyped.Emulator.Data.LiveResponse;

/// <summary>All Live Response state; read and changed only under <see cref="EmulatorState.Gate"/>.</summary>
internal sealed class LiveResponseState
{
    public SortedDictionary<int, LiveResponseSession> Sessions { get; } = [];

    public int NextSessionId { get; set; } = 1;

    private readonly Dictionary<int, EmulatedEndpoint> endpoints = [];

    /// <summary>The sensor's endpoint, seeded on first use; it outlives sessions, so a change is seen by the next one.</summary>
    public EmulatedEndpoint EndpointOf(SensorRecord sensor)
    {
        if (!endpoints.TryGetValue(sensor.Id, out var endpoint))
        {
            endpoint = EmulatedEndpoint.Create(sensor);
            endpoints[sensor.Id] = endpoint;
        }

        return endpoint;
    }
}
