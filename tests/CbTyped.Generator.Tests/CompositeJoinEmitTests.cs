using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using CbTyped.Generator.Tests.Harness;
using CbTyped.Modeling;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>
/// A to-one join to a composite key keeps every key part in its model info and, like a single-field join, gets a lazy
/// reference property; checked by running the generated code.
/// </summary>
public class CompositeJoinEmitTests
{
    private const string Thing = "model: Thing\nnamespace: Store\nkey: { fields: [id, seg] }\nroutes:\n  get: GET /thing/{id}/{seg}\nfields: { id: string, seg: long }\n";

    private const string Holder = "model: Holder\nnamespace: Store\nkey: { fields: [id] }\nroutes:\n  get: GET /holder/{id}\n"
        + "fields: { id: int, thing_id: string, thing_seg: long }\njoins:\n  thing: { kind: toOne, model: Thing, via: [thing_id, thing_seg] }\n";

    private static Assembly Compile()
    {
        var run = GeneratorHarness.Run([("/s/Thing.model.yaml", Thing), ("/s/Holder.model.yaml", Holder)]);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        using var image = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return Assembly.Load(image.ToArray());
    }

    private static CbModel Load(Assembly assembly, string json, ICbModelSession? client)
    {
        var holder = (CbModel)Activator.CreateInstance(assembly.GetType("Store.Holder", throwOnError: true)!)!;
        holder.LoadJson(Encoding.UTF8.GetBytes(json));
        holder.Client = client;
        return holder;
    }

    [Fact]
    public void The_model_info_keeps_every_part_of_a_composite_via()
    {
        var holder = Load(Compile(), "{}", null);

        var join = Assert.Single(holder.ModelDescription.Joins);
        Assert.Equal(["thing_id", "thing_seg"], join.ViaParts);
        Assert.Equal("thing_id", join.Via);
    }

    [Fact]
    public void A_composite_join_gets_a_lazy_reference_keyed_by_all_its_parts()
    {
        var assembly = Compile();
        using var client = new CbResponseClient(new Uri("http://127.0.0.1:9"), "unused"); // a reference sends nothing
        var property = assembly.GetType("Store.Holder", throwOnError: true)!.GetProperty("Thing")!;

        var thing = (CbModel?)property.GetValue(Load(assembly, """{"id":1,"thing_id":"guid-1","thing_seg":3}""", client));
        Assert.NotNull(thing);
        Assert.Equal("guid-1/3", thing!.GetKeyString());
        Assert.False(thing.IsFull);

        Assert.Null(property.GetValue(Load(assembly, """{"id":2,"thing_id":"guid-1"}""", client))); // a part is empty
        Assert.Null(property.GetValue(Load(assembly, """{"id":3,"thing_id":"guid-1","thing_seg":3}""", null))); // no client
    }
}
