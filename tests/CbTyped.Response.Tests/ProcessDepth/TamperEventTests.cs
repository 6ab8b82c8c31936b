using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.ProcessDepth;

/// <summary>cbapi's <c>tamper_event</c> flag: the events of a process the sensor flagged as tampering with it.</summary>
public sealed class TamperEventTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task TheSensorStopAttemptHasItsFileRegistryAndCrossProcessTamperEventsInTimeOrder()
    {
        var cmd = await fixture.Client.Select<Process>().Where("process_name:cmd.exe").And("hostname:HOSTNAME").FirstAsync();

        var tamper = await cmd.GetTamperEventsAsync();

        Assert.Equal(["crossproc", "regmod", "filemod"], tamper.Select(e => e.EventType).ToArray());
        Assert.All(tamper, e => Assert.True(e.IsTampered));
        Assert.Equal(@"\registry\machine\system\currentcontrolset\services\carbonblack", Assert.IsType<RegModEvent>(tamper[1]).Path);
        Assert.Equal(@"c:\windows\carbonblack\cb.exe", Assert.IsType<FileModEvent>(tamper[2]).Path);
        Assert.True(Assert.IsType<CrossProcEvent>(tamper[0]).HasPermission("PROCESS_TERMINATE"));
        // The untouched registry write of the same process is not a tamper event.
        Assert.Equal(2, (await cmd.GetRegModsAsync()).Count);
    }

    [Fact]
    public async Task AProcessWithoutFlaggedEventsHasNoTamperEvents()
    {
        var net = await fixture.Client.Select<Process>().Where("process_name:net.exe").FirstAsync();

        Assert.NotEmpty(await net.GetAllEventsAsync());
        Assert.Empty(await net.GetTamperEventsAsync());
    }
}
