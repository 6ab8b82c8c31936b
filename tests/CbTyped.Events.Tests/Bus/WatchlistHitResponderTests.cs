using CbTyped.Emulator;
using CbTyped.Events.Consumer;
using CbTyped.Events.Responder;
using CbTyped.Events.Tests.Fixtures;
using CbTyped.Response;

namespace CbTyped.Events.Tests.Bus;

[Collection(BrokerFixtureDefinition.Name)]
public class WatchlistHitResponderTests(RabbitMqNode node)
{
    [Fact]
    public async Task A_watchlist_hit_isolates_the_sensor_and_bans_the_process_hash_on_the_emulator()
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { PollsUntilCheckin = 1 });
        using var cb = new CbResponseClient(emulator.BaseUrl, emulator.Token);
        var process = await cb.Select<Process>().Where("process_name:net.exe").FirstAsync();
        var sensorId = process.SensorId!.Value;
        var md5 = process.ProcessMd5!;
        Assert.NotEqual(true, (await cb.GetAsync<Sensor>(sensorId.ToString(System.Globalization.CultureInfo.InvariantCulture))).NetworkIsolationEnabled);

        var responder = new WatchlistHitResponder(cb, TimeSpan.FromMilliseconds(20));
        await using var consumer = new CbEventBusConsumer(BusClient.Options(node, "responder-" + Guid.NewGuid().ToString("N")[..8]));
        var handled = new TaskCompletionSource();
        consumer.On(WatchlistHitResponder.Pattern, async (evt, ct) =>
        {
            await responder.HandleAsync(evt, ct);
            handled.TrySetResult();
        });
        using var stop = new CancellationTokenSource();
        await consumer.StartAsync();
        var run = consumer.RunAsync(stop.Token);
        // The shape the server publishes for watchlist.hit.process (cbapi's event examples read these fields).
        await BusClient.PublishJsonAsync(node, ("watchlist.hit.process",
            $$"""{"watchlist_id":9,"watchlist_name":"notepad","server_name":"cb","cb_version":"6.2.0","event_timestamp":1700000000.5,"highlights":[],"docs":[{"unique_id":"{{process.Id}}","sensor_id":{{sensorId}},"process_md5":"{{md5}}","process_name":"net.exe"}]}"""));
        await handled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await run;

        Assert.True((await cb.GetAsync<Sensor>(sensorId.ToString(System.Globalization.CultureInfo.InvariantCulture))).NetworkIsolationEnabled);
        var bans = await cb.Select<BannedHash>().ToListAsync();
        Assert.Contains(bans, b => string.Equals(b.Md5hash, md5, StringComparison.OrdinalIgnoreCase) && b.Enabled == true);
    }
}
