#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/alert_search.py: one line per alert a query matches, with a console link
// to the process for process alerts.
//   dotnet run samples/scripts/alert_search.cs -- --cburl https://cb.example.com --apitoken TOKEN --query "status:unresolved"
#:project ExampleHelpers/ExampleHelpers.csproj
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

var options = new ExampleArguments("Cb Example Script").Option("--query").Parse(args);
using var cb = ExampleClient.Connect(options);

await foreach (var alert in cb.Select<Alert>().Where(options["--query"] ?? ""))
{
    if (alert.AlertType?.Contains("binary", StringComparison.Ordinal) == true)
    {
        Console.WriteLine($"Alert with score {alert.ReportScore}: Binary {alert.Md5} matched watchlist/report {alert.WatchlistName}");
    }
    else
    {
        Console.WriteLine($"Alert with score {alert.ReportScore}: Process {alert.ProcessName} matched watchlist/report {alert.WatchlistName}");
        var process = await alert.GetProcessAsync();
        Console.WriteLine($"-> visit {process?.WebUiLink} to view this process in the Carbon Black UI.");
    }
}
