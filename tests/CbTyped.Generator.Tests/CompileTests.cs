using System.Linq;
using CbTyped.Generator.Tests.Golden;
using CbTyped.Generator.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>The generated code compiles with zero warnings (nullable on), and the generator reports nothing.</summary>
public class CompileTests
{
    [Fact]
    public void Golden_models_compile_without_warnings_against_an_external_assembly()
    {
        var run = GoldenRun.Models();
        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        Assert.Contains("CbTyped.Tests.Golden.Sensor.Joins.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void Shared_test_specs_compile_without_warnings()
    {
        // TestSpecs' Sensor joins to global::Other.Assembly.Thing; give the compilation that type as user code.
        const string thing = """
            namespace Other.Assembly
            {
                public sealed class Thing : global::CbTyped.Modeling.CbModel, global::CbTyped.Modeling.ICbModel<Thing>
                {
                    private uint _slot;
                    public static global::CbTyped.Modeling.CbModelInfo<Thing> ModelInfo { get; } = new(
                        "Thing", new(["id"]), new(), new(global::CbTyped.Modeling.CbQueryKind.ClientList),
                        [new("id", "Id", global::CbTyped.Modeling.CbFieldType.String)], [], static _ => null);
                    public static Thing CreateInstance() => new();
                    protected override global::CbTyped.Modeling.CbTypeInfo TypeDescription => ModelInfo;
                    protected override global::System.Span<uint> FieldSlots => global::System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref _slot, 1);
                    protected override int FindField(global::System.ReadOnlySpan<byte> name) => global::System.MemoryExtensions.SequenceEqual(name, "id"u8) ? 0 : -1;
                    protected override void WriteFieldValue(global::System.Text.Json.Utf8JsonWriter writer, int index, global::CbTyped.Modeling.CbWriteMode mode) { }
                    protected override string? GetKeyCore() => null;
                }
            }
            """;
        var run = GeneratorHarness.Run(TestSpecFiles.All(), userCode: thing);
        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
