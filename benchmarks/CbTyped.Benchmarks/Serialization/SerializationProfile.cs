using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using CbTyped.Benchmarks.Serialization.Models;
using CbTyped.Modeling;
using CbTyped.Modeling.Json;

namespace CbTyped.Benchmarks.Serialization;

/// <summary>
/// "serialization-profile": the cases of <see cref="ProcessPageReadBenchmarks"/> and <see cref="SensorWriteBenchmarks"/>
/// (plus "page read only", the structural pass without any property read, and the all-fields read split by kind of
/// value) timed as thread CPU time per operation, the cases interleaved round by round. On the shared, overloaded
/// machine BenchmarkDotNet's wall-clock means swing by 2–5× between cases; CPU time is what an operation costs when it
/// has a core. "loop" mode runs one case for <c>perf record</c>.
/// </summary>
internal static class SerializationProfile
{
    /// <param name="args">Optionally the number of rounds (default 7) and a comma-separated list of case keys (floor,
    /// read, three, all, strings, numbers, dates, lists, stj-all, stj-sg-all, stj-three, stj-poco, put-stj, put-stj-sg, put, and the string searches quote-hand, quote-any,
    /// quote-sv, stop-hand, stop-sv),
    /// or "loop &lt;case&gt; &lt;count&gt;": run one case count times (for <c>perf record</c>).</param>
    public static void Run(string[] args)
    {
        var read = new ProcessPageReadBenchmarks();
        read.Setup();
        var write = new SensorWriteBenchmarks();
        write.Setup();
        var search = new StringSearchBenchmarks();
        search.Setup();
        byte[] page = BenchmarkData.ProcessSearchPage(100);
        if (args.Length >= 4 && args[1] == "loop")
        {
            Func<long> action = args[2] switch
            {
                "read" => () => CbSearchPageReader.Read<BenchProcess>(page).Values.Count,
                "three" => () => read.ThreeFieldsGenerated(),
                "all" => () => read.AllFieldsGenerated(),
                "strings" => () => Sum(page, GeneratedChecksumParts.Strings),
                "numbers" => () => Sum(page, GeneratedChecksumParts.Numbers),
                "dates" => () => Sum(page, GeneratedChecksumParts.Dates),
                "lists" => () => Sum(page, GeneratedChecksumParts.Watchlists),
                "write" => () => write.WriteGenerated(),
                _ => throw new ArgumentException("case: read, three, all, strings, numbers, dates, lists or write"),
            };
            // A fixed count, so `perf stat -e instructions` of two counts gives instructions per operation
            // independent of the machine's load.
            long sink = 0;
            int count = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
            for (int i = 0; i < count; i++)
            {
                sink += action();
            }

            Console.WriteLine(sink);
            return;
        }

        var cases = new List<(string Key, string Name, Func<long> Action)>
        {
            ("floor", "floor: Utf8JsonReader token pass", () => read.FloorTokenPass()),
            ("read", "page read only (rows indexed/sliced)", () => CbSearchPageReader.Read<BenchProcess>(page).Values.Count),
            ("three", "page read + 3 fields", () => read.ThreeFieldsGenerated()),
            ("all", "page read + all fields", () => read.AllFieldsGenerated()),
            ("strings", "page read + 18 strings", () => Sum(page, GeneratedChecksumParts.Strings)),
            ("numbers", "page read + 17 numbers/booleans", () => Sum(page, GeneratedChecksumParts.Numbers)),
            ("dates", "page read + 7 timestamps", () => Sum(page, GeneratedChecksumParts.Dates)),
            ("lists", "page read + watchlists (20 nested rows)", () => Sum(page, GeneratedChecksumParts.Watchlists)),
            ("stj-all", "STJ reflection, all fields", () => read.AllFieldsStjReflection()),
            ("stj-sg-all", "STJ source-gen, all fields", () => read.AllFieldsStjSourceGenerated()),
            ("stj-three", "STJ reflection, 3 fields", () => read.ThreeFieldsStjReflection()),
            ("stj-poco", "STJ source-gen, 3-field POCO", () => read.ThreeFieldsStjThreeFieldPoco()),
            ("put-stj", "PUT body: STJ reflection", () => write.WriteStjReflection()),
            ("put-stj-sg", "PUT body: STJ source-gen", () => write.WriteStjSourceGenerated()),
            ("put", "PUT body: generated", () => write.WriteGenerated()),
            ("quote-hand", "page's quotes/backslashes: hand-written", () => search.QuoteHandWritten()),
            ("quote-any", "page's quotes/backslashes: IndexOfAny", () => search.QuoteIndexOfAny()),
            ("quote-sv", "page's quotes/backslashes: SearchValues", () => search.QuoteSearchValues()),
            ("stop-hand", "page's string stops: hand-written", () => search.StopHandWritten()),
            ("stop-sv", "page's string stops: SearchValues", () => search.StopSearchValues()),
        };
        int rounds = args.Length >= 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7;
        if (args.Length >= 3)
        {
            // A comma-separated list of case keys (the floor always runs first: every ratio is to it).
            string[] keys = ["floor", .. args[2].Split(',')];
            cases = [.. cases.Where(c => keys.Contains(c.Key))];
        }

        Measure([.. cases.Select(c => (c.Name, c.Action))], rounds);
        write.Cleanup();
    }

