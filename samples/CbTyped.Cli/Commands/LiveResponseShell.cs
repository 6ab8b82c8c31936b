using System.Globalization;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary>
/// The commands of <c>cbtyped lr shell</c> (cbapi's <c>cblr_cli.py</c>): one Live Response session kept open while
/// lines are read from standard input, a working directory kept here, each command's failure reported without ending
/// the shell. The SDK opens a lost session again when a command finds it gone; the shell says so when the session id
/// changes.
/// </summary>
internal sealed class LiveResponseShell(CommandContext context, Sensor sensor, LiveResponseSession session)
{
    /// <summary>Each command with its usage and what it does (<c>help</c>, Tab completion).</summary>
    public static readonly (string Name, string Usage, string Help)[] Commands =
    [
        ("cd", "cd DIR", "change the working directory (checked by listing it)"),
        ("pwd", "pwd", "print the working directory"),
        ("ls", "ls [DIR]", "list a directory (default: the working one)"),
        ("get", "get REMOTE [LOCAL]", "copy a file of the endpoint to a local file (default: its name, here)"),
        ("put", "put LOCAL [REMOTE]", "copy a local file to the endpoint (default: its name, in the working directory)"),
        ("rm", "rm REMOTE", "delete a file"),
        ("mkdir", "mkdir REMOTE", "create a directory"),
        ("ps", "ps", "list the processes"),
        ("kill", "kill PID", "kill a process and wait for the sensor to confirm"),
        ("exec", "exec COMMAND LINE…", "run a command line and print its output"),
        ("reg", @"reg ls KEY | reg get KEY\VALUE", "list a registry key, read a value"),
        ("memdump", "memdump [LOCAL]", "dump the endpoint's memory to a local file (default: memdump-sensor-<ID>.zip)"),
        ("history", "history", "the commands typed so far"),
        ("help", "help", "this list"),
        ("exit", "exit", "close the session and leave (also quit, Ctrl+D)"),
    ];

    private readonly List<string> _history = [];
    private string _directory = session.Info.CurrentWorkingDirectory is { Length: > 0 } cwd ? cwd : session.IsWindows ? @"c:\" : "/";
    private int _sessionId = session.SessionId;

    private OutputContext Output => context.Output;

    /// <summary>Reads and runs commands until <c>exit</c> or the end of input; returns the last command's exit code.</summary>
    public async Task<int> RunAsync()
    {
        var editor = context.InputIsTerminal ? new LineEditor(Output.Error, () => Console.ReadKey(intercept: true), Complete) : null;
        Output.Note($"Live Response session {_sessionId.ToString(CultureInfo.InvariantCulture)} on {sensor.ComputerName} (sensor {Formats.Number(sensor.Id)}); 'help' lists the commands, 'exit' leaves.");
        using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var keeping = KeepAliveAsync(keepAlive.Token);
        var code = ExitCodes.Success;
        try
        {
            while (true)
            {
                var line = editor is null ? await context.Input.ReadLineAsync(context.CancellationToken).ConfigureAwait(false) : editor.ReadLine(Prompt());
                if (line is null)
                    break;
                line = line.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                    continue;
                _history.Add(line);
                editor?.Remember(line);
                if (line is "exit" or "quit")
                    return ExitCodes.Success;
                code = await RunLineAsync(line).ConfigureAwait(false);
            }
        }
        finally
        {
            await keepAlive.CancelAsync().ConfigureAwait(false);
            await keeping.ConfigureAwait(false);
        }
        return code;
    }

    private string Prompt() => $"{sensor.ComputerName} {_directory}> ";

    /// <summary>Runs one line; a failure is one line on standard error and its exit code, and the shell goes on.</summary>
    private async Task<int> RunLineAsync(string line)
    {
        try
        {
            var words = ShellWords.Split(line);
            await RunAsync(words[0], words.Skip(1).ToList()).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            var (code, message) = ErrorReporter.Describe(e);
            Output.Error.WriteLine("cbtyped: " + message);
            return code;
        }
        finally
        {
            if (session.SessionId != _sessionId)
            {
                Output.Note($"cbtyped: session {_sessionId.ToString(CultureInfo.InvariantCulture)} was lost; continuing in session {session.SessionId.ToString(CultureInfo.InvariantCulture)}.");
                _sessionId = session.SessionId;
            }
        }
    }

