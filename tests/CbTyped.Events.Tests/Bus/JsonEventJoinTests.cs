using System.Collections.Concurrent;
using CbTyped.Emulator;
using CbTyped.Events.Consumer;
using CbTyped.Events.Decoding;
using CbTyped.Events.JsonEvents;
using CbTyped.Events.Tests.Fixtures;
using CbTyped.Response;

namespace CbTyped.Events.Tests.Bus;

/// <summary>
/// The JSON events the emulator publishes for its seeded data, consumed from the broker with a decoder that attaches
/// a REST client, and their joins followed over HTTP to the same emulator.
/// </summary>
[Collection(BrokerFixtureDefinition.Name)]
public class JsonEventJoinTests(RabbitMqNode node)
{
    private static readonly string[] Keys =
    [
        "watchlist.hit.process", "watchlist.storage.hit.process", "watchlist.storage.hit.binary", "feed.ingress.hit.process",
        "feed.storage.hit.binary", "alert.watchlist.hit.query.process", "binaryinfo.host.observed", "binarystore.file.added",
        "watchlist.hit.binary", "alert.watchlist.hit.query.binary",
    ];

    [Fact]
    public async Task Every_json_event_joins_to_the_rest_models_it_names_on_the_emulator()
    {
        var amqp = new Uri($"amqp://guest:guest@127.0.0.1:{node.AmqpPort}/");
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { AmqpUrl = amqp, BusEventsPerSecond = 200 });
        using var cb = new CbResponseClient(emulator.BaseUrl, emulator.Token);
        var options = BusClient.Options(node);
        options.Decoder = new CbEventDecoder(new CbEventDecoderOptions { Client = cb });
        foreach (var key in Keys)
            options.RoutingKeys.Add(key);
        var first = new ConcurrentDictionary<string, CbJsonEvent>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource();
        await using (var consumer = new CbEventBusConsumer(options))
        {
            consumer.On<CbJsonEvent>("#", (evt, _) =>
            {
                first.TryAdd(evt.RoutingKey, evt);
                return Task.CompletedTask;
            });
            await consumer.StartAsync();
            var run = consumer.RunAsync(stop.Token);
            await BusClient.EventuallyAsync(() => Keys.All(first.ContainsKey), "one event of each key; seen: " + string.Join(", ", first.Keys));
            await stop.CancelAsync();
            await run;
        }

        var hit = (CbWatchlistHitEvent)first["watchlist.hit.process"];
        Assert.Equal(hit.Body.WatchlistId, (await hit.Body.GetWatchlistAsync())!.Id);
        var doc = hit.ProcessDocuments[0];
        var process = (await doc.GetProcessAsync())!;
        Assert.Equal(doc.Id, process.Id);
        Assert.Equal(doc.SegmentId, process.SegmentId);
        Assert.Equal(doc.SensorId, (await doc.GetSensorAsync())!.Id);
        Assert.Equal(doc.ProcessMd5, process.ProcessMd5);

        var storage = (CbWatchlistHitEvent)first["watchlist.storage.hit.process"];
        Assert.Equal(storage.Body.ProcessId, (await storage.Body.GetProcessAsync())!.Id);
        Assert.Null(await storage.ProcessDocuments[0].GetProcessAsync()); // storage documents carry no id: the body's join applies

        var storedBinary = (CbWatchlistHitEvent)first["watchlist.storage.hit.binary"];
        Assert.Equal(storedBinary.Body.Md5, (await storedBinary.Body.GetBinaryAsync())!.Md5, ignoreCase: true);
        Assert.Equal(storedBinary.Body.WatchlistName, (await storedBinary.Body.GetWatchlistAsync())!.Name);

        var feed = (CbFeedHitEvent)first["feed.ingress.hit.process"];
        Assert.Equal(feed.Body.FeedName, (await feed.Body.GetFeedAsync())!.Name);
        var report = (await feed.Body.GetReportAsync())!;
        Assert.Equal(feed.Body.ReportId, report.Id);
        Assert.Equal(feed.Body.SensorId, (await feed.Body.GetSensorAsync())!.Id);
        Assert.Equal(feed.Body.ProcessId, (await feed.Body.GetProcessAsync())!.Id);

        var feedBinary = (CbFeedHitEvent)first["feed.storage.hit.binary"];
        Assert.Equal(feedBinary.Body.Md5, (await feedBinary.BinaryDocuments[0].GetBinaryAsync())!.Md5, ignoreCase: true);

        var alert = (CbAlertEvent)first["alert.watchlist.hit.query.process"];
        var alerted = (await alert.Body.GetProcessAsync())!;
        Assert.Equal(alert.Body.ProcessId, alerted.Id);
        Assert.Equal(alert.Body.SensorId, (await alert.Body.GetSensorAsync())!.Id);
        Assert.Equal(alert.Body.Md5, (await alert.Body.GetBinaryAsync())!.Md5, ignoreCase: true);

        var binaryAlert = (CbAlertEvent)first["alert.watchlist.hit.query.binary"];
        Assert.Null(await binaryAlert.Body.GetProcessAsync());           // a binary alert has no process (no request)
        Assert.Equal(binaryAlert.Body.Md5, (await binaryAlert.Body.GetBinaryAsync())!.Md5, ignoreCase: true);
        Assert.Equal(binaryAlert.Body.WatchlistName, (await binaryAlert.Body.GetWatchlistAsync())!.Name);

        var binaryHit = (CbWatchlistHitEvent)first["watchlist.hit.binary"];
        Assert.True(binaryHit.IsBinary);
        Assert.NotEmpty(binaryHit.BinaryDocuments);
        foreach (var found in binaryHit.BinaryDocuments)
            Assert.Equal(found.Md5, (await found.GetBinaryAsync())!.Md5, ignoreCase: true);

        var observed = (CbBinaryObservedEvent)first["binaryinfo.host.observed"];
        Assert.Equal(observed.Body.Md5, (await observed.Body.GetBinaryAsync())!.Md5);
        Assert.Equal(observed.Body.Hostname, (await observed.Body.GetSensorAsync())!.ComputerName);

        var stored = (CbBinaryStoredEvent)first["binarystore.file.added"];
        Assert.Equal(stored.Body.Size, (await stored.Body.GetBinaryAsync())!.OrigModLen);
    }

    [Fact]
    public async Task An_event_decoded_without_a_client_joins_once_attached()
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions());
        using var cb = new CbResponseClient(emulator.BaseUrl, emulator.Token);
        var watchlist = (await cb.Select<Watchlist>().ToListAsync())[0];
        var body = $$"""{"watchlist_id":{{watchlist.Id}},"watchlist_name":"w","event_timestamp":1700000000.5,"highlights":[],"docs":[]}""";
        var hit = Assert.IsType<CbWatchlistHitEvent>(Assert.Single(CbEventDecoder.Default.Decode(
            new CbBusMessage("watchlist.hit.process", "application/json", System.Text.Encoding.UTF8.GetBytes(body)))));

        await Assert.ThrowsAsync<InvalidOperationException>(() => hit.Body.GetWatchlistAsync());
        hit.Attach(cb);

        Assert.Equal(watchlist.Name, (await hit.Body.GetWatchlistAsync())!.Name);
    }
}
