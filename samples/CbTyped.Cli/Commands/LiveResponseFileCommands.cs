using System.CommandLine;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped lr ls|get|put</c>: the endpoint's files.</summary>
internal static class LiveResponseFileCommands
{
    private static readonly Column<LiveResponseDirectoryEntry>[] Columns =
    [
        new("Name", e => e.FileName),
        new("Size", e => e.IsDirectory ? "<DIR>" : Formats.Number(e.Size), AlignRight: true),
        new("Modified (UTC)", e => Formats.Date(e.LastWriteTime)),
        new("Attributes", e => string.Join(",", e.Attributes)),
    ];

    public static IEnumerable<Command> Create(CommandRunner runner, LiveResponseConnection connection)
    {
        var lsSensor = SensorLookup.Argument();
        var lsPath = new Argument<string>("path") { Description = @"The directory, e.g. 'c:\windows\' (a trailing \ is added when missing) or a pattern 'c:\windows\*.exe'." };
        var ls = new Command("ls", "List a directory of the endpoint.") { lsSensor, lsPath };
        runner.SetAction(ls, c => ListAsync(c, connection, c.Get(lsSensor), c.Get(lsPath)));
        yield return ls;

        var getSensor = SensorLookup.Argument();
        var getPath = new Argument<string>("remote-path") { Description = "The file on the endpoint." };
        var getOutput = new Option<string?>("--output", "-o") { Description = "Where to write the file (default: standard output, also '-')." };
        var getForce = new Option<bool>("--force") { Description = "Replace the output file if it exists." };
        var get = new Command("get", "Copy a file of the endpoint to a local file or standard output.") { getSensor, getPath, getOutput, getForce };
        runner.SetAction(get, c => GetAsync(c, connection, c.Get(getSensor), c.Get(getPath), c.Get(getOutput), c.Get(getForce)));
        yield return get;

        var putSensor = SensorLookup.Argument();
        var putLocal = new Argument<string>("local-file") { Description = "The local file to send." };
        var putRemote = new Argument<string>("remote-path") { Description = "Where to write it on the endpoint." };
        var put = new Command("put", "Copy a local file to the endpoint.") { putSensor, putLocal, putRemote };
        runner.SetAction(put, c => PutAsync(c, connection, c.Get(putSensor), c.Get(putLocal), c.Get(putRemote)));
        yield return put;
    }

    private static async Task<int> ListAsync(CommandContext context, LiveResponseConnection connection, string sensorName, string path)
    {
        var (sensor, session) = await connection.OpenAsync(context, sensorName).ConfigureAwait(false);
        IReadOnlyList<LiveResponseDirectoryEntry> entries;
        await using (session.ConfigureAwait(false))
            entries = await session.ListDirectoryAsync(AsDirectory(path, session.IsWindows), context.CancellationToken).ConfigureAwait(false);

        WriteEntries(context.Output, entries);
        return ExitCodes.Success;
    }

    /// <summary>A directory listing: a table, or with --json one object per entry (also <c>lr shell</c>'s ls).</summary>
    internal static void WriteEntries(OutputContext output, IEnumerable<LiveResponseDirectoryEntry> entries) =>
        RowList.Write(output, entries, Columns, static (w, entry) =>
        {
            w.WriteString("filename", entry.FileName);
            w.WriteStartArray("attributes");
            foreach (var attribute in entry.Attributes)
                w.WriteStringValue(attribute);
            w.WriteEndArray();
            w.WriteNumber("size", entry.Size);
            RowList.WriteUtc(w, "create_time", entry.CreateTime);
            RowList.WriteUtc(w, "last_access_time", entry.LastAccessTime);
            RowList.WriteUtc(w, "last_write_time", entry.LastWriteTime);
        });

    private static async Task<int> GetAsync(CommandContext context, LiveResponseConnection connection, string sensorName, string remotePath, string? output, bool force)
    {
        var toStdout = output is null or "-";
        var path = toStdout ? null : Path.GetFullPath(output!);
        if (path is not null)
            AtomicFileWriter.EnsureWritable(path, force); // before the session: an existing file is refused at once
        var (sensor, session) = await connection.OpenAsync(context, sensorName).ConfigureAwait(false);
        long written;
        await using (session.ConfigureAwait(false))
        {
            // The remote file is opened first, so a missing one leaves no local file behind; the local one is written
            // beside the target and renamed into place after the last byte, so a failure leaves no partial file.
            var remote = await session.OpenFileAsync(remotePath, context.CancellationToken).ConfigureAwait(false);
            await using (remote.ConfigureAwait(false))
            {
                using var progress = toStdout ? null : ProgressBar.Start(context.Output, "downloading");
                if (toStdout)
                {
                    var stdout = context.Output.OpenStandardOutput();
                    await using (stdout.ConfigureAwait(false))
                        written = await CopyAsync(remote, stdout, null, context.CancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var writer = AtomicFileWriter.Create(path!, force);
                    await using (writer.ConfigureAwait(false))
                    {
                        written = await CopyAsync(remote, writer.Stream, progress, context.CancellationToken).ConfigureAwait(false);
                        await writer.CommitAsync(context.CancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }

        if (toStdout)
            return ExitCodes.Success;
        if (context.Output.Json)
        {
            context.Output.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("sensor_id", sensor.Id ?? 0);
                w.WriteString("remote_path", remotePath);
                w.WriteString("file", path);
                w.WriteNumber("bytes", written);
                w.WriteEndObject();
            });
        }
        else
        {
            context.Output.Output.WriteLine($"{remotePath}: {Formats.Number(written)} bytes -> {path}");
        }
        return ExitCodes.Success;
    }

    private static async Task<int> PutAsync(CommandContext context, LiveResponseConnection connection, string sensorName, string localFile, string remotePath)
    {
        var path = Path.GetFullPath(localFile);
        if (!File.Exists(path))
            throw new CliNotFoundException($"local file {path} not found.");
        var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        await using (source.ConfigureAwait(false))
        {
            var (sensor, session) = await connection.OpenAsync(context, sensorName).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
                await session.PutFileAsync(source, remotePath, context.CancellationToken).ConfigureAwait(false);

            if (context.Output.Json)
            {
                context.Output.WriteJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("sensor_id", sensor.Id ?? 0);
                    w.WriteString("file", path);
                    w.WriteString("remote_path", remotePath);
                    w.WriteNumber("bytes", source.Length);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Output.Output.WriteLine($"{path}: {Formats.Number(source.Length)} bytes -> {sensor.ComputerName}:{remotePath}");
            }
        }
        return ExitCodes.Success;
    }

    private static async Task<long> CopyAsync(Stream source, Stream destination, ProgressBar? progress, CancellationToken cancellationToken)
    {
        var counting = new ProgressStream(destination, n => progress?.Report(n, null, "bytes"));
        await using (counting.ConfigureAwait(false))
            await source.CopyToAsync(counting, cancellationToken).ConfigureAwait(false);
        return counting.Length;
    }

    /// <summary>A path the <c>directory list</c> command lists the contents of: it needs a trailing separator or a pattern.</summary>
    internal static string AsDirectory(string path, bool windows)
    {
        if (path.EndsWith('\\') || path.EndsWith('/') || path.Contains('*', StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal))
            return path;
        return path + (windows ? "\\" : "/");
    }
}
