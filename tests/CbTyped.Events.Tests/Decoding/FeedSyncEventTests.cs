using System.Text;
using CbTyped.Emulator;
using CbTyped.Events.Decoding;
using CbTyped.Events.JsonEvents;
using CbTyped.Response;

namespace CbTyped.Events.Tests.Decoding;

/// <summary>feed.synchronized and cmd.feed.synchronize: their typed bodies, and the feed they name fetched from the emulator.</summary>
public class FeedSyncEventTests
{
    private static CbBusEvent Decode(CbEventDecoder decoder, string routingKey, string json) =>
        Assert.Single(decoder.Decode(new CbBusMessage(routingKey, "application/json", Encoding.UTF8.GetBytes(json))));

    [Fact]
    public void A_synchronized_feed_types_its_times_and_a_null_scan_start()
    {
        var done = Assert.IsType<CbFeedSynchronizedEvent>(Decode(CbEventDecoder.Default, "feed.synchronized", JsonEventSamples.FeedSynchronized));
        Assert.Equal(24, done.Body.FeedId);
        Assert.Equal("isight", done.Body.FeedName);
        Assert.Equal(new DateTimeOffset(2016, 10, 20, 21, 46, 40, TimeSpan.Zero), done.Body.FeedUpdateTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1477000000), done.Body.ScanStartTime);
        Assert.Empty(done.UnknownFields);

        var unscanned = Assert.IsType<CbFeedSynchronizedEvent>(Decode(CbEventDecoder.Default, "feed.synchronized",
            """{"event_timestamp":1477000000.25,"feed_id":24,"feed_name":"isight","feed_update_time":"2016-10-20T21:46:40Z","scan_start_time":null}"""));
        Assert.Null(unscanned.Body.ScanStartTime);

        var request = Assert.IsType<CbFeedSyncRequestedEvent>(Decode(CbEventDecoder.Default, "cmd.feed.synchronize", JsonEventSamples.FeedSynchronize));
        Assert.Equal(24, request.Body.FeedId);
        Assert.True(request.Body.FullSync);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1477000000250), request.Body.EventTimestamp);
    }

    [Fact]
    public async Task Both_events_fetch_their_feed_from_the_emulator()
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions());
        using var cb = new CbResponseClient(emulator.BaseUrl, emulator.Token);
        var decoder = new CbEventDecoder(new CbEventDecoderOptions { Client = cb });

        var done = Assert.IsType<CbFeedSynchronizedEvent>(Decode(decoder, "feed.synchronized", """{"event_timestamp":1477000000.25,"feed_id":1,"feed_name":"x"}"""));
        var request = Assert.IsType<CbFeedSyncRequestedEvent>(Decode(decoder, "cmd.feed.synchronize", """{"event_timestamp":1477000000.25,"feed_id":1,"full_sync":false}"""));
        var gone = Assert.IsType<CbFeedSyncRequestedEvent>(Decode(decoder, "cmd.feed.synchronize", """{"event_timestamp":1477000000.25,"feed_id":987654,"full_sync":false}"""));

        var feed = (await done.Body.GetFeedAsync())!;
        Assert.Equal(1, feed.Id);
        Assert.False(string.IsNullOrEmpty(feed.Name));
        Assert.Equal(feed.Name, (await request.Body.GetFeedAsync())!.Name);
        Assert.Null(await gone.Body.GetFeedAsync()); // no feed has that id
    }
}
