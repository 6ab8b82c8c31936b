using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using CbTyped.Emulator.Data;

namespace CbTyped.Emulator.Bus;

/// <summary>
/// Publishes the emulator's events to a real RabbitMQ broker the way a Cb Response server does: JSON bodies on the
/// durable topic exchange <c>api.events</c>, routing key = event name, content type <c>application/json</c>,
/// delivery mode 1 (transient); raw sensor events there too (<c>ingress.event.*</c>, <c>application/protobuf</c>), and
/// zip bundles of them on <c>api.rawsensordata</c> (<c>application/zip</c>, the sensor in the headers). It declares <c>api.events</c> and the raw-data exchange <c>api.rawsensordata</c>
/// (fanout, durable) as the server has them, so clients can bind before anything is published.
/// </summary>
internal sealed class BusPublisher : IAsyncDisposable
{
    public const string Exchange = "api.events";
    public const string RawExchange = "api.rawsensordata";

    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly BusOutbox _outbox;
    private readonly EmulatorState _state;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private readonly Task _stream;
    private readonly BusEventStream _chosen;
    private long _published;
    private long _failed;

    private BusPublisher(IConnection connection, IChannel channel, BusOutbox outbox, EmulatorState state, double eventsPerSecond)
    {
        _connection = connection;
        _channel = channel;
        _outbox = outbox;
        _state = state;
        lock (state.Gate)
        {
            _chosen = new BusEventStream(state); // reads the data set, which REST requests may be changing
        }

        _pump = Task.Run(PumpAsync);
        _stream = eventsPerSecond > 0 ? Task.Run(() => StreamAsync(state, eventsPerSecond)) : Task.CompletedTask;
    }

    public long Published => Interlocked.Read(ref _published);

    /// <summary>Messages lost: the outbox was full or the broker refused or dropped the connection.</summary>
    public long Failed => Interlocked.Read(ref _failed) + _outbox.Dropped;

    /// <summary>Connects to <paramref name="url"/> (<c>amqp://user:password@host:port/vhost</c>), declares the
    /// exchanges, and starts publishing what the state announces plus the steady stream.</summary>
    public static async Task<BusPublisher> StartAsync(Uri url, EmulatorState state, double eventsPerSecond, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = url,
            ClientProvidedName = "cbtyped-emulator",
            AutomaticRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
        };
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(RawExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        var outbox = BusOutbox.Create();
        lock (state.Gate)
        {
            state.Announcements = outbox;
        }

        return new BusPublisher(connection, channel, outbox, state, eventsPerSecond);
    }

    /// <summary>The next event of <paramref name="routingKey"/>'s kind from the data set (its own cycle, apart from
    /// the steady stream's), published now; its text (the JSON body, or protobuf in its JSON mapping).</summary>
    public async Task<string> PublishNextAsync(string routingKey)
    {
        string text;
        Task published;
        lock (_state.Gate)
        {
            (var message, text) = _chosen.Next(routingKey);
            published = _outbox.PublishAsync(message);
        }

        await published;
        return text;
    }

    /// <summary>A watchlist hit (<c>watchlist.hit.process</c>) of one process, published now; the body it sent.</summary>
    public async Task<string> PublishWatchlistHitAsync(int watchlistId, string processId)
    {
        string body;
        Task published;
        lock (_state.Gate)
        {
            var watchlist = _state.Watchlists.GetValueOrDefault(watchlistId)
                ?? throw new ArgumentException($"The emulator has no watchlist {watchlistId}.", nameof(watchlistId));
            if (watchlist.IndexType != "events")
            {
                throw new ArgumentException($"Watchlist {watchlistId} is a binary watchlist (index_type {watchlist.IndexType}); a process hit needs a process watchlist.", nameof(watchlistId));
            }

            var process = _state.FindProcess(processId)
                ?? throw new ArgumentException($"The emulator has no process '{processId}'.", nameof(processId));
            body = BusEvents.WatchlistHitProcess(_state, watchlist, [process]).ToJsonString();
            published = _outbox.PublishAsync("watchlist.hit.process", System.Text.Encoding.UTF8.GetBytes(body), "application/json");
        }

        await published;
        return body;
    }

    /// <summary>A message of the caller's own on <c>api.events</c> (e.g. a malformed one), published now.</summary>
    public Task PublishAsync(string routingKey, byte[] body, string contentType) => _outbox.PublishAsync(routingKey, body, contentType);

    private async Task PumpAsync()
    {
        var json = new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Transient };
        await foreach (var message in _outbox.Reader.ReadAllAsync())
        {
            var properties = message.ContentType == json.ContentType && message.Headers is null
                ? json
                : new BasicProperties { ContentType = message.ContentType, DeliveryMode = DeliveryModes.Transient, Priority = 0, Headers = message.Headers };
            try
            {
                await _channel.BasicPublishAsync(message.Exchange, message.RoutingKey, mandatory: false, properties, message.Body);
                Interlocked.Increment(ref _published);
                message.Published?.TrySetResult();
            }
            catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException or ObjectDisposedException)
            {
                Interlocked.Increment(ref _failed); // the broker is gone: a server does not queue its events either
                message.Published?.TrySetException(new InvalidOperationException("The broker refused the message or is gone: " + e.Message, e));
            }
        }
    }

    private async Task StreamAsync(EmulatorState state, double eventsPerSecond)
    {
        BusEventStream stream;
        lock (state.Gate)
        {
            stream = new BusEventStream(state);
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / eventsPerSecond));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                lock (state.Gate)
                {
                    if (stream.Next() is { } next)
                    {
                        state.Announcements.Enqueue(next.Message);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>Stops the stream, publishes what was already announced, and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _stream;
        lock (_state.Gate)
        {
            _state.Announcements = BusOutbox.Disabled;
        }

        _outbox.Complete();
        await _pump.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        try
        {
            await _channel.CloseAsync();
            await _connection.CloseAsync();
        }
        catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException)
        {
            // already gone
        }

        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
        _stop.Dispose();
    }
}
