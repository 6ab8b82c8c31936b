using System.Text;
using CbTyped.Events.Consumer;
using CbTyped.Events.Tests.Fixtures;

namespace CbTyped.Events.Tests.Bus;

/// <summary>The consumer declares the dead-letter exchange and queue it is told to use.</summary>
[Collection(BrokerFixtureDefinition.Name)]
public class DeadLetterDeclarationTests(RabbitMqNode node)
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    [Theory]
    [InlineData(null)]
    [InlineData("kept-for-inspection")]
    public async Task A_rejected_message_lands_in_the_dead_letter_queue_the_consumer_declared(string? queueName)
    {
        var dlx = Unique("dlx-own");
        var deadQueue = queueName is null ? dlx : Unique(queueName);
        var options = BusClient.Options(node, Unique("dlq-src"));
        options.DeadLetterExchange = dlx;
        options.DeadLetterQueueName = queueName is null ? null : deadQueue;
        options.FailurePolicy = CbFailurePolicy.Reject;
        var good = 0;
        await using (var consumer = new CbEventBusConsumer(options))
        {
            consumer.On("alert.#", (evt, _) => Encoding.UTF8.GetString(evt.Message.Body.Span).Contains("poison", StringComparison.Ordinal)
                ? throw new InvalidOperationException("handler bug")
                : Task.FromResult(Interlocked.Increment(ref good)));
            using var stop = new CancellationTokenSource();
            await consumer.StartAsync();
            var run = consumer.RunAsync(stop.Token);
            await BusClient.PublishJsonAsync(node, ("alert.watchlist.hit.query.process", "{\"poison\":1}"), ("alert.watchlist.hit.query.binary", "{\"ok\":1}"));
            await BusClient.EventuallyAsync(() => Volatile.Read(ref good) == 1, "the good message");
            await BusClient.EventuallyAsync(() => BusClient.CountAsync(node, deadQueue).GetAwaiter().GetResult() == 1, "the poison message in the dead-letter queue");
            await stop.CancelAsync();
            await run;
        }

        // Durable, so it outlives the consumer and a broker restart; a second consumer reuses it as it is.
        var again = BusClient.Options(node, Unique("dlq-src2"));
        again.DeadLetterExchange = dlx;
        again.DeadLetterQueueName = options.DeadLetterQueueName;
        await using (var second = new CbEventBusConsumer(again))
            await second.StartAsync();
        Assert.Equal(1u, await BusClient.CountAsync(node, deadQueue));
        Assert.Contains(deadQueue, await node.CtlAsync("list_queues", "name", "durable"), StringComparison.Ordinal);
    }
}
