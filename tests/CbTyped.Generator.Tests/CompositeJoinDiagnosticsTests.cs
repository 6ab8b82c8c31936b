using CbTyped.Generator.Tests.Harness;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>To-one joins to a composite key (<c>via: [a, b]</c>) and their <c>when:</c> condition: bad uses point at the spec.</summary>
public class CompositeJoinDiagnosticsTests
{
    private const string Path = "specs/Thing.model.yaml";

    private const string CompositeThing = "model: Thing\nkey: { fields: [id, seg] }\nfields:\n  id: string\n  seg: long\njoins:\n";

    private static (string Id, string Path, int Line, int Column) Single(string spec) => SpecErrors.OnlyDiagnostic(Path, spec);

    [Fact]
    public void A_via_entry_that_is_not_a_field_points_at_the_entry()
    {
        Assert.Equal(("CBT0015", Path, 7, 49), Single(CompositeThing + "  other: { kind: toOne, model: Thing, via: [id, segg] }\n"));
        Assert.Contains("did you mean 'seg'", SpecErrors.Message(Path, CompositeThing + "  other: { kind: toOne, model: Thing, via: [id, segg] }\n"));
    }

    [Fact]
    public void One_via_field_for_a_two_part_key_names_the_key_parts()
    {
        string spec = CompositeThing + "  other: { kind: toOne, model: Thing, via: id }\n";
        Assert.Equal(("CBT0015", Path, 7, 44), Single(spec));
        Assert.Contains("[id, seg]", SpecErrors.Message(Path, spec));
    }

    [Fact]
    public void Three_via_entries_for_a_two_part_key_are_refused()
    {
        Assert.Equal(("CBT0015", Path, 7, 44), Single(CompositeThing + "  other: { kind: toOne, model: Thing, via: [id, seg, id] }\n"));
    }

    [Fact]
    public void The_server_segment_cannot_be_the_first_key_part()
    {
        Assert.Equal(("CBT0006", Path, 7, 45), Single(CompositeThing + "  other: { kind: toOne, model: Thing, via: [server.defaultProcessSegment, id] }\n"));
    }

    [Fact]
    public void A_when_field_that_is_not_a_field_points_at_it()
    {
        string spec = CompositeThing + "  other:\n    kind: toOne\n    model: Thing\n    via: [id, server.defaultProcessSegment]\n    when: { field: kindd, contains: x }\n";
        Assert.Equal(("CBT0015", Path, 11, 20), Single(spec));
    }

    [Fact]
    public void A_when_without_contains_is_refused()
    {
        string spec = CompositeThing + "  other:\n    kind: toOne\n    model: Thing\n    via: [id, seg]\n    when: { field: id }\n";
        Assert.Equal(("CBT0004", Path, 11, 11), Single(spec));
    }

    [Fact]
    public void When_on_a_to_many_join_is_refused()
    {
        string spec = "model: Thing\nfields:\n  id: int\njoins:\n  kids: { kind: toMany, model: Thing, query: \"id:{id}\", when: { field: id, contains: x } }\n";
        Assert.Equal(("CBT0006", Path, 5, 63), Single(spec));
    }
}
