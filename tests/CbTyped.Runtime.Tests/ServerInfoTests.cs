using CbTyped.Runtime.Tests.Infrastructure;

namespace CbTyped.Runtime.Tests;

public sealed class ServerInfoTests
{
    [Fact]
    public async Task Server_info_is_read_once_and_its_version_drives_behaviour()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.For(server);

        var info = await client.GetServerInfoAsync();
        var again = await client.GetServerInfoAsync();

        Assert.Same(info, again);
        Assert.Equal(1, server.CountRequests("GET", "/api/info"));
        Assert.Equal(new Version(6, 2, 0), info.Version);
        Assert.Equal("6.2.0.171114.1158", info.VersionText);
        Assert.True(info.LiveResponseEnabled);
        Assert.Equal(1000, info.MaxSearchResultRows);
        Assert.True(info.SendsFacetFalse);
        Assert.Equal(4, info.ProcessEventApiVersion);
        Assert.Equal(0, info.DefaultProcessSegment);
        Assert.True(info.HasSegmentEndpoint);
        Assert.True(info.SendsRfc822FlushTime);
        Assert.False(info.IsLegacy5xMode);
    }

    [Theory]
    [InlineData("5.0.0.150130.1500", false, 1, 1)]
    [InlineData("5.1.0.150625.500", false, 2, 1)]
    [InlineData("5.1.1.150910.1200", true, 2, 1)]
    [InlineData("5.2.0.161004.1206", true, 3, 1)]
    [InlineData("6.0.0.170101.1", true, 4, 0)]
    public async Task Older_servers_get_their_own_behaviour(string version, bool facetFalse, int eventApi, int segment)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.InfoJson = $$"""{"version":"{{version}}"}""";
        using var client = TestClients.For(server);

        var info = await client.GetServerInfoAsync();

        Assert.Equal(facetFalse, info.SendsFacetFalse);
        Assert.Equal(eventApi, info.ProcessEventApiVersion);
        Assert.Equal(segment, info.DefaultProcessSegment);
        Assert.Equal(info.Version.Major >= 6, info.HasSegmentEndpoint);
        Assert.False(info.SendsRfc822FlushTime);
        // Only 6.0+ asks for the storage partitions.
        Assert.Equal(info.Version.Major >= 6 ? 1 : 0, server.CountRequests("GET", "/api/v1/storage/events/partition"));
    }

    [Fact]
    public async Task A_server_older_than_5_0_is_refused()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.InfoJson = """{"version":"4.2.5.150101.1"}""";
        using var client = TestClients.For(server);
        var e = await Assert.ThrowsAsync<CbApiException>(() => client.GetServerInfoAsync());
        Assert.Contains(">= 5.0.0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Legacy_partitions_turn_on_legacy_mode()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.PartitionsJson = """{"cbevents_2017_01_01_0000":{"name":"cbevents_2017_01_01_0000","info":{"isLegacy":true}},"writer":{"info":{"isLegacy":false}}}""";
        using var client = TestClients.For(server);
        Assert.True((await client.GetServerInfoAsync()).IsLegacy5xMode);
    }

    [Fact]
    public async Task A_403_on_the_partition_list_is_ignored()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/v1/storage/events/partition", """{"reason":"forbidden"}""", 403);
        using var client = TestClients.For(server);
        Assert.False((await client.GetServerInfoAsync()).IsLegacy5xMode);
    }

    [Fact]
    public async Task A_failed_start_up_is_tried_again_on_the_next_use()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/info", """{"reason":"down"}""", 500);
        using var client = TestClients.For(server, o => o.Retry.MaxRetries = 0);
        await Assert.ThrowsAsync<CbServerException>(() => client.GetServerInfoAsync());

        server.RouteJson("GET", "/api/info", """{"version":"6.1.0"}""");
        Assert.Equal(new Version(6, 1, 0), (await client.GetServerInfoAsync()).Version);
    }

    [Fact]
    public async Task The_sync_pair_works()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.For(server);
        Assert.Equal(new Version(6, 2, 0), client.GetServerInfo().Version);
    }
}
