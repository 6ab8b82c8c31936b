using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>
/// A sensor's queued data, activity and resource status: operations of Sensor's spec whose answers are lists of
/// their own spec models, read through the generated readers from the emulator.
/// </summary>
public sealed class SensorQueueAndActivityTests
{
    [Fact]
    public async Task QueuedActivityAndResourceStatusAreTypedRowsOfThisSensor()
    {
        await using var session = await EmulatorSession.StartAsync();
        var sensor = await session.Client.GetAsync<Sensor>(4);

        var queued = Assert.Single(await sensor.GetQueuedAsync());
        var activity = Assert.Single(await sensor.GetActivityAsync());
        var resources = Assert.Single(await sensor.GetResourceStatusAsync());

        Assert.Equal(4, queued.SensorId);
        Assert.Equal(401, queued.Id);
        Assert.Equal(0, queued.NumStorefileBytes);
        Assert.Equal(sensor.LastCheckinTime, queued.Timestamp);
        Assert.Equal(4, activity.SensorId);
        Assert.Equal("checkin", activity.Type);
        Assert.Equal(4, resources.SensorId);
        // Fields no spec declares are kept as the server sent them.
        Assert.Equal("391", resources.GetRawValue("handle_count"));
        Assert.Equal("/api/v1/sensor/4/resourcestatus", (await session.WaitForRequestAsync(e => e.Path.EndsWith("/resourcestatus", StringComparison.Ordinal))).Path);
    }

    [Fact]
    public async Task AnUnknownSensorIsNotFoundAndAnUnattachedOneIsAClearError()
    {
        await using var session = await EmulatorSession.StartAsync();
        var missing = session.Client.Select<Sensor>("999");

        await Assert.ThrowsAsync<CbObjectNotFoundException>(() => missing.GetQueuedAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => new Sensor().GetActivityAsync());
    }
}
