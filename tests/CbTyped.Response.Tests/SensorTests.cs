using System.Text.Json;
using CbTyped.Emulator;
using CbTyped.Response.Tests.Infrastructure;
using CbTyped.Response.Tests.AdminModels;

namespace CbTyped.Response.Tests;

/// <summary>Walkthrough step 3 (isolate a sensor) and the sensor's query, join and save paths, over HTTP.</summary>
public sealed class SensorTests
{
    private static readonly TimeSpan FastPolls = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task Step3IsolateAndUnisolateTheFirstSensorNamedHostname()
    {
        var log = new LogCapture();
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { PollsUntilCheckin = 3 }, o => o.LoggerFactory = log);
        var sensor = await session.Client.Select<Sensor>().Where("hostname:HOSTNAME").FirstAsync();
        Assert.Equal(4, sensor.Id);
        Assert.Equal("005.002.000.61003", sensor.BuildVersionString);

        Assert.True(await sensor.IsolateAsync(pollInterval: FastPolls));
        Assert.True(sensor.IsIsolating);
        Assert.True(sensor.NetworkIsolationEnabled);
        Assert.Equal(1, session.Requests.CountOf("PUT", "/api/v1/sensor/4"));
        Assert.Contains("Updating Sensor with unique ID 4", log.Lines);
        Assert.Equal(Sensor.UpdatableFields, JsonDocument.Parse(session.Requests.Entries.Single(e => e.Method == "PUT").Body!).RootElement.EnumerateObject().Select(m => m.Name));
        // As in cbapi: the search row carries every field the PUT sends, so nothing is fetched before the PUT.
        var requests = session.Requests.Entries.ToList();
        int put = requests.FindIndex(e => e.Method == "PUT");
        Assert.DoesNotContain(requests.Take(put), e => e.Method == "GET" && e.Path == "/api/v1/sensor/4");
        // The sensor confirms only at a later check-in: the isolation polled GET /api/v1/sensor/4 until it did.
        Assert.True(session.Requests.CountOf("GET", "/api/v1/sensor/4") >= 3);

