namespace CbTyped.Response;

/// <summary>A host that has a binary.</summary>
public sealed record BinaryEndpoint(string Hostname, int SensorId);
