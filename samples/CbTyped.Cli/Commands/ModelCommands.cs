using System.CommandLine;
using CbTyped.Cli.Infrastructure;

namespace CbTyped.Cli.Commands;

/// <summary>The commands over the Cb Response models (process, binary, sensor, lr, ban, watchlist, alert, feed, user, group).</summary>
internal static class ModelCommands
{
    public static IEnumerable<Command> Create(CommandRunner runner) =>
    [
        ProcessCommands.Create(runner),
        BinaryCommands.Create(runner),
        SensorCommands.Create(runner),
        LiveResponseCommands.Create(runner),
        BanCommands.Create(runner),
        WatchlistCommands.Create(runner),
        AlertCommands.Create(runner),
        FeedCommands.Create(runner),
        UserCommands.CreateUser(runner),
        UserCommands.CreateGroup(runner),
    ];
}
