using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CbTyped.Events.Consumer;
using CbTyped.Events.Decoding;
using CbTyped.Events.JsonEvents;
using CbTyped.Events.Sources;
using CbTyped.Events.Tests.Fixtures;

namespace CbTyped.Events.Tests.Sources;

/// <summary>
/// The file and HTTP sources decode with <see cref="CbEventDecoder"/> unless told otherwise, as the bus consumer does:
/// the forwarder's lines become the same typed events, with the same typed values, as the decoder gives the consumer.
/// </summary>
public sealed class SourceDecodingTests : IDisposable
{
    // Lines as the forwarder writes them: keys sorted, event_timestamp renamed, docs split one per event.
    private const string WatchlistHit =
        "{\"cb_server\":\"\",\"cb_version\":\"6.3.0.200910.1452\",\"docs\":[{\"process_name\":\"net.exe\",\"unique_id\":\"00000001-0000-0a2c-01d2-3456789abcde-000000000001\"}],"
        + "\"process_guid\":\"00000001-0000-0a2c-01d2-3456789abcde\",\"server_name\":\"cb\",\"timestamp\":1479269410.5,\"type\":\"watchlist.hit.process\",\"watchlist_id\":7,\"watchlist_name\":\"Net use\"}";

    private const string Alert =
        "{\"alert_severity\":\"45.0\",\"alert_type\":\"watchlist.hit.query.process\",\"cb_server\":\"\",\"md5\":\"0D4F1B7EA2B9A3A8BB2E8D4C3DB1A7F1\",\"process_id\":\"00000001-0000-0a2c-01d2-3456789abcde\","
        + "\"status\":\"Unresolved\",\"timestamp\":1479269410.5,\"type\":\"alert.watchlist.hit.query.process\",\"unique_id\":\"a1b2\",\"watchlist_id\":\"7\"}";

    private const string ProcessStart =
        "{\"command_line\":\"net use\",\"computer_name\":\"WIN7\",\"event_type\":\"proc\",\"path\":\"c:\\\\windows\\\\system32\\\\net.exe\",\"process_guid\":\"00000001-0000-0a2c-01d2-3456789abcde\",\"sensor_id\":1,\"timestamp\":1479269410,\"type\":\"ingress.event.procstart\"}";

    private readonly string _dir = Directory.CreateTempSubdirectory("cbtyped-source-decoding-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>What the decoder gives the consumer for the same body under the same routing key.</summary>
    private static CbBusEvent AsConsumerDecodes(string type, string json) =>
        Assert.Single(new CbEventBusOptions().Decoder.Decode(new CbBusMessage(type, "application/json", Encoding.UTF8.GetBytes(json))));

    private static void AssertDecodedLikeTheConsumer(IReadOnlyList<CbBusEvent> events)
    {
        Assert.Equal(3, events.Count);
        var hit = Assert.IsType<CbWatchlistHitEvent>(events[0]);
        Assert.Equal(7, hit.Body.WatchlistId);
        Assert.Equal("Net use", hit.Body.WatchlistName);
        Assert.Equal("00000001-0000-0a2c-01d2-3456789abcde", Assert.Single(hit.ProcessDocuments).ProcessGuid);
        var alert = Assert.IsType<CbAlertEvent>(events[1]);
        Assert.Equal(7, alert.Body.WatchlistId);          // sent as text, typed as a number
        Assert.Equal(45.0, alert.Body.AlertSeverity);
        Assert.Equal("a1b2", alert.Body.UniqueId);
        var start = Assert.IsType<CbJsonEvent>(events[2]); // the forwarder already rendered the raw event as JSON
        Assert.Equal("ingress.event.procstart", start.RoutingKey);

        foreach (var (evt, json) in events.Zip([WatchlistHit, Alert, ProcessStart]))
        {
            var expected = AsConsumerDecodes(evt.RoutingKey, json);
            Assert.Equal(expected.GetType(), evt.GetType());
            Assert.Equal(((CbJsonEvent)expected).ToJson(), ((CbJsonEvent)evt).ToJson());
        }
    }

    [Fact]
    public async Task A_followed_file_yields_the_typed_events_the_consumer_gets()
    {
        Assert.IsType<CbEventDecoder>(new CbJsonLinesFileOptions().Decoder);
        var path = Path.Combine(_dir, "event_bridge_output.json");
        File.WriteAllText(path, WatchlistHit + "\n" + Alert + "\n" + ProcessStart + "\n");
        await using var source = new CbJsonLinesFileSource(new CbJsonLinesFileOptions { Path = path, PollInterval = TimeSpan.FromMilliseconds(20) }, new LogLines<CbJsonLinesFileSource>());
        var seen = new ConcurrentQueue<CbBusEvent>();
        using var stop = new CancellationTokenSource();
        var read = Task.Run(async () =>
        {
            await foreach (var evt in source.ReadAllAsync(stop.Token))
                seen.Enqueue(evt);
        });
        await BusClient.EventuallyAsync(() => seen.Count == 3, "the three lines");
        await stop.CancelAsync();
        await read;

        AssertDecodedLikeTheConsumer([.. seen]);
        Assert.Equal(0, source.SkippedLines);
    }

    [Fact]
    public async Task The_forwarders_http_output_yields_the_typed_events_the_consumer_gets()
    {
        Assert.IsType<CbEventDecoder>(new CbForwarderHttpOptions().Decoder);
        await using var source = new CbForwarderHttpSource(new CbForwarderHttpOptions(), new LogLines<CbForwarderHttpSource>());
        var seen = new ConcurrentQueue<CbBusEvent>();
        source.On("#", (evt, _) => { seen.Enqueue(evt); return Task.CompletedTask; });
        using var stop = new CancellationTokenSource();
        await source.StartAsync();
        var run = source.RunAsync(stop.Token);
        using var http = new HttpClient();
        var body = "{\"filename\": \"/var/cb/data/event-forwarder/event-bundle\", \"service\": \"carbonblack\", \"alerts\":[" + WatchlistHit + "\n, " + Alert + "\n, " + ProcessStart + "]}";
        using var response = await http.PostAsync(source.Url, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await stop.CancelAsync();
        await run;

        AssertDecodedLikeTheConsumer([.. seen]);
        Assert.Equal(0, source.SkippedEvents);
    }
}
