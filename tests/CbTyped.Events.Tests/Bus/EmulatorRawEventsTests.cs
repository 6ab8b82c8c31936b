using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CbTyped.Emulator;
using CbTyped.Events.Consumer;
using CbTyped.Events.RawEvents;
using CbTyped.Events.Tests.Fixtures;

namespace CbTyped.Events.Tests.Bus;

/// <summary>
/// The emulator publishes raw sensor events of its processes (protobuf on <c>api.events</c>, zip bundles on
/// <c>api.rawsensordata</c>); decoded by the consumer, they agree with what the REST API says of the same process:
/// the GUID computed from sensor, pid and creation time is the REST process id, MD5s are the REST ones upper-cased,
/// times are the REST times, addresses come out in the REST dotted form.
/// </summary>
[Collection(BrokerFixtureDefinition.Name)]
public class EmulatorRawEventsTests(RabbitMqNode node)
{
    private static readonly string[] SingleKinds =
    [
        "ingress.event.process", "ingress.event.moduleload", "ingress.event.filemod", "ingress.event.regmod",
        "ingress.event.netconn", "ingress.event.childproc",
    ];

    private Uri AmqpUrl => new($"amqp://guest:guest@127.0.0.1:{node.AmqpPort}/");

    private async Task<(CbEventBusConsumer Consumer, ConcurrentQueue<CbRawSensorEvent> Seen, Task Run)> ConsumeAsync(string exchange, CancellationToken stop)
    {
        var seen = new ConcurrentQueue<CbRawSensorEvent>();
        var options = BusClient.Options(node);
        options.Exchange = exchange;
        var consumer = new CbEventBusConsumer(options);
        consumer.On("#", (evt, _) =>
        {
            seen.Enqueue(Assert.IsAssignableFrom<CbRawSensorEvent>(evt));
            return Task.CompletedTask;
        });
        await consumer.StartAsync(CancellationToken.None);
        return (consumer, seen, consumer.RunAsync(stop));
    }

    private static string EventTime(CbRawSensorEvent evt) =>
        evt.Timestamp!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static IEnumerable<string> Strings(JsonElement process, string list) =>
        process.GetProperty(list).EnumerateArray().Select(e => e.GetString()!);

    [Fact]
    public async Task Raw_events_and_bundles_decode_to_what_the_REST_API_says_of_the_same_process()
    {
        using var stop = new CancellationTokenSource();
        var (single, singles, singleRun) = await ConsumeAsync("api.events", stop.Token);
        var (bundles, bundled, bundleRun) = await ConsumeAsync("api.rawsensordata", stop.Token);
        var texts = new List<string>();
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { AmqpUrl = AmqpUrl, BusEventsPerSecond = 0 });
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        http.DefaultRequestHeaders.Add("X-Auth-Token", emulator.Token);
        await using (single)
        await using (bundles)
        {
            foreach (var kind in SingleKinds)
                texts.Add(await emulator.PublishEventAsync(kind));
            var bundleText = await emulator.PublishEventAsync("api.rawsensordata");
            var records = JsonDocument.Parse(bundleText).RootElement.GetArrayLength();
            Assert.True(records > 1, "a bundle holds many records");
            await BusClient.EventuallyAsync(() => singles.Count == SingleKinds.Length && bundled.Count == records, "every raw event and every bundle record");
            await stop.CancelAsync();
            await singleRun;
            await bundleRun;
        }

        var events = singles.ToList();
        Assert.Equal(SingleKinds, events.Select(e => e.RoutingKey));
        Assert.All(events, e =>
        {
            Assert.Equal("application/protobuf", e.Message.ContentType);
            Assert.Equal("api.events", e.Message.Exchange);
        });
        // The text PublishEventAsync returns is the message in protobuf's JSON mapping, with the proto's field names.
        Assert.Contains("\"process_pid\"", texts[0], StringComparison.Ordinal);

        foreach (var evt in events.Concat(bundled))
        {
            using var response = await http.GetAsync($"/api/v4/process/{evt.ProcessGuid}/0/event");
            Assert.True(response.IsSuccessStatusCode, $"{evt.RoutingKey}: the GUID {evt.ProcessGuid} is a REST process id");
            var process = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("process");
            Assert.Equal(process.GetProperty("id").GetString(), evt.ProcessGuid);
            Assert.Equal(process.GetProperty("sensor_id").GetInt32(), evt.SensorId);
            Assert.Equal(process.GetProperty("hostname").GetString(), evt.ComputerName);
            Assert.Equal(process.GetProperty("process_md5").GetString()!.ToUpperInvariant(), evt.ProcessMd5);
            Assert.Equal(process.GetProperty("path").GetString(), evt.ProcessPath);
            CheckKind(evt, process);
        }

