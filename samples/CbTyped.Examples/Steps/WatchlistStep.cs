using CbTyped.Response;

namespace CbTyped.Examples;

/// <summary>"Feed and Watchlist Maintenance": create a watchlist from the query, read its query back, run it, disable it.</summary>
internal static class WatchlistStep
{
    public static async Task RunAsync(StepContext step, CancellationToken cancellationToken)
    {
        StepHeading.Write(step.Output, "Feed and Watchlist Maintenance");
        if (step.MayChange("creating a watchlist"))
            await step.NetExeQuery.CreateWatchlistAsync(step.Cb, step.Seed.WatchlistName, cancellationToken);

        // cbapi's .one(): exactly one, or an error. Read-only against a real server, the watchlist may not exist yet.
        var myWatchlist = await step.Cb.Select<Watchlist>().Where("name:" + step.Seed.WatchlistName).SingleOrDefaultAsync(cancellationToken);
        if (myWatchlist is null)
        {
            step.Output.WriteLine($"No watchlist is named {step.Seed.WatchlistName}.");
            return;
        }

        step.Output.WriteLine(myWatchlist.Query);
        step.Output.WriteLine(await myWatchlist.SearchProcesses().CountAsync(cancellationToken));

        if (!step.MayChange("disabling a watchlist"))
            return;
        myWatchlist.Enabled = false;
        await step.Cb.SaveAsync(myWatchlist, cancellationToken);
    }
}
