using System.CommandLine;
using CbTyped.Cli.Infrastructure;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped lr shell SENSOR</c>: an interactive Live Response session (<see cref="LiveResponseShell"/>).</summary>
internal static class LiveResponseShellCommand
{
    public static Command Create(CommandRunner runner, LiveResponseConnection connection)
    {
        var sensor = SensorLookup.Argument();
        var shell = new Command("shell", "An interactive Live Response session: commands read from standard input (history and Tab completion on a terminal), one session kept open.") { sensor };
        runner.SetAction(shell, c => RunAsync(c, connection, c.Get(sensor)));
        CommandExamples.Add(shell,
            "cbtyped lr shell HOSTNAME",
            @"printf 'cd c:\\windows\\temp\nls\nget evil.dll\n' | cbtyped lr shell 4");
        return shell;
    }

    private static async Task<int> RunAsync(CommandContext context, LiveResponseConnection connection, string sensorName)
    {
        var (sensor, session) = await connection.OpenAsync(context, sensorName).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
            return await new LiveResponseShell(context, sensor, session).RunAsync().ConfigureAwait(false);
    }
}
