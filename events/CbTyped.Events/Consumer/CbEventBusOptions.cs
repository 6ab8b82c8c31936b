using CbTyped;

namespace CbTyped.Events.Consumer;

/// <summary>
/// Where the bus is and how to consume it. A Cb Response server's broker listens on port 5004 (plain AMQP 0-9-1),
/// vhost <c>/</c>, and publishes JSON events and raw sensor events on the durable topic exchange <c>api.events</c>.
/// </summary>
public sealed class CbEventBusOptions
{
    /// <summary>The broker host: the Cb Response server (cbapi's <c>rabbitmq_host</c>, default <c>localhost</c>).</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>The broker port (cbapi's <c>rabbitmq_port</c>; the server's default is 5004).</summary>
    public int Port { get; set; } = 5004;

    /// <summary>The user (cbapi's <c>rabbitmq_user</c>; the server's is normally <c>cb</c>).</summary>
    public string User { get; set; } = "cb";

    /// <summary>The password (cbapi's <c>rabbitmq_pass</c>). Never logged.</summary>
    public string Password { get; set; } = "";

    /// <summary>The virtual host; the server uses the default vhost <c>/</c>.</summary>
    public string VirtualHost { get; set; } = "/";

    /// <summary>Connect with TLS (certificate verified against <see cref="TlsServerName"/>).</summary>
    public bool UseTls { get; set; }

    /// <summary>The name the server certificate must carry; <see cref="Host"/> when null.</summary>
    public string? TlsServerName { get; set; }

    /// <summary>The exchange to bind to. The server's is <c>api.events</c> (topic, durable); the consumer declares
    /// it with exactly those flags, which is a no-op on a server that has it. <c>api.rawsensordata</c>, where the server
    /// publishes zip bundles of raw sensor events, is declared as the server has it (fanout, durable); its messages
    /// have an empty routing key, which the pattern <c>#</c> matches.</summary>
    public string Exchange { get; set; } = "api.events";

    /// <summary>
    /// A named queue (several consumers with the same name share the stream: competing consumers), or null for a
    /// server-named exclusive auto-delete queue of this consumer alone.
    /// </summary>
    public string? QueueName { get; set; }

    /// <summary>Whether a named queue survives a broker restart. Ignored for the exclusive queue.</summary>
    public bool Durable { get; set; } = true;

    /// <summary>Binding keys on <see cref="Exchange"/> (wildcards <c>*</c> and <c>#</c>), added to the patterns the
    /// handlers are registered for. With neither, the consumer binds <c>#</c>.</summary>
    public IList<string> RoutingKeys { get; } = new List<string>();

    /// <summary>How many unacknowledged messages the broker sends before it waits (AMQP <c>basic.qos</c>); also the
    /// size of the consumer's buffer, so a slow reader slows the broker instead of filling memory.</summary>
    public ushort Prefetch { get; set; } = 64;

    /// <summary>What happens to a message whose handler threw.</summary>
    public CbFailurePolicy FailurePolicy { get; set; } = CbFailurePolicy.RequeueOnce;

    /// <summary>When set, the queue is declared with <c>x-dead-letter-exchange</c> = this, so rejected messages
    /// (failed handlers, bodies that do not decode) go there instead of being dropped. The consumer declares the
    /// exchange (fanout, durable) and a durable queue bound to it, <see cref="DeadLetterQueueName"/>, unless they
    /// exist already (then they are used as they are).</summary>
    public string? DeadLetterExchange { get; set; }

    /// <summary>The queue that keeps dead-lettered messages for inspection; null means the same name as
    /// <see cref="DeadLetterExchange"/> (AMQP keeps queue and exchange names apart).</summary>
    public string? DeadLetterQueueName { get; set; }

    /// <summary>
    /// What happens to a body that does not decode (<see cref="CbEventDecodeException"/>: bad JSON, truncated
    /// protobuf, corrupt zip, a content type that contradicts the routing key). False (the default): rejected without
    /// requeue, so dead-lettered to <see cref="DeadLetterExchange"/> when set, else dropped. True: acknowledged. It is
    /// logged either way, and never requeued (it would fail again forever).
    /// </summary>
    public bool AcknowledgeUndecodable { get; set; }

    /// <summary>First wait before reconnecting after the broker is lost or the first connect fails.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between connect attempts (the wait doubles up to this).</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Decodes messages into typed events: JSON events, raw sensor events and bundles
    /// (<see cref="Decoding.CbEventDecoder"/>). <see cref="PassThroughDecoder"/> hands every body over undecoded.</summary>
    public ICbEventDecoder Decoder { get; set; } = Decoding.CbEventDecoder.Default;

    /// <summary>
    /// Reads cbapi's bus keys from a credentials profile: <c>rabbitmq_host</c> (default <c>localhost</c>),
    /// <c>rabbitmq_port</c> (default 5004), <c>rabbitmq_user</c> (default <c>cb</c>), <c>rabbitmq_pass</c>
    /// (required, as in cbapi), and CbTyped's own <c>rabbitmq_vhost</c>, <c>rabbitmq_use_tls</c>,
    /// <c>rabbitmq_queue</c>.
    /// </summary>
    /// <exception cref="CbCredentialsException">A key is missing or has a bad value (named in the message).</exception>
    public static CbEventBusOptions FromCredentials(CbCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var keys = credentials.OtherKeys;
        string? Get(string key) => keys.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        var options = new CbEventBusOptions
        {
            Host = Get("rabbitmq_host") ?? "localhost",
            User = Get("rabbitmq_user") ?? "cb",
            Password = Get("rabbitmq_pass")
                ?? throw new CbCredentialsException($"{credentials.Source}: 'rabbitmq_pass' is required to reach the event bus."),
            VirtualHost = Get("rabbitmq_vhost") ?? "/",
            QueueName = Get("rabbitmq_queue"),
        };
        if (Get("rabbitmq_port") is { } port)
            options.Port = int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536
                ? p
                : throw new CbCredentialsException($"{credentials.Source}: 'rabbitmq_port' must be a port number (1-65535), not '{port}'.");
        if (Get("rabbitmq_use_tls") is { } tls)
            options.UseTls = tls.ToUpperInvariant() switch
            {
                "TRUE" or "YES" or "1" or "ON" => true,
                "FALSE" or "NO" or "0" or "OFF" => false,
                _ => throw new CbCredentialsException($"{credentials.Source}: 'rabbitmq_use_tls' must be true or false, not '{tls}'."),
            };
        return options;
    }
}
