using CbTyped;
using CbTyped.Emulator;
using CbTyped.Emulator.Faults;
using CbTyped.Response;

namespace Contoso.Containment;

/// <summary>
/// The playbook against a real HTTP server: CbTyped.Emulator on a free loopback port, with its seeded data set, a
/// fresh one per test (each test changes bans and isolation state).
/// </summary>
public sealed class ContainmentPlaybookTests
{
    private const string Query = "process_name:net.exe";
    private static readonly TimeSpan FastPolls = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task Bans_each_executable_once_and_isolates_each_online_host()
    {
        // Sensors confirm isolation at their first poll; plain http is fine on loopback.
        await using var emu = await CbEmulator.StartAsync(new CbEmulatorOptions { PollsUntilCheckin = 1 });
        using var cb = new CbResponseClient(emu.BaseUrl, emu.Token);

        var report = await new ContainmentPlaybook(cb, TimeSpan.FromSeconds(10), FastPolls).RunAsync(Query);

        Assert.NotEmpty(report.Banned);
        Assert.Empty(report.AlreadyBanned);
        Assert.NotEmpty(report.Isolated);
        Assert.Empty(report.NotConfirmed);
        // One POST per distinct hash, and the server now lists each of them as an enabled ban.
        Assert.Equal(report.Banned.Count, emu.RequestLog.CountOf("POST", "/api/v1/banning/blacklist"));
        foreach (var md5 in report.Banned)
        {
            var ban = await cb.GetAsync<BannedHash>(md5);
            Assert.True(ban.Enabled);
            Assert.Equal("Contained: " + Query, ban.Text);
        }

        foreach (var id in report.Isolated)
        {
            var sensor = await cb.GetAsync<Sensor>(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(sensor.NetworkIsolationEnabled);
            Assert.True(sensor.IsIsolating);
        }
    }

    [Fact]
    public async Task A_second_run_finds_the_hashes_already_banned()
    {
        await using var emu = await CbEmulator.StartAsync(new CbEmulatorOptions { PollsUntilCheckin = 1 });
        using var cb = new CbResponseClient(emu.BaseUrl, emu.Token);
        var playbook = new ContainmentPlaybook(cb, TimeSpan.FromSeconds(10), FastPolls);
        var first = await playbook.RunAsync(Query);

        var second = await playbook.RunAsync(Query);

        Assert.Empty(second.Banned);
        Assert.Equal(first.Banned, second.AlreadyBanned);
    }

    [Fact]
    public async Task A_host_that_does_not_confirm_in_time_is_reported_not_waited_for()
    {
        // The sensors check in only at their 1000th poll: far beyond the playbook's timeout.
        await using var emu = await CbEmulator.StartAsync(new CbEmulatorOptions { PollsUntilCheckin = 1_000 });
        using var cb = new CbResponseClient(emu.BaseUrl, emu.Token);
        var started = DateTime.UtcNow;

        var report = await new ContainmentPlaybook(cb, TimeSpan.FromMilliseconds(300), FastPolls).RunAsync(Query);

        Assert.Empty(report.Isolated);
        Assert.NotEmpty(report.NotConfirmed);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
        // The isolation was asked for (one PUT per host) even though no host confirmed it.
        Assert.Equal(report.NotConfirmed.Count, emu.RequestLog.Entries.Count(e => e.Method == "PUT" && e.Path.StartsWith("/api/v1/sensor/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Survives_a_server_that_fails_the_search_twice()
    {
        await using var emu = await CbEmulator.StartAsync(new CbEmulatorOptions { PollsUntilCheckin = 1 });
        using var cb = new CbResponseClient(emu.BaseUrl, emu.Token);
        emu.Faults.FailNext(EmulatorFault.Status(503), count: 2, pathPrefix: "/api/v1/process");

        var report = await new ContainmentPlaybook(cb, TimeSpan.FromSeconds(10), FastPolls).RunAsync(Query);

        Assert.NotEmpty(report.Banned);
        // The SDK retried the search (a GET) past both 503s; the writes were never retried.
        Assert.Equal(2, emu.RequestLog.Entries.Count(e => e.Path == "/api/v1/process" && e.StatusCode == 503));
        Assert.Equal(report.Banned.Count, emu.RequestLog.CountOf("POST", "/api/v1/banning/blacklist"));
    }
}
