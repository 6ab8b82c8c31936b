using System.CommandLine;
using System.Globalization;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped lr memdump|archive</c>: evidence from the endpoint written to a local file, whole or not at all.</summary>
internal static class LiveResponseCaptureCommands
{
    // A memory dump holds the endpoint's secrets (credentials, keys), and the archive what the session fetched: owner-only.
    internal const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static IEnumerable<Command> Create(CommandRunner runner, LiveResponseConnection connection)
    {
        var dumpSensor = SensorLookup.Argument();
        var dumpOutput = new Option<string?>("--output", "-o") { Description = "The local file (default: ./memdump-sensor-<ID>.zip, .dmp with --no-compress)." };
        var dumpForce = new Option<bool>("--force") { Description = "Replace the output file if it exists." };
        var noCompress = new Option<bool>("--no-compress") { Description = "Ask the sensor for the raw dump instead of a zip of it." };
        var memdump = new Command("memdump", "Dump the endpoint's memory and download it (the dump on the endpoint is deleted afterwards).") { dumpSensor, dumpOutput, dumpForce, noCompress };
        runner.SetAction(memdump, c => MemdumpAsync(c, connection, c.Get(dumpSensor), c.Get(dumpOutput), c.Get(dumpForce), !c.Get(noCompress)));
        CommandExamples.Add(memdump, "cbtyped lr memdump 4", "cbtyped lr memdump HOSTNAME -o hostname-memory.zip --session-timeout 600");
        yield return memdump;

        var archiveSensor = SensorLookup.Argument();
        var archiveOutput = new Option<string?>("--output", "-o") { Description = "The local file (default: ./lr-session-<ID>.zip)." };
        var archiveForce = new Option<bool>("--force") { Description = "Replace the output file if it exists." };
        var archive = new Command("archive", "Download the Live Response session's archive (a zip of its command log and files).") { archiveSensor, archiveOutput, archiveForce };
        runner.SetAction(archive, c => ArchiveAsync(c, connection, c.Get(archiveSensor), c.Get(archiveOutput), c.Get(archiveForce)));
        CommandExamples.Add(archive, "cbtyped lr archive 4", "cbtyped lr archive HOSTNAME -o session.zip --force");
        yield return archive;
    }

    private static async Task<int> MemdumpAsync(CommandContext context, LiveResponseConnection connection, string sensorName, string? output, bool force, bool compress)
    {
        if (output is not null)
            AtomicFileWriter.EnsureWritable(Path.GetFullPath(output), force);
        var (sensor, session) = await connection.OpenAsync(context, sensorName).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            // The default name is made of the sensor id (a number), never of a name the server sent.
            var path = Path.GetFullPath(output ?? "memdump-sensor-" + session.SensorId.ToString(CultureInfo.InvariantCulture) + (compress ? ".zip" : ".dmp"));
            var bytes = await SaveAsync(context, path, force, "dumping memory", PrivateFile, s => session.MemdumpAsync(s, compress: compress, cancellationToken: context.CancellationToken)).ConfigureAwait(false);
            Report(context, sensor, "memdump", path, bytes);
        }
        return ExitCodes.Success;
    }

    private static async Task<int> ArchiveAsync(CommandContext context, LiveResponseConnection connection, string sensorName, string? output, bool force)
    {
        if (output is not null)
            AtomicFileWriter.EnsureWritable(Path.GetFullPath(output), force);
        var (sensor, session) = await connection.OpenAsync(context, sensorName).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var path = Path.GetFullPath(output ?? "lr-session-" + session.SessionId.ToString(CultureInfo.InvariantCulture) + ".zip");
            var bytes = await SaveAsync(context, path, force, "downloading", PrivateFile, s => session.GetSessionArchiveAsync(s, context.CancellationToken)).ConfigureAwait(false);
            Report(context, sensor, "archive", path, bytes);
        }
        return ExitCodes.Success;
    }

    /// <summary>Writes what <paramref name="copy"/> sends beside <paramref name="path"/> and renames it into place after the last byte.</summary>
    internal static async Task<long> SaveAsync(CommandContext context, string path, bool force, string label, UnixFileMode? mode, Func<Stream, Task<long>> copy)
    {
        AtomicFileWriter.EnsureWritable(path, force);
        using var progress = ProgressBar.Start(context.Output, label);
        var writer = AtomicFileWriter.Create(path, force, mode);
        await using (writer.ConfigureAwait(false))
        {
            var counting = new ProgressStream(writer.Stream, n => progress?.Report(n, null, "bytes"));
            long bytes;
            await using (counting.ConfigureAwait(false))
                bytes = await copy(counting).ConfigureAwait(false);
            await writer.CommitAsync(context.CancellationToken).ConfigureAwait(false);
            return bytes;
        }
    }

    private static void Report(CommandContext context, Sensor sensor, string what, string path, long bytes)
    {
        if (context.Output.Json)
        {
            context.Output.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("sensor_id", sensor.Id ?? 0);
                w.WriteString("file", path);
                w.WriteNumber("bytes", bytes);
                w.WriteEndObject();
            });
        }
        else
        {
            context.Output.Output.WriteLine($"{what} of {sensor.ComputerName}: {Formats.Number(bytes)} bytes -> {path}");
        }
    }
}
