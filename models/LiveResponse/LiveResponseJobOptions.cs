namespace CbTyped.Response;

/// <summary>How <see cref="LiveResponseJobExtensions.RunLiveResponseJobsAsync{T}"/> spreads work over sensors.</summary>
public sealed class LiveResponseJobOptions
{
    /// <summary>How many sensors hold a session at once (cbapi's <c>LiveResponseJobScheduler(max_workers=10)</c>).</summary>
    public int MaxConcurrentSessions { get; set; } = 10;

    /// <summary>The waits of each session (<see cref="LiveResponseOptions"/>'s defaults when null).</summary>
    public LiveResponseOptions? Session { get; set; }

    /// <summary>
    /// Jobs on a sensor whose <c>status</c> is not <c>Online</c> fail at once with a <see cref="CbApiException"/>
    /// instead of waiting <see cref="LiveResponseOptions.SessionTimeout"/> for it (default true). cbapi schedules
    /// only online sensors and leaves the others' jobs waiting, unanswered, for as long as the script runs.
    /// </summary>
    public bool FailOfflineSensors { get; set; } = true;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxConcurrentSessions, nameof(MaxConcurrentSessions));
        (Session ?? new LiveResponseOptions()).Validate();
    }
}
