using CbTyped.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Runtime.Tests;

public sealed class IdentityCacheTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Concurrent_loads_of_one_key_share_one_request()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Route("GET", "/api/v1/sensor/3", async ctx =>
        {
            await Task.Delay(200); // hold the request so every caller arrives while it is in flight
            await ctx.Response.WriteAsync("""{"id":3}""");
        });
        using var client = TestClients.For(server);
        var cache = new CbIdentityCache(new CbCacheOptions());

        var loads = Enumerable.Range(0, 32).Select(_ => Task.Run(() => cache.GetOrLoadAsync(typeof(string), "3", async ct =>
        {
            using var doc = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/sensor/3", null, ct);
            return (object)doc!.RootElement.GetRawText();
        }, default)));
        var results = await Task.WhenAll(loads);

        Assert.Equal(1, server.CountRequests("GET", "/api/v1/sensor/3"));
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_fail_the_others()
    {
        var cache = new CbIdentityCache(new CbCacheOptions());
        var release = new TaskCompletionSource<object>();
        using var impatient = new CancellationTokenSource();
        var first = cache.GetOrLoadAsync(typeof(string), "k", _ => release.Task, impatient.Token);
        var second = cache.GetOrLoadAsync(typeof(string), "k", _ => throw new InvalidOperationException("must share"), default);

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult("value");
        Assert.Equal("value", await second);
    }

    [Fact]
    public async Task A_failed_load_is_not_cached()
    {
        var cache = new CbIdentityCache(new CbCacheOptions());
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrLoadAsync(typeof(string), "k", _ => throw new InvalidOperationException(), default));
        Assert.Equal("ok", await cache.GetOrLoadAsync(typeof(string), "k", _ => Task.FromResult<object>("ok"), default));
    }

    [Fact]
    public void Entries_expire_after_the_time_to_live_counted_from_loading()
    {
        var clock = new ManualClock();
        var cache = new CbIdentityCache(new CbCacheOptions { TimeToLive = TimeSpan.FromSeconds(60) }, clock);
        cache.Set(typeof(string), "a", "A");

        clock.Now += TimeSpan.FromSeconds(59);
        Assert.True(cache.TryGet(typeof(string), "a", out _)); // a read does not extend the TTL
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.False(cache.TryGet(typeof(string), "a", out _));
    }

    [Fact]
    public void The_least_recently_used_entry_leaves_first()
    {
        var cache = new CbIdentityCache(new CbCacheOptions { MaxSize = 3 });
        cache.Set(typeof(string), "a", "A");
        cache.Set(typeof(string), "b", "B");
        cache.Set(typeof(string), "c", "C");
        Assert.True(cache.TryGet(typeof(string), "a", out _)); // a is now the most recent
        cache.Set(typeof(string), "d", "D");

        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet(typeof(string), "b", out _));
        Assert.True(cache.TryGet(typeof(string), "a", out _));
        Assert.True(cache.TryGet(typeof(string), "d", out _));
    }

    [Fact]
    public void Keys_are_per_type_and_eviction_forgets_one()
    {
        var cache = new CbIdentityCache(new CbCacheOptions());
        cache.Set(typeof(string), "1", "string one");
        cache.Set(typeof(int), "1", "int one");
        cache.Evict(typeof(string), "1");
        Assert.False(cache.TryGet(typeof(string), "1", out _));
        Assert.True(cache.TryGet(typeof(int), "1", out var other));
        Assert.Equal("int one", other);
    }

    [Fact]
    public async Task A_disabled_cache_loads_every_time()
    {
        var cache = new CbIdentityCache(new CbCacheOptions { Enabled = false });
        var loads = 0;
        for (var i = 0; i < 3; i++)
            await cache.GetOrLoadAsync(typeof(string), "k", _ => Task.FromResult<object>(Interlocked.Increment(ref loads)), default);
        Assert.Equal(3, loads);
        Assert.Equal(0, cache.Count);
    }
}
