using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Tests;

/// <summary>Sensor isolation, restart, flush and group moves.</summary>
public sealed class SensorStateTests
{
    [Fact]
    public async Task Isolation_is_confirmed_after_the_configured_polls_and_released_the_same_way()
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { PollsUntilCheckin = 3 });
        using var client = new EmulatorClient(emulator);
        var sensor = (await client.GetJsonAsync("/api/v1/sensor/4")).AsObject();
        sensor["network_isolation_enabled"] = true;

        var (status, body) = await client.SendJsonAsync(HttpMethod.Put, "/api/v1/sensor/4", sensor);
        Assert.Equal(204, status);
        Assert.Null(body);

        var phases = new List<(bool Enabled, bool Isolating)>();
        for (var i = 0; i < 4; i++)
        {
            var polled = await client.GetJsonAsync("/api/v1/sensor/4");
            phases.Add(((bool)polled["network_isolation_enabled"]!, (bool)polled["is_isolating"]!));
        }

        Assert.Equal([(true, false), (true, false), (true, true), (true, true)], phases);

        (status, _) = await client.SendJsonAsync(HttpMethod.Put, "/api/v1/sensor/4", new JsonObject { ["network_isolation_enabled"] = false });
        Assert.Equal(204, status);
        phases.Clear();
        for (var i = 0; i < 3; i++)
        {
            var polled = await client.GetJsonAsync("/api/v1/sensor/4");
            phases.Add(((bool)polled["network_isolation_enabled"]!, (bool)polled["is_isolating"]!));
        }

        Assert.Equal([(false, true), (false, true), (false, false)], phases);
    }

    [Fact]
    public async Task An_offline_sensor_never_confirms_isolation()
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { PollsUntilCheckin = 1 });
        using var client = new EmulatorClient(emulator);
        var (status, _) = await client.SendJsonAsync(HttpMethod.Put, "/api/v1/sensor/2", new JsonObject { ["network_isolation_enabled"] = true });
        Assert.Equal(204, status);
        for (var i = 0; i < 5; i++)
        {
            var polled = await client.GetJsonAsync("/api/v1/sensor/2");
            Assert.Equal("Offline", (string?)polled["status"]);
            Assert.False((bool)polled["is_isolating"]!);
        }
    }

    [Fact]
    public async Task Restart_and_flush_complete_at_the_next_checkin()
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { PollsUntilCheckin = 2 });
        using var client = new EmulatorClient(emulator);
        var (status, _) = await client.SendJsonAsync(HttpMethod.Put, "/api/v1/sensor/3", new JsonObject
        {
            ["restart_queued"] = true,
            ["event_log_flush_time"] = "Wed, 01 Jan 2020 00:00:00 GMT",
        });
        Assert.Equal(204, status);
        var first = await client.GetJsonAsync("/api/v1/sensor/3");
        Assert.True((bool)first["restart_queued"]!);
        Assert.Equal("Wed, 01 Jan 2020 00:00:00 GMT", (string?)first["event_log_flush_time"]);
        var second = await client.GetJsonAsync("/api/v1/sensor/3");
        Assert.False((bool)second["restart_queued"]!);
        Assert.Null(second["event_log_flush_time"]);
    }

    [Fact]
    public async Task A_new_group_gets_id_2_and_a_moved_sensor_shows_it_everywhere()
    {
        await using var emulator = await CbEmulator.StartAsync();
        using var client = new EmulatorClient(emulator);
        var sites = (await client.GetJsonAsync("/api/site")).AsArray();
        Assert.Equal("Default Site", (string?)sites.Single()!["name"]);

        var (status, created) = await client.SendJsonAsync(HttpMethod.Post, "/api/group", new JsonObject
        {
            ["id"] = null,
            ["name"] = "Critical Endpoints",
            ["site_id"] = 1,
        });
        Assert.Equal(200, status);
        Assert.Equal("{\"id\":2}", created!.ToJsonString());

        var group = (await client.GetJsonAsync("/api/v3/group/2")).AsArray().Single()!;
        Assert.Equal("Critical Endpoints", (string?)group["name"]);
        Assert.Equal(3, (int)group["alert_criticality"]!);
        Assert.True((bool)group["collect_filemods"]!);
        Assert.Equal(2, (await client.GetJsonAsync("/api/group")).AsArray().Count);

        var sensor = (await client.GetJsonAsync("/api/v1/sensor/3")).AsObject();
        sensor["group_id"] = 2;
        (status, _) = await client.SendJsonAsync(HttpMethod.Put, "/api/v1/sensor/3", sensor);
        Assert.Equal(204, status);

        Assert.Equal(2, (int)(await client.GetJsonAsync("/api/v1/sensor/3"))["group_id"]!);
        Assert.Equal([3], (await client.GetJsonAsync("/api/v1/sensor?groupid=2")).AsArray().Select(s => (int)s!["id"]!));
        Assert.Equal(1, (int)(await client.GetJsonAsync("/api/v2/sensor?groupid=2"))["total_results"]!);
        var processes = await client.GetJsonAsync("/api/v1/process?q=process_name%3Anet.exe&rows=10");
        Assert.All(processes["results"]!.AsArray(), p => Assert.Equal("Critical Endpoints", (string?)p!["group"]));
        var grouped = await client.GetJsonAsync("/api/v1/process?q=group%3A%22Critical+Endpoints%22+process_name%3Anet.exe&rows=0");
        Assert.Equal(2, (int)grouped["total_results"]!);
    }

    [Fact]
    public async Task A_renamed_group_is_searchable_under_its_new_name()
    {
        await using var emulator = await CbEmulator.StartAsync();
        using var client = new EmulatorClient(emulator);

        var group = (await client.GetJsonAsync("/api/v3/group/1")).AsArray().Single()!.AsObject();
        group["name"] = "Renamed Group";
        var (status, _) = await client.SendJsonAsync(HttpMethod.Put, "/api/v3/group/1", group);
        Assert.InRange(status, 200, 204);

        var renamed = await client.GetJsonAsync("/api/v1/process?q=group%3A%22Renamed+Group%22+process_name%3Anet.exe&rows=0");
        Assert.Equal(2, (int)renamed["total_results"]!);
        var old = await client.GetJsonAsync("/api/v1/process?q=group%3A%22Default+Group%22+process_name%3Anet.exe&rows=0");
        Assert.Equal(0, (int)old["total_results"]!);
    }

    [Fact]
    public async Task Unknown_sensors_are_404_and_an_unknown_group_is_rejected()
    {
        await using var emulator = await CbEmulator.StartAsync();
        using var client = new EmulatorClient(emulator);
        using var missing = await client.Http.GetAsync("/api/v1/sensor/-1");
        Assert.Equal(404, (int)missing.StatusCode);
        var (status, _) = await client.SendJsonAsync(HttpMethod.Put, "/api/v1/sensor/3", new JsonObject { ["group_id"] = 99 });
        Assert.Equal(400, status);
        using var group = await client.Http.GetAsync("/api/group/99");
        Assert.Equal(404, (int)group.StatusCode);
    }

    [Fact]
    public async Task A_7_1_server_accepts_only_the_writable_subset()
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { ServerVersion = "7.1.0.12345" });
        using var client = new EmulatorClient(emulator);
        var full = await client.GetJsonAsync("/api/v1/sensor/4");
        var (status, _) = await client.SendJsonAsync(HttpMethod.Put, "/api/v1/sensor/4", full);
        Assert.Equal(400, status);
        (status, _) = await client.SendJsonAsync(HttpMethod.Put, "/api/v1/sensor/4", new JsonObject { ["network_isolation_enabled"] = true });
        Assert.Equal(204, status);
    }
}
