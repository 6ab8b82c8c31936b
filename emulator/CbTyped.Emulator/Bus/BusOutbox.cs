using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace CbTyped.Emulator.Bus;

/// <summary>
/// Messages waiting to go to the broker. Endpoints announce changes while holding the state's gate, so announcing
/// never waits: the outbox is bounded and, when full (the broker is gone or slow), a message is dropped and counted.
/// Without <c>--amqp</c> the outbox is <see cref="Disabled"/> and announcing does nothing.
/// </summary>
internal sealed class BusOutbox
{
    private const int Capacity = 10_000;
    private readonly Channel<BusMessage> _queue;
    private long _dropped;

    private BusOutbox(bool enabled)
    {
        Enabled = enabled;
        _queue = Channel.CreateBounded<BusMessage>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>The outbox of an emulator that does not publish.</summary>
    public static BusOutbox Disabled { get; } = new(false);

    public static BusOutbox Create() => new(true);

    public bool Enabled { get; }

    /// <summary>Messages not published because the outbox was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<BusMessage> Reader => _queue.Reader;

    /// <summary>Queues a JSON event for <c>api.events</c> under <paramref name="routingKey"/>.</summary>
    public void Announce(string routingKey, JsonObject body)
    {
        if (!Enabled)
        {
            return;
        }

        if (!_queue.Writer.TryWrite(new BusMessage(routingKey, Encoding.UTF8.GetBytes(body.ToJsonString()))))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Queues a message of the steady stream (any exchange and content type); dropped and counted when full.</summary>
    public void Enqueue(BusMessage message)
    {
        if (Enabled && !_queue.Writer.TryWrite(message))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>
    /// Queues a message a test asked for, behind what is already announced, and completes when the broker has it
    /// (a test then knows the event is on its way to the queues). Fails when the outbox is full or disabled.
    /// </summary>
    public Task PublishAsync(string routingKey, byte[] body, string contentType) =>
        PublishAsync(new BusMessage(routingKey, body, contentType));

    /// <summary>Queues <paramref name="message"/> like <see cref="PublishAsync(string, byte[], string)"/>.</summary>
    public Task PublishAsync(BusMessage message)
    {
        if (!Enabled)
        {
            throw new InvalidOperationException("The emulator publishes events only when it was started with CbEmulatorOptions.AmqpUrl (--amqp).");
        }

        var published = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(message with { Published = published }))
        {
            throw new InvalidOperationException($"The emulator's outbox is full ({Capacity} messages): the broker is gone or too slow.");
        }

        return published.Task;
    }

    /// <summary>No more messages: the publisher sends what is queued, then stops.</summary>
    public void Complete() => _queue.Writer.TryComplete();
}
