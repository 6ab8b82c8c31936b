using System.Diagnostics;
using System.Globalization;
using System.Text;
using CbProcess = CbTyped.Response.Process;

namespace CbTyped.Benchmarks.EndToEnd;

/// <summary>
/// Client CPU for the same search pages, case beside case (docs/benchmarks.md, "Client CPU beside curl"): curl fetching the pages
/// one after another on one connection (the floor for the bytes), a raw HttpClient doing the same in this process, the
/// SDK's <c>Select&lt;Process&gt;()</c> reading two fields per row (one page in flight, as curl), and the cbtyped
/// binary given as CLI printing every row as JSON. Cases are interleaved round by round after a warm-up round, and
/// each reports CPU (user + system) — the machine is shared, so wall time is printed but CPU is the figure to compare.
/// The emulator runs in its own process, started with the real process rows:
/// <code>
/// dotnet emulator/CbTyped.Emulator.Tool/bin/Release/net10.0/cbtyped-emulator.dll --port 5099 --token T --processes 100000 --tls --quiet &amp;
/// dotnet benchmarks/CbTyped.Benchmarks/bin/Release/net10.0/CbTyped.Benchmarks.dll client-cputime https://127.0.0.1:5099 T 100000 3 path/to/cbtyped
/// </code>
/// Certificate verification is off in every case (curl <c>-k</c>, the SDK's option, cbtyped's <c>--no-verify</c>):
/// the emulator's certificate is self-signed, and the cases must do the same TLS work.
/// </summary>
internal static class ClientCpuTimeRun
{
    private const string Query = "process_name:*";
    private const int PageSize = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 5)
        {
            await Console.Error.WriteLineAsync("usage: client-cputime URL TOKEN ROWS ROUNDS [CBTYPED_BINARY]");
            return 2;
        }
        var url = new Uri(args[1].TrimEnd('/') + "/");
        var token = args[2];
        var rows = int.Parse(args[3], CultureInfo.InvariantCulture);
        var rounds = int.Parse(args[4], CultureInfo.InvariantCulture);
        var cli = args.Length > 5 ? args[5] : null;
        var pages = Enumerable.Range(0, (rows + PageSize - 1) / PageSize).Select(page => PagePath(page * PageSize)).ToList();

        var cases = new List<(string Name, Func<Task<(TimeSpan Wall, TimeSpan Cpu)>> Run)>
        {
            ("curl", () => Task.FromResult(Curl(url, token, pages))),
            ("raw HttpClient (in process)", () => RawHttpClientAsync(url, token, pages)),
            ("CbTyped library, JIT (in process)", () => LibraryAsync(url, token, rows)),
        };
        if (cli is not null)
            cases.Add(("cbtyped CLI --json", () => Task.FromResult(Cli(cli, url, token, rows))));

        var results = cases.ToDictionary(c => c.Name, _ => new List<(TimeSpan Wall, TimeSpan Cpu)>());
        for (var round = 0; round <= rounds; round++)
        {
            // Rotate the order so that no case always runs first (a warm disk cache, a quiet moment).
            for (var i = 0; i < cases.Count; i++)
            {
                var (name, run) = cases[(i + round) % cases.Count];
                var result = await run();
                if (round > 0)
                    results[name].Add(result);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}{(round == 0 ? " (warm-up)" : "")}: {name}: wall {result.Wall.TotalSeconds:0.000} s, cpu {result.Cpu.TotalSeconds:0.000} s"));
            }
        }

        var curlCpu = Median(results["curl"].Select(r => r.Cpu.TotalSeconds));
        Console.WriteLine($"rows={rows} pages={pages.Count} pageSize={PageSize} rounds={rounds} loadAverage={LoadAverage()}");
        Console.WriteLine("| case | median wall (s) | median CPU (s) | CPU ÷ curl's |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var (name, _) in cases)
        {
            var wall = Median(results[name].Select(r => r.Wall.TotalSeconds));
            var cpu = Median(results[name].Select(r => r.Cpu.TotalSeconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {wall:0.00} | {cpu:0.00} | {cpu / curlCpu:0.00}× |"));
        }
        return 0;
    }

    /// <summary>The page the SDK asks for (its request line, as <c>--verbose</c> prints it).</summary>
    private static string PagePath(int start) =>
        string.Create(CultureInfo.InvariantCulture, $"api/v1/process?cb.urlver=1&facet=false&q={Uri.EscapeDataString(Query)}&rows={PageSize}&sort=last_update+desc&start={start}");

    private static (TimeSpan, TimeSpan) Curl(Uri url, string token, List<string> pages)
    {
        // One curl, every page in turn on one kept-alive connection, bodies to /dev/null; the config file keeps the
        // token off the command line.
        var config = new StringBuilder();
        config.Append(CultureInfo.InvariantCulture, $"header = \"X-Auth-Token: {token}\"\n");
        foreach (var page in pages)
            config.Append(CultureInfo.InvariantCulture, $"url = \"{new Uri(url, page)}\"\noutput = \"/dev/null\"\n");
        var (wall, cpu, exit) = ChildCpuTime.Run("curl", ["--silent", "--show-error", "--fail", "--insecure", "--compressed", "--config", "-"], config.ToString());
        return exit == 0 ? (wall, cpu) : throw new InvalidOperationException("curl failed");
    }

    private static async Task<(TimeSpan, TimeSpan)> RawHttpClientAsync(Uri url, string token, List<string> pages)
    {
        // Verification off, as curl -k and the SDK's option in the other cases (the emulator's self-signed certificate).
#pragma warning disable CA5359
        using var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            SslOptions = { RemoteCertificateValidationCallback = static (_, _, _, _) => true },
        };
#pragma warning restore CA5359
        using var http = new HttpClient(handler) { BaseAddress = url };
        http.DefaultRequestHeaders.Add("X-Auth-Token", token);
        return await MeasureInProcessAsync(async () =>
        {
            foreach (var page in pages)
            {
                using var response = await http.GetAsync(page, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync();
                await body.CopyToAsync(Stream.Null);
            }
        });
    }

    private static async Task<(TimeSpan, TimeSpan)> LibraryAsync(Uri url, string token, int rows)
    {
        var options = new CbResponseClientOptions { VerifyServerCertificate = false, PageSize = PageSize, PagesInFlight = 1 };
        options.Cache.Enabled = false;
        using var client = new CbResponseClient(url, token, options);
        long seen = 0, checksum = 0;
        var measured = await MeasureInProcessAsync(async () =>
        {
            await foreach (var process in client.Select<CbProcess>().Where(Query).Take(rows))
            {
                seen++;
                checksum += (process.ProcessName?.Length ?? 0) + (process.ProcessPid ?? 0);
            }
        });
        if (seen != rows)
            throw new InvalidOperationException($"read {seen} rows of {rows} (checksum {checksum})");
        return measured;
    }

    private static (TimeSpan, TimeSpan) Cli(string cli, Uri url, string token, int rows)
    {
        var (wall, cpu, exit) = ChildCpuTime.Run(cli, ["--url", url.ToString(), "--token", token, "--no-verify", "--no-progress", "--json",
            "process", "search", Query, "--limit", rows.ToString(CultureInfo.InvariantCulture)]);
        return exit == 0 ? (wall, cpu) : throw new InvalidOperationException("cbtyped failed");
    }

    /// <summary>This process's CPU time (every thread: the thread pool's, the GC's) and wall time across <paramref name="work"/>.</summary>
    /// <remarks>Also prints the collections of each generation and the time paused in them: large pages (over 85,000 bytes) are
    /// large objects, and the share of gen-2 collections says what they cost.</remarks>
    private static async Task<(TimeSpan, TimeSpan)> MeasureInProcessAsync(Func<Task> work)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var allocated = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        await work();
        clock.Stop();
        self.Refresh();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  GC: gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}, " +
            $"paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms, allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:0} MiB"));
        return (clock.Elapsed, self.TotalProcessorTime - cpu);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
