using System.Collections.Immutable;
using System.IO;
using System.Linq;
using CbTyped.Generator.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CbTyped.Generator.Tests.Golden;

/// <summary>
/// Runs the generator over the golden specs the way a build does: the external model is generated and compiled into
/// its own assembly first, and the golden models' compilation references that assembly as metadata.
/// </summary>
internal static class GoldenRun
{
    public static GeneratorRun External() => GeneratorHarness.Run(GoldenSpecs.External(), buildProperties: Properties("CbTyped.Tests.External"));

    public static GeneratorRun Models()
    {
        GeneratorRun external = External();
        using var image = new MemoryStream();
        var emitted = external.OutputCompilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        MetadataReference externalAssembly = MetadataReference.CreateFromImage(image.ToArray());

        var texts = GoldenSpecs.Models()
            .Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text))
            .ToImmutableArray();
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation().AddReferences(externalAssembly);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(texts, Properties("CbTyped.Tests.Golden"));
        return GeneratorHarness.RunDriver(driver, compilation);
    }

    private static System.Collections.Generic.Dictionary<string, string> Properties(string rootNamespace) =>
        new() { ["build_property.RootNamespace"] = rootNamespace };
}
