using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>Keys in their spec type (int, composite) against the emulator: the same requests and cache as key strings.</summary>
public sealed class TypedKeyTests
{
    [Fact]
    public async Task AnIntKeyGetsTheSameCachedSensorAsItsKeyString()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cb = session.Client;

        var sensor = await cb.GetAsync<Sensor>(4);
        Assert.Equal(4, sensor.Id);
        Assert.Equal("HOSTNAME", sensor.ComputerName);
        Assert.Same(sensor, await cb.GetAsync<Sensor>("4"));
        Assert.Same(sensor, cb.Get<Sensor>(4));
        Assert.Same(sensor, cb.Select<Sensor>(4));
        await session.WaitForRequestAsync(e => e.Method == "GET" && e.Path == "/api/v1/sensor/4");
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/v1/sensor/4"));
    }

    [Fact]
    public async Task ASelectedIntKeyIsAReferenceUntilRefreshed()
    {
        await using var session = await EmulatorSession.StartAsync();
        var watchlist = session.Client.Select<Watchlist>(3);
        Assert.False(watchlist.IsFull);
        Assert.Equal(0, session.Requests.CountOf("GET", "/api/v1/watchlist/3"));
        await session.Client.RefreshAsync(watchlist);
        Assert.Equal(3, watchlist.Id);
        Assert.True(watchlist.IsFull);
    }

    [Fact]
    public async Task AnUnknownIntKeyIsNotFound()
    {
        await using var session = await EmulatorSession.StartAsync();
        await Assert.ThrowsAsync<CbObjectNotFoundException>(() => session.Client.GetAsync<Sensor>(987654));
    }

    [Fact]
    public async Task ACompositeKeyStructGetsTheProcessSegment()
    {
        await using var session = await EmulatorSession.StartAsync();
        var key = new ProcessKey("00000003-0000-036c-01d2-2efd3af51186", 0);
        Assert.Equal(Process.KeyFor("00000003-0000-036c-01d2-2efd3af51186", 0), key.KeyText);
        Assert.Equal(key.KeyText, key.ToString());

        var process = await session.Client.GetAsync(key);
        Assert.Equal("00000003-0000-036c-01d2-2efd3af51186", process.Id);
        var get = await session.WaitForRequestAsync(e => e.Method == "GET" && e.Path.EndsWith("/process/00000003-0000-036c-01d2-2efd3af51186/0", StringComparison.Ordinal));
        Assert.NotNull(get);
        Assert.Same(process, session.Client.Select(key));
    }

    [Fact]
    public async Task ACompositeKeyWithAnIntPartFormatsItInvariantly()
    {
        await using var session = await EmulatorSession.StartAsync();
        var report = session.Client.Get(new ThreatReportKey(1, "mimikatz-2016-11"));
        Assert.Equal("1/mimikatz-2016-11", report.GetKeyString());
        Assert.Equal(1, report.FeedId);
    }

    [Fact]
    public void AStringPartOfACompositeKeyMustBeSet()
    {
        var key = new ProcessKey(null!, 1);
        Assert.Throws<InvalidOperationException>(() => key.KeyText);
    }
}
