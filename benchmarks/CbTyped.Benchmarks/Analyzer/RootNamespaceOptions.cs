using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CbTyped.Benchmarks.Analyzer;

/// <summary>The one MSBuild property the generator needs to compile a repository project's specs: its RootNamespace.</summary>
internal sealed class RootNamespaceOptions(string rootNamespace) : AnalyzerConfigOptionsProvider
{
    private static readonly Values Empty = new(null);

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(rootNamespace);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    private sealed class Values(string? rootNamespace) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = key == "build_property.RootNamespace" ? rootNamespace : null;
            return value is not null;
        }
    }
}
