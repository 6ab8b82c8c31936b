using System.Text.Json;
using CbTyped.Emulator;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.AdminModels;

/// <summary>ThrottleRule, IngressFilter and SensorBuilds against the emulator: their query and CRUD paths.</summary>
public sealed class PolicyModelTests
{
    [Fact]
    public async Task AThrottleRuleIsCreatedListedJoinedUpdatedAndDeleted()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cb = session.Client;
        var rule = cb.Create<ThrottleRule>();
        rule.SiteId = 1;
        rule.From = 480;
        rule.To = 1020;
        rule.DayOfWeek = 1;
        rule.BytesPerSecond = 65536.5;

        await cb.SaveAsync(rule);

        // POST without the read-only id; the server answered {"id": n}, so the rule was read back.
        var post = Assert.Single(session.Requests.Entries, e => e.Method == "POST");
        Assert.Equal("/api/throttle", post.PathAndQuery);
        using (var body = JsonDocument.Parse(post.Body!))
        {
            Assert.False(body.RootElement.TryGetProperty("id", out _));
            Assert.Equal(1020, body.RootElement.GetProperty("to").GetInt32());
        }

        Assert.NotNull(rule.Id);
        Assert.Equal(1, session.Requests.CountOf("GET", $"/api/throttle/{rule.Id}"));
        Assert.Equal((480, 1020, 1, 65536.5), (rule.From, rule.To, rule.DayOfWeek, rule.BytesPerSecond));

        var other = cb.Create<ThrottleRule>();
        other.SiteId = 1;
        other.From = 0;
        other.To = 60;
        other.DayOfWeek = 6;
        other.BytesPerSecond = 1024;
        await cb.SaveAsync(other);

        // A client list: one GET, filtered and sorted here (cbapi's SimpleQuery), and the site's join uses it.
        using var fresh = EmulatorSession.CreateClient(session.Emulator);
        var saturday = await fresh.Select<ThrottleRule>().Where("day_of_week:6").SingleAsync();
        Assert.Equal(other.Id, saturday.Id);
        var site = await fresh.GetAsync<Site>("1");
        Assert.Equal([rule.Id!.Value, other.Id!.Value], (await site.ThrottleRules.Sort("id").ToListAsync()).Select(r => r.Id!.Value).Order());
        Assert.Equal("Default Site", (await saturday.GetSiteAsync())!.Name);

        rule.To = 1200;
        await cb.SaveAsync(rule);
        Assert.Equal(1200, (await EmulatorSession.CreateClient(session.Emulator).GetAsync<ThrottleRule>(rule.GetKeyString()!)).To);

