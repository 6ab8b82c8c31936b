using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace CbTyped.Events.Consumer;

/// <summary>
/// Consumes a Cb Response event bus: declares its queue, binds it to the server's exchange, and hands each message,
/// decoded, either to handlers registered by routing-key pattern (<see cref="On"/> then <see cref="RunAsync"/>) or
/// to an <c>await foreach</c> over <see cref="ReadAllAsync"/> — one of the two per consumer.
/// </summary>
/// <remarks>
/// Acknowledgement is manual and at-least-once: a message is acknowledged only after every handler that matches it
/// returned (or, with <see cref="ReadAllAsync"/>, when the loop asks for the event after its last one). Until then
/// it counts against <see cref="CbEventBusOptions.Prefetch"/>, so a slow consumer slows the broker. A lost
/// connection is re-established by RabbitMQ.Client's automatic recovery (queue, bindings and consumer redeclared);
/// messages that were not acknowledged before are delivered again, flagged redelivered. See docs/events.md.
/// </remarks>
public sealed class CbEventBusConsumer : ICbEventSource
{
    private readonly CbEventBusOptions _options;
    private readonly ILogger _logger;
    private readonly CbEventHandlerRegistry _handlers;
    private readonly Channel<Delivery> _buffer;
    private readonly CancellationTokenSource _abort = new();
    private IConnection? _connection;
    private IChannel? _channel;
    private int _generation;
    private int _mode; // 0 none, 1 handlers, 2 ReadAllAsync
    private bool _disposed;

    /// <summary>Creates a consumer; nothing connects until <see cref="StartAsync"/> (or the first read).</summary>
    public CbEventBusConsumer(CbEventBusOptions options, ILogger<CbEventBusConsumer>? logger = null)
        : this(options, new CbEventHandlerRegistry(), logger)
    {
    }

