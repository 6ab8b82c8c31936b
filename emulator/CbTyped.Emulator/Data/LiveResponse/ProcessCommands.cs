using System.Text;
using System.Text.Json.Nodes;
using CbTyped.Emulator.Endpoints;

namespace CbTyped.Emulator.Data.LiveResponse;

/// <summary>The process commands: process list, kill, create process.</summary>
internal static class ProcessCommands
{
    public static CommandOutcome List(CommandContext context) => CommandOutcome.Done(new JsonObject
    {
        ["processes"] = new JsonArray([.. context.Endpoint.Processes.Select(p => (JsonNode)new JsonObject
        {
            ["pid"] = p.Pid,
            ["parent"] = p.Parent,
            ["parent_guid"] = p.ParentGuid,
            ["proc_guid"] = p.ProcGuid,
            ["path"] = p.Path,
            ["command_line"] = p.CommandLine,
            ["username"] = p.Username,
            ["sid"] = p.Sid,
            ["create_time"] = p.CreateTime,
        })]),
    });

    /// <summary>Ends the process; a pid that is not running is E_INVALIDARG, as OpenProcess answers.</summary>
    public static CommandOutcome Kill(CommandContext context)
    {
        var pid = Http.AsInt(context.Request["object"]);
        var index = pid is null ? -1 : context.Endpoint.Processes.FindIndex(p => p.Pid == pid.Value);
        if (index < 0)
        {
            return CommandOutcome.Failed(HResult.InvalidArgument);
        }

        context.Endpoint.Processes.RemoveAt(index);
        return CommandOutcome.Done();
    }

    /// <summary>
    /// "Runs" the command line: it gets the next pid and exits at once with 0 (so it never shows in the process list);
    /// with <c>output_file</c> its output is written there, relative paths starting at <c>working_directory</c>.
    /// </summary>
    public static CommandOutcome Create(CommandContext context)
    {
        var commandLine = context.Object;
        if (commandLine.Length == 0)
        {
            return CommandOutcome.Failed(HResult.InvalidArgument);
        }

        if (context.Text("output_file") is { Length: > 0 } outputFile)
        {
            var start = context.Text("working_directory") is { Length: > 0 } workingDirectory
                ? context.Endpoint.Path(workingDirectory)
                : context.Endpoint.WorkingDirectory;
            var written = FileCommands.Write(context, EmulatedPath.Split(outputFile, start),
                Encoding.ASCII.GetBytes("emulated output of: " + commandLine + "\r\n"));
            if (written.Result is null)
            {
                return written;
            }
        }

        var pid = context.Endpoint.NextPid++;
        return CommandOutcome.Done(new JsonObject { ["pid"] = pid, ["return_code"] = 0 });
    }
}
