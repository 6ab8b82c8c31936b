using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CbTyped.Generator.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbTyped.Generator.Tests.Fuzz;

/// <summary>
/// Compiles a run's generated sources against one baseline compilation (the unmutated specs' output): only the trees
/// a mutation changed are swapped in and checked, so hundreds of outputs cost far less than hundreds of compilations.
/// Identical outputs are checked once.
/// </summary>
internal sealed class OutputCompiler
{
    private const string ModelInfoSuffix = ".ModelInfo.g.cs";

    private readonly CSharpCompilation _baseline;
    private readonly Dictionary<string, SyntaxTree> _baselineTrees;
    private readonly HashSet<string> _checked = new(StringComparer.Ordinal);

    public OutputCompiler(IEnumerable<GeneratedSourceResult> baselineSources)
    {
        _baselineTrees = baselineSources.ToDictionary(s => s.HintName, s => s.SyntaxTree, StringComparer.Ordinal);
        _baseline = GeneratorHarness.CreateCompilation().AddSyntaxTrees(_baselineTrees.Values);
    }

    /// <summary>Warnings and errors of the whole baseline (the real specs' output must have none).</summary>
    public ImmutableArray<Diagnostic> BaselineDiagnostics() =>
        _baseline.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    /// <summary>How many distinct outputs were compiled.</summary>
    public int CompiledOutputs { get; private set; }

    /// <summary>Warnings and errors in the trees that differ from the baseline; empty when nothing changed.</summary>
    public IReadOnlyList<Diagnostic> Check(ImmutableArray<GeneratedSourceResult> sources)
    {
        var current = sources.ToDictionary(s => s.HintName, s => s, StringComparer.Ordinal);
        var changed = sources.Where(s => !_baselineTrees.TryGetValue(s.HintName, out var old) || !old.GetText().ContentEquals(s.SourceText)).ToList();
        var removed = _baselineTrees.Keys.Where(h => !current.ContainsKey(h)).ToList();
        if (changed.Count == 0 && removed.Count == 0) return [];

        string fingerprint = string.Join("\u0001", removed.Concat(changed.Select(s => s.HintName + "\u0002" + s.SourceText)));
        if (!_checked.Add(fingerprint)) return [];
        CompiledOutputs++;

        var compilation = _baseline
            .RemoveSyntaxTrees(removed.Concat(changed.Select(s => s.HintName)).Where(_baselineTrees.ContainsKey).Select(h => _baselineTrees[h]))
            .AddSyntaxTrees(changed.Select(s => s.SyntaxTree));
        // Each changed tree's diagnostics, bound against the whole compilation, cover what it declares and uses. A
        // removed model (renamed or dropped) can also break the baseline trees that name it: generated code names
        // every other model as global::Namespace.Name, so those are the trees holding that text.
        var removedModels = removed.Where(h => h.EndsWith(ModelInfoSuffix, StringComparison.Ordinal))
            .Select(h => "global::" + h[..^ModelInfoSuffix.Length]).ToList();
        var naming = _baselineTrees.Where(t => !removed.Contains(t.Key) && current.ContainsKey(t.Key) && !changed.Any(c => c.HintName == t.Key))
            .Where(t => removedModels.Any(m => t.Value.GetText().ToString().Contains(m, StringComparison.Ordinal)))
            .Select(t => t.Value);
        return changed.Select(s => s.SyntaxTree).Concat(naming)
            .SelectMany(tree => compilation.GetSemanticModel(tree).GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
    }
}
