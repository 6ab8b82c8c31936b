using System.CommandLine;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped lr ps|kill|exec</c>: the endpoint's processes.</summary>
internal static class LiveResponseProcessCommands
{
    private static readonly Column<LiveResponseProcess>[] Columns =
    [
        new("PID", p => Formats.Number(p.Pid), AlignRight: true),
        new("Parent", p => Formats.Number(p.ParentPid), AlignRight: true),
        new("User", p => p.UserName),
        new("Started (UTC)", p => Formats.Date(p.CreateTime)),
        new("Command line", p => string.IsNullOrEmpty(p.CommandLine) ? p.Path : p.CommandLine),
    ];

    public static IEnumerable<Command> Create(CommandRunner runner, LiveResponseConnection connection)
    {
        var psSensor = SensorLookup.Argument();
        var ps = new Command("ps", "List the endpoint's processes.") { psSensor };
        runner.SetAction(ps, c => ListAsync(c, connection, c.Get(psSensor)));
        yield return ps;

        var killSensor = SensorLookup.Argument();
        var pid = new Argument<int>("pid") { Description = "The process id on the endpoint." };
        var kill = new Command("kill", "Kill a process on the endpoint and wait (10 s) until the sensor confirms.") { killSensor, pid };
        runner.SetAction(kill, c => KillAsync(c, connection, c.Get(killSensor), c.Get(pid)));
        yield return kill;

        var execSensor = SensorLookup.Argument();
        var commandLine = new Argument<string[]>("command-line")
        {
            Description = "The command line to run, quoted as one word or as several words (put '--' before words that start with '-').",
            Arity = ArgumentArity.OneOrMore,
        };
        var noWait = new Option<bool>("--no-wait") { Description = "Start the process and return; do not wait for it nor capture its output." };
        var waitTimeout = new Option<int>("--wait-timeout") { Description = "Seconds to wait for the process to end (cbapi's 30).", DefaultValueFactory = _ => 30 };
        var exec = new Command("exec", "Run a command line on the endpoint and print its output.") { execSensor, commandLine, noWait, waitTimeout };
        runner.SetAction(exec, c => ExecAsync(c, connection, c.Get(execSensor), CommandLineText.Join(c.Get(commandLine)), c.Get(noWait), c.Get(waitTimeout)));
        yield return exec;
    }

    private static async Task<int> ListAsync(CommandContext context, LiveResponseConnection connection, string sensorName)
    {
        var (sensor, session) = await connection.OpenAsync(context, sensorName).ConfigureAwait(false);
        IReadOnlyList<LiveResponseProcess> processes;
        await using (session.ConfigureAwait(false))
            processes = await session.ListProcessesAsync(context.CancellationToken).ConfigureAwait(false);

        WriteProcesses(context.Output, processes);
        return ExitCodes.Success;
    }

    /// <summary>The endpoint's processes: a table, or with --json one object per process (also <c>lr shell</c>'s ps).</summary>
    internal static void WriteProcesses(OutputContext output, IEnumerable<LiveResponseProcess> processes) =>
        RowList.Write(output, processes, Columns, static (w, p) =>
        {
            w.WriteNumber("pid", p.Pid);
            w.WriteNumber("parent", p.ParentPid);
            w.WriteString("parent_guid", p.ParentGuid);
            w.WriteString("proc_guid", p.ProcessGuid);
            w.WriteString("path", p.Path);
            w.WriteString("command_line", p.CommandLine);
            w.WriteString("username", p.UserName);
            w.WriteString("sid", p.Sid);
            RowList.WriteUtc(w, "create_time", p.CreateTime);
        });

    private static async Task<int> KillAsync(CommandContext context, LiveResponseConnection connection, string sensorName, int pid)
    {
        var (sensor, session) = await connection.OpenAsync(context, sensorName).ConfigureAwait(false);
        bool confirmed;
        await using (session.ConfigureAwait(false))
            confirmed = await session.KillProcessAsync(pid, context.CancellationToken).ConfigureAwait(false);

        if (context.Output.Json)
        {
            context.Output.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("sensor_id", sensor.Id ?? 0);
                w.WriteNumber("pid", pid);
                w.WriteBoolean("confirmed", confirmed);
                w.WriteEndObject();
            });
        }
        else
        {
            context.Output.Output.WriteLine($"process {pid} on {sensor.ComputerName}: " + (confirmed ? "killed" : "kill requested, not confirmed yet"));
        }
        // Requested but not confirmed in time: a timeout a script must notice (as with sensor isolate).
        return confirmed ? ExitCodes.Success : ExitCodes.Unreachable;
    }

    private static async Task<int> ExecAsync(CommandContext context, LiveResponseConnection connection, string sensorName, string commandLine, bool noWait, int waitSeconds)
    {
        if (waitSeconds <= 0)
            throw new CliUsageException("--wait-timeout must be a positive number of seconds.");
        var (sensor, session) = await connection.OpenAsync(context, sensorName).ConfigureAwait(false);
        LiveResponseProcessResult result;
        await using (session.ConfigureAwait(false))
        {
            result = await session.CreateProcessAsync(commandLine, waitForOutput: !noWait, waitTimeout: TimeSpan.FromSeconds(waitSeconds),
                waitForCompletion: !noWait, cancellationToken: context.CancellationToken).ConfigureAwait(false);
        }

        if (context.Output.Json)
        {
            context.Output.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("sensor_id", sensor.Id ?? 0);
                w.WriteString("command_line", commandLine);
                WriteNumberOrNull(w, "pid", result.Pid);
                WriteNumberOrNull(w, "return_code", result.ReturnCode);
                w.WriteString("output", result.Output);
                w.WriteEndObject();
            });
        }
        else if (noWait)
        {
            context.Output.Output.WriteLine($"started on {sensor.ComputerName}: {commandLine}");
        }
        else
        {
            // The process's output as it printed it, so it can be piped; what else is known goes to standard error.
            context.Output.Output.Write(result.Output);
            context.Output.Note($"process {Formats.Number(result.Pid) ?? "?"} on {sensor.ComputerName} exited with code {Formats.Number(result.ReturnCode) ?? "?"}");
        }
        return ExitCodes.Success;
    }

    private static void WriteNumberOrNull(System.Text.Json.Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
            writer.WriteNumber(name, number);
        else
            writer.WriteNull(name);
    }
}
