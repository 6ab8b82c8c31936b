using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CbTyped.Events.Decoding;
using CbTyped.Events.JsonEvents;

namespace CbTyped.Events.Tests.Decoding;

public class JsonEventDecodingTests
{
    private static CbBusEvent Decode(string routingKey, string json, string contentType = "application/json") =>
        Assert.Single(CbEventDecoder.Default.Decode(new CbBusMessage(routingKey, contentType, Encoding.UTF8.GetBytes(json))));

    private static T Decode<T>(string routingKey, string json) where T : CbBusEvent => Assert.IsType<T>(Decode(routingKey, json));

    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (key, _, _) in JsonEventSamples.All)
            data.Add(key, key);
        return data;
    }

    private static (string Key, string Body, Type Type) Sample(string key) => JsonEventSamples.All.First(s => s.Key == key);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_json_event_type_decodes_to_its_typed_event_and_round_trips_with_an_unknown_field(string key, string _)
    {
        var (_, body, type) = Sample(key);
        var withFuture = body.TrimEnd()[..^1] + ""","zz_future":{"a":[1,"x"],"b":null}}""";

        var evt = Assert.IsAssignableFrom<CbJsonEvent>(Decode(key, withFuture));

        Assert.IsType(type, evt);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(withFuture), JsonNode.Parse(evt.ToJson())), evt.ToJson());
        Assert.Equal("""{"a":[1,"x"],"b":null}""", evt.UnknownFields["zz_future"].GetRawText());
        Assert.DoesNotContain("event_timestamp", evt.UnknownFields.Keys);
        Assert.DoesNotContain("docs", evt.UnknownFields.Keys); // read into the documents' models by the hit events
        CbTyped.Modeling.CbModel model = evt switch
        {
            CbWatchlistHitEvent e => e.Body,
            CbFeedHitEvent e => e.Body,
            CbAlertEvent e => e.Body,
            CbBinaryObservedEvent e => e.Body,
            CbBinaryStoredEvent e => e.Body,
            CbFeedSynchronizedEvent e => e.Body,
            CbFeedSyncRequestedEvent e => e.Body,
            _ => throw new InvalidOperationException(evt.GetType().Name),
        };
        Assert.Contains(new KeyValuePair<string, string>("zz_future", """{"a":[1,"x"],"b":null}"""), model.GetUnknownFields()); // the generated reader keeps it too
        Assert.NotNull(evt.EventTimestamp);
    }

    [Fact]
    public void A_watchlist_process_hit_types_its_body_and_its_process_documents()
    {
        var hit = Decode<CbWatchlistHitEvent>("watchlist.hit.process", JsonEventSamples.WatchlistHitProcess);

        Assert.False(hit.IsBinary);
        Assert.Equal(12, hit.Body.WatchlistId);
        Assert.Equal("Notepad", hit.Body.WatchlistName);
        Assert.Equal("5.1.1.60603", hit.Body.CbVersion);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1455825468352), hit.Body.EventTimestamp);
        Assert.Equal("PREPREPREnotepad.exePOSTPOSTPOST", Assert.Single(hit.Body.Highlights!).Name);
        Assert.Empty(hit.BinaryDocuments);
        Assert.Equal(2, hit.ProcessDocuments.Count);
        var doc = hit.ProcessDocuments[0];
        Assert.Equal("00000003-0000-0a5c-01d1-4b2a9e5e3f10", doc.Id);
        Assert.Equal(1, doc.SegmentId);
        Assert.Equal(3, doc.SensorId);
        Assert.Equal(2652, doc.ProcessPid);
        Assert.Equal("a3f6a1b2c3d4e5f60718293a4b5c6d7e", doc.ProcessMd5);
        Assert.Equal(-1062731519, doc.CommsIp);
        Assert.Equal(new DateTimeOffset(2016, 2, 18, 20, 3, 41, 350, TimeSpan.Zero), doc.Start);
        Assert.Equal("-100", doc.GetUnknownFields().Single(f => f.Key == "alliance_score_srstrust").Value); // feed scores are kept
        var second = hit.ProcessDocuments[1];
        Assert.Null(second.Id);
        Assert.Equal("00000004-0000-0b00-01d1-4b2a9e5e3f10", second.ProcessGuid); // from unique_id
        Assert.Equal(10, second.ProcessSegment);
        Assert.Equal(4, second.ProcessSensorId);                                  // the GUID's first 8 hex digits
        Assert.Empty(hit.UnknownFields);
    }

    [Fact]
    public void Storage_hits_carry_the_process_or_binary_at_the_top_and_single_strings_read_as_lists()
    {
        var process = Decode<CbWatchlistHitEvent>("watchlist.storage.hit.process", JsonEventSamples.WatchlistStorageHitProcess);
        Assert.Equal("00000003-0000-0a5c-01d1-4b2a9e5e3f10", process.Body.ProcessId);
        var doc = Assert.Single(process.ProcessDocuments);
        Assert.Equal(-5764607523034234880, doc.ParentId);
        Assert.Equal(2, doc.ProcessSegment);
        Assert.Equal("2016-02-18T20:03:41.352000Z", doc.GetUnknownFields().Single(f => f.Key == "watchlist_12").Value.Trim('"'));

        var binary = Decode<CbWatchlistHitEvent>("watchlist.storage.hit.binary", JsonEventSamples.WatchlistStorageHitBinary);
        Assert.True(binary.IsBinary);
        Assert.Equal("0123456789ABCDEF0123456789ABCDEF", binary.Body.Md5);
        var bin = Assert.Single(binary.BinaryDocuments);
        Assert.Equal([@"c:\windows\a.exe"], bin.ObservedFilename!);
        Assert.Equal(["WIN7|3"], bin.Endpoint!);
        Assert.Equal(["Default Group"], bin.Group!);
        Assert.False(bin.Is64bit);

        var search = Decode<CbWatchlistHitEvent>("watchlist.hit.binary", JsonEventSamples.WatchlistHitBinary);
        var found = Assert.Single(search.BinaryDocuments);
        Assert.Equal(2, found.ObservedFilename!.Count);
        Assert.Equal(2048, found.OrigModLen);
        Assert.True(found.Is64bit);
        Assert.Equal(new DateTimeOffset(2016, 2, 18, 20, 3, 41, TimeSpan.Zero), found.ServerAddedTimestamp);
    }

    [Fact]
    public void An_alert_reads_every_value_from_text_into_its_type()
    {
        var alert = Decode<CbAlertEvent>("alert.watchlist.hit.query.process", JsonEventSamples.AlertProcess).Body;
        Assert.Equal(57.375, alert.AlertSeverity);
        Assert.Equal(3, alert.SensorId);
        Assert.Equal(12, alert.WatchlistId);
        Assert.Equal(-1, alert.FeedId);
        Assert.Equal(75, alert.ReportScore);
        Assert.Equal(1, alert.SegmentId);
        Assert.Equal(new DateTimeOffset(2016, 2, 18, 20, 3, 41, 352, TimeSpan.Zero), alert.CreatedTime);
        Assert.Equal("a3f6a1b2c3d4e5f60718293a4b5c6d7e", alert.Md5); // as sent: process alerts send lower case
        Assert.Contains(new KeyValuePair<string, string>("modload_count", "\"12\""), alert.GetUnknownFields()); // kept as sent

        var binary = Decode<CbAlertEvent>("alert.watchlist.hit.query.binary", JsonEventSamples.AlertBinary).Body;
        Assert.Equal([@"c:\windows\a.exe", @"c:\temp\a.exe"], binary.ObservedFilename!);
        Assert.Equal(["WIN8"], binary.OtherHostnames!);
        Assert.Equal(2, binary.HostCount);
        Assert.Null(binary.SensorId);

        var feedAlert = Decode<CbAlertEvent>("alert.watchlist.hit.ingress.process", JsonEventSamples.AlertProcess.Replace("\"watchlist_id\":\"12\"", "\"watchlist_id\":\"\"", StringComparison.Ordinal)).Body;
        Assert.Null(feedAlert.WatchlistId); // feed alerts send an empty watchlist id
    }

    [Fact]
    public void Feed_hits_type_their_ioc_and_documents()
    {
        var ingress = Decode<CbFeedHitEvent>("feed.24.ingress.hit.process", JsonEventSamples.FeedIngressHitProcess);
        Assert.Equal("ingress", ingress.HitStage);
        Assert.Equal(24, ingress.Body.FeedId);
        Assert.Equal("r-1", ingress.Body.ReportId);
        Assert.False(ingress.Body.FromFeedSearch);
        Assert.Equal("Outbound", ingress.Body.IocAttr!.Direction);
        Assert.Equal(443, ingress.Body.IocAttr.RemotePort);
        Assert.Equal("203.0.113.9", ingress.Body.IocAttr.RemoteIp);
        Assert.Empty(ingress.ProcessDocuments);

        var query = Decode<CbFeedHitEvent>("feed.query.hit.process", JsonEventSamples.FeedQueryHitProcess);
        Assert.Equal("query", query.HitStage);
        Assert.Equal(2, query.Body.SegmentId);
        Assert.Equal(["PREPREPREnotepad.exePOSTPOSTPOST"], query.Body.IocAttrs!.Highlights!);
        Assert.Equal(2, Assert.Single(query.ProcessDocuments).ProcessSegment); // a 12-hex segment

        var storage = Decode<CbFeedHitEvent>("feed.storage.hit.binary", JsonEventSamples.FeedStorageHitBinary);
        var doc = Assert.Single(storage.BinaryDocuments);
        Assert.Equal(2048, doc.OrigModLen);   // sent as text in this event
        Assert.False(doc.Is64bit);            // "false"
        Assert.True(doc.IsExecutableImage);
    }

    [Fact]
    public void Binary_events_type_their_maps_and_sizes()
    {
        var observed = Decode<CbBinaryObservedEvent>("binaryinfo.observed", JsonEventSamples.BinaryInfoObserved).Body;
        Assert.Equal(-100, observed.Scores!["alliance_score_srstrust"]);
        Assert.Equal(new DateTimeOffset(2016, 2, 18, 20, 3, 41, 352, TimeSpan.Zero), observed.Watchlists!["watchlist_14"]);
        Assert.Equal(3, Decode<CbBinaryObservedEvent>("binaryinfo.host.observed", JsonEventSamples.BinaryInfoHostObserved).Body.SensorId);
        Assert.Equal("Default Group", Decode<CbBinaryObservedEvent>("binaryinfo.group.observed", JsonEventSamples.BinaryInfoGroupObserved).Body.Group);

        var stored = Decode<CbBinaryStoredEvent>("binarystore.file.added", JsonEventSamples.BinaryStoreFileAdded).Body;
        Assert.Equal(2048, stored.Size);
        Assert.Equal(1228, stored.CompressedSize);
        Assert.Equal(0, stored.NodeId);
        Assert.StartsWith("/var/cb/data/modulestore/", stored.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public void A_join_of_an_event_without_a_client_says_how_to_attach_one()
    {
        var hit = Decode<CbWatchlistHitEvent>("watchlist.hit.process", JsonEventSamples.WatchlistHitProcess);
        var e = Assert.Throws<InvalidOperationException>(() => hit.Body.GetWatchlistAsync().GetAwaiter().GetResult());
        Assert.Contains("not attached to a client", e.Message, StringComparison.Ordinal);
        Assert.Null(hit.Body.Watchlist); // the lazy reference needs a client too
    }

    [Fact]
    public void Other_json_families_are_plain_json_events()
    {
        Assert.IsType<CbJsonEvent>(Decode("events.partition.created", """{"partition_name":"cbevents_2016_11_01_0000"}""")); // no published schema
        Assert.IsType<CbJsonEvent>(Decode("task.error.logged", """{"event_timestamp":1477000000.25}"""));
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
