#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/dump_all_binaries.py: saves every binary the server collected (or those a
// query matches), with its document, under DESTDIR/ABC/DEF/ABCDEF... (the upper-case MD5 split after 3 and 6
// characters), ten downloads at a time.
//   dotnet run samples/scripts/dump_all_binaries.cs -- --cburl https://cb.example.com --apitoken TOKEN -d binaries
#:project ExampleHelpers/ExampleHelpers.csproj
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Grab all binaries from a Cb server")
    .Option("--destdir", "-d", help: "Destination directory to place the events")
    .Option("--query", help: "Query string to filter results")
    .Flag("--verbose", "-v", help: "Enable verbose debugging messages")
    .Parse(args);
using var cb = ExampleClient.Connect(options);

var destination = options["--destdir"] ?? ".";
var query = cb.Select<Binary>();
if (options["--query"] is { Length: > 0 } text)
    query = query.Where(text);

await Parallel.ForEachAsync(query, new ParallelOptions { MaxDegreeOfParallelism = 10 }, async (binary, cancellationToken) =>
{
    var md5 = binary.Md5!.ToUpperInvariant();
    var path = Path.Combine(destination, md5[..3], md5[3..6], md5);
    if (File.Exists(path) && new FileInfo(path).Length == binary.CopiedModLen)
    {
        Log("INFO", $"already have {md5}");
        return;
    }
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    // Each file is written whole or not at all, so a rerun finds only complete files (cbapi's open(...).write
    // leaves a truncated one behind when a download fails).
    var written = 0;
    try
    {
        await using (var file = await binary.OpenFileAsync(cancellationToken))
            await ExampleFile.SaveAsync(file, path, cancellationToken);
        written++;
        // The binary's document as the server sent it (cbapi's original_document: a GET of the full document).
        await binary.EnsureFullAsync(cancellationToken);
        using var document = new MemoryStream(binary.RawJson.ToArray());
        await ExampleFile.SaveAsync(document, path + ".json", cancellationToken);
        written++;
    }
    catch (Exception e) when (e is CbApiException or IOException or UnauthorizedAccessException)
    {
        if (options.Has("--verbose"))
            Log("DEBUG", $"{md5}: {e.Message}");
    }
    Log(written == 0 ? "ERROR" : "INFO", written switch
    {
        0 => $"Could not grab {md5}",
        1 => $"Grabbed {md5} binary",
        _ => $"Grabbed {md5} binary & process document",
    });
});
return 0;

// Python's logging.basicConfig format on stderr: LEVEL:logger:message.
static void Log(string level, string message) => Console.Error.WriteLine($"{level}:__main__:{message}");
