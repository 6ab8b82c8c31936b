namespace CbTyped.PowerShell;

/// <summary>What <c>Invoke-CbSensorIsolation</c> and <c>Undo-CbSensorIsolation</c> write: the sensor, the state asked for, and whether it confirmed.</summary>
public sealed record CbIsolationResult(int SensorId, string? Hostname, bool Isolated, bool Confirmed);
