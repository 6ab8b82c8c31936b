using CbTyped.Emulator;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.Queries;

/// <summary>
/// A 6.x server with event partitions migrated from 5.x is in legacy mode: like cbapi's ProcessQuery, every process
/// page, count and facet request sends <c>cb.legacy_5x_mode=True</c>; other models' queries, and servers without
/// such a partition, do not.
/// </summary>
public sealed class LegacyModeTests
{
    [Fact]
    public async Task ALegacyPartitionTurnsOnLegacyModeAndProcessPagesSendIt()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { LegacyPartition = true });

        await session.Client.Select<Process>().Where("process_name:net.exe").FirstAsync();

        Assert.True((await session.Client.GetServerInfoAsync()).IsLegacy5xMode);
        var page = await session.WaitForRequestAsync(e => e.Path == "/api/v1/process");
        Assert.Equal("/api/v1/process?cb.legacy_5x_mode=True&cb.urlver=1&facet=false&q=process_name%3Anet.exe&rows=1&sort=last_update+desc&start=0", page.PathAndQuery);
    }

    [Fact]
    public async Task CountsAndFacetsOfProcessesSendItToo()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { LegacyPartition = true });
        var query = session.Client.Select<Process>().Where("process_name:net.exe");

        Assert.True(await query.CountAsync() > 0);
        await query.FacetsAsync(["process_name"]);

        await session.WaitForRequestAsync(e => e.Path == "/api/v1/process" && e.PathAndQuery.Contains("facet=true", StringComparison.Ordinal));
        var requests = session.Requests.Entries.Where(e => e.Path == "/api/v1/process").ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Contains("cb.legacy_5x_mode=True", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BinaryQueriesNeverSendIt()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { LegacyPartition = true });

        await session.Client.Select<Binary>().FirstAsync();

        var page = await session.WaitForRequestAsync(e => e.Path == "/api/v1/binary");
        Assert.DoesNotContain("legacy", page.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutALegacyPartitionProcessQueriesDoNotSendIt()
    {
        await using var session = await EmulatorSession.StartAsync();

        await session.Client.Select<Process>().FirstAsync();

        Assert.False((await session.Client.GetServerInfoAsync()).IsLegacy5xMode);
        var page = await session.WaitForRequestAsync(e => e.Path == "/api/v1/process");
        Assert.DoesNotContain("legacy", page.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryThatSetsTheParameterItselfKeepsItsValue()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { LegacyPartition = true });

        await session.Client.Select<Process>().WithParameter("cb.legacy_5x_mode", "False").FirstAsync();

        var page = await session.WaitForRequestAsync(e => e.Path == "/api/v1/process");
        Assert.Contains("cb.legacy_5x_mode=False", page.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("cb.legacy_5x_mode=True", page.PathAndQuery, StringComparison.Ordinal);
    }
}
