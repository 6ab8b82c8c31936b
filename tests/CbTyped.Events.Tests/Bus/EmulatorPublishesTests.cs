using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using CbTyped.Emulator;
using CbTyped.Events.Consumer;
using CbTyped.Events.Tests.Fixtures;
using RabbitMQ.Client;

namespace CbTyped.Events.Tests.Bus;

/// <summary>The emulator started with the broker's URL publishes like a server; the SDK's consumer reads it.</summary>
[Collection(BrokerFixtureDefinition.Name)]
public class EmulatorPublishesTests(RabbitMqNode node)
{
    private static readonly string[] StreamKeys =
    [
        "watchlist.hit.process", "watchlist.storage.hit.process", "watchlist.hit.binary", "watchlist.storage.hit.binary",
        "feed.ingress.hit.process", "feed.storage.hit.binary", "alert.watchlist.hit.query.process",
        "alert.watchlist.hit.query.binary", "binaryinfo.observed", "binaryinfo.host.observed", "binaryinfo.group.observed",
        "binarystore.file.added", "ingress.event.process", "ingress.event.moduleload", "ingress.event.filemod",
        "ingress.event.regmod", "ingress.event.netconn", "ingress.event.childproc",
    ];

    private Uri AmqpUrl => new($"amqp://guest:guest@127.0.0.1:{node.AmqpPort}/");

    private sealed record Seen(string RoutingKey, string? ContentType, string? Exchange, JsonElement Body);

    private static async Task<(CbEventBusConsumer Consumer, ConcurrentQueue<Seen> Seen, Task Run)> ConsumeAsync(RabbitMqNode node, CancellationToken stop)
    {
        var seen = new ConcurrentQueue<Seen>();
        var consumer = new CbEventBusConsumer(BusClient.Options(node));
        consumer.On("#", (evt, _) =>
        {
            if (evt.Message.ContentType != "application/json")
            {
                seen.Enqueue(new Seen(evt.RoutingKey, evt.Message.ContentType, evt.Message.Exchange, default));
                return Task.CompletedTask; // raw sensor events: EmulatorRawEventsTests
            }

            using var doc = JsonDocument.Parse(evt.Message.Body);
            seen.Enqueue(new Seen(evt.RoutingKey, evt.Message.ContentType, evt.Message.Exchange, doc.RootElement.Clone()));
            return Task.CompletedTask;
        });
        await consumer.StartAsync(CancellationToken.None);
        return (consumer, seen, consumer.RunAsync(stop));
    }

    private static JsonElement First(ConcurrentQueue<Seen> seen, string key) => seen.First(s => s.RoutingKey == key).Body;

    [Fact]
    public async Task The_steady_stream_covers_every_server_event_kind_with_the_servers_exchange_content_type_and_shapes()
    {
        using var stop = new CancellationTokenSource();
        var (consumer, seen, run) = await ConsumeAsync(node, stop.Token);
        await using (consumer)
        {
            await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { AmqpUrl = AmqpUrl, BusEventsPerSecond = 200 });
            await BusClient.EventuallyAsync(() => StreamKeys.All(k => seen.Any(s => s.RoutingKey == k)),
                "every kind of the stream; seen so far: " + string.Join(", ", seen.Select(s => s.RoutingKey).Distinct()));
            await stop.CancelAsync();
            await run;
            Assert.Equal(0, emulator.BusMessagesFailed);
        }

        Assert.All(seen.Where(s => s.RoutingKey.StartsWith("ingress.event.", StringComparison.Ordinal)), s => Assert.Equal("application/protobuf", s.ContentType));
        Assert.All(seen.Where(s => !s.RoutingKey.StartsWith("ingress.event.", StringComparison.Ordinal)), s =>
        {
            Assert.Equal("application/json", s.ContentType);
            Assert.Equal("api.events", s.Exchange);
            Assert.Equal(JsonValueKind.Number, s.Body.GetProperty("event_timestamp").ValueKind);
        });

        var hit = First(seen, "watchlist.hit.process");
        Assert.Equal(JsonValueKind.Number, hit.GetProperty("watchlist_id").ValueKind);
        Assert.Equal(JsonValueKind.Array, hit.GetProperty("highlights").ValueKind);
        var doc = hit.GetProperty("docs")[0];
        Assert.Equal(49, doc.GetProperty("unique_id").GetString()!.Length); // GUID + 12-hex segment on a 6.x server
        Assert.Equal(JsonValueKind.Number, doc.GetProperty("sensor_id").ValueKind);

        var storage = First(seen, "watchlist.storage.hit.process");
        Assert.Equal(36, storage.GetProperty("process_id").GetString()!.Length);
        Assert.Equal(1, storage.GetProperty("docs").GetArrayLength());

        var binary = First(seen, "watchlist.storage.hit.binary");
        var md5 = binary.GetProperty("md5").GetString()!;
        Assert.Equal(md5.ToUpperInvariant(), md5);
        Assert.Equal(JsonValueKind.String, binary.GetProperty("docs")[0].GetProperty("observed_filename").ValueKind);

