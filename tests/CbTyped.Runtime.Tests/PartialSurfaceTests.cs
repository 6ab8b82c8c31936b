using CbTyped.Runtime.Tests.Infrastructure;
using CbTyped.Runtime.Tests.Models;

namespace CbTyped.Runtime.Tests;

/// <summary>The public surface hand-written partials use: RequireResponseClient, GetRoutePathAsync, SendJsonAsync.</summary>
public sealed class PartialSurfaceTests
{
    [Fact]
    public async Task Route_paths_follow_the_server_version_and_fill_key_and_field_placeholders()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/v1/part/abc-1/7", """{"id":"abc-1","segment_id":7,"owner_name":"ann/x"}""");
        server.RouteJson("GET", "/api/v4/part/abc-1/7/event", """{"events":[1,2]}""");
        using var client = TestClients.For(server);

        var part = await client.GetAsync<Part>("abc-1/7");
        var cb = part.RequireResponseClient();
        Assert.Same(client, cb);

        Assert.Equal("/api/v4/part/abc-1/7/event", await cb.GetRoutePathAsync(part, "events"));
        Assert.Equal("/api/v1/part/abc-1/7", await cb.GetRoutePathAsync(part, "get"));
        Assert.Equal("/api/v1/owner/ann%2Fx", await cb.GetRoutePathAsync(part, "owner"));
        using var events = await cb.SendJsonAsync(HttpMethod.Get, await cb.GetRoutePathAsync(part, "events"));
        Assert.Equal(2, events!.RootElement.GetProperty("events").GetArrayLength());

        // No variant for a 6.2 server, and no such route at all: both say which route is missing.
        var legacy = await Assert.ThrowsAsync<CbApiException>(() => cb.GetRoutePathAsync(part, "legacy"));
        Assert.Contains("'legacy'", legacy.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<CbApiException>(() => cb.GetRoutePathAsync(part, "delete"));
        await Assert.ThrowsAsync<CbApiException>(() => cb.GetRoutePathAsync(part, "nope"));
    }

    [Fact]
    public async Task An_older_server_gets_the_older_variant()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.InfoJson = """{"version":"5.2.0.161004.1206","cblrEnabled":true}""";
        using var client = TestClients.For(server);

        var part = client.Select<Part>("g/1");
        Assert.Equal("/api/v1/part/g/1/event", await client.GetRoutePathAsync(part, "events"));
    }

    [Fact]
    public void A_model_not_attached_to_a_client_says_so()
    {
        var part = Part.ModelInfo.CreateNew();
        var error = Assert.Throws<InvalidOperationException>(() => part.RequireResponseClient());
        Assert.Contains("Part", error.Message, StringComparison.Ordinal);
    }
}
