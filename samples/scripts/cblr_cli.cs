#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/cblr_cli.py (with cbapi's CblrCli shell): an interactive Live Response
// shell. "connect ID|HOSTNAME" attaches to a sensor; then cd, pwd, dir, cat, get, put, del, mkdir, ps [-v] [-p PID],
// exec [-o FILE] [-d DIR] [-w] CMDLINE, kill PID, archive FILE, detach; shell CMD runs a local command; exit, quit or
// end of input leaves. The working directory is the shell's own (the sensor's does not change), as in cbapi.
//   dotnet run samples/scripts/cblr_cli.cs -- --cburl https://cb.example.com --apitoken TOKEN [--log FILE]
#:project ExampleHelpers/ExampleHelpers.csproj
using System.Globalization;
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Cb Response Live Response CLI").Option("--log", help: "Log activity to a file").Parse(args);
using var cb = ExampleClient.Connect(options);
using var log = options["--log"] is { Length: > 0 } logFile ? new StreamWriter(logFile, append: true) { AutoFlush = true } : null;

LiveResponseSession? session = null;
var cwd = "c:";
try
{
    while (true)
    {
        // Python's cmd module writes the prompt, then reads a line; end of input is the EOF command.
        Console.Write(session is null ? "(unattached)> " : cwd + "\\> ");
        if (Console.ReadLine() is not { } line)
            break;
        line = line.Trim();
        if (line.Length == 0)
            continue;
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var (command, rest) = space < 0 ? (line, "") : (line[..space], line[(space + 1)..].Trim());
        try
        {
            if (command is "exit" or "quit" or "EOF")
                break;
            await RunAsync(command, rest);
        }
        catch (CommandError e)
        {
            Console.WriteLine(e.Message);
        }
        catch (Exception e) when (e is CbApiException or IOException or UnauthorizedAccessException or FormatException or OverflowException or ArgumentException or InvalidOperationException)
        {
            Console.WriteLine("Error: " + e.Message);
        }
    }
}
finally
{
    if (session is not null)
        await session.DisposeAsync();
}
return 0;

