namespace CbTyped.Response;

/// <summary>
/// What one job of <see cref="LiveResponseJobExtensions.RunLiveResponseJobsAsync{T}"/> gave on one sensor: its value, or
/// the error that ended it (cbapi's job future: <c>result()</c> or <c>exception()</c>).
/// </summary>
/// <param name="SensorId">The sensor the job ran on (or was meant to).</param>
/// <param name="Value">The job's answer; <c>default</c> when it failed.</param>
/// <param name="Error">Why the job failed: the sensor is offline or unknown, the session could not be opened, or the job threw.</param>
public sealed record LiveResponseJobResult<T>(int SensorId, T? Value, Exception? Error)
{
    /// <summary>Whether the job ran to completion (<see cref="Error"/> is null).</summary>
    public bool Succeeded => Error is null;
}
