namespace CbTyped;

/// <summary>Retries of idempotent requests: bounded, exponential with jitter, honouring <c>Retry-After</c>.</summary>
public sealed class CbRetryOptions
{
    /// <summary>Retries after the first attempt (default 3; 0 turns retries off).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off delay; later ones double, with jitter (default 0.5 s).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The longest wait before a retry, including a server's <c>Retry-After</c> (default 30 s).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
