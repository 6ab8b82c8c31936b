using System.Text;
using System.Text.Json;
using CbTyped.Events.Decoding;
using CbTyped.Events.JsonEvents;

namespace CbTyped.Events.Tests.Decoding;

public class JsonEventDecodingTests
{
    private static CbBusEvent Decode(string routingKey, string json, string contentType = "application/json") =>
        Assert.Single(CbEventDecoder.Default.Decode(new CbBusMessage(routingKey, contentType, Encoding.UTF8.GetBytes(json))));

    // Shaped like a recorded watchlist.hit.process body (5.x server: 8-hex segment).
    private const string WatchlistHit = """
        {"cb_version":"5.1.1.60603","docs":[{"unique_id":"00000003-0000-0a5c-01d1-4b2a9e5e3f10-00000001","process_md5":"a3f6a1b2c3d4e5f60718293a4b5c6d7e",
          "sensor_id":3,"process_pid":2652,"process_name":"notepad.exe","hostname":"WIN7","cmdline":"notepad.exe x.txt","alliance_score_srstrust":-100},
          {"unique_id":"00000004-0000-0b00-01d1-4b2a9e5e3f10-0000000a","process_md5":"00112233445566778899aabbccddeeff"}],
         "event_timestamp":1455825468.352,"highlights":[],"server_name":"cb","watchlist_id":12,"watchlist_name":"Notepad","new_field":{"x":1}}
        """;

    [Fact]
    public void A_watchlist_hit_is_typed_with_its_documents_and_keeps_unknown_fields()
    {
        var hit = Assert.IsType<CbWatchlistHitEvent>(Decode("watchlist.hit.process", WatchlistHit));
        Assert.False(hit.IsBinary);
        Assert.Equal(12, hit.WatchlistId);
        Assert.Equal("Notepad", hit.WatchlistName);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1455825468352), hit.EventTimestamp);
        Assert.Equal(2, hit.Documents.Count);
        var doc = hit.Documents[0];
        Assert.Equal("00000003-0000-0a5c-01d1-4b2a9e5e3f10", doc.ProcessGuid);
        Assert.Equal(1, doc.SegmentId);
        Assert.Equal(3, doc.SensorId);
        Assert.Equal("A3F6A1B2C3D4E5F60718293A4B5C6D7E", doc.ProcessMd5);
        Assert.Equal(10, hit.Documents[1].SegmentId);
        Assert.Equal(4, hit.Documents[1].SensorId); // from the GUID when the document has no sensor_id
        Assert.Equal(-100, doc.Json.GetProperty("alliance_score_srstrust").GetInt32());
        Assert.Equal(["highlights", "new_field"], hit.UnknownFields.Keys.Order(StringComparer.Ordinal));

        using var json = JsonDocument.Parse(hit.ToJson());
        Assert.Equal(12, json.RootElement.GetProperty("watchlist_id").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("new_field").GetProperty("x").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("docs").GetArrayLength());
    }

    [Fact]
    public void An_alert_reads_its_numbers_from_text_and_writes_them_as_numbers()
    {
        var alert = Assert.IsType<CbAlertEvent>(Decode("alert.watchlist.hit.query.process", """
            {"alert_severity":"57.375","alert_type":"watchlist.hit.query.process","created_time":"2016-02-18T20:03:41.352000Z","event_timestamp":1455825821.55,
             "md5":"a3f6a1b2c3d4e5f60718293a4b5c6d7e","process_id":"00000003-0000-0a5c-01d1-4b2a9e5e3f10","sensor_id":"3","segment_id":"1",
             "status":"Unresolved","unique_id":"5f4a3c1e-1111-2222-3333-444455556666","watchlist_id":"12","watchlist_name":"Notepad","report_score":"75"}
            """));
        Assert.Equal(57.375, alert.AlertSeverity);
        Assert.Equal(3, alert.SensorId);
        Assert.Equal(12, alert.WatchlistId);
        Assert.Equal(new DateTimeOffset(2016, 2, 18, 20, 3, 41, 352, TimeSpan.Zero), alert.CreatedTime);
        Assert.Equal("A3F6A1B2C3D4E5F60718293A4B5C6D7E", alert.Md5); // process alerts send lower case
        Assert.Empty(alert.UnknownFields);
        using var json = JsonDocument.Parse(alert.ToJson());
        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("sensor_id").ValueKind);
        Assert.Equal("2016-02-18T20:03:41.352Z", json.RootElement.GetProperty("created_time").GetString());
    }

    [Fact]
    public void Feed_binary_and_store_events_have_their_types()
    {
        var feed = Assert.IsType<CbFeedHitEvent>(Decode("feed.24.ingress.hit.process",
            """{"event_timestamp":1.5e9,"feed_id":24,"feed_name":"isight","ioc_type":"dns","ioc_value":"evil.example","ioc_attr":{"direction":"Outbound"},"sensor_id":3,"report_id":"r-1","report_score":80}"""));
        Assert.Equal("ingress", feed.HitStage);
        Assert.Equal(24, feed.FeedId);
        Assert.Equal("Outbound", feed.IocAttributes!.Value.GetProperty("direction").GetString());

        var observed = Assert.IsType<CbBinaryObservedEvent>(Decode("binaryinfo.host.observed", """{"event_timestamp":1.5e9,"hostname":"H","md5":"ABC","scores":{},"sensor_id":3,"watchlists":{}}"""));
        Assert.Equal(3, observed.SensorId);
        var stored = Assert.IsType<CbBinaryStoredEvent>(Decode("binarystore.file.added", """{"compressed_size":10,"event_timestamp":1.5e9,"file_path":"/var/cb/x.zip","md5":"ABC","node_id":0,"size":20}"""));
        Assert.Equal(20, stored.Size);
        Assert.IsType<CbJsonEvent>(Decode("feed.synchronized", """{"feed_id":1}"""));
        Assert.IsType<CbJsonEvent>(Decode("ingress.event.procstart", """{"type":"ingress.event.procstart"}""")); // the forwarder's own JSON
    }

    [Fact]
    public void Bad_json_a_non_object_and_a_contradicting_content_type_are_decode_exceptions()
    {
        var bad = Assert.Throws<CbEventDecodeException>(() => Decode("watchlist.hit.process", "{\"docs\":[1,"));
        Assert.Contains("'watchlist.hit.process'", bad.Message, StringComparison.Ordinal);
        Assert.Throws<CbEventDecodeException>(() => Decode("watchlist.hit.process", "[1,2]"));
        Assert.Throws<CbEventDecodeException>(() => Decode("alert.watchlist.hit.query.binary", "{}", "application/protobuf"));
    }

    [Fact]
    public void An_unknown_routing_key_or_content_type_is_an_unknown_event()
    {
        Assert.IsType<CbUnknownEvent>(Decode("some.future.event", "{}"));
        Assert.IsType<CbUnknownEvent>(Decode("watchlist.hit.process", "{}", "text/plain"));
        Assert.IsType<CbUnknownEvent>(Decode("watchlist.hit.process", "{}", null!));
        Assert.IsType<CbWatchlistHitEvent>(Decode("watchlist.hit.process", "{}", "application/json; charset=utf-8"));
    }
}
