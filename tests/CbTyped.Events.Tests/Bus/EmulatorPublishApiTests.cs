using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CbTyped.Emulator;
using CbTyped.Events.Consumer;
using CbTyped.Events.Tests.Fixtures;

namespace CbTyped.Events.Tests.Bus;

/// <summary>
/// The emulator library's publishing API for a user's own tests (<c>CbEmulator.PublishEventAsync</c>,
/// <c>PublishWatchlistHitAsync</c>): the event a test asks for reaches a consumer through the real broker.
/// </summary>
[Collection(BrokerFixtureDefinition.Name)]
public class EmulatorPublishApiTests(RabbitMqNode node)
{
    private sealed record Seen(string RoutingKey, string? ContentType, byte[] Body);

    private Uri AmqpUrl => new($"amqp://guest:guest@127.0.0.1:{node.AmqpPort}/");

    private async Task<(CbEventBusConsumer Consumer, ConcurrentQueue<Seen> Seen, Task Run)> ConsumeAsync(CancellationToken stop)
    {
        var seen = new ConcurrentQueue<Seen>();
        var consumer = new CbEventBusConsumer(BusClient.Options(node));
        consumer.On("#", (evt, _) =>
        {
            seen.Enqueue(new Seen(evt.RoutingKey, evt.Message.ContentType, evt.Message.Body.ToArray()));
            return Task.CompletedTask;
        });
        await consumer.StartAsync(CancellationToken.None);
        return (consumer, seen, consumer.RunAsync(stop));
    }

    [Fact]
    public async Task A_chosen_kind_a_watchlist_hit_for_a_chosen_process_and_a_body_of_the_tests_own_reach_the_consumer_in_order()
    {
        using var stop = new CancellationTokenSource();
        var (consumer, seen, run) = await ConsumeAsync(stop.Token);
        string observed, secondObserved, watchlistHit, processId;
        await using (consumer)
        {
            await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { AmqpUrl = AmqpUrl, BusEventsPerSecond = 0 });
            using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
            http.DefaultRequestHeaders.Add("X-Auth-Token", emulator.Token);
            var process = (await http.GetFromJsonAsync<JsonElement>("/api/v1/process?q=process_name:net.exe&rows=1")).GetProperty("results")[0];
            processId = process.GetProperty("id").GetString()!;

            observed = await emulator.PublishEventAsync("binaryinfo.observed");
            secondObserved = await emulator.PublishEventAsync("binaryinfo.observed");
            watchlistHit = await emulator.PublishWatchlistHitAsync(1, processId);
            await emulator.PublishEventAsync("contoso.playbook.test", Encoding.UTF8.GetBytes("{\"note\":\"from the test\"}"));
            await emulator.PublishEventAsync("contoso.playbook.bytes", new byte[] { 1, 2, 3 }, "application/octet-stream");

            await BusClient.EventuallyAsync(() => seen.Count >= 5, "the five published messages");
            await stop.CancelAsync();
            await run;
            Assert.Equal(5, emulator.BusMessagesPublished);
        }

        var messages = seen.ToList();
        Assert.Equal(["binaryinfo.observed", "binaryinfo.observed", "watchlist.hit.process", "contoso.playbook.test", "contoso.playbook.bytes"],
            messages.Select(m => m.RoutingKey));
        Assert.Equal(observed, Encoding.UTF8.GetString(messages[0].Body));
        Assert.Equal(secondObserved, Encoding.UTF8.GetString(messages[1].Body));
        using (var first = JsonDocument.Parse(observed))
        using (var second = JsonDocument.Parse(secondObserved))
        {
            // Each call takes the next binary of the kind's cycle.
            Assert.NotEqual(first.RootElement.GetProperty("md5").GetString(), second.RootElement.GetProperty("md5").GetString());
        }

        Assert.Equal(watchlistHit, Encoding.UTF8.GetString(messages[2].Body));
        using (var hit = JsonDocument.Parse(watchlistHit))
        {
            Assert.Equal(1, hit.RootElement.GetProperty("watchlist_id").GetInt32());
            var doc = hit.RootElement.GetProperty("docs")[0];
            Assert.Equal("net.exe", doc.GetProperty("process_name").GetString());
            Assert.StartsWith(processId, doc.GetProperty("unique_id").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("{\"note\":\"from the test\"}", Encoding.UTF8.GetString(messages[3].Body));
        Assert.Equal("application/json", messages[3].ContentType);
        Assert.Equal("application/octet-stream", messages[4].ContentType);
        Assert.Equal(new byte[] { 1, 2, 3 }, messages[4].Body);
    }

    [Fact]
    public async Task Bad_requests_are_clear_errors_naming_what_is_wrong()
    {
        await using (var quiet = await CbEmulator.StartAsync())
        {
            var noBus = await Assert.ThrowsAsync<InvalidOperationException>(() => quiet.PublishEventAsync("watchlist.hit.process"));
            Assert.Contains("AmqpUrl", noBus.Message, StringComparison.Ordinal);
        }

        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { AmqpUrl = AmqpUrl, BusEventsPerSecond = 0 });
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => emulator.PublishEventAsync("watchlist.hit.procesz"));
        Assert.Contains("watchlist.hit.procesz", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("binarystore.file.added", unknown.Message, StringComparison.Ordinal);
        var noProcess = await Assert.ThrowsAsync<ArgumentException>(() => emulator.PublishWatchlistHitAsync(1, "00000001-0000-0000-0000-000000000000"));
        Assert.Equal("processId", noProcess.ParamName);
        var noWatchlist = await Assert.ThrowsAsync<ArgumentException>(() => emulator.PublishWatchlistHitAsync(999, "x"));
        Assert.Equal("watchlistId", noWatchlist.ParamName);
        Assert.Equal(CbEmulator.BusEventRoutingKeys.Count, CbEmulator.BusEventRoutingKeys.Distinct().Count());
    }
}
