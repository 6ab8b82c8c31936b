using System.Text;
using CbTyped.Events.Consumer;
using RabbitMQ.Client;

namespace CbTyped.Events.Tests.Fixtures;

/// <summary>The tests' side of the broker: publishes like the Cb Response server, inspects queues.</summary>
public static class BusClient
{
    public static CbEventBusOptions Options(RabbitMqNode node, string? queue = null) => new()
    {
        Host = "127.0.0.1",
        Port = node.AmqpPort,
        User = "guest",
        Password = "guest",
        QueueName = queue,
        ReconnectDelay = TimeSpan.FromMilliseconds(200),
    };

    public static async Task<IConnection> ConnectAsync(RabbitMqNode node) =>
        await new ConnectionFactory { HostName = "127.0.0.1", Port = node.AmqpPort, ClientProvidedName = "test-publisher" }.CreateConnectionAsync();

    /// <summary>Publishes JSON bodies on api.events (declared as the server declares it), with publisher confirms.</summary>
    public static async Task PublishJsonAsync(RabbitMqNode node, params (string RoutingKey, string Json)[] messages)
    {
        await using var connection = await ConnectAsync(node);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.ExchangeDeclareAsync("api.events", ExchangeType.Topic, durable: true, autoDelete: false);
        foreach (var (key, json) in messages)
            await channel.BasicPublishAsync("api.events", key, mandatory: false, new BasicProperties { ContentType = "application/json" }, Encoding.UTF8.GetBytes(json));
    }

    /// <summary>A fanout exchange with a queue of the same name bound to it, for dead-lettered messages.</summary>
    public static async Task DeclareDeadLetterAsync(RabbitMqNode node, string name)
    {
        await using var connection = await ConnectAsync(node);
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: false, autoDelete: false);
        await channel.QueueDeclareAsync(name, durable: false, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(name, name, "");
    }

    /// <summary>Messages ready in <paramref name="queue"/> (passive declare: fails if it does not exist).</summary>
    public static async Task<uint> CountAsync(RabbitMqNode node, string queue)
    {
        await using var connection = await ConnectAsync(node);
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after 20 s.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail("Timed out waiting for: " + what);
            await Task.Delay(20);
        }
    }
}
