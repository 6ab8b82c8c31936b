using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.ProcessDepth;

/// <summary>
/// cbapi's <c>CbCrossProcEvent.source_proc/target_proc</c> and <c>CbModLoadEvent.binary</c>: fetched on first call,
/// through the identity cache, and the same objects every other route returns.
/// </summary>
public sealed class EventJoinTests
{
    [Fact]
    public async Task ACrossProcessEventJoinsItsSourceAndTargetProcessesOnce()
    {
        await using var session = await EmulatorSession.StartAsync();
        var mimikatz = await session.Client.Select<Process>().Where("process_name:mimikatz.exe").FirstAsync();
        var open = Assert.Single(await mimikatz.GetCrossProcsAsync());
        var marker = DateTimeOffset.UtcNow;

        var target = await open.GetTargetProcessAsync();
        var source = await open.GetSourceProcessAsync();

        Assert.Same(mimikatz, source);
        Assert.NotNull(target);
        Assert.Equal(("lsass.exe", 4), (target.ProcessName, target.SensorId));
        Assert.Equal(open.TargetMd5, target.ProcessMd5, StringComparer.OrdinalIgnoreCase); // events carry MD5s upper-cased
        Assert.StartsWith(target.Id + "-", open.TargetProcessUniqueId, StringComparison.Ordinal);
        // The identity cache: asking again, or getting the process by key, is the same instance and no request.
        var afterFirst = await session.WaitForRequestAsync(e => e.Path.StartsWith("/api/v1/process/" + target.Id + "/", StringComparison.Ordinal));
        Assert.Same(target, await open.GetTargetProcessAsync());
        Assert.Same(target, await session.Client.GetAsync<Process>(Process.KeyFor(target.Id!, 0)));
        Assert.Single(session.Requests.Entries, e => e.Time - e.Elapsed > marker && e.Path.StartsWith("/api/v1/process/", StringComparison.Ordinal));
        Assert.True(afterFirst.Time - afterFirst.Elapsed > marker);
    }

    [Fact]
    public async Task ATargetSideEventJoinsTheOtherProcessAsItsSource()
    {
        await using var session = await EmulatorSession.StartAsync();
        var mimikatz = await session.Client.Select<Process>().Where("process_name:mimikatz.exe").FirstAsync();
        var open = Assert.Single(await mimikatz.GetCrossProcsAsync());
        // The same event as the target's event list would carry it (is_target set).
        var asTarget = open with { IsTarget = true };

        Assert.Same(mimikatz, await asTarget.GetTargetProcessAsync());
        var source = await asTarget.GetSourceProcessAsync();
        Assert.Equal("lsass.exe", source?.ProcessName);
    }

    [Fact]
    public async Task AModuleLoadJoinsItsBinaryOnceForEveryLoadOfTheSameModule()
    {
        await using var session = await EmulatorSession.StartAsync();
        var nets = await session.Client.Select<Process>().Where("process_name:net.exe").ToListAsync();
        var loads = new List<ModLoadEvent>();
        foreach (var net in nets)
            loads.AddRange(await net.GetModLoadsAsync());
        var ntdll = loads.Where(m => m.Path!.EndsWith("ntdll.dll", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, ntdll.Count);

        var first = await ntdll[0].GetBinaryAsync();
        var second = await ntdll[1].GetBinaryAsync();

        Assert.Same(first, second);
        Assert.Equal(ntdll[0].Md5, first.Md5, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("ntdll.dll", first.OriginalFilename);
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/v1/binary/" + first.Md5 + "/summary"));
    }
}
