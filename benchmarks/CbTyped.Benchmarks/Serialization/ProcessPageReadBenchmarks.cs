using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CbTyped.Benchmarks.Serialization.Models;
using CbTyped.Modeling.Json;

namespace CbTyped.Benchmarks.Serialization;

/// <summary>
/// Reading a 100-row process search page (~43 fields per row, ~150 KB): the generated reader against System.Text.Json
/// (reflection and source-generated) on an equivalent POCO, and a bare <see cref="Utf8JsonReader"/> token pass as the
/// floor. "All fields" reads every property of every row; "three fields" reads what a search loop usually reads.
/// </summary>
[MemoryDiagnoser]
public class ProcessPageReadBenchmarks
{
    private static readonly JsonSerializerOptions ReflectionOptions = new() { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

    private byte[] _page = [];

    [GlobalSetup]
    public void Setup()
    {
        _page = BenchmarkData.ProcessSearchPage(100);
        // Sanity: every reader sees the same rows, so the comparison is of equal work.
        if (AllFieldsGenerated() != AllFieldsStjReflection() || AllFieldsGenerated() != AllFieldsStjSourceGenerated())
        {
            throw new InvalidOperationException("The readers disagree about the page.");
        }
    }

    [Benchmark(Description = "Floor: Utf8JsonReader token pass")]
    public int FloorTokenPass()
    {
        var reader = new Utf8JsonReader(_page);
        int tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark(Baseline = true, Description = "All fields: STJ reflection")]
    public long AllFieldsStjReflection()
    {
        StjProcessPage page = JsonSerializer.Deserialize<StjProcessPage>(_page, ReflectionOptions)!;
        long sum = 0;
        foreach (StjProcess row in page.Results!)
        {
            sum += StjChecksum.All(row);
        }

        return sum;
    }

    [Benchmark(Description = "All fields: STJ source-generated")]
    public long AllFieldsStjSourceGenerated()
    {
        StjProcessPage page = JsonSerializer.Deserialize(_page, StjContext.Default.StjProcessPage)!;
        long sum = 0;
        foreach (StjProcess row in page.Results!)
        {
            sum += StjChecksum.All(row);
        }

        return sum;
    }

    [Benchmark(Description = "All fields: CbTyped generated")]
    public long AllFieldsGenerated()
    {
        CbPage<BenchProcess> page = CbSearchPageReader.Read<BenchProcess>(_page);
        long sum = 0;
        foreach (BenchProcess row in page.Values)
        {
            sum += GeneratedChecksum.All(row);
        }

        return sum;
    }

    [Benchmark(Description = "3 fields: STJ reflection")]
    public long ThreeFieldsStjReflection()
    {
        StjProcessPage page = JsonSerializer.Deserialize<StjProcessPage>(_page, ReflectionOptions)!;
        long sum = 0;
        foreach (StjProcess row in page.Results!)
        {
            sum += row.ProcessName!.Length + row.Hostname!.Length + row.Start!.Value.Minute;
        }

        return sum;
    }

    [Benchmark(Description = "3 fields: STJ source-generated")]
    public long ThreeFieldsStjSourceGenerated()
    {
        StjProcessPage page = JsonSerializer.Deserialize(_page, StjContext.Default.StjProcessPage)!;
        long sum = 0;
        foreach (StjProcess row in page.Results!)
        {
            sum += row.ProcessName!.Length + row.Hostname!.Length + row.Start!.Value.Minute;
        }

        return sum;
    }

    [Benchmark(Description = "3 fields: STJ source-gen, 3-field POCO")]
    public long ThreeFieldsStjThreeFieldPoco()
    {
        StjProcessThreeFieldsPage page = JsonSerializer.Deserialize(_page, StjContext.Default.StjProcessThreeFieldsPage)!;
        long sum = 0;
        foreach (StjProcessThreeFields row in page.Results!)
        {
            sum += row.ProcessName!.Length + row.Hostname!.Length + row.Start!.Value.Minute;
        }

        return sum;
    }

    [Benchmark(Description = "3 fields: CbTyped generated")]
    public long ThreeFieldsGenerated()
    {
        CbPage<BenchProcess> page = CbSearchPageReader.Read<BenchProcess>(_page);
        long sum = 0;
        foreach (BenchProcess row in page.Values)
        {
            sum += row.ProcessName!.Length + row.Hostname!.Length + row.Start!.Value.Minute;
        }

        return sum;
    }
}
