namespace CbTyped.Response;

/// <summary>
/// How a <see cref="LiveResponseSession"/> waits: the poll intervals and time limits of cbapi's
/// <c>LiveResponseSession</c> by default. Tests and scripts that talk to a fast server may shorten them.
/// </summary>
public sealed class LiveResponseOptions
{
    /// <summary>Time between polls of a pending session (cbapi: 1 s).</summary>
    public TimeSpan SessionPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for a session to become active (cbapi: 360 s).</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(360);

    /// <summary>Time between polls of a running command (cbapi: 0.5 s).</summary>
    public TimeSpan CommandPollInterval { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>How long to wait for a command to complete (cbapi: 120 s).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>How long <see cref="LiveResponseSession.KillProcessAsync"/> waits before it answers false (cbapi: 10 s).</summary>
    public TimeSpan KillTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time between polls of a kill command (cbapi: 0.1 s).</summary>
    public TimeSpan KillPollInterval { get; set; } = TimeSpan.FromSeconds(0.1);

    /// <summary>How long a memory dump may take (cbapi: 3600 s).</summary>
    public TimeSpan MemdumpTimeout { get; set; } = TimeSpan.FromSeconds(3600);

    /// <summary>Time between polls of a memory dump (cbapi: 5 s).</summary>
    public TimeSpan MemdumpPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a command is re-sent on a new session when the server lost the old one (cbapi: 5).</summary>
    public int MaxCommandRetries { get; set; } = 5;

    /// <summary>
    /// How often a held session sends a keepalive (<c>GET …/session/{id}/keepalive</c>) so the server does not close it
    /// while the caller is between commands (its <c>session_timeout</c> is 300 s by default). cbapi's keepalive thread
    /// (<c>keepalive_sessions=True</c>) sends one every 30 s, the default here; <c>null</c> sends none. The keepalives
    /// stop when the session is closed or disposed; a failed one is ignored (the next command re-opens a lost session).
    /// </summary>
    public TimeSpan? KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        if (KeepAliveInterval is { } keepAlive && keepAlive <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(KeepAliveInterval), keepAlive, "The keepalive interval must be positive, or null for no keepalives.");

        foreach (var (name, value) in (ReadOnlySpan<(string, TimeSpan)>)[
            (nameof(SessionPollInterval), SessionPollInterval), (nameof(SessionTimeout), SessionTimeout),
            (nameof(CommandPollInterval), CommandPollInterval), (nameof(CommandTimeout), CommandTimeout),
            (nameof(KillTimeout), KillTimeout), (nameof(KillPollInterval), KillPollInterval),
            (nameof(MemdumpTimeout), MemdumpTimeout), (nameof(MemdumpPollInterval), MemdumpPollInterval)])
        {
            if (value < TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(name, value, "Live Response intervals and timeouts cannot be negative.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxCommandRetries, nameof(MaxCommandRetries));
    }
}
