using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Tests.LiveResponse;

/// <summary>The Live Response options: check-in polls, command polls, and a server without Live Response.</summary>
public sealed class LiveResponseOptionTests
{
    [Theory]
    [InlineData(0, new[] { "active", "active" })]
    [InlineData(1, new[] { "pending", "active", "active" })]
    [InlineData(4, new[] { "pending", "pending", "pending", "pending", "active" })]
    public async Task A_session_turns_active_on_the_configured_get(int polls, string[] expected)
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { LiveResponsePollsUntilActive = polls });
        using var client = new EmulatorClient(emulator);
        var driver = new LiveResponseDriver(client);
        var seen = new List<string> { (string)(await driver.CreateSessionAsync(4))["status"]! };
        for (var i = 1; i < expected.Length; i++)
        {
            seen.Add((string)(await driver.GetSessionAsync(1))["status"]!);
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_command_is_in_progress_until_the_configured_get_completes_it()
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { LiveResponseCommandPolls = 3 });
        using var client = new EmulatorClient(emulator);
        var driver = new LiveResponseDriver(client);
        var sid = await driver.OpenActiveSessionAsync();
        var cid = (int)(await driver.PostCommandAsync(sid, "kill", 5012))["id"]!;
        var seen = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            seen.Add((string)(await driver.GetCommandAsync(sid, cid))["status"]!);
        }

        Assert.Equal(["in progress", "in progress", "complete", "complete"], seen);
    }

    [Fact]
    public async Task Without_live_response_the_server_says_so_and_the_cblr_routes_are_404()
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { LiveResponseEnabled = false });
        using var client = new EmulatorClient(emulator);
        Assert.False((bool)(await client.GetJsonAsync("/api/info"))["cblrEnabled"]!);
        var (status, _) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/cblr/session", new JsonObject { ["sensor_id"] = 3 });
        Assert.Equal(404, status);
        (status, _) = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/cblr/session");
        Assert.Equal(404, status);
    }

    [Fact]
    public void The_command_line_sets_both_live_response_options()
    {
        var (options, _, _) = CbEmulatorCommandLine.Parse(["--lr-polls-until-active", "0", "--lr-command-polls", "3"]);
        Assert.Equal(0, options.LiveResponsePollsUntilActive);
        Assert.Equal(3, options.LiveResponseCommandPolls);
        var defaults = CbEmulatorCommandLine.Parse([]).Options;
        Assert.Equal(2, defaults.LiveResponsePollsUntilActive);
        Assert.Equal(1, defaults.LiveResponseCommandPolls);
        Assert.Throws<ArgumentException>(() => CbEmulatorCommandLine.Parse(["--lr-command-polls", "-1"]));
    }
}
