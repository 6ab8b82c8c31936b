using System.Text;
using CbTyped.Events.Decoding;
using CbTyped.Events.Protobuf;
using CbTyped.Events.RawEvents;
using Google.Protobuf;

namespace CbTyped.Events.Tests.Decoding;

public class BundleDecodingTests
{
    // As the server sends them: long sensorId and hostId, int nodeId, and the host name as a long string (bytes).
    private static readonly Dictionary<string, object?> Headers = new()
    {
        ["sensorId"] = 12L,
        ["hostId"] = 34L,
        ["nodeId"] = 0,
        ["sensorHostName"] = Encoding.UTF8.GetBytes("BUNDLE-HOST"),
    };

    private static CbEventMsg WithoutEnv(CbEventMsg msg)
    {
        msg.Env = null; // bundle records have none
        return msg;
    }

    private static CbBusMessage Zip(byte[] body) =>
        new("", "application/zip", body) { Exchange = CbEventDecoder.RawSensorDataExchange, Headers = Headers };

    [Fact]
    public void A_zip_bundle_of_several_members_yields_every_record_in_order_with_the_headers_sensor()
    {
        var body = SampleEvents.Zip(
            SampleEvents.Bundle(WithoutEnv(SampleEvents.ProcessStart()), WithoutEnv(SampleEvents.FileMod())),
            SampleEvents.Bundle(WithoutEnv(SampleEvents.RegMod())));
        var events = CbEventDecoder.Default.Decode(Zip(body));
        Assert.Collection(events,
            e => Assert.IsType<CbProcessEvent>(e),
            e => Assert.IsType<CbFileModEvent>(e),
            e => Assert.IsType<CbRegModEvent>(e));
        var first = (CbRawSensorEvent)events[0];
        Assert.Equal(12, first.SensorId);
        Assert.Equal("BUNDLE-HOST", first.ComputerName);
        Assert.Equal(34, first.Sensor.HostId);
        Assert.Equal("0000000c-0000-1234-01d2-3456789abcde", first.ProcessGuid);
    }

    [Fact]
    public async Task Each_bundle_record_carries_the_routing_key_of_its_kind_and_reaches_the_handlers_of_that_key()
    {
        var end = SampleEvents.ProcessStart();
        end.Process.Created = false;
        var records = new[]
        {
            SampleEvents.ProcessStart(), end, SampleEvents.FileMod(), SampleEvents.RegMod(),
            SampleEvents.With(m => m.Modload = new CbModuleLoadMsg()),
            SampleEvents.With(m => m.Networkv2 = new CbNetConnMsgv2()),
            SampleEvents.With(m => m.Childproc = new CbChildProcessMsg { Created = true }),
            SampleEvents.With(m => m.Crossproc = new CbCrossProcessMsg { Open = new CbCrossProcessOpenMsg() }),
            SampleEvents.With(m => m.Crossproc = new CbCrossProcessMsg { Remotethread = new CbCreateRemoteThreadMsg() }),
            SampleEvents.With(m => m.Blocked = new CbProcessBlockedMsg()),
            SampleEvents.With(m => m.TamperAlert = new CbTamperAlertMsg()),
            SampleEvents.With(m => m.Module = new CbModuleInfoMsg()),
            SampleEvents.With(m => m.Stats = new CbStatisticsMsg()), // no key of its own: the bundle's
        };
        var events = CbEventDecoder.Default.Decode(Zip(SampleEvents.Zip(SampleEvents.Bundle([.. records.Select(WithoutEnv)]))));

        Assert.Equal(
            ["ingress.event.process", "ingress.event.procend", "ingress.event.filemod", "ingress.event.regmod", "ingress.event.moduleload",
             "ingress.event.netconn", "ingress.event.childproc", "ingress.event.crossprocopen", "ingress.event.remotethread",
             "ingress.event.processblock", "ingress.event.tamper", "ingress.event.module", ""],
            events.Select(e => e.RoutingKey));
        Assert.All(events, e => Assert.Equal("", e.Message.RoutingKey));   // the delivery's own key is kept on the message
        Assert.All(events, e => Assert.True(((CbRawSensorEvent)e).IsBundleRecord));

        var seen = new List<string>();
        var registry = new CbEventHandlerRegistry().On("ingress.event.filemod", (e, _) => { seen.Add(((CbRawSensorEvent)e).ForwarderType); return Task.CompletedTask; });
        foreach (var evt in events)
            await registry.DispatchAsync(evt, CancellationToken.None);
        Assert.Equal(["ingress.event.filemod"], seen);

        // A single event on api.events keeps the routing key it was published with.
        var single = Assert.Single(CbEventDecoder.Default.Decode(new CbBusMessage("ingress.event.procstart", "application/protobuf", SampleEvents.ProcessStart().ToByteArray())));
        Assert.Equal("ingress.event.procstart", single.RoutingKey);
        Assert.False(((CbRawSensorEvent)single).IsBundleRecord);
    }

