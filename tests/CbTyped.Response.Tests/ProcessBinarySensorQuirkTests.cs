using System.Text;
using System.Text.Json;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>
/// cbapi defects that touch Process, Binary and Sensor: each is
/// fixed here, not copied, and this test fails if the defect comes back.
/// </summary>
public sealed class ProcessBinarySensorQuirkTests
{
    [Fact]
    public void TheStringFalseIsFalseNotTrue()
    {
        // cbapi: bool("false") is True, so a sensor sending "false" looked isolated.
        var sensor = new Sensor();
        sensor.LoadJson("""{"id":"4","is_isolating":"false","network_isolation_enabled":"true","uptime":"2166755"}"""u8.ToArray());
        Assert.False(sensor.IsIsolating);
        Assert.True(sensor.NetworkIsolationEnabled);
        Assert.Equal(4, sensor.Id);
        Assert.Equal(2_166_755L, sensor.Uptime);
    }

    [Fact]
    public void MinAndMaxLastUpdateAreTheirOwnFields()
    {
        // cbapi: min_last_update and max_last_update both returned last_update.
        var process = new Process();
        process.LoadJson("""
            {"id":"00000003-0000-036c-01d2-2efd3af51186","segment_id":1,"last_update":"2016-11-15T22:41:07.118Z",
             "min_last_update":"2016-10-25T20:20:29.800Z","max_last_update":"2016-11-15T22:41:07.118Z",
             "min_last_server_update":"2016-10-25T20:21:00Z","max_last_server_update":"2016-11-15T22:42:00Z"}
            """u8.ToArray());
        Assert.Equal(new DateTimeOffset(2016, 10, 25, 20, 20, 29, 800, TimeSpan.Zero), process.MinLastUpdate);
        Assert.Equal(new DateTimeOffset(2016, 11, 15, 22, 41, 7, 118, TimeSpan.Zero), process.MaxLastUpdate);
        Assert.NotEqual(process.MinLastUpdate, process.MaxLastUpdate);
        Assert.Equal(new DateTimeOffset(2016, 10, 25, 20, 21, 0, TimeSpan.Zero), process.MinLastServerUpdate);
    }

    [Fact]
    public async Task BannedStatusIsNullOnlyForNotFoundAndTheBanOtherwise()
    {
        // cbapi: Binary.banned expected a ServerError 409 that arrives as a ClientError, so a conflict escaped.
        // Here only 404 means "not banned"; a ban is returned (enabled or lifted).
        await using var session = await EmulatorSession.StartAsync();
        var cb = session.Client;
        var binary = await cb.GetAsync<Binary>("7fb55f5a62e78af9b58d08aaeeaef848");
        Assert.Null(await binary.GetBannedHashAsync());
        Assert.False(await binary.IsBannedAsync());

        var ban = cb.Create<BannedHash>();
        ban.Md5hash = binary.Md5;
        ban.Text = "Banned from API";
        await cb.SaveAsync(ban);

        var found = await binary.GetBannedHashAsync();
        Assert.NotNull(found);
        Assert.Equal("Banned from API", found.Text);
        Assert.True(await binary.IsBannedAsync());
    }

    [Fact]
    public async Task FindingTheParentDoesNotFetchTheSensor()
    {
        // cbapi compares the parent GUID's sensor id with self.sensor.id, which costs a sensor GET per process;
        // the process's own sensor_id says the same thing.
        await using var session = await EmulatorSession.StartAsync();
        var proc = await session.Client.Select<Process>().Where("process_name:net.exe").FirstAsync();
        await proc.WalkParentsAsync((_, _) => { });
        Assert.Equal(0, session.Requests.CountOf("GET", "/api/v1/sensor/"));
    }

    [Fact]
    public void SuspendResumeRightIsSpelledRight()
    {
        // cbapi's crossproc table says PROCESS_SUPEND_RESUME.
        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(
            """{"crossproc_complete":["ProcessOpen|2014-01-23 09:19:08.331|00000001-0000-0001-01d2-000000000000-00000001|aa|c:\\x.exe|1|2049|false"]}"""));
        var crossproc = Assert.Single(new Process().DecodeEvents(document.RootElement).CrossProcs);
        Assert.Equal("PROCESS_TERMINATE | PROCESS_SUSPEND_RESUME", crossproc.Privileges);
        Assert.True(crossproc.HasPermission("PROCESS_SUSPEND_RESUME"));
    }

    [Fact]
    public void UnknownStartIsRecoveredFromTheGuid()
    {
        // A placeholder or 5.x document may send start -1; cbapi recovered sensor id, pid and start from the GUID.
        var process = new Process();
        process.LoadJson("""{"id":"00000003-0000-036c-01d2-2efd3af51186","segment_id":1,"start":-1,"process_pid":-1}"""u8.ToArray());
        Assert.Null(process.Start);
        Assert.Equal(new DateTimeOffset(2016, 10, 25, 20, 20, 29, 790, TimeSpan.Zero), process.StartTime!.Value.AddTicks(-(process.StartTime.Value.Ticks % TimeSpan.TicksPerMillisecond)));
        Assert.Equal(0x36c, process.ParsedGuid!.Value.Pid);
    }
}
