using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.Queries;

/// <summary>cbapi's ProcessQuery options (group_by, time bounds, comprehensive search) on the wire.</summary>
public sealed class ProcessQueryOptionTests
{
    [Fact]
    public async Task EveryOptionIsSentWithCbapisNameAndTimeFormat()
    {
        await using var session = await EmulatorSession.StartAsync();
        var from = new DateTimeOffset(2016, 10, 25, 16, 8, 23, 374, TimeSpan.FromHours(2));
        var to = new DateTimeOffset(2016, 11, 16, 0, 0, 0, TimeSpan.Zero);

        var rows = await session.Client.Select<Process>().Where("process_name:net.exe")
            .GroupBy("id").MinLastUpdate(from).MaxLastUpdate(to).MinLastServerUpdate(from).MaxLastServerUpdate(to).UseComprehensiveSearch()
            .ToListAsync();

        Assert.Equal(2, rows.Count);
        await session.WaitForRequestAsync(e => e.Path == "/api/v1/process"); // logged when its response completes
        var request = Assert.Single(session.Requests.Entries, e => e.Path == "/api/v1/process");
        Assert.Equal(
            "/api/v1/process?cb.group=id&cb.max_last_server_update=2016-11-16T00%3A00%3A00Z&cb.max_last_update=2016-11-16T00%3A00%3A00Z"
            + "&cb.min_last_server_update=2016-10-25T14%3A08%3A23Z&cb.min_last_update=2016-10-25T14%3A08%3A23Z&cb.urlver=1"
            + "&comprehensive_search=true&facet=false&q=process_name%3Anet.exe&rows=100&sort=last_update+desc&start=0",
            request.PathAndQuery);
    }

    [Fact]
    public async Task AnOptionIsKeptByLaterModifiersAndTheOriginalQueryIsUnchanged()
    {
        await using var session = await EmulatorSession.StartAsync();
        var plain = session.Client.Select<Process>();

        var grouped = plain.GroupBy("id").Where("process_name:cmd.exe");

        Assert.Contains(grouped.Parameters, p => p.Key == "cb.group" && p.Value == "id");
        Assert.DoesNotContain(plain.Parameters, p => p.Key == "cb.group");
        Assert.Throws<ArgumentException>(() => plain.GroupBy(" "));
    }

    [Fact]
    public async Task OnAServerOlderThanSixTheGroupAndTimeOptionsFailBeforeTheRequest()
    {
        await using var session = await EmulatorSession.StartAsync(new CbTyped.Emulator.CbEmulatorOptions { ServerVersion = "5.2.0.161004.1206" });
        var query = session.Client.Select<Process>().Where("process_name:net.exe");

        var grouped = await Assert.ThrowsAsync<CbUnsupportedServerException>(() => query.GroupBy("id").ToListAsync());
        Assert.Contains("cb.group", grouped.Operation, StringComparison.Ordinal);
        Assert.Equal("5.2.0.161004.1206", grouped.ServerVersion);
        await Assert.ThrowsAsync<CbUnsupportedServerException>(() => query.MinLastUpdate(DateTimeOffset.UnixEpoch).CountAsync());
        await Assert.ThrowsAsync<CbUnsupportedServerException>(() => query.MaxLastServerUpdate(DateTimeOffset.UnixEpoch).FacetsAsync(["process_name"]));
        Assert.Equal(0, session.Requests.CountOf("GET", "/api/v1/process"));

        // cbapi sends comprehensive search on every version.
        Assert.Equal(2, (await query.UseComprehensiveSearch().ToListAsync()).Count);
    }
}
