using System.Text.Json;
using CbTyped.Emulator;
using CbTyped.Modeling;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>Walkthrough step 3 (isolate a sensor) and the sensor's query, join and save paths, over HTTP.</summary>
public sealed class SensorTests
{
    private static readonly TimeSpan FastPolls = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task Step3IsolateAndUnisolateTheFirstSensorNamedHostname()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { PollsUntilCheckin = 3 });
        var sensor = await session.Client.Select<Sensor>().Where("hostname:HOSTNAME").FirstAsync();
        Assert.Equal(4, sensor.Id);
        Assert.Equal("005.002.000.61003", sensor.BuildVersionString);

        Assert.True(await sensor.IsolateAsync(pollInterval: FastPolls));
        Assert.True(sensor.IsIsolating);
        Assert.True(sensor.NetworkIsolationEnabled);
        Assert.Equal(1, session.Requests.CountOf("PUT", "/api/v1/sensor/4"));
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
    public async Task SavingASensorSendsBackEveryFieldTheServerSent()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cb = session.Client;
        using var before = await cb.SendJsonAsync(HttpMethod.Get, "/api/v1/sensor/3");
        var sensor = await cb.GetAsync<Sensor>("3");
        sensor.Notes = "moved by the SOC";

        // The PUT body is the whole document: every member the server sent, unchanged ones byte for byte.
        using (var body = JsonDocument.Parse(sensor.ToUtf8Json(CbWriteMode.Full)))
        {
            foreach (var member in before!.RootElement.EnumerateObject())
            {
                Assert.True(body.RootElement.TryGetProperty(member.Name, out var sent), member.Name + " was dropped");
                if (member.Name != "notes")
                {
                    Assert.Equal(member.Value.GetRawText(), sent.GetRawText());
                }
            }

            Assert.Equal("moved by the SOC", body.RootElement.GetProperty("notes").GetString());
        }

        await cb.SaveAsync(sensor);
        Assert.Equal(1, session.Requests.CountOf("PUT", "/api/v1/sensor/3"));
        Assert.Equal("moved by the SOC", sensor.Notes);
        Assert.False(sensor.IsDirty);
        using var after = await cb.SendJsonAsync(HttpMethod.Get, "/api/v1/sensor/3");
        Assert.Equal("moved by the SOC", after!.RootElement.GetProperty("notes").GetString());
        Assert.Equal(before.RootElement.GetProperty("computer_sid").GetString(), after.RootElement.GetProperty("computer_sid").GetString());
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
    public async Task RestartAndFlushAreQueuedOnTheSensor()
    {
        await using var session = await EmulatorSession.StartAsync();
        var sensor = await session.Client.GetAsync<Sensor>("4");

        await sensor.RestartAsync();
        Assert.True(sensor.RestartQueued);

        await sensor.FlushEventsAsync();
        // A 6.2 server takes the flush time as RFC-822.
        Assert.Matches(@"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$", sensor.EventLogFlushTime);
        Assert.Equal(2, session.Requests.CountOf("PUT", "/api/v1/sensor/4"));
    }
}
