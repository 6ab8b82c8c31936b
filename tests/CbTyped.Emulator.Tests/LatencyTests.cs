namespace CbTyped.Emulator.Tests;

/// <summary>The per-request latency (<c>--latency</c>, <see cref="CbEmulatorOptions.Latency"/>) that models a real server.</summary>
public sealed class LatencyTests
{
    [Theory]
    [InlineData("200ms", 200)]
    [InlineData("0.25s", 250)]
    [InlineData("150", 150)]
    [InlineData("0", 0)]
    public void The_command_line_reads_milliseconds_and_seconds(string text, int milliseconds)
    {
        var (options, _, _) = CbEmulatorCommandLine.Parse(["--latency", text, "--quiet"]);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), options.Latency);
    }

    [Theory]
    [InlineData("-5ms")]
    [InlineData("fast")]
    [InlineData("ms")]
    public void A_bad_latency_names_the_value(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => CbEmulatorCommandLine.Parse(["--latency", text]));
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_option_refuses_a_negative_latency() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CbEmulatorOptions { Latency = TimeSpan.FromMilliseconds(-1) });

    [Fact]
    public async Task Requests_are_answered_after_the_wait()
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { Latency = TimeSpan.FromMilliseconds(50) });
        using var client = new EmulatorClient(emulator);

        var pages = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => client.GetJsonAsync($"/api/v1/process?q=&rows=2&start={2 * i}")));

        Assert.All(pages, page => Assert.Equal(2, page["results"]!.AsArray().Count));
        Assert.Equal(4, emulator.RequestLog.CountOf("GET", "/api/v1/process"));
        Assert.All(emulator.RequestLog.Entries, e => Assert.Equal(200, e.StatusCode));
    }

    [Fact]
    public async Task A_client_that_gives_up_during_the_wait_is_logged_as_aborted()
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { Latency = TimeSpan.FromMinutes(5) });
        using var client = new EmulatorClient(emulator);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Http.GetAsync("/api/v1/process?q=&rows=2", cancel.Token));

        // The server notices the closed connection and ends the wait: the request is logged with status 0, long
        // before the five minutes are up (the loop only waits for the log line, it asserts no duration).
        for (var i = 0; i < 200 && emulator.RequestLog.Count == 0; i++)
            await Task.Delay(50);
        var entry = Assert.Single(emulator.RequestLog.Entries);
        Assert.Equal(0, entry.StatusCode);
    }
}