        await cb.DeleteAsync(rule);
        await Assert.ThrowsAsync<CbObjectNotFoundException>(() => fresh.GetAsync<ThrottleRule>(rule.GetKeyString()!));
        Assert.Single(await fresh.Select<ThrottleRule>().ToListAsync());
    }

    [Fact]
    public async Task AThrottleRuleWithoutASiteIsRefusedBeforeAnyRequestAndABadOneByTheServer()
    {
        await using var session = await EmulatorSession.StartAsync();
        var rule = session.Client.Create<ThrottleRule>();
        rule.From = 0;

        await Assert.ThrowsAsync<CbInvalidObjectException>(() => session.Client.SaveAsync(rule));
        Assert.DoesNotContain(session.Requests.Entries, e => e.Method == "POST");

        rule.SiteId = 1;
        rule.To = 2000; // past the end of the day
        await Assert.ThrowsAsync<CbClientException>(() => session.Client.SaveAsync(rule));
        Assert.Null(rule.Id);
    }

    [Fact]
    public async Task AnIngressFilterIsPostedAsAnArrayWithItsChosenIdThenReadBack()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cb = session.Client;
        var filter = cb.Create<IngressFilter>();
        filter.Id = "5a8d7c3e-updater";
        filter.Name = "quiet updater";
        filter.Description = "drop updater noise";
        filter.PathFilters = [@"c:\updater\*"];
        filter.OsMask = 1;

        await cb.SaveAsync(filter);

        var post = Assert.Single(session.Requests.Entries, e => e.Method == "POST");
        Assert.Equal("/api/v1/ingress_whitelist", post.PathAndQuery);
        using (var body = JsonDocument.Parse(post.Body!))
        {
            var only = Assert.Single(body.RootElement.EnumerateArray().ToList()); // an array of one filter
            Assert.Equal("5a8d7c3e-updater", only.GetProperty("id").GetString()); // the client-chosen key is sent
            Assert.False(only.TryGetProperty("create_timestamp", out _)); // read-only fields are not
        }

        // The server answered ["<id>"]; the filter was read back with the server's defaults.
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/v1/ingress_whitelist/5a8d7c3e-updater"));
        Assert.Equal(1, filter.Version);
        Assert.True(filter.Enabled);
        Assert.Equal(1, filter.OsMask);
        Assert.NotNull(filter.CreateTimestamp);
        Assert.Equal([@"c:\updater\*"], filter.PathFilters);

        filter.Enabled = false;
        await cb.SaveAsync(filter);
        Assert.False(filter.Enabled);
        Assert.Equal(2, filter.Version); // the server versions each update; the refresh shows it
        var put = Assert.Single(session.Requests.Entries, e => e.Method == "PUT");
        Assert.Equal("/api/v1/ingress_whitelist/5a8d7c3e-updater", put.PathAndQuery);

        using var fresh = EmulatorSession.CreateClient(session.Emulator);
        var listed = await fresh.Select<IngressFilter>().Where("name:QUIET UPDATER").SingleAsync();
        Assert.False(listed.Enabled);

        await cb.DeleteAsync(filter);
        Assert.Empty(await fresh.Select<IngressFilter>().ToListAsync());
        await Assert.ThrowsAsync<CbObjectNotFoundException>(() => fresh.GetAsync<IngressFilter>("5a8d7c3e-updater"));
    }

    [Fact]
    public async Task AnIngressFilterCreatedByItsOwnMethodGetsTheServersIdAndMissingFieldsAreRefused()
    {
        await using var session = await EmulatorSession.StartAsync();
        var incomplete = session.Client.Create<IngressFilter>();
        incomplete.Name = "no description";
        var missing = await Assert.ThrowsAsync<CbInvalidObjectException>(() => incomplete.CreateAsync());
        Assert.Contains("description", missing.Message, StringComparison.Ordinal);
        Assert.Equal(0, session.Requests.CountOf("POST", "/api/v1/ingress_whitelist"));

        var filter = session.Client.Create<IngressFilter>();
        filter.Id = "md5-noise";
        filter.Name = "md5 noise";
        filter.Description = "known-good md5s";
        filter.Md5Filters = ["5D41402ABC4B2A76B9719D911017C592"];
        await filter.CreateAsync();

        Assert.Equal("md5-noise", filter.Id);
        Assert.Equal(["5D41402ABC4B2A76B9719D911017C592"], filter.Md5Filters);
        Assert.Equal(7, filter.OsMask); // the server's default: every operating system

        // A second filter with the same id is the server's conflict, not a silent overwrite.
        var twin = session.Client.Create<IngressFilter>();
        twin.Id = "md5-noise";
        twin.Name = "twin";
        twin.Description = "same id";
        await Assert.ThrowsAsync<CbClientException>(() => session.Client.SaveAsync(twin));
    }

    [Fact]
    public async Task SensorBuildsIsOneObjectWithTheBuildsPerOperatingSystem()
    {
        await using var session = await EmulatorSession.StartAsync();
        var query = session.Client.Select<SensorBuilds>();

        var builds = await query.SingleAsync();

        Assert.Equal(["005.002.000.61003", "006.001.002.71109"], builds.Windows!.Select(b => b.VersionString));
        Assert.Equal(["006.001.002.71109"], builds.Linux!.Select(b => b.VersionString));
        Assert.Equal(["006.001.002.71109"], builds.Osx!.Select(b => b.VersionString));
        Assert.Equal(1, await query.CountAsync());
        Assert.Equal(2, session.Requests.CountOf("GET", "/api/v2/builds"));
        Assert.Throws<InvalidOperationException>(() => query.Where("Windows:x"));
        Assert.Throws<CbApiException>(() => session.Client.Create<SensorBuilds>());
    }
}