    private async Task RunAsync(string command, List<string> args)
    {
        var token = context.CancellationToken;
        switch (command)
        {
            case "pwd":
                Output.Output.WriteLine(_directory);
                break;
            case "cd":
                var target = Resolve(One(args, "cd DIR"));
                await session.ListDirectoryAsync(LiveResponseFileCommands.AsDirectory(target, session.IsWindows), token).ConfigureAwait(false);
                _directory = target;
                break;
            case "ls":
                var listed = await session.ListDirectoryAsync(LiveResponseFileCommands.AsDirectory(args.Count == 0 ? _directory : Resolve(One(args, "ls [DIR]")), session.IsWindows), token).ConfigureAwait(false);
                LiveResponseFileCommands.WriteEntries(Output, listed);
                break;
            case "get":
                await GetAsync(args).ConfigureAwait(false);
                break;
            case "put":
                await PutAsync(args).ConfigureAwait(false);
                break;
            case "rm":
                await session.DeleteFileAsync(Resolve(One(args, "rm REMOTE")), token).ConfigureAwait(false);
                break;
            case "mkdir":
                await session.CreateDirectoryAsync(Resolve(One(args, "mkdir REMOTE")), token).ConfigureAwait(false);
                break;
            case "ps":
                LiveResponseProcessCommands.WriteProcesses(Output, await session.ListProcessesAsync(token).ConfigureAwait(false));
                break;
            case "kill":
                if (!int.TryParse(One(args, "kill PID"), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                    throw new CliUsageException("kill takes a process id (a number).");
                var confirmed = await session.KillProcessAsync(pid, token).ConfigureAwait(false);
                Output.Output.WriteLine($"process {pid.ToString(CultureInfo.InvariantCulture)}: " + (confirmed ? "killed" : "kill requested, not confirmed yet"));
                break;
            case "exec":
                if (args.Count == 0)
                    throw new CliUsageException("usage: exec COMMAND LINE…");
                var result = await session.CreateProcessAsync(CommandLineText.Join([.. args]), cancellationToken: token).ConfigureAwait(false);
                Output.Output.Write(result.Output);
                Output.Note($"exited with code {Formats.Number(result.ReturnCode) ?? "?"}");
                break;
            case "reg":
                await RegistryAsync(args).ConfigureAwait(false);
                break;
            case "memdump":
                var dump = Path.GetFullPath(args.Count > 0 ? One(args, "memdump [LOCAL]") : "memdump-sensor-" + session.SensorId.ToString(CultureInfo.InvariantCulture) + ".zip");
                var dumped = await LiveResponseCaptureCommands.SaveAsync(context, dump, false, "dumping memory", LiveResponseCaptureCommands.PrivateFile,
                    s => session.MemdumpAsync(s, cancellationToken: token)).ConfigureAwait(false);
                Output.Output.WriteLine($"memdump: {Formats.Number(dumped)} bytes -> {dump}");
                break;
            case "history":
                for (var i = 0; i < _history.Count; i++)
                    Output.Output.WriteLine($"{(i + 1).ToString(CultureInfo.InvariantCulture),5}  {_history[i]}");
                break;
            case "help":
                var width = Commands.Max(c => c.Usage.Length);
                foreach (var (_, usage, help) in Commands)
                    Output.Output.WriteLine("  " + usage.PadRight(width) + "  " + help);
                break;
            default:
                throw new CliUsageException($"unknown command {Printable.Quote(command)}; 'help' lists the commands.");
        }
        Output.Output.Flush();
    }

    private async Task GetAsync(List<string> args)
    {
        if (args.Count is < 1 or > 2)
            throw new CliUsageException("usage: get REMOTE [LOCAL]");
        var remote = Resolve(args[0]);
        // The local name is the one typed (or the last part of the remote path typed), never a name the server sent.
        var name = args.Count == 2 ? args[1] : remote.Split('\\', '/')[^1];
        if (name is "" or "." or "..")
            throw new CliUsageException("give the local file name: get REMOTE LOCAL");
        var path = Path.GetFullPath(name);
        var bytes = await LiveResponseCaptureCommands.SaveAsync(context, path, false, "downloading", null,
            s => session.GetFileAsync(remote, s, context.CancellationToken)).ConfigureAwait(false);
        Output.Output.WriteLine($"{remote}: {Formats.Number(bytes)} bytes -> {path}");
    }

    private async Task PutAsync(List<string> args)
    {
        if (args.Count is < 1 or > 2)
            throw new CliUsageException("usage: put LOCAL [REMOTE]");
        var local = Path.GetFullPath(args[0]);
        if (!File.Exists(local))
            throw new CliNotFoundException($"local file {local} not found.");
        var remote = args.Count == 2 ? Resolve(args[1]) : Resolve(Path.GetFileName(local));
        var source = new FileStream(local, FileMode.Open, FileAccess.Read, FileShare.Read);
        await using (source.ConfigureAwait(false))
            await session.PutFileAsync(source, remote, context.CancellationToken).ConfigureAwait(false);
        Output.Output.WriteLine($"{local}: {Formats.Number(new FileInfo(local).Length)} bytes -> {remote}");
    }

    private async Task RegistryAsync(List<string> args)
    {
        switch (args)
        {
            case ["ls", var key]:
                LiveResponseRegistryCommands.WriteRows(Output, LiveResponseRegistryCommands.Rows(await session.EnumRegistryKeyAsync(key, context.CancellationToken).ConfigureAwait(false)));
                break;
            case ["get", var value]:
                var read = await session.GetRegistryValueAsync(value, context.CancellationToken).ConfigureAwait(false);
                LiveResponseRegistryCommands.WriteRows(Output, [new(read.Name, read.ValueType, LiveResponseRegistryCommands.DataText(read), read.Data)]);
                break;
            default:
                throw new CliUsageException(@"usage: reg ls KEY | reg get KEY\VALUE");
        }
    }

    /// <summary>A path typed in the shell: absolute as is, else under the working directory; '.' and '..' resolved.</summary>
    private string Resolve(string path)
    {
        var windows = session.IsWindows;
        var separator = windows ? '\\' : '/';
        var absolute = windows ? path.Length >= 2 && path[1] == ':' || path.StartsWith('\\') || path.StartsWith('/') : path.StartsWith('/');
        var full = absolute ? path : _directory.TrimEnd('\\', '/') + separator + path;
        var parts = new List<string>();
        foreach (var part in full.Split(windows ? ['\\', '/'] : ['/']))
        {
            if (part == "." || (part.Length == 0 && parts.Count > 0))
                continue;
            if (part == "..")
            {
                if (parts.Count > 1)
                    parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        var joined = string.Join(separator, parts);
        return parts.Count == 1 ? joined + separator : joined;
    }

    private static string One(List<string> args, string usage) =>
        args.Count == 1 ? args[0] : throw new CliUsageException("usage: " + usage);

    /// <summary>Tab completion: the command names that start with the first word typed.</summary>
    internal static IReadOnlyList<string> Complete(string line) =>
        line.Contains(' ', StringComparison.Ordinal) ? [] : [.. Commands.Select(c => c.Name).Where(n => n.StartsWith(line, StringComparison.Ordinal)).Select(n => n + " ")];

    /// <summary>Resets the server's idle timer every 30 s while the shell waits (cbapi's keep-alive thread); a failure is left to the next command.</summary>
    private async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await session.KeepAliveAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is CbApiException or InvalidOperationException or HttpRequestException)
                {
                    // The session may be gone; the next command opens a new one.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