async Task RunAsync(string command, string rest)
{
    switch (command)
    {
        case "connect":
            await ConnectAsync(rest);
            break;
        case "detach":
            await DetachAsync();
            break;
        case "pwd":
            Attached();
            Console.WriteLine(cwd.Length == 2 ? cwd + "\\" : cwd);
            Console.WriteLine();
            break;
        case "cd":
            await ChangeDirectoryAsync(rest);
            break;
        case "dir":
            await DirectoryAsync(rest);
            break;
        case "cat":
            await using (var file = await Attached().OpenFileAsync(FixUp(rest)))
            await using (var stdout = Console.OpenStandardOutput())
                await file.CopyToAsync(stdout);
            break;
        case "get":
            var get = SplitCli(rest);
            if (get.Count != 2)
                throw Arguments("Wrong number of args to get command");
            await using (var file = await Attached().OpenFileAsync(FixUp(get[0])))
                await ExampleFile.SaveAsync(file, get[1]);
            break;
        case "put":
            var put = SplitCli(rest);
            Attached();
            if (put.Count != 2)
                throw Arguments("Wrong number of args to put command (need 2)");
            await using (var file = File.OpenRead(put[0]))
                await session!.PutFileAsync(file, put[1]);
            break;
        case "del":
            Attached();
            await session!.DeleteFileAsync(FixUp(rest.Length > 0 ? rest : throw Arguments("Must provide argument to del command")));
            break;
        case "mkdir":
            Attached();
            await session!.CreateDirectoryAsync(FixUp(rest.Length > 0 ? rest : throw Arguments("Must provide argument to mkdir command")));
            break;
        case "ps":
            await ProcessListAsync(rest);
            break;
        case "exec":
            await ExecuteAsync(rest);
            break;
        case "kill":
            if (!int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                throw Arguments($"Invalid argument passed to kill ({rest})");
            await Attached().KillProcessAsync(pid);
            break;
        case "archive":
            await using (var archive = new MemoryStream())
            {
                await Attached().GetSessionArchiveAsync(archive);
                archive.Position = 0;
                await ExampleFile.SaveAsync(archive, rest);
            }
            break;
        case "shell":
            await LocalShellAsync(rest);
            break;
        case "help":
            Console.WriteLine("\nDocumented commands (type help <topic>):\n========================================");
            Console.WriteLine("archive  cat  cd  connect  del  detach  dir  exec  exit  get  kill  mkdir  ps  put  pwd  quit  shell\n");
            break;
        default:
            Console.WriteLine("*** Unknown syntax: " + (rest.Length > 0 ? command + " " + rest : command));
            break;
    }
}

async Task ConnectAsync(string target)
{
    if (target.Length == 0)
        throw Arguments("Need argument: sensor ID or hostname");
    // cbapi's connect_callback: a (non-zero) number is a sensor id, anything else a host name.
    Sensor? sensor = int.TryParse(target, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id != 0
        ? await cb.GetAsync<Sensor>(target)
        : await cb.Select<Sensor>().Where("hostname:" + target).FirstOrDefaultAsync();
    // cbapi fails with an AttributeError on None; the port says what it meant.
    if (sensor is null)
        throw new CommandError($"Error: no sensor has hostname {target}");
    await DetachAsync();
    session = await sensor.OpenLiveResponseSessionAsync();
    Console.WriteLine($"Session: {session.SessionId}");
    Console.WriteLine("  Available Drives: " + string.Join(' ', session.Info.Drives));
    Console.WriteLine("  Supported Commands: " + string.Join(", ", session.Info.SupportedCommands));
    Console.WriteLine("  Working Directory: " + cwd);
    log?.WriteLine($"Attached to sensor {sensor.Id}");
}

async Task DetachAsync()
{
    cwd = "c:";
    if (session is null)
        return;
    await session.DisposeAsync();
    session = null;
}

async Task ChangeDirectoryAsync(string target)
{
    Attached();
    var path = NormalizePath(FixUp(target));
    if (await StatAsync(path) != "dir")
    {
        Console.WriteLine($"Error: Path {path} does not exist");
        return;
    }
    cwd = path.TrimEnd('\\'); // never a trailing backslash
    log?.WriteLine($"Changed directory to {cwd}");
}

async Task DirectoryAsync(string target)
{
    Attached();
    var path = FixUp(target.Length > 0 ? target : cwd + "\\");
    if (path.EndsWith('\\'))
        path += "*";
    var entries = await session!.ListDirectoryAsync(path);
    Console.WriteLine($"Directory: {path}\n");
    foreach (var entry in entries)
    {
        var size = entry.IsDirectory ? "<DIR>               " : "     " + entry.Size.ToString(CultureInfo.InvariantCulture).PadLeft(15);
        Console.WriteLine($"{DirTime(entry.CreateTime)}\t{size} {entry.FileName}");
    }
    Console.WriteLine();
}

async Task ProcessListAsync(string rest)
{
    Attached();
    var words = SplitCli(rest).Where(w => w.Length > 0).ToList();
    var verbose = words.Remove("-v") | words.Remove("--verbose");
    int? only = null;
    var pidAt = words.FindIndex(w => w is "-p" or "--pid");
    if (pidAt >= 0)
    {
        if (pidAt + 1 >= words.Count)
            throw Arguments($"{words[pidAt]} option requires 1 argument");
        only = int.Parse(words[pidAt + 1], NumberStyles.Integer, CultureInfo.InvariantCulture);
    }
    foreach (var p in await session!.ListProcessesAsync())
    {
        if (only is { } pid && p.Pid != pid)
            continue;
        var name = p.Path[(p.Path.LastIndexOfAny(['\\', '/']) + 1)..];
        if (verbose)
        {
            Console.WriteLine($"Process: {p.Pid,5} : {name}");
            Console.WriteLine($"  Guid:        {p.ProcessGuid}");
            Console.WriteLine($"  CreateTime:  {DirTime(p.CreateTime)} (GMT)");
            Console.WriteLine($"  ParentPid:   {p.ParentPid}");
            Console.WriteLine($"  ParentGuid:  {p.ParentGuid}");
            Console.WriteLine($"  SID:         {p.Sid.ToUpperInvariant()}");
            Console.WriteLine($"  UserName:    {p.UserName}");
            Console.WriteLine($"  ExePath:     {p.Path}");
            Console.WriteLine($"  CommandLine: {p.CommandLine}");
            Console.WriteLine();
        }
        else
        {
            Console.WriteLine($"{p.Pid,5}  {name,-30} {p.UserName,-20}");
        }
    }
    if (!verbose)
        Console.WriteLine();
}

async Task ExecuteAsync(string rest)
{
    Attached();
    // Only the leading -o FILE, -d DIR and -w are options: the command line after them is passed on untouched.
    var parts = new Queue<string>(rest.Split(' '));
    string? outputFile = null;
    string? workingDirectory = null;
    var wait = false;
    var exe = "";
    while (parts.TryDequeue(out var token))
    {
        if (token == "-w")
            wait = true;
        else if (token == "-o" && parts.TryDequeue(out var file))
            outputFile = file;
        else if (token == "-d" && parts.TryDequeue(out var directory))
            workingDirectory = directory;
        else
        {
            exe = token;
            break;
        }
    }
    if (exe.Length == 0)
        throw Arguments("Need a command line to execute");
    if (IsDriveRelative(exe))
        exe = cwd[..2] + exe;
    else if (!IsAbsolute(exe) && await StatAsync(cwd + "\\" + exe) == "file")
        exe = cwd + "\\" + exe; // a file of that name in the working directory; else Windows resolves it
    var commandLine = parts.Count > 0 ? exe + " " + string.Join(' ', parts) : exe;
    var result = await session!.CreateProcessAsync(commandLine, waitForOutput: wait, remoteOutputFileName: outputFile,
        workingDirectory: workingDirectory ?? cwd);
    if (wait)
        Console.WriteLine(result.Output);
}

async Task LocalShellAsync(string commandLine)
{
    var start = OperatingSystem.IsWindows()
        ? new System.Diagnostics.ProcessStartInfo("cmd.exe", ["/c", commandLine])
        : new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", commandLine]);
    start.RedirectStandardOutput = true;
    using var shell = System.Diagnostics.Process.Start(start)!;
    Console.WriteLine(await shell.StandardOutput.ReadToEndAsync());
    await shell.WaitForExitAsync();
}

// "dir" or "file" for a path the sensor has, null otherwise (cbapi's _stat). cbapi reads the listing of the path
// itself, which a sensor may answer with the directory's children instead; the port looks the name up in its
// parent's listing, and takes a path it cannot list as absent (cbapi lets that error end the command).
async Task<string?> StatAsync(string path)
{
    path = path.TrimEnd('\\');
    var cut = path.LastIndexOf('\\');
    if (cut < 0)
        return path.Length == 2 && path[1] == ':' ? "dir" : null; // a drive
    try
    {
        var name = path[(cut + 1)..];
        var entry = (await session!.ListDirectoryAsync(path[..(cut + 1)])).FirstOrDefault(e => string.Equals(e.FileName, name, StringComparison.OrdinalIgnoreCase));
        return entry is null ? null : entry.IsDirectory ? "dir" : "file";
    }
    catch (LiveResponseException)
    {
        return null;
    }
}

LiveResponseSession Attached() => session ?? throw new CommandError("You must attach to a session");

string FixUp(string path) =>
    IsAbsolute(path) ? path : IsDriveRelative(path) ? cwd[..2] + path : cwd + "\\" + path;

static bool IsAbsolute(string path) =>
    path.StartsWith(@"\\", StringComparison.Ordinal) || (path.Length >= 3 && char.IsLetter(path[0]) && path[1..3] == ":\\");

static bool IsDriveRelative(string path) =>
    path == "\\" || (path.Length >= 2 && path[0] == '\\' && path[1] != '\\');

// ntpath.abspath on an absolute path: "." and ".." resolved, repeated separators collapsed.
static string NormalizePath(string path)
{
    var parts = new List<string>();
    foreach (var part in path.Split('\\'))
    {
        if (part is "" or ".")
            continue;
        if (part == "..")
        {
            if (parts.Count > 1)
                parts.RemoveAt(parts.Count - 1);
        }
        else
        {
            parts.Add(part);
        }
    }
    return parts.Count == 1 ? parts[0] + "\\" : string.Join('\\', parts);
}

// cbapi's split_cli: split on spaces, then rejoin a "quoted argument" that had spaces in it.
static List<string> SplitCli(string line)
{
    var parts = new Queue<string>(line.Split(' '));
    var final = new List<string>();
    while (parts.TryDequeue(out var token))
    {
        if (token.StartsWith('"'))
        {
            token = token[1..];
            while (!token.EndsWith('"') && parts.TryDequeue(out var next))
                token += " " + next;
            token = token.TrimEnd('"');
        }
        final.Add(token);
    }
    return final;
}

// time.strftime("%m/%d/%Y %I:%M:%S %p", time.gmtime(t)).
static string DirTime(DateTimeOffset? time) =>
    (time ?? DateTimeOffset.UnixEpoch).UtcDateTime.ToString("MM/dd/yyyy hh:mm:ss tt", CultureInfo.InvariantCulture);

static CommandError Arguments(string message) => new("Error parsing arguments!\n " + message);

/// <summary>What the shell prints for a command it could not run (cbapi's CliAttachError and CliArgsException).</summary>
internal sealed class CommandError(string message) : Exception(message);
