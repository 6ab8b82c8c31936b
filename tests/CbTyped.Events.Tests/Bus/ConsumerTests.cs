using System.Collections.Concurrent;
using System.Text;
using CbTyped.Events.Consumer;
using CbTyped.Events.Tests.Fixtures;
using RabbitMQ.Client;

namespace CbTyped.Events.Tests.Bus;

[Collection(BrokerFixtureDefinition.Name)]
public class ConsumerTests(RabbitMqNode node)
{
    private const string Before = "{\"n\":\"before\"}";
    private const string After = "{\"n\":\"after\"}";

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    [Fact]
    public async Task Handlers_run_by_wildcard_pattern_and_each_message_is_acknowledged()
    {
        var queue = Unique("handlers");
        var seen = new ConcurrentQueue<string>();
        var options = BusClient.Options(node, queue);
        await using (var consumer = new CbEventBusConsumer(options))
        {
            consumer.On("watchlist.hit.#", (evt, _) => { seen.Enqueue("wl:" + evt.RoutingKey); return Task.CompletedTask; });
            consumer.On("binaryinfo.*", (evt, _) => { seen.Enqueue("bin:" + evt.RoutingKey); return Task.CompletedTask; });
            using var stop = new CancellationTokenSource();
            await consumer.StartAsync();
            var run = consumer.RunAsync(stop.Token);
            await BusClient.PublishJsonAsync(node,
                ("watchlist.hit.process", "{\"watchlist_id\":1}"),
                ("feed.synchronized", "{}"),                 // not bound: never arrives
                ("binaryinfo.observed", "{\"md5\":\"A\"}"),
                ("watchlist.hit.binary", "{\"watchlist_id\":2}"));
            await BusClient.EventuallyAsync(() => seen.Count == 3, "three handled events");
            await stop.CancelAsync();
            await run;
        }
        Assert.Equal(["wl:watchlist.hit.process", "bin:binaryinfo.observed", "wl:watchlist.hit.binary"], seen.ToArray());
        Assert.Equal(0u, await BusClient.CountAsync(node, queue));
    }

    [Fact]
    public async Task A_handler_that_throws_is_retried_once_then_dead_lettered_and_the_consumer_goes_on()
    {
        var queue = Unique("poison");
        var dlx = Unique("dlx");
        await BusClient.DeclareDeadLetterAsync(node, dlx);
        var attempts = 0;
        var good = 0;
        var options = BusClient.Options(node, queue);
        options.DeadLetterExchange = dlx;
        await using (var consumer = new CbEventBusConsumer(options))
        {
            consumer.On("alert.#", (evt, _) =>
            {
                if (Encoding.UTF8.GetString(evt.Message.Body.Span).Contains("poison", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref attempts);
                    throw new InvalidOperationException("handler bug");
                }
                Interlocked.Increment(ref good);
                return Task.CompletedTask;
            });
            using var stop = new CancellationTokenSource();
            await consumer.StartAsync();
            var run = consumer.RunAsync(stop.Token);
            await BusClient.PublishJsonAsync(node, ("alert.watchlist.hit.query.process", "{\"poison\":1}"), ("alert.watchlist.hit.query.binary", "{\"ok\":1}"));
            await BusClient.EventuallyAsync(() => good == 1 && attempts == 2, "one good event and two attempts at the poison one");
            await Task.Delay(300); // a third attempt would show up here
            await stop.CancelAsync();
            await run;
        }
        Assert.Equal(2, attempts);
        Assert.Equal(1u, await BusClient.CountAsync(node, dlx));
        Assert.Equal(0u, await BusClient.CountAsync(node, queue));
    }

    [Fact]
    public async Task A_body_that_does_not_decode_is_dead_lettered_and_the_next_one_still_arrives()
    {
        var queue = Unique("undecodable");
        var dlx = Unique("dlx");
        await BusClient.DeclareDeadLetterAsync(node, dlx);
        var options = BusClient.Options(node, queue);
        options.DeadLetterExchange = dlx;
        options.Decoder = new RefusingDecoder();
        options.RoutingKeys.Add("feed.#");
        var keys = new List<string>();
        await using (var consumer = new CbEventBusConsumer(options))
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await consumer.StartAsync();
            await BusClient.PublishJsonAsync(node, ("feed.query.hit.process", "not json"), ("feed.storage.hit.binary", "{}"));
            await foreach (var evt in consumer.ReadAllAsync(stop.Token))
            {
                keys.Add(evt.RoutingKey);
                break;
            }
        }
        Assert.Equal(["feed.storage.hit.binary"], keys);
        await BusClient.EventuallyAsync(() => BusClient.CountAsync(node, dlx).GetAwaiter().GetResult() == 1, "the undecodable body in the dead-letter queue");
    }

    [Fact]
    public async Task ReadAllAsync_yields_in_publish_order_and_acknowledges_what_the_loop_moved_past()
    {
        var queue = Unique("readall");
        var options = BusClient.Options(node, queue);
        options.RoutingKeys.Add("binarystore.file.added");
        options.Prefetch = 2; // fewer than published: the broker waits for acks, the loop must still see all
        var bodies = new List<string>();
        await using (var consumer = new CbEventBusConsumer(options))
        {
            await consumer.StartAsync();
            await BusClient.PublishJsonAsync(node, Enumerable.Range(0, 10).Select(i => ("binarystore.file.added", $"{{\"n\":{i}}}")).ToArray());
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await foreach (var evt in consumer.ReadAllAsync(timeout.Token))
            {
                bodies.Add(Encoding.UTF8.GetString(evt.Message.Body.Span));
                if (bodies.Count == 8)
                    break; // the 8th was not moved past: it goes back to the queue, with the two not read
            }
        }
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"{{\"n\":{i}}}"), bodies);
        Assert.Equal(3u, await BusClient.CountAsync(node, queue));
    }

    [Fact]
    public async Task After_the_broker_closes_the_connection_the_consumer_recovers_its_queue_and_keeps_receiving()
    {
        var seen = new ConcurrentQueue<string>();
        await using var consumer = new CbEventBusConsumer(BusClient.Options(node)); // exclusive server-named queue
        consumer.On("watchlist.storage.hit.process", (evt, _) => { seen.Enqueue(Encoding.UTF8.GetString(evt.Message.Body.Span)); return Task.CompletedTask; });
        using var stop = new CancellationTokenSource();
        await consumer.StartAsync();
        var run = consumer.RunAsync(stop.Token);
        await BusClient.PublishJsonAsync(node, ("watchlist.storage.hit.process", Before));
        await BusClient.EventuallyAsync(() => seen.Count == 1, "the event before the disconnect");

        await node.CtlAsync("close_all_connections", "test disconnect");
        // Publish until the recovered consumer gets one: the queue is redeclared, so messages published while it
        // is gone are not routed anywhere (an exclusive queue dies with its connection).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!seen.Contains(After) && DateTime.UtcNow < deadline)
        {
            await BusClient.PublishJsonAsync(node, ("watchlist.storage.hit.process", After));
            await Task.Delay(200);
        }
        await stop.CancelAsync();
        await run;
        Assert.Contains(After, seen);
    }

    private sealed class RefusingDecoder : ICbEventDecoder
    {
        public IReadOnlyList<CbBusEvent> Decode(CbBusMessage message) =>
            message.Body.Span.SequenceEqual("not json"u8)
                ? throw new CbEventDecodeException(message, "not a JSON object")
                : [new CbUnknownEvent(message)];
    }
}
