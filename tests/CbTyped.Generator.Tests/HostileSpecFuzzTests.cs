using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CbTyped.Generator.Tests.Fuzz;
using CbTyped.Generator.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace CbTyped.Generator.Tests;

/// <summary>
/// Hundreds of hostile mutations of the real specs (models/specs), each run through the generator with the other real
/// specs beside it and bounded in time: no exception, no CBT9999, no hang, and every accepted spec's output compiles
/// warning-free. The seed is fixed (CBTYPED_FUZZ_SEED overrides it) and printed, with each failing case's mutation
/// and text, on failure.
/// </summary>
public class HostileSpecFuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20261202;
    private const int MinimumCases = 500;

    /// <summary>Generous: a case normally takes milliseconds; only a hang (an alias expansion, a loop) reaches it.</summary>
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Hostile_mutations_of_the_real_specs_never_crash_hang_or_emit_code_that_does_not_compile()
    {
        int seed = Seed();
        var specs = RealSpecs();
        var texts = specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToImmutableArray();
        var compilation = GeneratorHarness.CreateCompilation();
        var baseline = GeneratorHarness.CreateDriver(texts).RunGenerators(compilation);
        var baselineResult = baseline.GetRunResult().Results.Single();
        Assert.Null(baselineResult.Exception);
        Assert.Empty(baselineResult.Diagnostics);
        var compiler = new OutputCompiler(baselineResult.GeneratedSources);
        Assert.Empty(compiler.BaselineDiagnostics());

        var random = new Random(seed);
        var cases = specs.SelectMany(s => SpecMutator.Mutate(s.Path, s.Text, new Random(random.Next()))).ToList();
        var failures = new List<string>();
        int accepted = 0, rejected = 0;
        var slowest = new List<(double Seconds, string What)>();
        for (int index = 0; index < cases.Count; index++)
        {
            var mutation = cases[index];
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var old = texts.Single(t => t.Path == mutation.BaseFile);
            var driver = baseline.ReplaceAdditionalText(old, new InMemoryAdditionalText(mutation.Path, mutation.Text));

            var (runFinished, result) = await WithTimeout(() => driver.RunGenerators(compilation).GetRunResult().Results.Single());
            if (!runFinished)
            {
                failures.Add(Describe(seed, index, mutation, "the generator did not finish within " + CaseTimeout.TotalSeconds + " s (hang)"));
                continue;
            }
            if (result!.Exception is not null)
            {
                failures.Add(Describe(seed, index, mutation, "exception " + result.Exception));
                continue;
            }
            var internalErrors = result.Diagnostics.Where(d => d.Id is "CBT9999" or "CS8785").ToList();
            if (internalErrors.Count > 0)
            {
                failures.Add(Describe(seed, index, mutation, string.Join("; ", internalErrors.Select(d => d.ToString()))));
                continue;
            }
            if (result.Diagnostics.Any(d => d.Id.StartsWith("CBT", StringComparison.Ordinal)))
            {
                rejected++;
                continue;
            }

            accepted++;
            var (compileFinished, compileDiagnostics) = await WithTimeout(() => compiler.Check(result.GeneratedSources));
            slowest.Add((clock.Elapsed.TotalSeconds, index + " " + mutation.Description));
            if (!compileFinished)
            {
                failures.Add(Describe(seed, index, mutation, "compiling the output did not finish within " + CaseTimeout.TotalSeconds + " s"));
                continue;
            }
            if (compileDiagnostics!.Count > 0)
            {
                failures.Add(Describe(seed, index, mutation, "accepted, but the output does not compile warning-free: "
                    + string.Join("; ", compileDiagnostics.Take(5).Select(d => d.ToString()))));
            }
        }

        string summary = $"seed {seed}: {cases.Count} mutated specs, {rejected} rejected with a CBT diagnostic, {accepted} accepted "
            + $"({compiler.CompiledOutputs} distinct outputs compiled), {failures.Count} failures";
        output.WriteLine(summary);
        foreach (var (seconds, what) in slowest.OrderByDescending(s => s.Seconds).Take(15)) output.WriteLine($"  {seconds:F2} s  {what}");
        Assert.True(cases.Count >= MinimumCases, summary);
        Assert.True(failures.Count == 0, summary + "\n\n" + string.Join("\n\n", failures.Take(10)));
    }

    /// <summary>Runs <paramref name="work"/> on the thread pool; (false, default) when it does not finish in time.</summary>
    private static async Task<(bool Finished, T? Result)> WithTimeout<T>(Func<T> work)
    {
        var task = Task.Run(work);
        try
        {
            return (true, await task.WaitAsync(CaseTimeout));
        }
        catch (TimeoutException)
        {
            return (false, default);
        }
    }

    /// <summary>CBTYPED_FUZZ_SEED, or the fixed default.</summary>
    private static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("CBTYPED_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed) ? seed : DefaultSeed;

    private static string Describe(int seed, int index, SpecMutation mutation, string problem)
    {
        string text = mutation.Text.Length <= 1500 ? mutation.Text : mutation.Text[..1500] + "… (" + mutation.Text.Length + " chars)";
        return $"case {index} (seed {seed}, CBTYPED_FUZZ_SEED={seed} reproduces it): {mutation.Path}: {mutation.Description}\n  {problem}\n  text:\n{text}";
    }

    /// <summary>The real spec files, found by walking up from the test assembly to the repository's models/specs.</summary>
    private static List<(string Path, string Text)> RealSpecs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string folder = Path.Combine(dir.FullName, "models", "specs");
            if (Directory.Exists(folder))
            {
                return Directory.GetFiles(folder, "*.model.yaml")
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .Select(f => ("models/specs/" + Path.GetFileName(f), File.ReadAllText(f).Replace("\r\n", "\n", StringComparison.Ordinal)))
                    .ToList();
            }
        }
        throw new DirectoryNotFoundException("models/specs not found above " + AppContext.BaseDirectory);
    }
}
