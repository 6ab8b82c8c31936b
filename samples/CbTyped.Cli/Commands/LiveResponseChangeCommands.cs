using System.CommandLine;
using CbTyped.Cli.Infrastructure;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped lr rm|mkdir SENSOR PATH</c>: remove a file, make a directory on the endpoint.</summary>
internal static class LiveResponseChangeCommands
{
    public static IEnumerable<Command> Create(CommandRunner runner, LiveResponseConnection connection)
    {
        var rmSensor = SensorLookup.Argument();
        var rmPath = new Argument<string>("remote-path") { Description = "The file to delete on the endpoint." };
        var rm = new Command("rm", "Delete a file on the endpoint.") { rmSensor, rmPath };
        runner.SetAction(rm, c => connection.ChangeAsync(c, c.Get(rmSensor), c.Get(rmPath), "deleted", (s, p, t) => s.DeleteFileAsync(p, t)));
        CommandExamples.Add(rm, @"cbtyped lr rm 4 'c:\users\bob\appdata\local\temp\evil.dll'");
        yield return rm;

        var mkdirSensor = SensorLookup.Argument();
        var mkdirPath = new Argument<string>("remote-path") { Description = "The directory to create on the endpoint." };
        var mkdir = new Command("mkdir", "Create a directory on the endpoint.") { mkdirSensor, mkdirPath };
        runner.SetAction(mkdir, c => connection.ChangeAsync(c, c.Get(mkdirSensor), c.Get(mkdirPath), "created", (s, p, t) => s.CreateDirectoryAsync(p, t)));
        CommandExamples.Add(mkdir, @"cbtyped lr mkdir 4 'c:\windows\temp\ir'");
        yield return mkdir;
    }
}
