using System.Globalization;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CbTyped.Generator.Tests.Harness;

/// <summary>The diagnostics tests' view of one spec run on its own: its only diagnostic, and that diagnostic's message.</summary>
public static class SpecErrors
{
    /// <summary>
    /// Runs <paramref name="spec"/> and returns its only diagnostic (no exception, every diagnostic an error; with
    /// <paramref name="nothingGenerated"/>, no source either).
    /// </summary>
    public static (string Id, string Path, int Line, int Column) OnlyDiagnostic(string path, string spec, bool nothingGenerated = false)
    {
        var run = GeneratorHarness.RunOne(path, spec);
        Assert.Null(run.Exception);
        var diagnostic = Assert.Single(run.DiagnosticPositions);
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        if (nothingGenerated)
            Assert.Empty(run.Sources);
        return diagnostic;
    }

    /// <summary>The message of the only diagnostic <paramref name="spec"/> gets.</summary>
    public static string Message(string path, string spec) =>
        Assert.Single(GeneratorHarness.RunOne(path, spec).GeneratorDiagnostics).GetMessage(CultureInfo.InvariantCulture);
}
