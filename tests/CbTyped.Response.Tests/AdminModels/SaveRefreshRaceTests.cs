using CbTyped.Emulator.Faults;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.AdminModels;

/// <summary>
/// A <c>SaveAsync</c> racing a <c>RefreshAsync</c> of the same object never loses the caller's change: every round,
/// against the emulator, the server ends with the value the caller set, and so does the object.
/// </summary>
public sealed class SaveRefreshRaceTests
{
    private const int Rounds = 200;

    [Fact]
    public async Task ASaveRacingARefreshSendsTheCallersValueEveryRound()
    {
        await using var session = await EmulatorSession.StartAsync();
        var client = session.Client;
        using var checker = EmulatorSession.CreateClient(session.Emulator);
        var id = (await client.Select<Watchlist>().FirstAsync()).Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var watchlist = await client.GetAsync<Watchlist>(id);

        for (int round = 0; round < Rounds; round++)
        {
            string name = "race round " + round;
            watchlist.Name = name;
            if (round % 4 != 0)
            {
                // The refresh's GET stays on the wire a while, so it is still out when the save starts (and, often,
                // comes back after the PUT): the orderings that lost the change.
                session.Emulator.Faults.FailNext(EmulatorFault.Slow(TimeSpan.FromMilliseconds(60)), 1, "/api/v1/watchlist/", "GET");
            }

            Task save, refresh;
            switch (round % 4)
            {
                case 0:
                    save = client.SaveAsync(watchlist);
                    refresh = client.RefreshAsync(watchlist);
                    break;
                case 1:
                    refresh = client.RefreshAsync(watchlist);
                    save = client.SaveAsync(watchlist);
                    break;
                case 2:
                    // Both from the thread pool, released together.
                    using (var start = new ManualResetEventSlim())
                    {
                        var s = Task.Run(() => { start.Wait(); return client.SaveAsync(watchlist); });
                        var r = Task.Run(() => { start.Wait(); return client.RefreshAsync(watchlist); });
                        start.Set();
                        save = s;
                        refresh = r;
                        await Task.WhenAll(save, refresh);
                    }

                    break;
                default:
                    // A save between two refreshes (the second shares the first's request).
                    var first = client.RefreshAsync(watchlist);
                    save = client.SaveAsync(watchlist);
                    refresh = Task.WhenAll(first, client.RefreshAsync(watchlist));
                    break;
            }

            await Task.WhenAll(save, refresh);

            var onServer = checker.Select<Watchlist>(id);
            await checker.RefreshAsync(onServer);
            Assert.True(name == onServer.Name, $"round {round}: the server has \"{onServer.Name}\", the caller saved \"{name}\"");
            Assert.True(name == watchlist.Name, $"round {round}: the object shows \"{watchlist.Name}\", the caller saved \"{name}\"");
        }
    }
}
