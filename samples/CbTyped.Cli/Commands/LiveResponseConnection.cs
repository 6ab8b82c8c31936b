using System.CommandLine;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary>The options every <c>lr</c> sub-command shares, and opening the session it runs in.</summary>
internal sealed class LiveResponseConnection
{
    public readonly Option<int> SessionTimeout = new("--session-timeout")
    {
        Description = "Seconds to wait for the sensor to make the session active (cbapi's 360); then exit 8.",
        DefaultValueFactory = _ => 360,
        Recursive = true,
    };

    /// <summary>Hidden: the session and command poll interval in ms (default: cbapi's 1 s and 0.5 s). For tests and
    /// fast servers; not a knob most users need.</summary>
    public readonly Option<int?> PollMilliseconds = new("--lr-poll-ms")
    {
        Description = "Poll interval for sessions and commands, in ms.",
        Hidden = true,
        Recursive = true,
    };

    public void AddTo(Command lr)
    {
        lr.Options.Add(SessionTimeout);
        lr.Options.Add(PollMilliseconds);
    }

    /// <summary>
    /// Loads the sensor named by id or host name (<see cref="SensorLookup"/>: unknown is exit 5, an ambiguous host name
    /// exit 10) and opens a Live Response
    /// session on it; the caller disposes the session, which closes it on the server.
    /// </summary>
    public async Task<(Sensor Sensor, LiveResponseSession Session)> OpenAsync(CommandContext context, string sensorName)
    {
        var options = Options(context);
        var sensor = await SensorLookup.ResolveAsync(context, sensorName).ConfigureAwait(false);
        using var progress = ProgressBar.Start(context.Output, "opening Live Response session on " + (sensor.ComputerName ?? "sensor " + Formats.Number(sensor.Id)));
        progress?.Report(0, null, "s");
        var session = await sensor.OpenLiveResponseSessionAsync(options, context.CancellationToken).ConfigureAwait(false);
        return (sensor, session);
    }

    /// <summary>Opens a session, makes one change, closes it and says what was done (also <c>lr rm|mkdir</c>).</summary>
    public async Task<int> ChangeAsync(CommandContext context, string sensorName, string path, string done,
        Func<LiveResponseSession, string, CancellationToken, Task> change)
    {
        var (sensor, session) = await OpenAsync(context, sensorName).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
            await change(session, path, context.CancellationToken).ConfigureAwait(false);
        Done(context, sensor, path, done);
        return ExitCodes.Success;
    }

    /// <summary>What a change command prints: one line, or <c>{sensor_id, path, result}</c>.</summary>
    private static void Done(CommandContext context, Sensor sensor, string path, string done)
    {
        if (context.Output.Json)
        {
            context.Output.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("sensor_id", sensor.Id ?? 0);
                w.WriteString("path", path);
                w.WriteString("result", done);
                w.WriteEndObject();
            });
        }
        else
        {
            context.Output.Output.WriteLine($"{sensor.ComputerName}: {path} {done}");
        }
    }

    internal LiveResponseOptions Options(CommandContext context)
    {
        var timeout = context.Get(SessionTimeout);
        if (timeout <= 0)
            throw new CliUsageException("--session-timeout must be a positive number of seconds.");
        var options = new LiveResponseOptions { SessionTimeout = TimeSpan.FromSeconds(timeout) };
        if (context.Get(PollMilliseconds) is { } ms)
        {
            if (ms <= 0)
                throw new CliUsageException("--lr-poll-ms must be a positive number of milliseconds.");
            options.SessionPollInterval = options.CommandPollInterval = options.MemdumpPollInterval = TimeSpan.FromMilliseconds(ms);
        }
        return options;
    }
}
