using System.Text.Json;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.ModelsB;

/// <summary>Watchlists against the emulator: create from a query, select by name, read and run the query, save.</summary>
public sealed class WatchlistTests
{
    private const string Name = "[WARN] Attempts to mount internal share";
    private const string QueryText = @"process_name:net.exe cmdline:\\test\blah";

    [Fact]
    public async Task CreatingSendsCbapisBodyAndRefreshesAfterAnIdOnlyAnswer()
    {
        var log = new LogCapture();
        await using var session = await EmulatorSession.StartAsync(configureClient: o => o.LoggerFactory = log);

        var created = await Watchlist.CreateForProcessesAsync(session.Client, Name, QueryText);

        using var body = JsonDocument.Parse(log.LastBody("POST", "/api/v1/watchlist"));
        Assert.Equal("events", body.RootElement.GetProperty("index_type").GetString());
        Assert.Equal(Name, body.RootElement.GetProperty("name").GetString());
        Assert.Equal("facet=false&q=process_name%3Anet.exe+cmdline%3A%5C%5Ctest%5Cblah&cb.urlver=1&sort=last_update+desc",
            body.RootElement.GetProperty("search_query").GetString());
        // The server answered only {"id": n}: the SDK fetched the rest (cbapi's Python 3 quirk kept only the id).
        Assert.Equal(1, session.Requests.CountOf("GET", $"/api/v1/watchlist/{created.Id}"));
        Assert.Equal(Name, created.Name);
        Assert.True(created.Enabled);
        Assert.Equal(QueryText, created.Query);
    }

    [Fact]
    public async Task SelectedByNameItsQueryReadsBackAndCountsTheTwoNetExeProcesses()
    {
        await using var session = await EmulatorSession.StartAsync();
        await Watchlist.CreateForProcessesAsync(session.Client, Name, QueryText);

        using var fresh = EmulatorSession.CreateClient(session.Emulator);
        var mine = await fresh.Select<Watchlist>().Where("name:" + Name).SingleAsync();

        Assert.Equal(QueryText, mine.Query);
        Assert.Equal(2, await mine.SearchProcesses().CountAsync());
        Assert.Equal(2, await mine.CountHitsAsync());
        Assert.Contains(session.Requests.Entries, e => e.Path == "/api/v1/process" && e.PathAndQuery.Contains("rows=0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisablingPutsEveryFieldTheServerSent()
    {
        var log = new LogCapture();
        await using var session = await EmulatorSession.StartAsync(configureClient: o => o.LoggerFactory = log);
        var watchlist = await Watchlist.CreateForProcessesAsync(session.Client, Name, QueryText);
        var sent = JsonDocument.Parse(watchlist.RawJson).RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();

        watchlist.Enabled = false;
        await session.Client.SaveAsync(watchlist);

        using var body = JsonDocument.Parse(log.LastBody("PUT", $"/api/v1/watchlist/{watchlist.Id}"));
        var put = body.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(sent, put);
        Assert.False(body.RootElement.GetProperty("enabled").GetBoolean());
        Assert.False(watchlist.Enabled);
        Assert.False((await EmulatorSession.CreateClient(session.Emulator).GetAsync<Watchlist>(watchlist.Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))).Enabled);
    }

    [Fact]
    public async Task ABinaryWatchlistIsNotRunAsAnUnfilteredProcessQuery()
    {
        await using var session = await EmulatorSession.StartAsync();
        var binaries = await Watchlist.CreateForBinariesAsync(session.Client, "unsigned", "digsig_result:Unsigned");

        // cbapi's quirk: another index type dropped the stored query and returned every process.
        Assert.Throws<CbInvalidObjectException>(() => binaries.SearchProcesses());
        Assert.Equal(await session.Client.Select<Binary>().Where("digsig_result:Unsigned").CountAsync(), await binaries.SearchBinaries().CountAsync());
    }

    [Fact]
    public async Task ActionsAreCreatedAndListedUnderTheWatchlist()
    {
        await using var session = await EmulatorSession.StartAsync();
        var watchlist = await Watchlist.CreateForProcessesAsync(session.Client, Name, QueryText);

        var action = watchlist.CreateAction(ActionType.Alert, "{}");
        await session.Client.SaveAsync(action);

        var listed = await watchlist.Actions.ToListAsync();
        var only = Assert.Single(listed);
        Assert.Equal(ActionType.Alert, only.Type);
        Assert.Equal(watchlist.Id, only.WatchlistId);
    }
}
