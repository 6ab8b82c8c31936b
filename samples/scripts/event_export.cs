#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/event_export.py: writes every event of a process (all its segments) to
// GUID.SEGMENT.csv in the current directory, one summary row per file, network, registry, child, module and
// cross-process event.
//   dotnet run samples/scripts/event_export.cs -- --cburl https://cb.example.com --apitoken TOKEN --processid GUID
//   dotnet run samples/scripts/event_export.cs -- --cburl https://cb.example.com --apitoken TOKEN --processid 'https://cb.example.com/#analyze/GUID/1'
//   dotnet run samples/scripts/event_export.cs -- --cburl https://cb.example.com --apitoken TOKEN --query 'process_name:net.exe'
#:project ExampleHelpers/ExampleHelpers.csproj
using System.Globalization;
using System.Text;
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Cb Example Script")
    .Option("--processid", help: "Process ID or URL to Process Analysis page")
    .Option("--query", help: "query to pull multiple processes")
    .Parse(args);
if ((options["--processid"] is null) == (options["--query"] is null))
{
    Console.Error.WriteLine(options["--query"] is null
        ? "error: one of the arguments --processid --query is required"
        : "error: argument --query: not allowed with argument --processid");
    return 2;
}
using var cb = ExampleClient.Connect(options);

if (options["--processid"] is { } processId)
{
    Process proc;
    if (processId.StartsWith("http", StringComparison.Ordinal))
    {
        // A console address (cbapi's from_ui).
        proc = await cb.ParseConsoleUrl(processId).GetProcessAsync(cb);
    }
    else
    {
        // A bare GUID is the server's default segment, as cbapi reads it; GUID/SEGMENT names one.
        var key = processId.Contains('/', StringComparison.Ordinal) ? processId : Process.KeyFor(processId, (await cb.GetServerInfoAsync()).DefaultProcessSegment);
        proc = await cb.GetAsync<Process>(key);
    }
    await WriteCsvAsync(proc);
}
else
{
    await foreach (var proc in cb.Select<Process>().Where(options["--query"]!))
        await WriteCsvAsync(proc);
}
return 0;

async Task WriteCsvAsync(Process proc)
{
    var total = 0;
    var written = 0;
    var csv = new StringBuilder(PythonCsv.Row(["ProcessPath", "Timestamp", "Event", "Path/IP/Domain", "Comments"]));
    await foreach (var item in proc.ReadAllSegmentEventsAsync())
    {
        total++;
        if (await SummaryAsync(item) is { } summary)
        {
            written++;
            csv.Append(PythonCsv.Row(summary));
        }
    }
    // Written whole or not at all (cbapi leaves a partial file when a request fails half way).
    var name = string.Create(CultureInfo.InvariantCulture, $"{proc.Id}.{proc.SegmentId}.csv");
    await ExampleFile.SaveAsync(new MemoryStream(new UTF8Encoding(false).GetBytes(csv.ToString())), name);
    Console.WriteLine($"{written} events out of {total} total events exported from process at {proc.WebUiLink}");
}

static async Task<string?[]?> SummaryAsync(ProcessEvent item)
{
    var timestamp = PythonText.Of(item.Timestamp.ToUniversalTime());
    var path = item.Process.Path;
    switch (item)
    {
        case FileModEvent fm:
            return [path, timestamp, fm.Type.ToString(), fm.Path, ""];
        case NetConnEvent nc:
            var host = (string.IsNullOrEmpty(nc.Domain) ? nc.RemoteIp : nc.Domain) + ":" + nc.RemotePort.ToString(CultureInfo.InvariantCulture);
            return [path, timestamp, nc.Direction + " netconn", host, ""];
        case RegModEvent rm:
            return [path, timestamp, rm.Type.ToString(), rm.Path, ""];
        case ChildProcEvent cp:
            string? childCmdline;
            try
            {
                childCmdline = (await cp.GetChildProcessAsync()).Cmdline;
            }
            catch (CbObjectNotFoundException)
            {
                childCmdline = "<unknown>";
            }
            return [path, timestamp, "childproc", cp.Path, childCmdline];
        case ModLoadEvent ml:
            return [path, timestamp, "modload", ml.Path, ml.Md5];
        case CrossProcEvent cx:
            return [cx.IsTarget ? cx.OtherPath : path, timestamp, cx.Type.ToString(), cx.TargetPath, cx.Privileges];
        default:
            return null;
    }
}
