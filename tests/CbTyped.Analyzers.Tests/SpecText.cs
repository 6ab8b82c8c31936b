using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CbTyped.Analyzers.Tests;

/// <summary>A consumer's spec file, in memory, for the generator to turn into a model.</summary>
internal sealed class SpecText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