    private static long Sum(byte[] page, Func<BenchProcess, long> part)
    {
        long sum = 0;
        foreach (BenchProcess row in CbSearchPageReader.Read<BenchProcess>(page).Values)
        {
            sum += part(row);
        }

        return sum;
    }

    // Thread CPU time per operation. The cases run interleaved, round after round (each case ~0.15 s a round), so a
    // change in the machine's load touches every case alike; a case's figure is its best round, and the ratio to the
    // floor is the median over rounds of the ratio within one round (the two measured seconds apart).
    private static void Measure(List<(string Name, Func<long> Action)> cases, int rounds)
    {
        long sink = 0;
        var perRound = new int[cases.Count];
        var bytes = new long[cases.Count];
        var times = new double[cases.Count, rounds];
        for (int c = 0; c < cases.Count; c++)
        {
            // Warm-up (tiering up to optimised code) and calibration: as many operations as take ~0.15 s.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            int count = 0;
            while (clock.ElapsedMilliseconds < 150)
            {
                sink += cases[c].Action();
                count++;
            }

            perRound[c] = count;
        }

        for (int r = 0; r < rounds; r++)
        {
            for (int c = 0; c < cases.Count; c++)
            {
                Func<long> action = cases[c].Action;
                long before = GC.GetAllocatedBytesForCurrentThread();
                TimeSpan cpu = ThreadCpuTime.Now();
                for (int i = 0; i < perRound[c]; i++)
                {
                    sink += action();
                }

                times[c, r] = (ThreadCpuTime.Now() - cpu).TotalMicroseconds / perRound[c];
                bytes[c] = (GC.GetAllocatedBytesForCurrentThread() - before) / perRound[c];
            }
        }

        Console.WriteLine($"{"case",-40} {"best",9} {"median",9}  {"÷ floor",8} {"allocated",10}   ({rounds} rounds, thread CPU µs/op)");
        for (int c = 0; c < cases.Count; c++)
        {
            var own = new double[rounds];
            var ratio = new double[rounds];
            for (int r = 0; r < rounds; r++)
            {
                own[r] = times[c, r];
                ratio[r] = times[c, r] / times[0, r];
            }

            Console.WriteLine($"{cases[c].Name,-40} {own.Min(),9:F2} {Median(own),9:F2}  {Median(ratio),7:F3}× {bytes[c],10:N0} B");
        }

        Console.WriteLine($"(sink {sink % 10})");
    }

    private static double Median(double[] values)
    {
        double[] sorted = [.. values];
        Array.Sort(sorted);
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