        Assert.True(await sensor.UnisolateAsync(pollInterval: FastPolls));
        Assert.False(sensor.IsIsolating);
        Assert.False(sensor.NetworkIsolationEnabled);
        Assert.Equal(2, session.Requests.CountOf("PUT", "/api/v1/sensor/4"));
    }

    [Fact]
    public async Task IsolationTimesOutWithTheRuntimesTimeoutError()
    {
        // Sensor 2 is offline: it never checks in, so it never confirms.
        await using var session = await EmulatorSession.StartAsync();
        var sensor = await session.Client.GetAsync<Sensor>("2");
        Assert.Equal(SensorStatus.Offline, sensor.Status);

        var error = await Assert.ThrowsAsync<CbTimeoutException>(() => sensor.IsolateAsync(TimeSpan.FromMilliseconds(300), FastPolls));
        Assert.Equal("timed out waiting for isolation to become active", error.Message);
        Assert.True(sensor.NetworkIsolationEnabled);
        Assert.False(sensor.IsIsolating);
    }

    [Fact]
    public async Task SavingASensorPutsOnlyTheUpdatableFieldsAndKeepsEveryFieldTheServerSent()
    {
        var log = new LogCapture();
        await using var session = await EmulatorSession.StartAsync(configureClient: o => o.LoggerFactory = log);
        var cb = session.Client;
        using var before = await cb.SendJsonAsync(HttpMethod.Get, "/api/v1/sensor/3");
        var sensor = await cb.GetAsync<Sensor>("3");
        sensor.Notes = "moved by the SOC";

        await cb.SaveAsync(sensor);

        // cbapi's log line, and a PUT (seen by the server) with exactly the six fields a 7.1+ server accepts.
        Assert.Contains("Updating Sensor with unique ID 3", log.Lines);
        var put = Assert.Single(session.Requests.Entries, e => e.Method == "PUT");
        Assert.Equal("/api/v1/sensor/3", put.PathAndQuery);
        using (var body = JsonDocument.Parse(put.Body!))
        {
            Assert.Equal(Sensor.UpdatableFields, body.RootElement.EnumerateObject().Select(m => m.Name));
            Assert.Equal("moved by the SOC", body.RootElement.GetProperty("notes").GetString());
            Assert.Equal(1, body.RootElement.GetProperty("group_id").GetInt32());
            Assert.False(body.RootElement.GetProperty("network_isolation_enabled").GetBoolean());
            Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("event_log_flush_time").ValueKind); // not changed
        }

        // 204 → refresh: the sensor still holds every field the server sent, with the new notes.
        Assert.Equal(3, session.Requests.CountOf("GET", "/api/v1/sensor/3")); // the raw read, the get, the refresh
        Assert.Equal("moved by the SOC", sensor.Notes);
        Assert.False(sensor.IsDirty);
        using var kept = JsonDocument.Parse(sensor.RawJson);
        foreach (var member in before!.RootElement.EnumerateObject())
        {
            Assert.True(kept.RootElement.TryGetProperty(member.Name, out _), member.Name + " was dropped");
        }

        Assert.Equal(before.RootElement.GetProperty("computer_sid").GetString(), sensor.ComputerSid);
        using var after = await cb.SendJsonAsync(HttpMethod.Get, "/api/v1/sensor/3");
        Assert.Equal("moved by the SOC", after!.RootElement.GetProperty("notes").GetString());
    }

    [Fact]
    public async Task A71ServerAcceptsTheSensorUpdateThatRefusesWholeDocuments()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { ServerVersion = "7.1.0.1234", PollsUntilCheckin = 1 });
        var sensor = await session.Client.GetAsync<Sensor>("4");

        Assert.True(await sensor.IsolateAsync(TimeSpan.FromSeconds(10), FastPolls));
        await sensor.RestartAsync();
        await sensor.FlushEventsAsync();

        Assert.Equal(3, session.Requests.CountOf("PUT", "/api/v1/sensor/4"));
        Assert.All(session.Requests.Entries.Where(e => e.Method == "PUT"), e => Assert.Equal(204, e.StatusCode));
        // The emulator refuses a whole document on 7.1: the old PUT of every field would have been a 400 here.
        using var whole = new StringContent(sensor.ToString(), System.Text.Encoding.UTF8, "application/json");
        await Assert.ThrowsAsync<CbClientException>(() => session.Client.SendAsync(HttpMethod.Put, "/api/v1/sensor/4", whole));
    }

    [Fact]
    public async Task SensorQueriesUseTheServerListParameters()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cb = session.Client;

        var byIp = await cb.Select<Sensor>().Where("ip:10.0.2").ToListAsync();
        Assert.Equal([3, 4], byIp.Select(s => s.Id!.Value).Order());
        Assert.Equal(4, await cb.Select<Sensor>().Where("groupid:1").CountAsync());
        Assert.Contains(session.Requests.Entries, e => e.PathAndQuery.StartsWith("/api/v2/sensor?", StringComparison.Ordinal) && e.PathAndQuery.Contains("groupid=1", StringComparison.Ordinal));
        var host = await cb.Select<Sensor>().Where("hostname:WIN-IA9NQ1GN8OI").SingleAsync();
        Assert.Equal(3, host.Id);
    }

    [Fact]
    public async Task NetworkInterfacesGroupAndSiteJoins()
    {
        await using var session = await EmulatorSession.StartAsync();
        var sensor = await session.Client.GetAsync<Sensor>("3");

        var nic = Assert.Single(sensor.NetworkInterfaces);
        Assert.Equal("10.0.2.15", nic.IpAddress);
        Assert.Equal("08:00:27:d3:a1:b2", nic.MacAddress);
        Assert.Equal("WIN-IA9NQ1GN8OI", sensor.Hostname);
        Assert.Equal(new Uri(session.Emulator.BaseUrl, "/#/host/3"), sensor.WebUiLink);

        var group = await sensor.GetGroupAsync();
        Assert.Equal("Default Group", group!.Name);
        var site = await sensor.GetSiteAsync();
        Assert.Equal("Default Site", site!.Name);
        Assert.Same(group, await sensor.GetGroupAsync());

        var processes = await sensor.Processes.Where("process_name:net.exe").CountAsync();
        Assert.Equal(2, processes);
    }

    [Fact]
    public async Task QueuedActivityAndResourceStatusAreTypedChildListsOfTheSensor()
    {
        await using var session = await EmulatorSession.StartAsync();
        var sensor = await session.Client.GetAsync<Sensor>(4);

        var queued = Assert.Single(await sensor.GetQueuedStatsAsync());
        Assert.Equal((401L, 4, 0L, 0L), (queued.Id, queued.SensorId, queued.NumEventlogBytes, queued.NumStorefileBytes));
        Assert.NotNull(queued.Timestamp);
        var activity = Assert.Single(sensor.GetActivityStats());
        Assert.Equal((4, "checkin"), (activity.SensorId, activity.Type));
        var resources = Assert.Single(await sensor.SelectResourceStatus().ToListAsync());
        Assert.Equal((1204L, 73_728_000L, 391L), (resources.Pagefaults, resources.CommitCharge, resources.HandleCount));

        // Each accessor is one GET under the sensor's own URL; no filter string, no search.
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/v1/sensor/4/queued"));
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/v1/sensor/4/activity"));
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/v1/sensor/4/resourcestatus"));
        // Another sensor's accessor fills its own id into the route.
        var other = await session.Client.GetAsync<Sensor>(1);
        Assert.Equal(1, Assert.Single(await other.GetQueuedStatsAsync()).SensorId);
        await Assert.ThrowsAsync<CbObjectNotFoundException>(() => session.Client.Select<Sensor>("999").GetQueuedStatsAsync());
    }

    [Fact]
    public async Task RestartAndFlushAreQueuedOnTheSensor()
    {
        var log = new LogCapture();
        await using var session = await EmulatorSession.StartAsync(configureClient: o => o.LoggerFactory = log);
        var sensor = await session.Client.GetAsync<Sensor>("4");

        await sensor.RestartAsync();
        Assert.True(sensor.RestartQueued);

        await sensor.FlushEventsAsync();
        // A 6.2 server takes the flush time as RFC-822.
        Assert.Matches(@"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$", sensor.EventLogFlushTime);
        var puts = session.Requests.Entries.Where(e => e.Method == "PUT" && e.Path == "/api/v1/sensor/4").ToList();
        Assert.Equal(2, puts.Count);
        using var restart = JsonDocument.Parse(puts[0].Body!);
        using var flush = JsonDocument.Parse(puts[1].Body!);
        Assert.True(restart.RootElement.GetProperty("restart_queued").GetBoolean());
        Assert.Equal(JsonValueKind.Null, restart.RootElement.GetProperty("event_log_flush_time").ValueKind);
        Assert.Equal(sensor.EventLogFlushTime, flush.RootElement.GetProperty("event_log_flush_time").GetString());
        Assert.Equal(Sensor.UpdatableFields, flush.RootElement.EnumerateObject().Select(m => m.Name));
        Assert.Equal(2, log.Lines.Count(l => l == "Updating Sensor with unique ID 4"));
        // The sensor PUT answers 204: cbapi logs no "Received response" line for an empty answer, nor do we.
        Assert.DoesNotContain(log.Lines, l => l.StartsWith("Received response", StringComparison.Ordinal));

        // A second restart while one is queued changes nothing, so nothing is sent (cbapi's save of a clean object).
        await sensor.RestartAsync();
        Assert.Equal(2, session.Requests.CountOf("PUT", "/api/v1/sensor/4"));
    }

    [Fact]
    public async Task AFlushTimeSetOnAnUnloadedReferenceIsStillSent()
    {
        await using var session = await EmulatorSession.StartAsync();
        // A reference: no request yet. Saving it loads it whole first, and that load must not forget the change.
        var sensor = session.Client.Select<Sensor>("4");
        Assert.False(sensor.IsFull);
        sensor.EventLogFlushTime = "Sat, 28 Nov 2026 12:00:00 GMT";
        sensor.Notes = "flushed by hand";

        await session.Client.SaveAsync(sensor);

        // A reference's document has none of the fields the PUT sends: the save GETs the sensor first.
        var requests = session.Requests.Entries.ToList();
        Assert.Equal(["GET /api/v1/sensor/4", "PUT /api/v1/sensor/4"], requests.Where(e => e.Path == "/api/v1/sensor/4").Take(2).Select(e => e.Method + " " + e.Path));
        var put = session.Requests.Entries.Single(e => e.Method == "PUT" && e.Path == "/api/v1/sensor/4");
        using var body = JsonDocument.Parse(put.Body!);
        Assert.Equal("Sat, 28 Nov 2026 12:00:00 GMT", body.RootElement.GetProperty("event_log_flush_time").GetString());
        Assert.Equal("flushed by hand", body.RootElement.GetProperty("notes").GetString());
        Assert.Equal(Sensor.UpdatableFields, body.RootElement.EnumerateObject().Select(m => m.Name));
    }

    [Fact]
    public async Task AFlushTimeOnA5xServerIsPostgresTime()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { ServerVersion = "5.2.0.161004.1206" });
        var sensor = await session.Client.GetAsync<Sensor>("4");

        await sensor.FlushEventsAsync();

        var put = Assert.Single(session.Requests.Entries, e => e.Method == "PUT");
        using var body = JsonDocument.Parse(put.Body!);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}\+00:00$", body.RootElement.GetProperty("event_log_flush_time").GetString());
    }
}
