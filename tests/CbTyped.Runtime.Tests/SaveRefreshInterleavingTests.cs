using CbTyped.Runtime.Tests.Infrastructure;
using CbTyped.Runtime.Tests.Models;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Runtime.Tests;

/// <summary>
/// The interleavings of a save and a refresh of one object that lost a change, forced step by step with a loopback
/// server that answers a refresh's GET with the state it read before the save's PUT.
/// </summary>
public sealed class SaveRefreshInterleavingTests
{
    [Fact]
    public async Task ARefreshReadBeforeThePutAndAnsweredAfterItDoesNotUndoTheSave()
    {
        await using var server = await LoopbackServer.StartAsync();
        string stored = """{"id":1,"name":"old","search_query":"q=x","enabled":true}""";
        var holdGets = false;
        var heldGetRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseGet = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Route("GET", "/api/v1/watchlist/1", async ctx =>
        {
            string state = Volatile.Read(ref stored);
            if (Volatile.Read(ref holdGets))
            {
                Volatile.Write(ref holdGets, false);
                heldGetRead.SetResult();
                await releaseGet.Task; // answered with what it read, after the PUT
            }

            await ctx.Response.WriteAsync(state);
        });
        server.Route("PUT", "/api/v1/watchlist/1", async ctx =>
        {
            Volatile.Write(ref stored, await LoopbackServer.BodyOf(ctx));
            await ctx.Response.WriteAsync(Volatile.Read(ref stored));
        });
        using var client = TestClients.For(server);
        var rule = await client.GetAsync<Rule>("1");

        rule.Name = "new";
        Volatile.Write(ref holdGets, true);
        var refresh = client.RefreshAsync(rule);
        await heldGetRead.Task; // the server has read "old" for the refresh
        await client.SaveAsync(rule);
        Assert.Contains("\"name\":\"new\"", stored, StringComparison.Ordinal);
        releaseGet.SetResult();
        await refresh;

        Assert.Equal("new", rule.Name); // the stale answer did not replace the save's result
        Assert.False(rule.IsDirty);
    }

    [Fact]
    public async Task ARefreshLandingWhileASaveIsInFlightKeepsTheChangesTheSaveSends()
    {
        await using var server = await LoopbackServer.StartAsync();
        string stored = """{"id":1,"name":"old","search_query":"q=x","enabled":true}""";
        var putArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releasePut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Route("GET", "/api/v1/watchlist/1", ctx => ctx.Response.WriteAsync(Volatile.Read(ref stored)));
        server.Route("PUT", "/api/v1/watchlist/1", async ctx =>
        {
            string body = await LoopbackServer.BodyOf(ctx);
            putArrived.TrySetResult();
            await releasePut.Task;
            Volatile.Write(ref stored, body);
            await ctx.Response.WriteAsync("""{"result":"success"}""");
        });
        using var client = TestClients.For(server);
        var rule = await client.GetAsync<Rule>("1");

        rule.Name = "new";
        var save = client.SaveAsync(rule);
        await putArrived.Task;
        await client.RefreshAsync(rule); // lands while the PUT is out
        Assert.Equal("new", rule.Name);   // the change is kept, still pending
        Assert.True(rule.IsDirty);
        releasePut.SetResult();
        await save;

        Assert.Contains("\"name\":\"new\"", stored, StringComparison.Ordinal);
        Assert.Equal("new", rule.Name);
        Assert.False(rule.IsDirty);
    }
}