        var alert = First(seen, "alert.watchlist.hit.query.process");
        foreach (var field in alert.EnumerateObject().Where(f => f.Name != "event_timestamp"))
            Assert.True(field.Value.ValueKind == JsonValueKind.String, field.Name + " is a string in server alerts");
        Assert.Equal("watchlist.hit.query.process", alert.GetProperty("alert_type").GetString());
        Assert.Equal(alert.GetProperty("md5").GetString()!.ToLowerInvariant(), alert.GetProperty("md5").GetString());

        var feed = First(seen, "feed.ingress.hit.process");
        Assert.Equal("md5", feed.GetProperty("ioc_type").GetString());
        Assert.Equal(JsonValueKind.Number, feed.GetProperty("feed_id").ValueKind);

        var host = First(seen, "binaryinfo.host.observed");
        Assert.Equal(JsonValueKind.Number, host.GetProperty("sensor_id").ValueKind);
        Assert.Equal(JsonValueKind.Object, host.GetProperty("scores").ValueKind);

        var stored = First(seen, "binarystore.file.added");
        Assert.EndsWith(stored.GetProperty("md5").GetString() + ".zip", stored.GetProperty("file_path").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_are_transient_and_the_raw_sensor_exchange_exists_as_on_a_server()
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { AmqpUrl = AmqpUrl, BusEventsPerSecond = 100 });
        await using var connection = await BusClient.ConnectAsync(node);
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclarePassiveAsync("api.rawsensordata"); // throws (404) if the emulator did not declare it
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, "api.events", "binaryinfo.#");
        BasicGetResult? got = null;
        await BusClient.EventuallyAsync(() => (got = channel.BasicGetAsync(queue, autoAck: true).GetAwaiter().GetResult()) is not null, "a binaryinfo message");
        Assert.Equal("application/json", got!.BasicProperties.ContentType);
        Assert.Equal(DeliveryModes.Transient, got.BasicProperties.DeliveryMode);
        Assert.StartsWith("binaryinfo.", got.RoutingKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changes_made_through_the_REST_API_are_announced_as_the_server_announces_them()
    {
        using var stop = new CancellationTokenSource();
        var (consumer, seen, run) = await ConsumeAsync(node, stop.Token);
        await using (consumer)
        {
            await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { AmqpUrl = AmqpUrl, BusEventsPerSecond = 0 });
            using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
            http.DefaultRequestHeaders.Add("X-Auth-Token", emulator.Token);

            // A new watchlist runs at once: its matches are published as hits.
            using var created = await http.PostAsJsonAsync("/api/v1/watchlist", new { name = "Mimikatz again", search_query = "q=process_name:mimikatz.exe", index_type = "events" });
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            await BusClient.EventuallyAsync(() => seen.Any(s => s.RoutingKey == "watchlist.storage.hit.process"), "the new watchlist's hits");
            var hit = First(seen, "watchlist.hit.process");
            Assert.Equal(id, hit.GetProperty("watchlist_id").GetInt32());
            Assert.Equal("Mimikatz again", hit.GetProperty("watchlist_name").GetString());
            Assert.Equal("mimikatz.exe", hit.GetProperty("docs")[0].GetProperty("process_name").GetString());

            // An alert action makes the next run raise alerts, each announced.
            (await http.PostAsJsonAsync($"/api/v1/watchlist/{id}/action", new { action_type = 3, action_data = "{}" })).EnsureSuccessStatusCode();
            await BusClient.EventuallyAsync(() => seen.Any(s => s.RoutingKey == "alert.watchlist.hit.query.process"), "the raised alert");
            var alert = First(seen, "alert.watchlist.hit.query.process");
            Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), alert.GetProperty("watchlist_id").GetString());
            Assert.Equal("Unresolved", alert.GetProperty("status").GetString());
            Assert.Single(seen, s => s.RoutingKey == "watchlist.hit.process"); // already tagged: no second hit

            // Feed synchronisation: the command, then the result.
            (await http.PostAsJsonAsync("/api/v1/feed/1/synchronize", new { full_sync = true })).EnsureSuccessStatusCode();
            await BusClient.EventuallyAsync(() => seen.Any(s => s.RoutingKey == "feed.synchronized"), "the synchronised feed");
            Assert.True(First(seen, "cmd.feed.synchronize").GetProperty("full_sync").GetBoolean());
            Assert.Equal(1, First(seen, "feed.synchronized").GetProperty("feed_id").GetInt32());

            // Event partitions (6.x).
            using var partition = await http.PostAsync("/api/v1/storage/events/new_partition", null);
            var name = (await partition.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString();
            await BusClient.EventuallyAsync(() => seen.Any(s => s.RoutingKey == "events.partition.created"), "the new partition");
            Assert.Equal(name, First(seen, "events.partition.created").GetProperty("partition_name").GetString());

            await stop.CancelAsync();
            await run;
        }
        var keys = seen.Select(s => s.RoutingKey).ToList();
        Assert.True(keys.IndexOf("cmd.feed.synchronize") < keys.IndexOf("feed.synchronized"));
        Assert.True(keys.IndexOf("events.partition.creating") < keys.IndexOf("events.partition.created"));
        Assert.DoesNotContain("binaryinfo.observed", keys); // rate 0: no steady stream
    }
}
