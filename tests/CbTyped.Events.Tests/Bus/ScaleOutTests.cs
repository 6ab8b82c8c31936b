using System.Collections.Concurrent;
using System.Text;
using CbTyped.Events.Consumer;
using CbTyped.Events.Tests.Fixtures;

namespace CbTyped.Events.Tests.Bus;

[Collection(BrokerFixtureDefinition.Name)]
public class ScaleOutTests(RabbitMqNode node)
{
    [Fact]
    public async Task Four_consumers_on_one_durable_queue_share_the_stream_and_lose_nothing()
    {
        const int published = 2000;
        var queue = "scale-" + Guid.NewGuid().ToString("N")[..12];
        var received = new ConcurrentDictionary<string, int>();
        var perConsumer = new int[4];
        var consumers = new List<CbEventBusConsumer>();
        using var stop = new CancellationTokenSource();
        var runs = new List<Task>();
        for (var i = 0; i < 4; i++)
        {
            var options = BusClient.Options(node, queue);
            options.Prefetch = 16;
            var consumer = new CbEventBusConsumer(options);
            var index = i;
            consumer.On("ingress.event.#", (evt, _) =>
            {
                // The idempotency key: the body's own id (docs/events.md); a redelivery would count twice here.
                received.AddOrUpdate(Encoding.UTF8.GetString(evt.Message.Body.Span), 1, (_, n) => n + 1);
                Interlocked.Increment(ref perConsumer[index]);
                return Task.CompletedTask;
            });
            await consumer.StartAsync();
            consumers.Add(consumer);
            runs.Add(consumer.RunAsync(stop.Token));
        }
        await BusClient.PublishJsonAsync(node, Enumerable.Range(0, published).Select(i => ("ingress.event.process", $"{{\"id\":{i}}}")).ToArray());
        await BusClient.EventuallyAsync(() => received.Count == published, $"{published} distinct events");
        await stop.CancelAsync();
        await Task.WhenAll(runs);
        foreach (var consumer in consumers)
            await consumer.DisposeAsync();

        Assert.Equal(published, received.Count);
        Assert.All(received.Values, n => Assert.Equal(1, n)); // no failure happened, so nothing was redelivered
        Assert.All(perConsumer, n => Assert.True(n > 0, "every consumer got a share"));
        Assert.Equal(published, perConsumer.Sum());
        Assert.Equal(0u, await BusClient.CountAsync(node, queue));
    }
}
