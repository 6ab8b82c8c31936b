using System.Diagnostics;
using System.Globalization;
using CbTyped.Emulator;
using CbProcess = CbTyped.Response.Process;

namespace CbTyped.Benchmarks.Models;

/// <summary>
/// End-to-end parent walk (docs/benchmarks.md, "Models: walking parents"): walk the parents of N processes of the emulator's bulk data
/// (processes on a host share their ancestors) and count the summary requests against the unique ancestors, then
/// walk them all again and count again (the identity cache should answer everything).
/// <c>dotnet run -c Release --project benchmarks/CbTyped.Benchmarks -- walk 1000</c>.
/// </summary>
internal static class ParentWalkRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        int count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { Processes = count });
        var options = new CbResponseClientOptions { AllowInsecureHttp = true };
        options.Cache.MaxSize = 100_000;
        options.Cache.TimeToLive = TimeSpan.FromMinutes(30);
        using var client = new CbResponseClient(emulator.BaseUrl, emulator.Token, options);
        var processes = await client.Select<CbProcess>().Take(count).ToListAsync();

        var unique = new HashSet<string>(StringComparer.Ordinal);
        long visits = 0;
        void Visit(CbProcess parent, int depth)
        {
            visits++;
            unique.Add(parent.Id!);
        }

        int before = emulator.RequestLog.Count;
        var clock = Stopwatch.StartNew();
        foreach (var process in processes)
        {
            await process.WalkParentsAsync(Visit);
        }

        clock.Stop();
        int firstRequests = emulator.RequestLog.Count - before;
        long firstVisits = visits;
        before = emulator.RequestLog.Count;
        var again = Stopwatch.StartNew();
        foreach (var process in processes)
        {
            await process.WalkParentsAsync(Visit);
        }

        again.Stop();
        int secondRequests = emulator.RequestLog.Count - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"processes={processes.Count} ancestorVisits={firstVisits} uniqueAncestors={unique.Count} " +
            $"firstWalkRequests={firstRequests} firstWalkSeconds={clock.Elapsed.TotalSeconds:0.000} " +
            $"secondWalkRequests={secondRequests} secondWalkSeconds={again.Elapsed.TotalSeconds:0.000}"));
        return secondRequests == 0 ? 0 : 1;
    }
}
