namespace CbTyped.Emulator;

/// <summary>How to start an emulator. Every default gives the seed walkthrough's data on a free loopback port.</summary>
public sealed class CbEmulatorOptions
{
    private TimeSpan latency;
    private double busEventsPerSecond = 1;

    /// <summary>The API token clients must send in <c>X-Auth-Token</c>; a random 40-hex token when null.</summary>
    public string? Token { get; set; }

    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Serve HTTPS with a generated self-signed certificate (see <see cref="CbEmulator.Certificate"/>).</summary>
    public bool UseTls { get; set; }

    /// <summary>Generated processes on top of the seed scenario (deterministic for a given <see cref="Seed"/>).</summary>
    public int Processes { get; set; }

    /// <summary>Seed of the generated bulk data.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The version <c>/api/info</c> reports; 6.x and later use 12-hex segment ids, 5.x segment 1.</summary>
    public string ServerVersion { get; set; } = "6.2.0.171114.1158";

    /// <summary>GET polls of a sensor before it "checks in" and confirms isolation, restart or flush.</summary>
    public int PollsUntilCheckin { get; set; } = 3;

    /// <summary>When above 0, adds binary <see cref="CbEmulator.LargeBinaryMd5"/> of this many bytes (streamed).</summary>
    public long LargeBinarySize { get; set; }

    /// <summary>
    /// How long every request waits before it is handled (default none), to model a real server: Cb Response takes
    /// 0.1–0.5 s per search page. Requests wait concurrently. Command line: <c>--latency 200ms</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan Latency
    {
        get => latency;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            latency = value;
        }
    }

    /// <summary>Where to write one line per request (the server writes to stderr); null for none.</summary>
    public TextWriter? RequestLogWriter { get; set; }

    /// <summary>
    /// The emulated server's clock (relative queries, new timestamps). Defaults to one that starts at the data set's
    /// "now" (2016-11-16 04:50 -05:00) and runs in real time.
    /// </summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>
    /// On a 6.x server, the most events one segment of a process holds: a process with more is split into several
    /// segments, as the real server splits a long-running process. Each segment is listed by
    /// <c>/api/v1/process/{id}/segment</c> and answers its own <c>/event</c>; segment 0 is still the whole process,
    /// and a search row is the newest segment. 0 (default): every process is one segment. Command line:
    /// <c>--events-per-segment N</c>.
    /// </summary>
    public int EventsPerSegment { get; set; }

    /// <summary>
    /// Adds a warm event partition migrated from a 5.x server (<c>info.isLegacy: true</c>), so clients turn on legacy
    /// mode (process queries send <c>cb.legacy_5x_mode</c>). Command line: <c>--legacy-partition</c>.
    /// </summary>
    public bool LegacyPartition { get; set; }

    /// <summary>
    /// Whether IOC sharing is set up (default true). False: <c>GET /api/v1/process/{id}/{segment}/threat_intel_hits</c>
    /// answers 500, as a server without sharing does.
    /// </summary>
    public bool ThreatIntelSharing { get; set; } = true;

    /// <summary>Whether <c>/api/info</c> reports Live Response as enabled.</summary>
    public bool LiveResponseEnabled { get; set; } = true;

    /// <summary>GETs of a pending Live Response session of an online sensor before it turns active; 0 = active at once.</summary>
    public int LiveResponsePollsUntilActive { get; set; } = 2;

    /// <summary>
    /// A RabbitMQ broker to publish to, as a Cb Response server does on its bus: <c>amqp://user:password@host:port/vhost</c>
    /// (command line <c>--amqp URL</c>). Null (the default) publishes nothing. See docs/emulator.md "Event bus".
    /// </summary>
    public Uri? AmqpUrl { get; set; }

    /// <summary>Server events per second in the steady stream published with <see cref="AmqpUrl"/> (watchlist and
    /// feed hits, alerts, binaries observed and stored; command line <c>--amqp-rate N</c>); 0 publishes only what
    /// REST changes announce.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, not a number, or over 10,000.</exception>
    public double BusEventsPerSecond
    {
        get => busEventsPerSecond;
        set
        {
            if (!(value >= 0 && value <= 10_000))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Events per second must be between 0 and 10000.");
            }

            busEventsPerSecond = value;
        }
    }

    /// <summary>GETs of a Live Response command (while its session is active) before it completes; 1 = the first GET.</summary>
    public int LiveResponseCommandPolls { get; set; } = 1;
}
