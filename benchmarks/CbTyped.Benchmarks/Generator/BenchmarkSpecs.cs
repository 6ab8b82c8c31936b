using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CbTyped.Benchmarks.Generator;

/// <summary>Benchmark input: the real models/specs copied into numbered namespaces until there are enough files.</summary>
internal static class BenchmarkSpecs
{
    public static ImmutableArray<AdditionalText> Load(int count)
    {
        var folder = FindSpecFolder();
        var specs = Directory.GetFiles(folder, "*.model.yaml").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        if (specs.Count == 0) throw new InvalidOperationException("no specs in " + folder);
        var texts = ImmutableArray.CreateBuilder<AdditionalText>(count);
        for (int i = 0; texts.Count < count; i++)
        {
            var spec = specs[i % specs.Count];
            int copy = i / specs.Count;
            // Each copy gets its own namespace, so model names stay unique and joins resolve inside the copy.
            var text = System.Text.RegularExpressions.Regex.Replace(spec, "(?m)^namespace:.*$", "namespace: Bench.Copy" + copy);
            if (!text.Contains("\nnamespace:", StringComparison.Ordinal)) text = "namespace: Bench.Copy" + copy + "\n" + text;
            texts.Add(new Text($"specs/copy{copy}/{i}.model.yaml", text));
        }
        return texts.ToImmutable();
    }

    private static string FindSpecFolder()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CbTyped.sln"))) dir = dir.Parent;
            if (dir is not null) return Path.Combine(dir.FullName, "models", "specs");
        }
        throw new DirectoryNotFoundException("CbTyped.sln not found above " + AppContext.BaseDirectory);
    }

    public sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    public sealed class Options : AnalyzerConfigOptionsProvider
    {
        private static readonly Values Empty = new();

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

        private sealed class Values : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                value = null;
                return false;
            }
        }
    }
}
