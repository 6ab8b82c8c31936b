using System.CommandLine;
using System.Globalization;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped sensor list|isolate|unisolate</c>.</summary>
internal static class SensorCommands
{
    private static readonly Column<Sensor>[] Columns =
    [
        new("ID", s => Formats.Number(s.Id), AlignRight: true),
        new("Hostname", s => s.ComputerName),
        new("Status", s => s.GetFieldText("status")),
        new("Isolated", s => Formats.YesNo(s.IsIsolating)),
        new("Group", s => Formats.Number(s.GroupId), AlignRight: true),
        new("Last check-in (UTC)", s => Formats.Date(s.LastCheckinTime)),
        new("OS", s => s.OsEnvironmentDisplayString),
    ];

    public static Command Create(CommandRunner runner)
    {
        var sensor = new Command("sensor", "Sensors (the agents on endpoints).");

        var hostname = new Option<string?>("--hostname") { Description = "Only sensors whose host name contains this." };
        var ip = new Option<string?>("--ip") { Description = "Only sensors with this IP address." };
        var group = new Option<int?>("--group") { Description = "Only sensors in this sensor group." };
        var list = new Command("list", "List sensors.") { hostname, ip, group };
        runner.SetAction(list, c => ListAsync(c, c.Get(hostname), c.Get(ip), c.Get(group)));
        sensor.Subcommands.Add(list);

        foreach (var isolate in new[] { true, false })
        {
            var id = SensorLookup.Argument();
            var timeout = new Option<int>("--wait") { Description = "Seconds to wait for the sensor to confirm (0: do not wait).", DefaultValueFactory = _ => 120 };
            var command = isolate
                ? new Command("isolate", "Isolate a sensor from the network and wait until it confirms.") { id, timeout }
                : new Command("unisolate", "End a sensor's network isolation and wait until it confirms.") { id, timeout };
            runner.SetAction(command, c => IsolationAsync(c, c.Get(id), isolate, c.Get(timeout)));
            sensor.Subcommands.Add(command);
        }
        return sensor;
    }

    private static async Task<int> ListAsync(CommandContext context, string? hostname, string? ip, int? group)
    {
        var query = context.Client.Select<Sensor>();
        if (hostname is not null)
            query = query.Where("hostname:" + hostname);
        if (ip is not null)
            query = query.Where("ip:" + ip);
        if (group is { } g)
            query = query.Where("groupid:" + g.ToString(CultureInfo.InvariantCulture));
        await ModelList.WriteAsync(context.Output, query, Columns, context.CancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task<int> IsolationAsync(CommandContext context, string sensorName, bool isolate, int waitSeconds)
    {
        if (waitSeconds < 0)
            throw new CliUsageException("--wait must be 0 or more seconds.");
        var sensor = await SensorLookup.ResolveAsync(context, sensorName).ConfigureAwait(false);
        var id = sensor.Id ?? 0;
        var timeout = TimeSpan.FromSeconds(waitSeconds);
        bool confirmed;
        using (var progress = ProgressBar.Start(context.Output, isolate ? "isolating" : "unisolating"))
        {
            progress?.Report(0, null, "s");
            confirmed = isolate
                ? await sensor.IsolateAsync(timeout, null, context.CancellationToken).ConfigureAwait(false)
                : await sensor.UnisolateAsync(timeout, null, context.CancellationToken).ConfigureAwait(false);
        }

        var state = confirmed ? (isolate ? "isolated" : "no longer isolated") : (isolate ? "isolation requested, not confirmed yet" : "unisolation requested, not confirmed yet");
        if (context.Output.Json)
        {
            context.Output.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("id", id);
                w.WriteBoolean("isolation_requested", isolate);
                w.WriteBoolean("confirmed", confirmed);
                w.WriteEndObject();
            });
        }
        else
        {
            context.Output.Output.WriteLine($"sensor {id} ({sensor.ComputerName}): {state}");
        }
        // Requested but not confirmed within --wait: a timeout a script must notice.
        return confirmed || waitSeconds == 0 ? ExitCodes.Success : ExitCodes.Unreachable;
    }
}
