using System.Linq;
using CbTyped.Generator.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>Keys in their spec type: which models take which key at compile time, and the composite key struct.</summary>
public class TypedKeyTests
{
    private static readonly (string Path, string Text)[] Specs =
    [
        ("/specs/Widget.model.yaml", "model: Widget\nnamespace: Keys\nkey: { fields: [id] }\nroutes:\n  get: GET /w/{id}\nfields: { id: int, name: string }\n"),
        ("/specs/Counter.model.yaml", "model: Counter\nnamespace: Keys\nkey: { fields: [id] }\nroutes:\n  get: GET /c/{id}\nfields: { id: long }\n"),
        ("/specs/Gadget.model.yaml", "model: Gadget\nnamespace: Keys\nkey: { fields: [md5] }\nroutes:\n  get: GET /g/{md5}\nfields: { md5: string }\n"),
        ("/specs/Part.model.yaml", "model: Part\nnamespace: Keys\nkey: { fields: [box, slot, serial] }\nroutes:\n  get: GET /p/{box}/{slot}/{serial}\nfields: { box: int, slot: long, serial: string }\n"),
    ];

    private static GeneratorRun Compile(string body) =>
        GeneratorHarness.Run(Specs, userCode: "namespace User { using CbTyped; using CbTyped.Modeling; using Keys; public static class Calls { public static async System.Threading.Tasks.Task Go(ICbModelSession cb) { " + body + " } } }");

    [Fact]
    public void Each_key_type_compiles_for_its_own_models()
    {
        var run = Compile("""
            Widget w = await cb.GetAsync<Widget>(1); w = cb.Select<Widget>(2); w = cb.Get<Widget>(3);
            Counter c = await cb.GetAsync<Counter>(1L); c = await cb.GetAsync<Counter>(1); c = cb.Select<Counter>(5);
            Gadget g = await cb.GetAsync<Gadget>("abc");
            Part p = await cb.GetAsync(new PartKey(1, 2, "x")); p = cb.Select(new PartKey(1, 2, "x")); p = cb.Get(new PartKey(1, 2, "x"));
            w = await cb.GetAsync<Widget>("1");
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Contains("Keys.PartKey.g.cs", run.Sources.Keys);
        Assert.DoesNotContain(run.Sources.Keys, k => k.StartsWith("Keys.WidgetKey", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("await cb.GetAsync<Gadget>(1);")]     // a string key is not an int
    [InlineData("await cb.GetAsync<Widget>(1L);")]    // an int key does not take a long
    [InlineData("cb.Select<Part>(1);")]               // a composite key needs its struct
    [InlineData("await cb.GetAsync<Widget>(new PartKey(1, 2, \"x\"));")]
    public void A_key_of_the_wrong_type_does_not_compile(string call)
    {
        var run = Compile(call);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void The_key_struct_joins_its_parts_as_the_key_string()
    {
        var text = GeneratorHarness.Run(Specs).Sources["Keys.PartKey.g.cs"];
        Assert.Contains("public readonly record struct PartKey(int Box, long Slot, string Serial) : global::CbTyped.Modeling.ICbCompositeKey<global::Keys.Part>", text);
        Assert.Contains("Box.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"/\" + Slot.ToString(", text);
    }

    [Fact]
    public void A_model_named_like_another_models_key_struct_is_a_name_clash()
    {
        var run = GeneratorHarness.Run([.. Specs, ("/specs/PartKey.model.yaml", "model: PartKey\nnamespace: Keys\nfields: { id: int }\n")]);
        var clash = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CBT0010");
        Assert.Contains("PartKey", clash.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("Part.model.yaml", clash.Location.GetLineSpan().Path, System.StringComparison.Ordinal);
        Assert.Contains("Keys.PartKey.ModelInfo.g.cs", run.Sources.Keys); // the model PartKey is generated
        Assert.DoesNotContain("Keys.Part.g.cs", run.Sources.Keys);    // the model whose struct clashes is not
    }
}
