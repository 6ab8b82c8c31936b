using System.Diagnostics;
using System.Globalization;
using CbTyped.Emulator;
using CbBinary = CbTyped.Response.Binary;

namespace CbTyped.Benchmarks.Models;

/// <summary>
/// End-to-end binary download (docs/benchmarks.md, "Downloading a 100 MB binary"): stream the <c>filedata</c> of an N-byte binary from the
/// emulator over loopback and report throughput and peak memory (working set and managed heap), beside a raw
/// HttpClient copying the same response in the same rounds.
/// <c>dotnet run -c Release --project benchmarks/CbTyped.Benchmarks -- download 104857600</c>.
/// </summary>
internal static class BinaryDownloadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        long size = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 100L * 1024 * 1024;
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { LargeBinarySize = size });
        using var client = new CbResponseClient(emulator.BaseUrl, emulator.Token, new CbResponseClientOptions { AllowInsecureHttp = true });
        await client.GetServerInfoAsync();
        var binary = client.Select<CbBinary>(CbEmulator.LargeBinaryMd5);

        // Interleaved rounds (the first is warm-up): the SDK's streamed filedata beside the anchor, a raw HttpClient
        // copying the same response (the whole zip: a little more than filedata) to nowhere.
        using var raw = new HttpClient { BaseAddress = emulator.BaseUrl };
        raw.DefaultRequestHeaders.Add("X-Auth-Token", emulator.Token);
        var sdkSeconds = new List<double>();
        var rawSeconds = new List<double>();
        long total = 0, peakManagedAbove = 0;
        var startsWithMZ = false;
        for (var round = 0; round <= 3; round++)
        {
            GC.Collect();
            long baselineManaged = GC.GetTotalMemory(true);
            long peakManaged = baselineManaged;
            using (new Timer(_ => Max(ref peakManaged, GC.GetTotalMemory(false)), null, 0, 10))
            {
                var clock = Stopwatch.StartNew();
                byte[] head = new byte[2];
                await using (var file = await binary.OpenFileAsync())
                {
                    await file.ReadExactlyAsync(head);
                    total = 2;
                    byte[] buffer = new byte[81920];
                    int read;
                    while ((read = await file.ReadAsync(buffer)) > 0)
                        total += read;
                }
                clock.Stop();
                startsWithMZ = head[0] == 'M' && head[1] == 'Z';
                Max(ref peakManaged, GC.GetTotalMemory(false));
                if (round > 0)
                    sdkSeconds.Add(clock.Elapsed.TotalSeconds);
                peakManagedAbove = Math.Max(peakManagedAbove, peakManaged - baselineManaged);
            }

            var rawClock = Stopwatch.StartNew();
            using (var response = await raw.GetAsync("api/v1/binary/" + CbEmulator.LargeBinaryMd5, HttpCompletionOption.ResponseHeadersRead))
            await using (var body = await response.Content.ReadAsStreamAsync())
                await body.CopyToAsync(Stream.Null);
            rawClock.Stop();
            if (round > 0)
                rawSeconds.Add(rawClock.Elapsed.TotalSeconds);
        }

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var sdk = sdkSeconds.Order().ElementAt(1);
        var anchor = rawSeconds.Order().ElementAt(1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bytes={total} startsWithMZ={startsWithMZ} medianSeconds={sdk:0.000} MiBPerSecond={total / 1048576.0 / sdk:0.0} " +
            $"rawHttpClientMedianSeconds={anchor:0.000} rawMiBPerSecond={total / 1048576.0 / anchor:0.0} ratioToRaw={anchor / sdk:0.00} " +
            $"peakWorkingSetMiB={self.PeakWorkingSet64 / 1048576.0:0.0} peakManagedHeapAboveBaselineMiB={peakManagedAbove / 1048576.0:0.0} (process includes the emulator) " +
            $"loadAverage={(File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a")}"));
        return total == size ? 0 : 1;
    }

    private static void Max(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
