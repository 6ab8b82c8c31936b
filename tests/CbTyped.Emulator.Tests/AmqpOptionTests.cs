using System.Net;
using System.Net.Sockets;

namespace CbTyped.Emulator.Tests;

/// <summary>The event-bus options (<c>--amqp</c>, <c>--amqp-rate</c>). Publishing itself is tested against a real
/// broker in tests/CbTyped.Events.Tests (EmulatorPublishesTests).</summary>
public sealed class AmqpOptionTests
{
    [Fact]
    public void The_command_line_reads_the_broker_url_and_the_rate()
    {
        var (options, _, _) = CbEmulatorCommandLine.Parse(["--amqp", "amqp://cb:secret@127.0.0.1:5004/", "--amqp-rate", "2.5"]);
        Assert.Equal(new Uri("amqp://cb:secret@127.0.0.1:5004/"), options.AmqpUrl);
        Assert.Equal(2.5, options.BusEventsPerSecond);

        var defaults = CbEmulatorCommandLine.Parse([]).Options;
        Assert.Null(defaults.AmqpUrl);
        Assert.Equal(1, defaults.BusEventsPerSecond);
    }

    [Theory]
    [InlineData("--amqp", "http://127.0.0.1:5004/")]
    [InlineData("--amqp", "not a url")]
    [InlineData("--amqp-rate", "-1")]
    [InlineData("--amqp-rate", "fast")]
    [InlineData("--amqp-rate", "20000")]
    public void Bad_values_are_refused(string option, string value) =>
        Assert.Throws<ArgumentException>(() => CbEmulatorCommandLine.Parse([option, value]));

    [Fact]
    public void The_option_refuses_a_negative_or_huge_rate()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CbEmulatorOptions { BusEventsPerSecond = -0.5 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CbEmulatorOptions { BusEventsPerSecond = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CbEmulatorOptions { BusEventsPerSecond = 10_001 });
    }

    [Fact]
    public async Task Start_up_fails_when_the_broker_cannot_be_reached_and_frees_the_web_port()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop(); // nothing listens there now
        var webPort = FreePort();

        await Assert.ThrowsAnyAsync<Exception>(() => CbEmulator.StartAsync(new CbEmulatorOptions
        {
            Port = webPort,
            AmqpUrl = new Uri($"amqp://guest:guest@127.0.0.1:{closedPort}/"),
        }));

        // The web host started before the broker was tried, and was stopped again: the port is free.
        using var again = new TcpListener(IPAddress.Loopback, webPort);
        again.Start();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