    /// <summary>Creates a consumer that runs the handlers of <paramref name="handlers"/>, a registry other sources
    /// (a followed file, the forwarder's HTTP output) may share; its patterns become the queue's bindings.</summary>
    public CbEventBusConsumer(CbEventBusOptions options, CbEventHandlerRegistry handlers, ILogger<CbEventBusConsumer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handlers);
        _handlers = handlers;
        if (options.Prefetch == 0)
            throw new ArgumentException("Prefetch must be at least 1: 0 would let the broker send without limit.", nameof(options));
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _buffer = Channel.CreateBounded<Delivery>(new BoundedChannelOptions(options.Prefetch)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The queue consumed (the broker's name for an exclusive queue); null before <see cref="StartAsync"/>.</summary>
    public string? QueueName { get; private set; }

    /// <summary>True once connected and consuming.</summary>
    public bool IsStarted => _channel is not null;

    /// <summary>
    /// Runs <paramref name="handler"/> for every event whose routing key matches <paramref name="pattern"/> (AMQP
    /// topic rules: <c>*</c> one word, <c>#</c> any number), and binds the queue to that pattern. Register before
    /// <see cref="StartAsync"/>. Several matching handlers run one after the other, in registration order.
    /// </summary>
    public CbEventBusConsumer On(string pattern, Func<CbBusEvent, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (IsStarted || _handlers.IsFrozen)
            throw new InvalidOperationException("Register handlers before the consumer starts: the queue's bindings are taken from them.");
        _handlers.On(pattern, handler);
        return this;
    }

    /// <summary>Like <see cref="On"/>, for events of type <typeparamref name="TEvent"/> only (others are skipped).</summary>
    public CbEventBusConsumer On<TEvent>(string pattern, Func<TEvent, CancellationToken, Task> handler) where TEvent : CbBusEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        return On(pattern, (evt, ct) => evt is TEvent typed ? handler(typed, ct) : Task.CompletedTask);
    }

    /// <summary>The binding keys: the options' plus every handler's pattern, or <c>#</c> when there are none.</summary>
    public IReadOnlyList<string> Bindings =>
        _options.RoutingKeys.Concat(_handlers.Patterns).Distinct(StringComparer.Ordinal).DefaultIfEmpty("#").ToList();

    /// <summary>
    /// Connects (retrying with a doubling wait from <see cref="CbEventBusOptions.ReconnectDelay"/> up to
    /// <see cref="CbEventBusOptions.MaxReconnectDelay"/> until <paramref name="cancellationToken"/> fires; a refused
    /// login is not retried), declares the exchange, the queue and its bindings, and starts consuming.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsStarted)
            return;
        foreach (var key in _options.RoutingKeys)
            _ = new RoutingKeyPattern(key); // a bad binding key fails here, with its text, not as a broker error
        _handlers.Freeze();
        var factory = new ConnectionFactory
        {
            HostName = _options.Host,
            Port = _options.Port,
            UserName = _options.User,
            Password = _options.Password,
            VirtualHost = _options.VirtualHost,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = _options.ReconnectDelay,
            ClientProvidedName = "cbtyped-events",
            Ssl = new SslOption { Enabled = _options.UseTls, ServerName = _options.TlsServerName ?? _options.Host },
        };
        var delay = _options.ReconnectDelay;
        while (true)
        {
            try
            {
                _connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (BrokerUnreachableException e) when (e.InnerException is not AuthenticationFailureException && !cancellationToken.IsCancellationRequested)
            {
                ConsumerLog.ConnectFailed(_logger, _options.Host, _options.Port, e.InnerException?.Message ?? e.Message, delay);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
            }
        }
        _connection.ConnectionShutdownAsync += (_, args) =>
        {
            if (args.Initiator != ShutdownInitiator.Application)
                ConsumerLog.ConnectionLost(_logger, args.ReplyText);
            return Task.CompletedTask;
        };
        _connection.RecoverySucceededAsync += (_, _) =>
        {
            // Delivery tags belong to a channel's life: tags of messages received before the recovery must not be
            // acknowledged on the recovered channel (the broker would close it); those messages are redelivered.
            Interlocked.Increment(ref _generation);
            ConsumerLog.ConnectionRecovered(_logger);
            return Task.CompletedTask;
        };

        var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        // The server's raw-bundle exchange is a fanout (bindings ignore their keys); its event exchange a topic.
        var exchangeType = _options.Exchange == Decoding.CbEventDecoder.RawSensorDataExchange ? ExchangeType.Fanout : ExchangeType.Topic;
        await channel.ExchangeDeclareAsync(_options.Exchange, exchangeType, durable: true, autoDelete: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (_options.DeadLetterExchange is { } deadLetters)
            await DeclareDeadLettersAsync(_connection, channel, deadLetters, _options.DeadLetterQueueName ?? deadLetters, cancellationToken).ConfigureAwait(false);
        var arguments = _options.DeadLetterExchange is { } dlx ? new Dictionary<string, object?> { ["x-dead-letter-exchange"] = dlx } : null;
        var declared = _options.QueueName is { } name
            ? await channel.QueueDeclareAsync(name, durable: _options.Durable, exclusive: false, autoDelete: false, arguments: arguments, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, arguments: arguments, cancellationToken: cancellationToken).ConfigureAwait(false);
        QueueName = declared.QueueName;
        var bindings = Bindings;
        foreach (var key in bindings)
            await channel.QueueBindAsync(declared.QueueName, _options.Exchange, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.BasicQosAsync(0, _options.Prefetch, global: false, cancellationToken).ConfigureAwait(false);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += OnReceivedAsync;
        await channel.BasicConsumeAsync(declared.QueueName, autoAck: false, consumer, cancellationToken).ConfigureAwait(false);
        _channel = channel;
        ConsumerLog.Connected(_logger, _options.Host, _options.Port, _options.VirtualHost, declared.QueueName, string.Join(", ", bindings), _options.Exchange);
    }

    /// <summary>
    /// Makes sure the dead-letter exchange (fanout, durable) and its queue (durable, bound to it) exist. Either one
    /// that exists already is used as it is, whatever its flags: re-declaring it with other flags would make the
    /// broker close the channel (406), so existence is checked first, passively, on a channel of its own (a failed
    /// passive declare closes the channel it ran on).
    /// </summary>
    private static async Task DeclareDeadLettersAsync(IConnection connection, IChannel channel, string exchange, string queue, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, c => c.ExchangeDeclarePassiveAsync(exchange, cancellationToken), cancellationToken).ConfigureAwait(false))
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!await ExistsAsync(connection, c => c.QueueDeclarePassiveAsync(queue, cancellationToken), cancellationToken).ConfigureAwait(false))
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.QueueBindAsync(queue, exchange, "", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> ExistsAsync(IConnection connection, Func<IChannel, Task> passiveDeclare, CancellationToken cancellationToken)
    {
        await using var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            await passiveDeclare(probe).ConfigureAwait(false);
            return true;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return false;
        }
    }

    private async Task OnReceivedAsync(object sender, BasicDeliverEventArgs ea)
    {
        // The body is only valid during this callback: copy it. Waiting here when the buffer is full holds the
        // client's dispatcher, and prefetch holds the broker: that is the backpressure.
        var message = new CbBusMessage(ea.RoutingKey, ea.BasicProperties.ContentType, ea.Body.ToArray())
        {
            DeliveryTag = ea.DeliveryTag,
            Redelivered = ea.Redelivered,
            Exchange = ea.Exchange,
            Headers = ea.BasicProperties.Headers is { Count: > 0 } headers ? new Dictionary<string, object?>(headers) : null,
        };
        try
        {
            await _buffer.Writer.WriteAsync(new Delivery(message, Volatile.Read(ref _generation)), _abort.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ChannelClosedException or OperationCanceledException)
        {
            // Shutting down: left unacknowledged, the broker requeues it when the channel closes.
        }
    }

    /// <summary>
    /// Runs the registered handlers for each message until <paramref name="cancellationToken"/> fires, then returns
    /// after the handler in flight finishes (graceful shutdown; messages buffered but not started are requeued when
    /// the consumer is disposed). Handlers get a token that fires only on <see cref="DisposeAsync"/>.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        TakeMode(1);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        while (await NextAsync(cancellationToken).ConfigureAwait(false) is { } delivery)
        {
            if (await DecodeAsync(delivery).ConfigureAwait(false) is not { } events)
                continue;
            try
            {
                foreach (var evt in events)
                {
                    if (await _handlers.DispatchAsync(evt, _abort.Token).ConfigureAwait(false) == 0)
                        ConsumerLog.Unhandled(_logger, evt.RoutingKey, delivery.Message.DeliveryTag, evt.GetType().Name);
                }
            }
#pragma warning disable CA1031 // a handler's failure must never stop the consumer: it is logged and settled by policy
            catch (Exception e)
#pragma warning restore CA1031
            {
                await SettleFailureAsync(delivery, e).ConfigureAwait(false);
                continue;
            }
            await AckAsync(delivery).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Every event as it arrives, until <paramref name="cancellationToken"/> fires (the sequence then ends; no
    /// exception). A message is acknowledged when the loop asks for the next event after its last one; if the loop
    /// stops in the middle (break or exception) that message is requeued. Bodies that do not decode are settled by
    /// policy and never reach the loop.
    /// </summary>
    public async IAsyncEnumerable<CbBusEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        TakeMode(2);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        Delivery? pending = null;
        try
        {
            while (await NextAsync(cancellationToken).ConfigureAwait(false) is { } delivery)
            {
                if (await DecodeAsync(delivery).ConfigureAwait(false) is not { } events)
                    continue;
                pending = delivery;
                foreach (var evt in events)
                    yield return evt;
                pending = null;
                await AckAsync(delivery).ConfigureAwait(false);
            }
        }
        finally
        {
            if (pending is not null)
                await SettleAsync(pending, ack: false, requeue: true).ConfigureAwait(false);
        }
    }

    private void TakeMode(int mode)
    {
        if (Interlocked.CompareExchange(ref _mode, mode, 0) is var previous && previous != 0)
            throw new InvalidOperationException("A consumer is read one way: RunAsync (handlers) or ReadAllAsync, once.");
    }

    private async ValueTask<Delivery?> NextAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _buffer.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }

    private async ValueTask<IReadOnlyList<CbBusEvent>?> DecodeAsync(Delivery delivery)
    {
        var message = delivery.Message;
        IReadOnlyList<CbBusEvent> events;
        try
        {
            events = _options.Decoder.Decode(message);
        }
        catch (CbEventDecodeException e)
        {
            // Requeueing a body that does not decode would deliver it again forever: reject it for good, or
            // acknowledge it when the options say so.
            var ack = _options.AcknowledgeUndecodable;
            ConsumerLog.DecodeFailed(_logger, message.RoutingKey, message.DeliveryTag, e.Message, ack ? "acknowledged (AcknowledgeUndecodable)" : RejectOutcome);
            await SettleAsync(delivery, ack, requeue: false).ConfigureAwait(false);
            return null;
        }
        foreach (var evt in events)
            if (evt is CbUnknownEvent)
                ConsumerLog.NotKnown(_logger, message.RoutingKey, message.DeliveryTag, message.ContentType ?? "no content type");
        return events;
    }

    private string RejectOutcome => _options.DeadLetterExchange is { } dlx ? $"rejected, dead-lettered to '{dlx}'" : "rejected and dropped (no dead-letter exchange)";

    private Task SettleFailureAsync(Delivery delivery, Exception exception)
    {
        var message = delivery.Message;
        var (requeue, ack, outcome) = _options.FailurePolicy switch
        {
            CbFailurePolicy.RequeueOnce when !message.Redelivered => (true, false, "requeued for one more try"),
            CbFailurePolicy.LogAndAck => (false, true, "acknowledged (policy LogAndAck)"),
            _ => (false, false, RejectOutcome),
        };
        ConsumerLog.HandlerFailed(_logger, exception, message.RoutingKey, message.DeliveryTag, message.Redelivered, outcome);
        return SettleAsync(delivery, ack, requeue);
    }

    private Task AckAsync(Delivery delivery) => SettleAsync(delivery, ack: true, requeue: false);

    private async Task SettleAsync(Delivery delivery, bool ack, bool requeue)
    {
        var message = delivery.Message;
        if (_channel is not { } channel || delivery.Generation != Volatile.Read(ref _generation))
        {
            ConsumerLog.SettleFailed(_logger, message.RoutingKey, message.DeliveryTag, "the connection was recovered since it arrived");
            return;
        }
        try
        {
            if (ack)
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false).ConfigureAwait(false);
            else
                await channel.BasicNackAsync(message.DeliveryTag, multiple: false, requeue).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException or ObjectDisposedException)
        {
            ConsumerLog.SettleFailed(_logger, message.RoutingKey, message.DeliveryTag, e.Message);
        }
    }

    /// <summary>Stops consuming and closes the connection; messages not acknowledged are requeued by the broker.
    /// Cancels the token handlers were given.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        _buffer.Writer.TryComplete();
        await _abort.CancelAsync().ConfigureAwait(false);
        if (_channel is { } channel)
        {
            try { await channel.CloseAsync().ConfigureAwait(false); } catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException) { }
            await channel.DisposeAsync().ConfigureAwait(false);
        }
        if (_connection is { } connection)
        {
            try { await connection.CloseAsync().ConfigureAwait(false); } catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException) { }
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        _abort.Dispose();
    }

    /// <summary>A message and the connection generation it arrived in (its delivery tag is only valid in that one).</summary>
    private sealed record Delivery(CbBusMessage Message, int Generation);
}
