using System.CommandLine;
using CbTyped.Cli.Infrastructure;

namespace CbTyped.Cli.Commands;

/// <summary>
/// <c>cbtyped lr ls|get|put|rm|mkdir|ps|kill|exec|memdump|archive|reg SENSOR …</c>: Live Response on one endpoint. Each invocation opens a
/// session on the sensor (reusing one that is open), runs one command and closes the session.
/// </summary>
/// <remarks>A top-level <c>lr</c> rather than <c>sensor lr</c>: the sub-commands are actions on the endpoint's files
/// and processes, not on the sensor object, and three words before the arguments read worse (docs/cli.md).</remarks>
internal static class LiveResponseCommands
{
    public static Command Create(CommandRunner runner)
    {
        var lr = new Command("lr", "Live Response: files and processes on an endpoint (each command opens and closes a session).");
        var connection = new LiveResponseConnection();
        connection.AddTo(lr);
        foreach (var command in LiveResponseFileCommands.Create(runner, connection))
            lr.Subcommands.Add(command);
        foreach (var command in LiveResponseProcessCommands.Create(runner, connection))
            lr.Subcommands.Add(command);
        foreach (var command in LiveResponseChangeCommands.Create(runner, connection))
            lr.Subcommands.Add(command);
        foreach (var command in LiveResponseCaptureCommands.Create(runner, connection))
            lr.Subcommands.Add(command);
        lr.Subcommands.Add(LiveResponseRegistryCommands.Create(runner, connection));
        lr.Subcommands.Add(LiveResponseShellCommand.Create(runner, connection));
        return lr;
    }
}
