// End-to-end bus throughput: publish N JSON messages (with publisher confirms) into one durable queue consumed by
// 1 or 4 CbEventBusConsumers, time until every one was handled; then publish one at a time and measure the latency
// from publish to handler. Usage: dotnet run -c Release --project benchmarks/CbTyped.BusThroughput -- [N]
using System.Buffers.Binary;
using System.Diagnostics;
using CbTyped.Events.Consumer;
using CbTyped.Events.Tests.Fixtures;
using RabbitMQ.Client;

var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
var node = new RabbitMqNode();
await node.InitializeAsync();
try
{
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");
    foreach (var (consumers, handlerMs) in new[] { (1, 0), (4, 0), (1, 1), (4, 1), (1, 0), (4, 0), (1, 1), (4, 1) })
    {
        var rate = await Throughput(node, consumers, count, TimeSpan.FromMilliseconds(handlerMs));
        Console.WriteLine($"{consumers} consumer(s), handler {(handlerMs == 0 ? "empty" : "Task.Delay(1 ms)")}: {rate:N0} events/s ({count:N0} events)");
    }
    var latencies = await Latency(node, 500);
    Console.WriteLine($"publish->handler latency (500 single messages): p50 {latencies[latencies.Length / 2]:F2} ms, p99 {latencies[latencies.Length * 99 / 100]:F2} ms");
}
finally
{
    await node.DisposeAsync();
}

static CbEventBusOptions Options(RabbitMqNode node, string queue, ushort prefetch) => new()
{
    Host = "127.0.0.1", Port = node.AmqpPort, User = "guest", Password = "guest", QueueName = queue, Prefetch = prefetch,
};

// An empty handler measures the broker and the consumer; one that waits 1 ms (Task.Delay: in practice the timer's
// resolution, a few ms) stands for a handler that calls out (a REST call, a database), where more consumers help.
static async Task<double> Throughput(RabbitMqNode node, int consumerCount, int count, TimeSpan handlerCost)
{
    var queue = "bench-" + Guid.NewGuid().ToString("N")[..8];
    var handled = 0;
    var done = new TaskCompletionSource();
    var consumers = new List<CbEventBusConsumer>();
    using var stop = new CancellationTokenSource();
    var runs = new List<Task>();
    for (var i = 0; i < consumerCount; i++)
    {
        var consumer = new CbEventBusConsumer(Options(node, queue, 64));
        consumer.On("ingress.event.#", async (_, ct) =>
        {
            if (handlerCost > TimeSpan.Zero)
                await Task.Delay(handlerCost, ct);
            if (Interlocked.Increment(ref handled) == count)
                done.TrySetResult();
        });
        await consumer.StartAsync();
        consumers.Add(consumer);
    }
    // Fill the queue first, then start the consumers: the timing covers delivery and handling only.
    await Publish(node, count);
    var clock = Stopwatch.StartNew();
    foreach (var consumer in consumers)
        runs.Add(consumer.RunAsync(stop.Token));
    await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
    var elapsed = clock.Elapsed;
    await stop.CancelAsync();
    await Task.WhenAll(runs);
    foreach (var consumer in consumers)
        await consumer.DisposeAsync();
    return count / elapsed.TotalSeconds;
}

static async Task Publish(RabbitMqNode node, int count)
{
    await using var connection = await new ConnectionFactory { HostName = "127.0.0.1", Port = node.AmqpPort }.CreateConnectionAsync();
    await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(256)));
    var properties = new BasicProperties { ContentType = "application/json" };
    var body = "{\"type\":\"ingress.event.process\",\"process_guid\":\"00000001-0000-0b2c-01d4-6a5e3c8d0f21\"}"u8.ToArray();
    var pending = new List<Task>(1024);
    for (var i = 0; i < count; i++)
    {
        pending.Add(channel.BasicPublishAsync("api.events", "ingress.event.process", false, properties, body).AsTask());
        if (pending.Count == 200)
        {
            await Task.WhenAll(pending);
            pending.Clear();
        }
    }
    await Task.WhenAll(pending);
}

static async Task<double[]> Latency(RabbitMqNode node, int count)
{
    var queue = "latency-" + Guid.NewGuid().ToString("N")[..8];
    var samples = new double[count];
    var received = 0;
    var next = new SemaphoreSlim(0);
    await using var consumer = new CbEventBusConsumer(Options(node, queue, 64));
    consumer.On("ingress.event.#", (evt, _) =>
    {
        var sent = BinaryPrimitives.ReadInt64LittleEndian(evt.Message.Body.Span);
        samples[received++] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        next.Release();
        return Task.CompletedTask;
    });
    using var stop = new CancellationTokenSource();
    await consumer.StartAsync();
    var run = consumer.RunAsync(stop.Token);
    await using var connection = await new ConnectionFactory { HostName = "127.0.0.1", Port = node.AmqpPort }.CreateConnectionAsync();
    await using var channel = await connection.CreateChannelAsync();
    var properties = new BasicProperties { ContentType = "application/octet-stream" };
    var body = new byte[8];
    for (var i = 0; i < count; i++)
    {
        BinaryPrimitives.WriteInt64LittleEndian(body, Stopwatch.GetTimestamp());
        await channel.BasicPublishAsync("api.events", "ingress.event.process", false, properties, body);
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }
    await stop.CancelAsync();
    await run;
    Array.Sort(samples);
    return samples;
}
