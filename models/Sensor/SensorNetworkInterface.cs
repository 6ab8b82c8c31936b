namespace CbTyped.Response;

/// <summary>One network adapter of a sensor's host.</summary>
public sealed record SensorNetworkInterface(string MacAddress, string IpAddress);
