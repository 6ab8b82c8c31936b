namespace CbTyped.Response;

/// <summary>Reported after each job of <see cref="LiveResponseJobExtensions.RunLiveResponseJobsAsync{T}"/> ends.</summary>
/// <param name="Completed">Jobs ended so far, this one included (succeeded or failed).</param>
/// <param name="Total">Jobs in the run.</param>
/// <param name="SensorId">The sensor this job ran on.</param>
/// <param name="Error">Why it failed; null when it succeeded.</param>
public readonly record struct LiveResponseJobProgress(int Completed, int Total, int SensorId, Exception? Error);
