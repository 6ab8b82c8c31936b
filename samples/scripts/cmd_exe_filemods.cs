#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/cmd_exe_filemods.py: every .exe and .dll a cmd.exe wrote, one CSV-ish line
// each (time, host, user, cmd.exe's path, the file, the event type, its MD5, and for a last write of a binary the
// server has: whether it is signed and its product name).
//   dotnet run samples/scripts/cmd_exe_filemods.cs -- --cburl https://cb.example.com --apitoken TOKEN
#:project ExampleHelpers/ExampleHelpers.csproj
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Search for cmd.exe writing to exe and dll filepaths").Parse(args);
using var cb = ExampleClient.Connect(options);

await foreach (var proc in cb.Select<Process>().Where("process_name:cmd.exe (filemod:*.exe or filemod:*.dll)"))
{
    foreach (var fm in await proc.GetFileModsAsync())
    {
        if (fm.Path is not { } path || !(path.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
            continue;

        var signed = "";
        var productName = "";
        if (fm.Type == FileModType.LastWrote && !string.IsNullOrEmpty(fm.Md5))
        {
            try
            {
                var binary = await cb.GetAsync<Binary>(fm.Md5);
                signed = PythonText.Of(binary.IsSigned);
                productName = binary.ProductName ?? "None";
            }
            catch (CbObjectNotFoundException)
            {
                // The server never collected that file: cbapi leaves both columns empty.
            }
        }

        Console.WriteLine(string.Join(',', PythonText.Of(fm.Timestamp.ToUniversalTime()), proc.Hostname, proc.Username, proc.Path, path,
            fm.Type, fm.Md5 ?? "None", signed, productName));
    }
}
