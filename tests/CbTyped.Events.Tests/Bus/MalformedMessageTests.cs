using System.Collections.Concurrent;
using System.Text;
using CbTyped.Events.Consumer;
using CbTyped.Events.JsonEvents;
using CbTyped.Events.RawEvents;
using CbTyped.Events.Tests.Decoding;
using CbTyped.Events.Tests.Fixtures;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace CbTyped.Events.Tests.Bus;

/// <summary>Malformed messages through a real broker: logged with routing key and delivery tag, settled by policy,
/// and the consumer goes on.</summary>
[Collection(BrokerFixtureDefinition.Name)]
public class MalformedMessageTests(RabbitMqNode node)
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    private static (string Key, string ContentType, byte[] Body)[] Malformed()
    {
        var process = SampleEvents.ProcessStart().ToByteArray();
        return
        [
            ("ingress.event.process", "application/protobuf", process[..^4]),                       // truncated protobuf
            ("watchlist.hit.process", "application/json", "{\"docs\":["u8.ToArray()),               // bad JSON
            ("alert.watchlist.hit.query.binary", "application/protobuf", "{}"u8.ToArray()),         // wrong content type
            ("ingress.event.filemod", "application/zip", "PK\u0003\u0004garbage"u8.ToArray()),     // corrupt zip
        ];
    }

    private static async Task PublishAsync(RabbitMqNode node, params (string Key, string ContentType, byte[] Body)[] messages)
    {
        await using var connection = await BusClient.ConnectAsync(node);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.ExchangeDeclareAsync("api.events", ExchangeType.Topic, durable: true, autoDelete: false);
        foreach (var (key, contentType, body) in messages)
            await channel.BasicPublishAsync("api.events", key, mandatory: false, new BasicProperties { ContentType = contentType }, body);
    }

    [Fact]
    public async Task Malformed_messages_are_logged_and_dead_lettered_and_the_good_ones_around_them_arrive_typed()
    {
        var queue = Unique("malformed");
        var dlx = Unique("dlx");
        await BusClient.DeclareDeadLetterAsync(node, dlx);
        var options = BusClient.Options(node, queue);
        options.DeadLetterExchange = dlx;
        foreach (var key in new[] { "ingress.event.#", "watchlist.#", "alert.#", "some.#" })
            options.RoutingKeys.Add(key);
        var log = new ListLogger();
        var seen = new ConcurrentQueue<CbBusEvent>();
        await using (var consumer = new CbEventBusConsumer(options, log))
        {
            consumer.On("#", (evt, _) => { seen.Enqueue(evt); return Task.CompletedTask; });
            using var stop = new CancellationTokenSource();
            await consumer.StartAsync();
            var run = consumer.RunAsync(stop.Token);
            await PublishAsync(node, [
                ("ingress.event.regmod", "application/protobuf", SampleEvents.RegMod().ToByteArray()),
                .. Malformed(),
                ("some.future.event", "application/json", "{}"u8.ToArray()),                           // unknown routing key
                ("watchlist.hit.process", "application/json", "{\"watchlist_id\":5}"u8.ToArray()),
            ]);
            await BusClient.EventuallyAsync(() => seen.Count == 3, "the three good messages");
            await BusClient.EventuallyAsync(() => BusClient.CountAsync(node, dlx).GetAwaiter().GetResult() == 4, "four dead-lettered messages");
            await stop.CancelAsync();
            await run;
        }
        Assert.Collection(seen,
            e => Assert.IsType<CbRegModEvent>(e),
            e => Assert.IsType<CbUnknownEvent>(e),
            e => Assert.Equal(5, Assert.IsType<CbWatchlistHitEvent>(e).Body.WatchlistId));
        Assert.Equal(0u, await BusClient.CountAsync(node, queue));
        var errors = log.Lines.Where(l => l.Level == LogLevel.Error).Select(l => l.Text).ToList();
        Assert.Equal(4, errors.Count);
        foreach (var (key, _, _) in Malformed())
            Assert.Contains(errors, e => e.Contains($"'{key}' delivery ", StringComparison.Ordinal) && e.Contains("dead-lettered", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Matches(@"delivery \d+ does not decode", e));
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("'some.future.event' delivery ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_AcknowledgeUndecodable_malformed_messages_are_acknowledged_and_read_all_goes_on()
    {
        var queue = Unique("ackmalformed");
        var options = BusClient.Options(node, queue);
        options.AcknowledgeUndecodable = true;
        options.RoutingKeys.Add("#");
        var log = new ListLogger();
        var keys = new List<string>();
        await using (var consumer = new CbEventBusConsumer(options, log))
        {
            await consumer.StartAsync();
            await PublishAsync(node, [.. Malformed(), ("binarystore.file.added", "application/json", "{\"md5\":\"ab\",\"size\":3}"u8.ToArray())]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await foreach (var evt in consumer.ReadAllAsync(timeout.Token))
            {
                keys.Add(evt.RoutingKey);
                Assert.Equal(3, Assert.IsType<CbBinaryStoredEvent>(evt).Body.Size);
                break;
            }
        }
        Assert.Equal(["binarystore.file.added"], keys);
        Assert.Equal(4, log.Lines.Count(l => l.Level == LogLevel.Error && l.Text.Contains("acknowledged", StringComparison.Ordinal)));
        // Only the event the loop broke out of is requeued; the malformed ones were acknowledged.
        await BusClient.EventuallyAsync(() => BusClient.CountAsync(node, queue).GetAwaiter().GetResult() == 1, "one message left in the queue");
    }

    private sealed class ListLogger : ILogger<CbEventBusConsumer>
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue((logLevel, formatter(state, exception)));
    }
}