        Assert.All(bundled, e =>
        {
            Assert.Equal("", e.Message.RoutingKey);                        // the fanout exchange's empty key
            Assert.Equal(e.BusRoutingKey ?? "", e.RoutingKey);               // the record's: the key of its kind
            Assert.Equal("application/zip", e.Message.ContentType);
            Assert.Equal("api.rawsensordata", e.Message.Exchange);
            Assert.Null(e.Raw.Env);                                        // bundles carry the sensor in headers only
            Assert.Equal(bundled.First().SensorId, e.SensorId);            // one bundle, one sensor
        });
        Assert.Contains(bundled, e => e is CbProcessEvent { Created: true });
        Assert.True(bundled.Select(e => e.ProcessGuid).Distinct().Count() > 1, "a bundle mixes the events of several processes");
    }

    private static void CheckKind(CbRawSensorEvent evt, JsonElement process)
    {
        switch (evt)
        {
            case CbProcessEvent { Created: true } start:
                var restStart = DateTimeOffset.Parse(process.GetProperty("start").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                Assert.Equal(restStart, new DateTimeOffset(start.Timestamp!.Value.Ticks - (start.Timestamp.Value.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero));
                Assert.Equal(process.GetProperty("cmdline").GetString(), start.CommandLine);
                Assert.Equal(process.GetProperty("path").GetString(), start.Path);
                Assert.Equal(process.GetProperty("process_md5").GetString()!.ToUpperInvariant(), start.Md5);
                if (process.GetProperty("parent_id").GetString() is { Length: > 0 } parent)
                    Assert.Equal(parent, start.ParentProcessGuid);
                break;
            case CbProcessEvent:
                Assert.True(process.GetProperty("terminated").GetBoolean());
                break;
            case CbModuleLoadEvent load:
                Assert.Contains($"{EventTime(load)}|{load.Md5}|{load.Path}".ToUpperInvariant(),
                    Strings(process, "modload_complete").Select(s => string.Join('|', s.Split('|').Take(3)).ToUpperInvariant()));
                break;
            case CbFileModEvent file:
                Assert.Contains($"{file.ActionType}|{EventTime(file)}|{file.Path}|{file.FileMd5}".ToUpperInvariant(),
                    Strings(process, "filemod_complete").Select(s => string.Join('|', s.Split('|').Take(4)).ToUpperInvariant()));
                break;
            case CbRegModEvent reg:
                Assert.Contains($"{reg.ActionType}|{EventTime(reg)}|{reg.Path}", Strings(process, "regmod_complete").Select(s => string.Join('|', s.Split('|').Take(3))));
                break;
            case CbNetConnEvent net:
                Assert.Contains(process.GetProperty("netconn_complete").EnumerateArray(), n =>
                    n.GetProperty("remote_ip").GetString() == net.RemoteIp
                    && n.GetProperty("remote_port").GetInt32() == net.RemotePort
                    && n.GetProperty("local_ip").GetString() == net.LocalIp
                    && n.GetProperty("local_port").GetInt32() == net.LocalPort
                    && n.GetProperty("proto").GetInt32() == net.Protocol
                    && n.GetProperty("domain").GetString() == net.Domain);
                break;
            case CbChildProcessEvent child:
                Assert.Contains(process.GetProperty("childproc_complete").EnumerateArray(), c =>
                    c.GetProperty("processId").GetString()!.StartsWith(child.ChildProcessGuid, StringComparison.Ordinal)
                    && c.GetProperty("pid").GetInt64() == child.ChildPid
                    && c.GetProperty("path").GetString() == child.Path
                    && c.GetProperty("type").GetString() == (child.Created ? "start" : "end"));
                break;
            case CbCrossProcessEvent cross:
                Assert.Contains(Strings(process, "crossproc_complete"), s => s.Split('|')[2].StartsWith(cross.TargetProcessGuid, StringComparison.Ordinal));
                break;
            default:
                Assert.Fail($"{evt.RoutingKey}: unexpected {evt.GetType().Name}");
                break;
        }
    }
}
