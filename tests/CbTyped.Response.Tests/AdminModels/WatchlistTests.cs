using System.Text.Json;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.AdminModels;

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
    public async Task RunningAWatchlistSendsItsStoredFiltersTermsAndSort()
    {
        await using var session = await EmulatorSession.StartAsync();
        var netExe = await session.Client.Select<Process>().Where("process_name:net.exe").ToListAsync();
        Assert.Equal(2, netExe.Count);
        var pid = netExe[1].ProcessPid!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = session.Client.Create<Watchlist>();
        created.Name = "one net.exe";
        created.IndexType = WatchlistIndexType.Events;
        created.SearchQuery = "cb.urlver=1&q=process_name%3Anet.exe&cb.q.hostname=WIN-IA9NQ1GN8OI&cb.fq.process_pid=" + pid + "&rows=10";
        await session.Client.SaveAsync(created);
        var watchlist = await EmulatorSession.CreateClient(session.Emulator).GetAsync<Watchlist>(created.GetKeyString()!);
        session.Requests.Clear();

        var hits = await watchlist.SearchProcesses().ToListAsync();

        // The emulator applied the exact filter: only the process with that pid, which the equivalent query also finds.
        var only = Assert.Single(hits);
        Assert.Equal(netExe[1].GetKeyString(), only.GetKeyString());
        var expected = await session.Client.Select<Process>().Where("process_name:net.exe hostname:WIN-IA9NQ1GN8OI process_pid:" + pid).SingleAsync();
        Assert.Equal(expected.GetKeyString(), only.GetKeyString());
        var request = await session.WaitForRequestAsync(e => e.Path == "/api/v1/process" && e.PathAndQuery.Contains("cb.fq.process_pid=" + pid + "&", StringComparison.Ordinal));
        Assert.Contains("q=process_name%3Anet.exe+hostname%3AWIN-IA9NQ1GN8OI&", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("rows=100&", request.PathAndQuery, StringComparison.Ordinal); // paging is the runtime's, not the stored rows=10
        Assert.Equal(1, await watchlist.CountHitsAsync());
        Assert.Equal(["cb.fq.process_pid"], watchlist.SearchProcesses().Parameters.Select(p => p.Key));

        // A stored sort (the emulator, like the server, drops it on save; cbapi-made ones carry it) is the query's sort.
        watchlist.SearchQuery += "&sort=start+asc";
        Assert.Single(await watchlist.SearchProcesses().ToListAsync());
        await session.WaitForRequestAsync(e => e.Path == "/api/v1/process" && e.PathAndQuery.Contains("&sort=start+asc&", StringComparison.Ordinal)
            && e.PathAndQuery.Contains("cb.fq.process_pid=" + pid + "&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABinaryWatchlistKeepsItsFiltersAndAnUnknownIndexIsInvalid()
    {
        await using var session = await EmulatorSession.StartAsync();
        var all = await session.Client.Select<Binary>().CountAsync();
        var watchlist = session.Client.Create<Watchlist>();
        watchlist.Name = "no binaries";
        watchlist.IndexType = WatchlistIndexType.Modules;
        watchlist.SearchQuery = "cb.urlver=1&q=&cb.fq.md5=00000000000000000000000000000000";
        await session.Client.SaveAsync(watchlist);

        Assert.True(all > 0);
        Assert.Equal(0, await watchlist.SearchBinaries().CountAsync());
        await session.WaitForRequestAsync(e => e.Path == "/api/v1/binary" && e.PathAndQuery.Contains("cb.fq.md5=00000000000000000000000000000000", StringComparison.Ordinal));

        // cbapi's quirk: another index type silently became an unfiltered query; here it is an error.
        var odd = await EmulatorSession.CreateClient(session.Emulator).GetAsync<Watchlist>(watchlist.GetKeyString()!);
        odd.LoadJson(System.Text.Encoding.UTF8.GetBytes("""{"id":"99","name":"odd","index_type":"alerts","search_query":"q=x"}"""));
        var error = await Assert.ThrowsAsync<CbInvalidObjectException>(() => odd.CountHitsAsync());
        Assert.Contains("index_type of alerts is invalid", error.Message, StringComparison.Ordinal);
        Assert.Throws<CbInvalidObjectException>(() => odd.SearchProcesses());
        Assert.Throws<CbInvalidObjectException>(() => odd.SearchBinaries());
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