    [Fact]
    public void A_bare_bundle_from_the_raw_exchange_decodes_and_integer_headers_may_be_text()
    {
        var headers = new Dictionary<string, object?> { ["sensorId"] = Encoding.ASCII.GetBytes("99"), ["sensorHostName"] = "H" };
        var message = new CbBusMessage("", "application/protobuf", SampleEvents.Bundle(WithoutEnv(SampleEvents.RegMod()), WithoutEnv(SampleEvents.RegMod())))
        {
            Exchange = CbEventDecoder.RawSensorDataExchange,
            Headers = headers,
        };
        var events = CbEventDecoder.Default.Decode(message);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(99, ((CbRawSensorEvent)e).SensorId));
    }

    [Fact]
    public void A_bundle_without_headers_has_sensor_0_as_the_forwarder_reports()
    {
        var events = CbEventDecoder.Default.Decode(new CbBusMessage("", "application/zip", SampleEvents.Zip(SampleEvents.Bundle(WithoutEnv(SampleEvents.RegMod())))));
        var evt = Assert.IsType<CbRegModEvent>(Assert.Single(events));
        Assert.Null(evt.Sensor.SensorId);
        Assert.Equal(0, evt.SensorId);
    }

    [Fact]
    public void A_corrupt_zip_is_a_decode_exception()
    {
        var body = SampleEvents.Zip(SampleEvents.Bundle(SampleEvents.RegMod(), SampleEvents.FileMod()));
        var corrupt = body[..(body.Length / 2)].Concat(new byte[body.Length / 2]).ToArray();
        var e = Assert.Throws<CbEventDecodeException>(() => CbEventDecoder.Default.Decode(Zip(corrupt)));
        Assert.Contains("zip", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_that_runs_past_the_end_or_over_the_limit_is_a_decode_exception_not_an_allocation()
    {
        var bundle = SampleEvents.Bundle(SampleEvents.RegMod(), SampleEvents.FileMod());
        var truncated = Assert.Throws<CbEventDecodeException>(() => CbEventDecoder.Default.Decode(Zip(SampleEvents.Zip(bundle[..^3]))));
        Assert.Contains("truncated", truncated.Message, StringComparison.Ordinal);

        // A length prefix of 4 GiB - 1: refused before anything is read for it.
        var huge = new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3 };
        var over = Assert.Throws<CbEventDecodeException>(() => CbEventDecoder.Default.Decode(Zip(SampleEvents.Zip(huge))));
        Assert.Contains("limit", over.Message, StringComparison.Ordinal);

        var tiny = Assert.Throws<CbEventDecodeException>(() => CbEventDecoder.Default.Decode(Zip(SampleEvents.Zip([1, 2]))));
        Assert.Contains("shorter", tiny.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_that_inflates_past_the_limit_is_refused()
    {
        var many = SampleEvents.Bundle(Enumerable.Range(0, 2000).Select(_ => SampleEvents.RegMod()).ToArray());
        var decoder = new CbEventDecoder(new CbEventDecoderOptions { MaxBundleBytes = 10_000 });
        var e = Assert.Throws<CbEventDecodeException>(() => decoder.Decode(Zip(SampleEvents.Zip(many))));
        Assert.Contains("inflates to more than", e.Message, StringComparison.Ordinal);
        Assert.Equal(2000, CbEventDecoder.Default.Decode(Zip(SampleEvents.Zip(many))).Count);

        var fewRecords = new CbEventDecoder(new CbEventDecoderOptions { MaxRecords = 10 });
        Assert.Throws<CbEventDecodeException>(() => fewRecords.Decode(Zip(SampleEvents.Zip(many))));
    }

    [Fact]
    public void An_undecodable_record_inside_a_bundle_names_its_index()
    {
        var bad = new byte[] { 0x0A, 0x05, 0x08 }; // header field announcing 5 bytes, 1 there
        var bundle = SampleEvents.Bundle(SampleEvents.RegMod()).Concat(BitConverter.GetBytes(bad.Length)).Concat(bad).ToArray();
        var e = Assert.Throws<CbEventDecodeException>(() => CbEventDecoder.Default.Decode(Zip(SampleEvents.Zip(bundle))));
        Assert.Contains("record 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_with_no_sub_message_is_kept_as_an_other_event()
    {
        var stats = new CbEventMsg { Header = SampleEvents.Header(), Stats = new CbStatisticsMsg() };
        var evt = Assert.IsType<CbOtherSensorEvent>(Assert.Single(CbEventDecoder.Default.Decode(new CbBusMessage("ingress.event.stats", "application/protobuf", stats.ToByteArray()))));
        Assert.Equal("stats", evt.EventType);
        Assert.Equal(CbRawEventKind.Other, evt.Kind);
        Assert.True(evt.Raw.Stats is not null);
        Assert.Equal(ByteString.CopyFrom(stats.ToByteArray()), evt.Raw.ToByteString());
    }
}
